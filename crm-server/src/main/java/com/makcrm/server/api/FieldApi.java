package com.makcrm.server.api;

import com.makcrm.core.field.SelectOption;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Bodies of {@code /api/v1/metadata/fields}. Answers are crm-core's {@code FieldDefinition} as it is: {@code id},
 * {@code object}, {@code name}, {@code label}, {@code type}, {@code required}, {@code defaultValue}, {@code options[]}
 * {@code {value, label, color}}, {@code position}, {@code createdAt}, {@code updatedAt} and {@code version} (also the
 * ETag).
 */
final class FieldApi {

    private FieldApi() {}

    /**
     * A new custom field.
     *
     * @param object {@code company}, {@code person} or {@code opportunity}
     * @param name the API name: camelCase letters and digits starting with a lowercase letter; never changes
     * @param label what people see; defaults to the name
     * @param type one of {@code TEXT NUMBER BOOLEAN DATE DATETIME SELECT MULTI_SELECT CURRENCY EMAIL PHONE URL}; never
     *     changes
     * @param required whether every record must have a value (default false)
     * @param defaultValue the value new records get when they name none, in the field's type
     * @param options the choices of a SELECT or MULTI_SELECT field (1 to 500); none for other types
     * @param position display order within the object; absent: last
     */
    record NewFieldRequest(
            String object,
            String name,
            String label,
            String type,
            Boolean required,
            Object defaultValue,
            List<OptionRequest> options,
            Integer position) {}

    /**
     * A partial update of a custom field: absent members stay as they are; {@code "defaultValue": null} removes the
     * default. The object, name and type never change.
     */
    record FieldChangeRequest(
            String label, Boolean required, JsonNode defaultValue, List<OptionRequest> options, Integer position) {}

    /** One choice of a SELECT or MULTI_SELECT field; the label defaults to the value. */
    record OptionRequest(String value, String label, String color) {

        static List<SelectOption> toOptions(List<OptionRequest> options) {
            return options == null
                    ? null
                    : options.stream()
                            .map(o -> o == null ? new SelectOption(null, null, null) : o.toOption())
                            .toList();
        }

        SelectOption toOption() {
            return new SelectOption(value, label, color);
        }
    }
}
