package com.makcrm.server;

import java.util.Map;

/** A tenant made for a test: its slug and a bearer credential per role (OWNER, ADMIN, MEMBER, READ_ONLY). */
public record TestTenant(String slug, Map<String, String> tokens) {

    public String owner() {
        return tokens.get("OWNER");
    }

    public String member() {
        return tokens.get("MEMBER");
    }

    public String readOnly() {
        return tokens.get("READ_ONLY");
    }

    public String token(String role) {
        String token = tokens.get(role);
        if (token == null) {
            throw new IllegalArgumentException("no credential for role " + role);
        }
        return token;
    }
}
