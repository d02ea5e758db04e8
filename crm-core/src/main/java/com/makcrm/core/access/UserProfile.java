package com.makcrm.core.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in user's own account settings, seen from the tenant they are signed in to: their name, the language
 * they read messages and notifications in ({@code locale}, a BCP 47 tag, null for "not set"), and their role there.
 */
public record UserProfile(
        UUID id, String email, String displayName, String locale, TenantRef tenant, Role role, Instant updatedAt) {}
