package com.makcrm.core.csv;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.CsvMessages;
import com.makcrm.core.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why one CSV row was not imported. {@code line} is the 1-based line the row starts on (the header is line 1);
 * {@code message} is English ({@code line 3: emails.primary: ...}). {@code problems} are the same errors in
 * translatable form ({@link #describe}); they are not part of the JSON report.
 */
public record RowError(
        long line, String field, String message, @JsonIgnore List<FieldError> problems) {

    public RowError {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** An error with English text only. */
    public RowError(long line, String field, String message) {
        this(line, field, message, List.of());
    }

    /**
     * The row at {@code line} has {@code problems} (at least one): the error is against the first one's field, and
     * its message is {@code line N: } and the problems' messages, separated by {@code ; }.
     */
    static RowError of(long line, List<FieldError> problems) {
        return new RowError(
                line,
                problems.get(0).field(),
                CsvMessages.ROW.english(args(line, problems, FieldError::message)),
                problems);
    }

    /** The message in {@code locale}: translated when the error has its problems, else the English one. */
    public String describe(Messages messages, Locale locale) {
        if (problems.isEmpty()) {
            return message;
        }
        return messages.format(CsvMessages.ROW, locale, args(line, problems, p -> messages.describe(p, locale)));
    }

    private static Map<String, Object> args(long line, List<FieldError> problems, Function<FieldError, String> text) {
        return Map.of(
                "line",
                String.valueOf(line),
                "problem",
                problems.stream().map(text).collect(Collectors.joining("; ")));
    }
}
