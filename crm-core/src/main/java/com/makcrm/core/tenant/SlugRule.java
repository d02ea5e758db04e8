package com.makcrm.core.tenant;

import com.makcrm.core.error.CrmException;
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
            throw CrmException.invalid("tenant slug is required (" + RULE + ")");
        }
        if (!PATTERN.matcher(slug).matches()) {
            throw CrmException.invalid("invalid tenant slug '" + slug + "': must be " + RULE);
        }
        if (RESERVED.contains(slug)) {
            throw CrmException.invalid("tenant slug '" + slug + "' is reserved; choose another (" + RULE + ")");
        }
        return slug;
    }

    static String checkDisplayName(String name) {
        if (name.isBlank() || name.length() > 200) {
            throw CrmException.invalid("tenant name must be 1-200 characters, got " + name.length());
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw CrmException.invalid("tenant name must not contain control characters");
        }
        return name.strip();
    }
}
