package com.makcrm.core.pipeline;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Hibernate asks this for the tenant of every session it opens: the schema bound by the current service call. */
final class ScopedTenantResolver implements CurrentTenantIdentifierResolver<String> {

    private final TenantBinding binding;

    ScopedTenantResolver(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public String resolveCurrentTenantIdentifier() {
        return binding.current();
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
