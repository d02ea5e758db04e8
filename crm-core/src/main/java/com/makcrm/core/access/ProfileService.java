package com.makcrm.core.access;

import com.makcrm.core.access.UserStore.ProfileRow;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.AccessMessages;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.i18n.ValidationMessages;
import com.makcrm.core.value.Coerce;
import com.makcrm.core.value.FieldErrors;
import com.makcrm.core.value.Values;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A user's own settings: display name and preferred language. The language decides what the user reads when no
 * request says otherwise: notifications, and API errors sent without {@code Accept-Language}. Only users have a
 * profile; API keys do not.
 */
public final class ProfileService {

    /** The fields a profile update may name, as the API spells them. */
    public static final List<String> FIELDS = List.of("displayName", "locale");

    static final int MAX_DISPLAY_NAME = 200;

    private final Jdbc jdbc;
    private final Messages messages;

    ProfileService(Jdbc jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The actor's own profile in the tenant they act in. */
    public UserProfile get(Actor actor) {
        UUID user = requireUser(actor);
        return jdbc.read("reading the profile", c -> read(c, actor, user));
    }

    /**
     * Applies a JSON merge patch ({@code displayName}, {@code locale}): a field left out stays, a null clears it.
     * INVALID, naming every bad field, for unknown fields, a name that is too long, or a language we have no
     * catalog for; nothing is written then.
     */
    public UserProfile update(Actor actor, Map<String, ?> patch) {
        UUID user = requireUser(actor);
        FieldErrors errors = new FieldErrors();
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : (patch == null ? Map.<String, Object>of() : patch).entrySet()) {
            String field = e.getKey();
            Object raw = e.getValue();
            switch (field) {
                case "displayName" -> {
                    String name = raw == null
                            ? null
                            : errors.check(
                                    field, () -> Values.text(field, Coerce.string(field, raw), MAX_DISPLAY_NAME));
                    columns.put("display_name", name);
                }
                case "locale" ->
                    columns.put("locale", raw == null ? null : errors.check(field, () -> languageTag(field, raw)));
                default ->
                    errors.add(
                            field,
                            ValidationMessages.UNKNOWN_FIELD,
                            Map.of("field", field, "known", String.join(", ", FIELDS)));
            }
        }
        errors.throwIfAny();
        return jdbc.inTransaction("updating the profile", c -> {
            if (!columns.isEmpty()) {
                UserStore.updateProfile(c, user, columns);
            }
            return read(c, actor, user);
        });
    }

    /**
     * The language {@code userId} chose, as one the catalogs have (e.g. ru-RU for a saved ru-RU, which formats
     * with Russian texts and Russian number and date rules); empty when they chose none or the user is unknown.
     * Notifications to a user are formatted in this locale, English when it is empty.
     */
    public Optional<Locale> preferredLocale(UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return jdbc.read("reading the preferred language", c -> UserStore.profile(c, userId))
                .map(ProfileRow::locale)
                .filter(tag -> messages.match(tag) != null)
                .map(ProfileService::toLocale);
    }

    /** {@code message} as {@code userId} reads it: in their preferred language, English without one. */
    public String format(UUID userId, Message message, Map<String, ?> args) {
        return messages.format(message, preferredLocale(userId).orElse(Locale.ENGLISH), args);
    }

    private UserProfile read(Connection c, Actor actor, UUID user) throws SQLException {
        Session session = MembershipStore.activeSession(c, user, actor.tenantId())
                .orElseThrow(() -> CrmException.notFound(AccessMessages.PROFILE_NOT_MEMBER, Map.of()));
        ProfileRow row = UserStore.profile(c, user)
                .orElseThrow(() -> CrmException.notFound(AccessMessages.PROFILE_ACCOUNT_GONE, Map.of()));
        return new UserProfile(
                user, row.email(), row.displayName(), row.locale(), session.tenant(), session.role(), row.updatedAt());
    }

    /** A well-formed BCP 47 tag of a language we have a catalog for, normalized (ru_ru → ru-RU). */
    private String languageTag(String field, Object raw) {
        String tag = Coerce.string(field, raw).strip().replace('_', '-');
        if (messages.match(tag) == null) {
            throw unsupported(field, raw);
        }
        if (tag.equalsIgnoreCase("pseudo")) {
            return "pseudo";
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw unsupported(field, raw);
        }
    }

    private CrmException unsupported(String field, Object raw) {
        String supported =
                messages.supported().stream().map(Locale::toLanguageTag).collect(Collectors.joining(", "));
        return CrmException.invalid(
                ValidationMessages.UNSUPPORTED_LOCALE,
                Map.of("field", field, "value", String.valueOf(raw), "supported", supported));
    }

    private static Locale toLocale(String tag) {
        return tag.equalsIgnoreCase("pseudo") ? Messages.PSEUDO : Locale.forLanguageTag(tag);
    }

    private static UUID requireUser(Actor actor) {
        if (actor.userId() == null) {
            throw Actor.forbidden(AccessMessages.API_KEY_NO_PROFILE, Map.of());
        }
        return actor.userId();
    }
}
