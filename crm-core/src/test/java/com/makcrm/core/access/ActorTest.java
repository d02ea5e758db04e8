package com.makcrm.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Messages;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final Messages MESSAGES = Messages.fromClasspath();

    @Test
    void aTooLowRoleIsForbiddenInEnglishAndRussian() {
        Actor member = Actor.user(UUID.randomUUID(), UUID.randomUUID(), Role.MEMBER);

        CrmException e = catchThrowableOfType(
                CrmException.class, () -> member.require(Role.ADMIN, Actor.Action.CREATE_API_KEYS));

        assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN);
        assertThat(e.getMessage()).isEqualTo("only ADMIN or higher may create API keys (your role: MEMBER)");
        assertThat(MESSAGES.describe(e, Messages.RUSSIAN))
                .isEqualTo("создавать API-ключи можно только с ролью ADMIN или выше (ваша роль: MEMBER)");
    }

    @Test
    void anOwnerOnlyActionSaysNoOrHigher() {
        Actor admin = Actor.user(UUID.randomUUID(), UUID.randomUUID(), Role.ADMIN);

        CrmException e =
                catchThrowableOfType(CrmException.class, () -> admin.require(Role.OWNER, Actor.Action.REMOVE_OWNER));

        assertThat(e.getMessage()).isEqualTo("only OWNER may remove an OWNER (your role: ADMIN)");
        assertThat(MESSAGES.describe(e, Messages.RUSSIAN))
                .isEqualTo("удалять владельца (OWNER) можно только с ролью OWNER (ваша роль: ADMIN)");
    }

    @Test
    void everyActionHasItsOwnEnglishPhrase() {
        Actor reader = Actor.user(UUID.randomUUID(), UUID.randomUUID(), Role.READ_ONLY);
        for (Actor.Action action : Actor.Action.values()) {
            CrmException e = catchThrowableOfType(CrmException.class, () -> reader.require(Role.ADMIN, action));
            assertThat(e.getMessage()).doesNotContain("do this");
            assertThat(MESSAGES.describe(e, Messages.RUSSIAN)).doesNotContain("делать это");
        }
    }

    @Test
    void aLockedLoginSaysHowLongInEnglishAndRussian() {
        TooManyAttemptsException e = new TooManyAttemptsException(Duration.ofMinutes(60));

        assertThat(e.getMessage()).isEqualTo("too many failed login attempts; try again in 3600 seconds");
        assertThat(MESSAGES.describe(e, Messages.RUSSIAN))
                .isEqualTo("слишком много неудачных попыток входа; повторите через 3\u00a0600 секунд");
        assertThat(MESSAGES.describe(new TooManyAttemptsException(Duration.ofSeconds(1)), Messages.RUSSIAN))
                .endsWith("через 1 секунду");
    }
}
