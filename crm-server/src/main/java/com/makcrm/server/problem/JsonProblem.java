package com.makcrm.server.problem;

import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.ValidationMessages;
import java.util.Collection;
import java.util.Map;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong with an unreadable JSON body in the client's terms: where the syntax breaks, or which field
 * has the wrong kind of value. Jackson's own messages name Java types, so they are never passed on.
 *
 * @param field the path of the bad field (e.g. {@code emails[0]}), or null when the problem is the whole body
 * @param message what is wrong, translatable; for a field, without the field's name
 */
record JsonProblem(String field, Message message, Map<String, Object> args) {

    static JsonProblem describe(HttpMessageNotReadableException e) {
        JacksonException json = ProblemAdvice.causedBy(e, JacksonException.class);
        if (json == null) {
            return new JsonProblem(null, ValidationMessages.JSON_REQUIRED, Map.of());
        }
        if (json instanceof UnexpectedEndOfInputException) {
            return new JsonProblem(null, ValidationMessages.JSON_TRUNCATED, at(json.getLocation()));
        }
        if (json instanceof StreamReadException) {
            return new JsonProblem(null, ValidationMessages.JSON_SYNTAX, at(json.getLocation()));
        }
        String field = path(json);
        Map<String, Object> kind = Map.of(
                "kind", json instanceof MismatchedInputException mismatch ? kindOf(mismatch.getTargetType()) : "");
        return field.isEmpty()
                ? new JsonProblem(null, ValidationMessages.JSON_BODY_WRONG_KIND, kind)
                : new JsonProblem(field, ValidationMessages.JSON_WRONG_KIND, kind);
    }

    /** The {@code line} and {@code column} arguments; {@code none} when Jackson does not know where. */
    private static Map<String, Object> at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Map.of("line", "none", "column", "none");
        }
        return Map.of("line", String.valueOf(location.getLineNr()), "column", String.valueOf(location.getColumnNr()));
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The keyword of {@link ValidationMessages#JSON_WRONG_KIND} for a Java target type. */
    private static String kindOf(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        return "";
    }
}
