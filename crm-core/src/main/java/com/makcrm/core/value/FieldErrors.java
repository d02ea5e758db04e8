package com.makcrm.core.value;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Collects every invalid field of one input, so the caller learns all problems at once, not one per retry. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Runs a conversion; an INVALID failure is recorded against {@code field} and null returned. */
    public <T> T check(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (CrmException e) {
            if (e.category() != ErrorCategory.INVALID) {
                throw e;
            }
            if (e.fieldErrors().isEmpty()) {
                errors.add(new FieldError(field, e.getMessage(), e.message(), e.messageArgs()));
            } else {
                errors.addAll(e.fieldErrors());
            }
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Records a translatable error against {@code field}. */
    public void add(String field, Message message, Map<String, ?> args) {
        errors.add(FieldError.of(field, message, args));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw CrmException.invalidFields(errors);
        }
    }
}
