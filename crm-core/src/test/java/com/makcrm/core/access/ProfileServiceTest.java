package com.makcrm.core.access;

import static com.makcrm.core.access.AccessFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.core.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProfileServiceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static AccessFixture fx;
    private static ProfileService profiles;

    @BeforeAll
    static void setUp() {
        fx = new AccessFixture(db);
        profiles = fx.access.profiles();
    }

    @Test
    void aNewUserHasNoPreferenceAndReadsEnglish() {
        Session user = fx.signup();

        UserProfile profile = profiles.get(actor(user));

        assertThat(profile.email()).isEqualTo(user.email());
        assertThat(profile.locale()).isNull();
        assertThat(profile.tenant()).isEqualTo(user.tenant());
        assertThat(profile.role()).isEqualTo(Role.OWNER);
        assertThat(profiles.preferredLocale(user.userId())).isEmpty();
        assertThat(profiles.format(user.userId(), CoreMessages.RATE_LIMIT_EXCEEDED, Map.of("seconds", 5)))
                .isEqualTo("Too many requests: retry in 5 seconds");
    }

    @Test
    void savedLanguageIsNormalizedKeptAndUsedForTheUsersMessages() {
        Session user = fx.signup();

        UserProfile saved = profiles.update(actor(user), Map.of("locale", "ru_ru", "displayName", "  Анна  "));

        assertThat(saved.locale()).isEqualTo("ru-RU");
        assertThat(saved.displayName()).isEqualTo("Анна");
        assertThat(profiles.get(actor(user)).locale()).isEqualTo("ru-RU");
        assertThat(profiles.preferredLocale(user.userId())).contains(Locale.forLanguageTag("ru-RU"));
        // Russian plural rules: 21 takes "one", 22 "few", 25 "many"
        assertThat(profiles.format(user.userId(), CoreMessages.RATE_LIMIT_EXCEEDED, Map.of("seconds", 21)))
                .endsWith("21 секунду");
        assertThat(profiles.format(user.userId(), CoreMessages.RATE_LIMIT_EXCEEDED, Map.of("seconds", 22)))
                .endsWith("22 секунды");
        assertThat(profiles.format(user.userId(), CoreMessages.RATE_LIMIT_EXCEEDED, Map.of("seconds", 25)))
                .endsWith("25 секунд");
    }

    @Test
    void fieldsLeftOutStayAndNullClears() {
        Session user = fx.signup();
        profiles.update(actor(user), Map.of("locale", "ru", "displayName", "Anna"));

        assertThat(profiles.update(actor(user), Map.of("displayName", "Anna P."))
                        .locale())
                .isEqualTo("ru");
        Map<String, Object> clear = new HashMap<>();
        clear.put("locale", null);
        UserProfile cleared = profiles.update(actor(user), clear);

        assertThat(cleared.locale()).isNull();
        assertThat(cleared.displayName()).isEqualTo("Anna P.");
        assertThat(profiles.preferredLocale(user.userId())).isEmpty();
    }

    @Test
    void badInputNamesEveryFieldAndChangesNothing() {
        Session user = fx.signup();
        profiles.update(actor(user), Map.of("locale", "ru", "displayName", "Anna"));
        Map<String, Object> patch = new HashMap<>();
        patch.put("locale", "klingon");
        patch.put("displayName", "x".repeat(201));
        patch.put("timezone", "Europe/Moscow");

        assertThatThrownBy(() -> profiles.update(actor(user), patch)).isInstanceOfSatisfying(CrmException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
            assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("locale", "displayName", "timezone");
            assertThat(e.fieldErrors())
                    .extracting(FieldError::localized)
                    .containsExactlyInAnyOrder(
                            ValidationMessages.UNSUPPORTED_LOCALE,
                            ValidationMessages.TOO_LONG,
                            ValidationMessages.UNKNOWN_FIELD);
            assertThat(e.getMessage())
                    .contains("locale: 'klingon' is not a supported language; one of en, ru")
                    .contains("displayName: at most 200 characters, got 201")
                    .contains("timezone: is not a field of this request; known: displayName, locale");
            assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                    .contains("locale: язык «klingon» не поддерживается")
                    .contains("displayName: не более 200 символов, получено 201");
        });
        UserProfile unchanged = profiles.get(actor(user));
        assertThat(unchanged.locale()).isEqualTo("ru");
        assertThat(unchanged.displayName()).isEqualTo("Anna");
    }

    @Test
    void aWrongKindOfValueIsInvalidNotACrash() {
        Session user = fx.signup();
        assertThatThrownBy(() -> profiles.update(actor(user), Map.of("locale", 42)))
                .isInstanceOfSatisfying(
                        CrmException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("locale: expected a string, got 42"));
        assertThatThrownBy(() -> profiles.update(actor(user), Map.of("locale", "ru-")))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID));
    }

    @Test
    void apiKeysHaveNoProfile() {
        Session user = fx.signup();
        Actor key = Actor.apiKey(user.tenant().id(), UUID.randomUUID(), Role.ADMIN);

        assertThatThrownBy(() -> profiles.get(key))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN));
        assertThatThrownBy(() -> profiles.update(key, Map.of("locale", "ru")))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.FORBIDDEN));
    }

    @Test
    void theProfileIsSeenFromTheTenantTheUserActsIn() {
        Session owner = fx.signup();
        Session other = fx.signup();
        fx.access.members().add(actor(owner), other.email(), "READ_ONLY");
        Actor inOwnersTenant = Actor.user(owner.tenant().id(), other.userId(), Role.READ_ONLY);

        UserProfile profile = profiles.update(inOwnersTenant, Map.of("locale", "ru"));

        assertThat(profile.tenant().id()).isEqualTo(owner.tenant().id());
        assertThat(profile.role()).isEqualTo(Role.READ_ONLY);
        // one preference per person, whichever tenant they set it in
        assertThat(profiles.get(actor(other)).locale()).isEqualTo("ru");
        assertThat(profiles.preferredLocale(UUID.randomUUID())).isEmpty();
    }
}
