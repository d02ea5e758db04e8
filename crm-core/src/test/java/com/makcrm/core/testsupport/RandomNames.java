package com.makcrm.core.testsupport;

import java.security.SecureRandom;

/** Random names for databases, key prefixes and buckets, unique across parallel and repeated runs. */
final class RandomNames {

    // SecureRandom, not a per-JVM seeded generator: several test JVMs share one server
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomNames() {}

    /** Lowercase ASCII letters only: valid in SQL identifiers, Redis globs and bucket names alike. */
    static String lowercase(int length) {
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }
}
