package com.makcrm.core.i18n.po;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoParserErrorsTest {

    private static final String HEADER = "msgid \"\"\nmsgstr \"Language: ru\\n\"\n\n";

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            msgid "a"\\nmsgstr "b                              | 5  | unterminated string
            msgid "a"\\nmsgstr "b\\q"                          | 5  | unknown escape \\q
            msgid "a" x\\nmsgstr "b"                           | 4  | unexpected text after the closing quote
            msgid "a"\\nmsgfoo "b"                             | 5  | unknown keyword 'msgfoo'
            "orphan"\\nmsgid "a"\\nmsgstr "b"                  | 4  | string continuation without a keyword before it
            msgid "a"                                          | 4  | entry "a" has no msgstr
            msgstr "b"                                         | 4  | msgstr without msgid
            msgid "a"\\nmsgstr[0] "b"                          | 5  | msgstr[0] without msgid_plural
            msgid "a"\\nmsgid_plural "as"\\nmsgstr "b"         | 6  | a plural entry needs msgstr[n]
            msgid "a"\\nmsgid_plural "as"\\nmsgstr[1] "b"      | 6  | msgstr[1] out of order: expected msgstr[0]
            msgid "a"\\n#. late\\nmsgstr "b"                   | 5  | comment inside an entry (comments go before msgctxt/msgid)
            msgid "a"\\nmsgstr "b"\\n\\nmsgid "a"\\nmsgstr "c" | 7  | duplicate msgid "a"
            msgid "a"\\n#~ msgstr "b"                          | 5  | an entry mixes obsolete (#~) and active lines
            msgid a\\nmsgstr "b"                               | 4  | expected a quoted string after msgid
            #. dangling comment                                | 4  | comment without an entry after it
            """)
    void namesTheFileAndLineOfTheError(String body, int line, String message) {
        String text = HEADER + body.replace("\\n", "\n") + "\n";

        assertThatThrownBy(() -> PoParser.parse("messages.po", text))
                .isInstanceOf(CrmException.class)
                .hasMessage("messages.po:" + line + ": " + message)
                .extracting(e -> ((CrmException) e).category())
                .isEqualTo(ErrorCategory.INVALID);
    }

    @Test
    void rejectsACatalogThatIsNotUtf8() {
        byte[] latin1 = {'m', 's', 'g', 'i', 'd', ' ', '"', (byte) 0xE9, '"', '\n'};

        assertThatThrownBy(() -> PoParser.parse("messages.po", latin1))
                .isInstanceOf(CrmException.class)
                .hasMessage("messages.po: not valid UTF-8 (PO catalogs must be UTF-8)");
    }
}
