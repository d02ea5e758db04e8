package com.makcrm.core.record;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.RecordMessages;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The CRM object types records belong to. */
public enum ObjectKind {
    COMPANY("company", "companies", true),
    PERSON("person", "people", true),
    OPPORTUNITY("opportunity", "opportunities", true),
    TASK("task", "tasks", false),
    NOTE("note", "notes", false);

    private final String apiName;
    private final String plural;
    private final boolean customFields;

    ObjectKind(String apiName, String plural, boolean customFields) {
        this.apiName = apiName;
        this.plural = plural;
        this.customFields = customFields;
    }

    /** Singular name used in metadata, timeline and errors; also the table name. */
    public String apiName() {
        return apiName;
    }

    public String plural() {
        return plural;
    }

    public String table() {
        return apiName;
    }

    public boolean hasCustomFields() {
        return customFields;
    }

    public static ObjectKind parse(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.apiName.equals(n) || k.plural.equals(n))
                .findFirst()
                .orElseThrow(() -> CrmException.invalid(
                        RecordMessages.UNKNOWN_OBJECT,
                        Map.of(
                                "name",
                                String.valueOf(name),
                                "known",
                                Arrays.stream(values())
                                        .map(ObjectKind::apiName)
                                        .toList()
                                        .toString())));
    }
}
