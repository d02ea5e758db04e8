package com.makcrm.server.problem;

import com.makcrm.core.error.FieldError;
import java.util.Collection;
import java.util.List;
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
 */
record JsonProblem(String detail, List<FieldError> fieldErrors) {

    static JsonProblem describe(HttpMessageNotReadableException e) {
        JacksonException json = ProblemAdvice.causedBy(e, JacksonException.class);
        if (json == null) {
            return new JsonProblem("a JSON request body is required", List.of());
        }
        if (json instanceof UnexpectedEndOfInputException) {
            return new JsonProblem("the JSON body ends unexpectedly" + at(json.getLocation()), List.of());
        }
        if (json instanceof StreamReadException) {
            return new JsonProblem("the body is not valid JSON" + at(json.getLocation()), List.of());
        }
        String field = path(json);
        String message = json instanceof MismatchedInputException mismatch
                ? "must be " + kindOf(mismatch.getTargetType())
                : "has a value of the wrong kind";
        if (field.isEmpty()) {
            return new JsonProblem("the JSON body " + message, List.of());
        }
        return new JsonProblem(field + ": " + message, List.of(new FieldError(field, message)));
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
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

    private static String kindOf(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class || type.isEnum() || type == java.util.UUID.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "another kind of value";
    }
}
