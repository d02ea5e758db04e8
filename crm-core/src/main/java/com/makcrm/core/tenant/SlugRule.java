package com.makcrm.core.tenant;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a tenant slug may be: it appears in URLs, hostnames and commands, so it is short, lowercase and plain. */
final class SlugRule {

    static final String RULE =
            "3-40 characters: lowercase letters, digits and '-', starting with a letter" + " and not ending with '-'";
    private static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9-]{1,38}[a-z0-9]$");
    private static final Set<String> RESERVED = Set.of(
            "public",
            "crm_control",
            "crm-control",
            "admin",
            "api",
            "www",
            "app",
            "auth",
            "login",
            "signup",
            "static",
            "assets",
            "docs",
            "help",
            "status",
            "mail",
            "system",
            "root",
            "postgres",
            "default",
            "metrics",
            "health",
            "actuator",
            "internal",
            "support",
            "billing");

    private SlugRule() {}

    static String check(String slug) {
        if (slug == null || slug.isBlank()) {
            throw CrmException.invalid(AccessMessages.SLUG_REQUIRED, Map.of());
        }
        if (!PATTERN.matcher(slug).matches()) {
            throw CrmException.invalid(AccessMessages.SLUG_INVALID, Map.of("slug", slug));
        }
        if (RESERVED.contains(slug)) {
            throw CrmException.invalid(AccessMessages.SLUG_RESERVED, Map.of("slug", slug));
        }
        return slug;
    }

    static String checkDisplayName(String name) {
        if (name.isBlank() || name.length() > 200) {
            throw CrmException.invalid(AccessMessages.NAME_LENGTH, Map.of("length", String.valueOf(name.length())));
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw CrmException.invalid(AccessMessages.NAME_CONTROL_CHARACTERS, Map.of());
        }
        return name.strip();
    }
}
