package com.makcrm.core.access;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a member or API key may do in its tenant. Each role includes everything below it: READ_ONLY reads, MEMBER
 * also writes records, ADMIN also manages members, API keys and metadata, OWNER also tenant settings and owners.
 */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER,
    READ_ONLY;

    /** Whether this role may do what {@code required} may (declaration order is the hierarchy). */
    public boolean includes(Role required) {
        return ordinal() <= required.ordinal();
    }

    /** Parses a role name as a client sent it; INVALID naming {@code field} and the allowed values otherwise. */
    public static Role parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw CrmException.invalid(AccessMessages.ROLE_MISSING, Map.of("field", field, "roles", names()));
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid(
                    AccessMessages.ROLE_UNKNOWN, Map.of("field", field, "value", raw, "roles", names()));
        }
    }

    static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
