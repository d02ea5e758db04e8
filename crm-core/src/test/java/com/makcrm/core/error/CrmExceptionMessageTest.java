package com.makcrm.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.i18n.Messages;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmExceptionMessageTest {

    @Test
    void carriesATranslatableMessageBesideTheEnglishOne() {
        CrmException e = CrmException.notFound("tenant 'acme' not found")
                .withMessage(CoreMessages.TENANT_NOT_FOUND, Map.of("slug", "acme"));

        assertThat(e.getMessage()).isEqualTo("tenant 'acme' not found");
        assertThat(e.message()).isEqualTo(CoreMessages.TENANT_NOT_FOUND);
        assertThat(e.messageArgs()).containsExactly(Map.entry("slug", "acme"));
        Messages messages = Messages.fromClasspath();
        assertThat(messages.format(e.message(), Locale.ENGLISH, e.messageArgs()))
                .isEqualTo(e.getMessage());
        assertThat(messages.format(e.message(), Locale.forLanguageTag("ru"), e.messageArgs()))
                .isEqualTo("тенант «acme» не найден");
    }

    @Test
    void hasNoTranslatableMessageByDefault() {
        CrmException e = CrmException.conflict("busy");

        assertThat(e.message()).isNull();
        assertThat(e.messageArgs()).isEmpty();
    }
}
