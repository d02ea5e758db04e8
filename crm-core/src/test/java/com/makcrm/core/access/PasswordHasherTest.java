package com.makcrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Params.DEFAULT);

    @Test
    void hashesVerifyAndAreSaltedPerCall() {
        String a = hasher.hash("correct horse battery");
        String b = hasher.hash("correct horse battery");

        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(hasher.verify("correct horse battery", a)).isTrue();
        assertThat(hasher.verify("correct horse batterY", a)).isFalse();
        assertThat(hasher.verify("correct horse battery", "$2a$10$notours")).isFalse();
        assertThat(hasher.verify("correct horse battery", null)).isFalse();
    }

    @Test
    void unicodeFormsOfOnePasswordMatch() {
        String composed = "pässwörd-long"; // ä as one code point
        String decomposed = "pa\u0308sswo\u0308rd-long"; // a + combining diaeresis
        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void hashesWithOtherParametersStillVerifyAndAskForARehash() {
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Params(1024, 1, 1));
        String old = cheap.hash("correct horse battery");

        assertThat(hasher.verify("correct horse battery", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("x"))).isFalse();
    }
}
