package com.makcrm.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "C:\\x\\a.pdf|a.pdf",
                "/home/me/report 2024.xlsx|report 2024.xlsx",
                "..\\..\\etc\\passwd|passwd",
                "  spaced.txt  |spaced.txt",
                "Договор №5.docx|Договор №5.docx",
                "plain|plain"
            })
    void keepsOnlyTheLastSegmentOfAnUploadedPath(String raw, String expected) {
        assertThat(FileNames.fromUpload(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "dir/", "C:\\x\\", ".", "..", "a/.."})
    void rejectsUploadsWithoutAUsableName(String raw) {
        assertInvalidName(() -> FileNames.fromUpload(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "tab\there", "line\nbreak", "bell\u0007", "del\u007f", "invoice\u202Efdp.exe"})
    void rejectsControlCharactersAndBidiOverrides(String raw) {
        assertThatThrownBy(() -> FileNames.fromUpload(raw))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID))
                .hasMessageContaining("U+");
    }

    @Test
    void rejectsLoneSurrogates() {
        assertInvalidName(() -> FileNames.fromUpload("broken\uD800.txt"));
    }

    @Test
    void acceptsTwoHundredFiftyFiveCharactersCountingCodePoints() {
        String emoji = "\uD83D\uDCC4"; // one character, two UTF-16 units
        String longest = emoji.repeat(251) + ".pdf";

        assertThat(FileNames.fromUpload(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> FileNames.fromUpload("x" + longest))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("at most 255 characters, got 256");
    }

    @Test
    void renamingRefusesPathsInsteadOfStrippingThem() {
        assertThat(FileNames.require("final.pdf")).isEqualTo("final.pdf");
        assertThatThrownBy(() -> FileNames.require("dir/final.pdf"))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("path separator");
        assertThatThrownBy(() -> FileNames.require("dir\\final.pdf"))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("path separator");
    }

    @Test
    void requiresAName() {
        assertInvalidName(() -> FileNames.fromUpload(null));
        assertInvalidName(() -> FileNames.require(null));
    }

    private static void assertInvalidName(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("name");
        });
    }
}
