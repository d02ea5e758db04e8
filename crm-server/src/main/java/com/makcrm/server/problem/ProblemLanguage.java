package com.makcrm.server.problem;

import com.makcrm.core.access.AccessServices;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.Messages;
import com.makcrm.server.auth.CrmPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Problem details in the client's language: the {@code Accept-Language} header picks one of the catalogs' locales
 * (English when it names none of them, or is not a valid header); without the header, a signed-in user's saved
 * preference ({@code PATCH /api/v1/me}) does. Only human text is translated: {@code type},
 * field names and {@code errors[].field} stay as they are, for programs.
 */
@Component
public final class ProblemLanguage {

    private static final String CHOSEN = ProblemLanguage.class.getName() + ".locale";

    private final Messages messages;
    private final ObjectProvider<AccessServices> access;

    /** Languages from {@code Accept-Language} only. */
    public ProblemLanguage(Messages messages) {
        this(messages, null);
    }

    /** Languages from {@code Accept-Language}, else the signed-in user's saved preference. */
    @Autowired
    public ProblemLanguage(Messages messages, ObjectProvider<AccessServices> access) {
        this.messages = messages;
        this.access = access;
    }

    /**
     * The locale to answer this request in: the best match of {@code Accept-Language}; without that header, the
     * language the signed-in user saved in their profile; else English. Chosen once per request.
     */
    public Locale of(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        Locale locale = header == null || header.isBlank() ? preferred() : negotiate(header);
        request.setAttribute(CHOSEN, locale);
        return locale;
    }

    private Locale preferred() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        AccessServices services = access == null ? null : access.getIfAvailable();
        if (services == null || auth == null || !(auth.getPrincipal() instanceof CrmPrincipal principal)) {
            return Locale.ENGLISH;
        }
        try {
            return services.profiles().preferredLocale(principal.userId()).orElse(Locale.ENGLISH);
        } catch (RuntimeException e) {
            return Locale.ENGLISH; // the database being away is no reason to fail an error answer
        }
    }

    Locale negotiate(String acceptLanguage) {
        try {
            return messages.negotiate(acceptLanguage);
        } catch (RuntimeException e) {
            return Locale.ENGLISH; // a header the client got wrong is no reason to fail the answer
        }
    }

    public String format(Message message, Locale locale, Map<String, ?> args) {
        return messages.format(message, locale, args);
    }

    /** The catalogs, for answers that carry translated text besides problems (e.g. an import report). */
    public Messages messages() {
        return messages;
    }

    /** What {@code e} says, in {@code locale} (see {@link Messages#describe(CrmException, Locale)}). */
    public String describe(CrmException e, Locale locale) {
        return messages.describe(e, locale);
    }

    /** {@code errors} with each message in {@code locale} where it has a translatable form. */
    public List<FieldError> translate(List<FieldError> errors, Locale locale) {
        return errors.stream()
                .map(f -> new FieldError(f.field(), messages.describe(f, locale)))
                .toList();
    }

    /**
     * Translates the problem's title, sets {@code Content-Language}, and adds {@code Accept-Language} to {@code Vary}
     * (whose current values are {@code existingVary}) through {@code setHeader}.
     */
    void localize(
            ProblemDetail problem,
            Locale locale,
            Collection<String> existingVary,
            BiConsumer<String, String> setHeader) {
        ProblemType.forUri(problem.getType())
                .ifPresent(type -> problem.setTitle(format(type.titleMessage(), locale, Map.of())));
        setHeader.accept(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        List<String> vary = existingVary.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
        if (vary.stream().noneMatch(v -> v.equals("*") || v.equalsIgnoreCase(HttpHeaders.ACCEPT_LANGUAGE))) {
            setHeader.accept(
                    HttpHeaders.VARY,
                    String.join(
                            ", ",
                            Stream.concat(vary.stream(), Stream.of(HttpHeaders.ACCEPT_LANGUAGE))
                                    .toList()));
        }
    }
}
