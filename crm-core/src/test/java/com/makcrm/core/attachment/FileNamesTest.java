package com.makcrm.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Messages;
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

    @Test
    void nameErrorsReadInRussian() {
        Messages messages = Messages.fromClasspath();
        CrmException e = catchThrowableOfType(CrmException.class, () -> FileNames.fromUpload("invoice\u202Efdp.exe"));

        assertThat(e.getMessage())
                .isEqualTo("name: file name must not contain a bidirectional text control (U+202E at character 8)");
        assertThat(messages.describe(e, Messages.RUSSIAN))
                .isEqualTo(
                        "name: имя файла не должно содержать символ управления направлением текста (U+202E в позиции 8)");
        CrmException dots = catchThrowableOfType(CrmException.class, () -> FileNames.require(".."));
        assertThat(dots.getMessage()).isEqualTo("name: file name must not be '..'");
        assertThat(messages.describe(dots, Messages.RUSSIAN)).isEqualTo("name: имя файла не может быть «..»");
    }

    @Test
    void contentTypeErrorsReadInRussian() {
        CrmException e = catchThrowableOfType(CrmException.class, () -> ContentTypes.normalize("pdf"));

        assertThat(e.getMessage())
                .isEqualTo("contentType: content type 'pdf' is not of the form type/subtype (optionally followed by ;"
                        + " name=value parameters), e.g. application/pdf");
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo("contentType: тип содержимого «pdf» не имеет вида тип/подтип (за которым могут идти"
                        + " параметры ; имя=значение), например application/pdf");
    }

    private static void assertInvalidName(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("name");
        });
    }
}
