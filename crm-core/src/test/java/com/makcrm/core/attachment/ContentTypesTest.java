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

class ContentTypesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "application/pdf|application/pdf",
                "Image/PNG|image/png",
                "  text/csv  |text/csv",
                "text/plain; charset=UTF-8|text/plain; charset=UTF-8",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        + "|application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "multipart/mixed; boundary=\"a b\"|multipart/mixed; boundary=\"a b\"",
                "application/ld+json|application/ld+json"
            })
    void acceptsMediaTypesAndLowercasesTheirNames(String raw, String expected) {
        assertThat(ContentTypes.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void defaultsToOctetStream() {
        assertThat(ContentTypes.normalize(null)).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.normalize("  ")).isEqualTo("application/octet-stream");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pdf",
                "application/",
                "/pdf",
                "*/*",
                "text/plain;",
                "text/plain; charset",
                "text/html\r\nX-Injected: 1",
                "text/plain/extra",
                "text /plain"
            })
    void rejectsAnythingButTypeSlashSubtype(String raw) {
        assertThatThrownBy(() -> ContentTypes.normalize(raw)).isInstanceOfSatisfying(CrmException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("contentType");
        });
    }

    @Test
    void rejectsOverlongTypes() {
        assertThatThrownBy(() -> ContentTypes.normalize("application/" + "x".repeat(250)))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("at most 255");
    }
}
