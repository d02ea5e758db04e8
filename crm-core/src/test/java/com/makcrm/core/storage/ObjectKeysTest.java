package com.makcrm.core.storage;

import static com.makcrm.core.storage.ObjectStorageContract.assertCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.ErrorCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "tenants/0190a7c4-0000-7000-8000-000000000000/attachments/x.pdf",
                "..hidden/file..",
                ".profile",
                "name with spaces/и юникод/😀.txt",
                "a-b_c.d~e+f=g@h"
            })
    void acceptsKeysOfOrdinarySegments(String key) {
        assertThat(ObjectKeys.requireValid(key)).isEqualTo(key);
    }

    @Test
    void acceptsAKeyOfExactly1024Bytes() {
        String key = "k/" + "x".repeat(1022);

        assertThat(ObjectKeys.requireValid(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/", "a/..", "a/.", "/a", "a//b", "a\\b", "a\u0085b", "a\rb"})
    void rejectsKeysAgainstTheRule(String key) {
        assertCategory(() -> ObjectKeys.requireValid(key), ErrorCategory.INVALID);
    }

    @Test
    void rejectsANullKey() {
        assertCategory(() -> ObjectKeys.requireValid(null), ErrorCategory.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a/", "a/b", "a/..", "a/.", "tenants/x/.."})
    void acceptsPrefixesThatMayEndMidSegment(String prefix) {
        assertThat(ObjectKeys.requireValidPrefix(prefix)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "a/../b", "/a", "a//", "./a"})
    void rejectsPrefixesWithDotOrEmptySegments(String prefix) {
        assertCategory(() -> ObjectKeys.requireValidPrefix(prefix), ErrorCategory.INVALID);
    }

    @Test
    void namesTheOffendingCharacterWithoutPrintingIt() {
        assertThatThrownBy(() -> ObjectKeys.requireValid("evil\nlog line"))
                .hasMessageContaining("evil\\u000Alog line")
                .hasMessageContaining("U+000A")
                .hasMessageNotContaining("\n");
    }
}
