package com.makcrm.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash},
 * so the parameters travel with each hash and can be raised later without invalidating stored ones.
 */
public final class PasswordHasher {

    /**
     * Argon2id cost: memory in KiB, passes, lanes.
     *
     * <p>{@link #DEFAULT} is OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
     */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        public static final Params DEFAULT = new Params(19 * 1024, 2, 1);

        public Params {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException(
                        "invalid Argon2 parameters m=" + memoryKiB + ", t=" + iterations + ", p=" + parallelism);
            }
        }
    }

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Params params;
    private volatile String dummy;

    public PasswordHasher(Params params) {
        this.params = params;
    }

    public String hash(String password) {
        byte[] salt = Secrets.randomBytes(SALT_BYTES);
        byte[] hash = derive(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** False for a wrong password and for anything that is not one of our hashes. */
    public boolean verify(String password, String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            return false;
        }
        Params stored =
                new Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        return MessageDigest.isEqual(expected, derive(password, salt, stored, expected.length));
    }

    /**
     * Spends the time of a real verification without a stored hash, so an unknown email answers as slowly as a wrong
     * password and response times do not reveal which accounts exist.
     */
    public void verifyNothing(String password) {
        String d = dummy;
        if (d == null) {
            d = hash("not a password anyone has: " + Secrets.token());
            dummy = d;
        }
        verify(password, d);
    }

    /** Whether a stored hash was made with other parameters than the current ones (rehash on next login). */
    public boolean needsRehash(String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        return m == null
                || !m.matches()
                || Integer.parseInt(m.group(1)) != params.memoryKiB()
                || Integer.parseInt(m.group(2)) != params.iterations()
                || Integer.parseInt(m.group(3)) != params.parallelism();
    }

    private static byte[] derive(String password, byte[] salt, Params p, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(normalized(password), out);
        return out;
    }

    /** NFKC (NIST SP 800-63B): the same password typed on another keyboard or OS gives the same bytes. */
    private static byte[] normalized(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
    }
}
