package com.makcrm.core.access;

import java.util.UUID;

/** A user signed in to one of their tenants with the role they hold there: what an access token asserts. */
public record Session(UUID userId, String email, TenantRef tenant, Role role) {}
