package com.makcrm.server.platform;

import java.util.UUID;

/** Tokens that tell one reservation of a key from any other, on any instance. */
final class Owners {

    private Owners() {}

    static String next() {
        return UUID.randomUUID().toString();
    }
}
