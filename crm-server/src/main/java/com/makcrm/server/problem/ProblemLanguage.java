package com.makcrm.server.problem;

import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Problem details in the client's language: the {@code Accept-Language} header picks one of the catalogs' locales
 * (English when it names none of them, or is not a valid header). Only human text is translated: {@code type},
 * field names and {@code errors[].field} stay as they are, for programs.
 */
@Component
public final class ProblemLanguage {

    private final Messages messages;

    public ProblemLanguage(Messages messages) {
        this.messages = messages;
    }

    /** The locale to answer this request in. */
    public Locale of(HttpServletRequest request) {
        return negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
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
