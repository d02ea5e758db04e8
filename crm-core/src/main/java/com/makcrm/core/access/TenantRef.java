package com.makcrm.core.access;

import java.util.UUID;

/** The tenant a credential belongs to, as clients see it. */
public record TenantRef(UUID id, String slug, String name) {}
