package com.makcrm.core.pipeline;

import com.makcrm.core.error.CrmException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The tenant schema the current thread works in, for Hibernate's tenant resolver. Bound only around one service
 * call and always restored afterwards, so a pooled thread (or virtual thread carrier) never carries a tenant
 * into unrelated work.
 */
final class TenantBinding {

    /** Sessions opened outside a service call get this: a connection without any tenant schema on its path. */
    static final String NO_TENANT = "";

    private static final Pattern TENANT_SCHEMA = Pattern.compile("t_[0-9a-f]{32}");

    private final ThreadLocal<String> schema = new ThreadLocal<>();

    static boolean isTenantSchema(String name) {
        return name != null && TENANT_SCHEMA.matcher(name).matches();
    }

    static String requireTenantSchema(String name) {
        if (!isTenantSchema(name)) {
            throw CrmException.internal("not a tenant schema name: " + name, null);
        }
        return name;
    }

    <T> T call(String tenantSchema, Supplier<T> work) {
        requireTenantSchema(tenantSchema);
        String outer = schema.get();
        schema.set(tenantSchema);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                schema.remove();
            } else {
                schema.set(outer);
            }
        }
    }

    String current() {
        String bound = schema.get();
        return bound == null ? NO_TENANT : bound;
    }
}
