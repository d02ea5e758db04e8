package com.makcrm.core.field;

/** Types a tenant may give its custom fields. Values are stored in the record's {@code custom} JSONB column. */
public enum CustomFieldType {
    TEXT,
    NUMBER,
    BOOLEAN,
    DATE,
    DATETIME,
    SELECT,
    MULTI_SELECT,
    CURRENCY,
    EMAIL,
    PHONE,
    URL;

    boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }
}
