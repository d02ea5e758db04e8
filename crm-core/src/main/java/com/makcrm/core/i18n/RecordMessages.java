package com.makcrm.core.i18n;

/**
 * Errors about records (companies, people, opportunities, tasks, notes), their custom fields and search: field
 * errors of a write, duplicates, version conflicts ({@code If-Match}), custom-field definitions. English sources
 * equal the texts these errors carried before they were translatable, so English output does not change. Numbers
 * are passed as text (no grouping), except where a plural needs them.
 */
public final class RecordMessages {

    private RecordMessages() {}

    private static final String FIELD = "{field}: the input field's API name, untranslated (e.g. emails.primary).";
    private static final String OBJECT =
            " {object}: the API name of the record's object type, untranslated (person, company, opportunity, task,"
                    + " note).";
    private static final String CUSTOM_FIELD = " {object}: the API name of the object type (company, person,"
            + " opportunity), untranslated; {name}: the custom field's API name, untranslated.";

    // records: input fields

    public static final Message UNKNOWN_FIELD = new Message(
            "record.unknownField",
            "{field}: unknown field of {object}",
            "Validation error: a record write names a field the object type does not have. " + FIELD + OBJECT);
    public static final Message SYSTEM_FIELD = new Message(
            "record.systemField",
            "{field}: is set by the server and cannot be written",
            "Validation error: the client tried to write a field the server maintains (id, version, createdAt...). "
                    + FIELD);
    public static final Message UNKNOWN_OBJECT = new Message(
            "record.unknownObject",
            "unknown object ''{name}''; known: {known}",
            "Error detail: the user named an object type that does not exist. {name}: what they typed, as is;"
                    + " {known}: the object types' API names, untranslated, e.g. [company, person].");
    public static final Message NOT_ONE_OF = new Message(
            "record.notOneOf",
            "{field}: ''{value}'' is not one of {allowed}",
            "Validation error: a value must be one of a fixed list (a status, a select option, a parameter such as"
                    + " onDuplicate). " + FIELD + " {value}: what the user sent, as is; {allowed}: the allowed values,"
                    + " untranslated, e.g. [TODO, DONE] or fail, update.");
    public static final Message OUT_OF_RANGE = new Message(
            "record.outOfRange",
            "{field}: must be between {min} and {max}, got {value}",
            "Validation error: a number outside its allowed range. " + FIELD + " {min}, {max}: the limits;"
                    + " {value}: the number sent.");
    public static final Message NOT_BETWEEN = new Message(
            "record.notBetween",
            "{field}: must be between {min} and {max}",
            "Validation error: a number (e.g. a page size) outside its allowed range. " + FIELD
                    + " {min}, {max}: the limits.");
    public static final Message LIST_REQUIRED = new Message(
            "record.listRequired",
            "{field}: is required (a list)",
            "Validation error: a bulk request lacks its list of records or changes. " + FIELD);
    public static final Message BULK_CHANGE_INCOMPLETE = new Message(
            "record.bulkChangeIncomplete",
            "{field}: needs id, version and patch",
            "Validation error: one entry of a bulk update lacks a part. {field}: the entry, e.g. changes[3]"
                    + " (untranslated). id, version and patch are the entry's JSON keys, untranslated.");
    public static final Message BULK_SIZE = new Message(
            "record.bulkSize",
            "a bulk call takes 1 to {max} records, got {size}",
            "Error detail: a bulk create/update sent too few or too many records. {max}: the limit; {size}: how"
                    + " many were sent.");
    public static final Message ADDRESS_PART_UNKNOWN = new Message(
            "record.addressPartUnknown",
            "{field}: unknown part; use {parts}",
            "Validation error: an address has a key that is not one of its parts. " + FIELD
                    + " {parts}: the part names, untranslated, e.g. [street, city, postcode, country].");
    public static final Message TOO_MANY_CONTACTS = new Message(
            "record.tooManyContacts",
            "{field}: at most {max, plural, one {# value} other {# values}}",
            "Validation error: too many additional emails or phone numbers. " + FIELD
                    + " {max}: how many are allowed.");
    public static final Message TARGET_UNKNOWN = new Message(
            "record.targetUnknown",
            "{field}: unknown; use {known}",
            "Validation error: the links of a task or note (targets) have a key that does not exist. " + FIELD
                    + " {known}: the keys, untranslated, e.g. [companyIds, personIds, opportunityIds].");
    public static final Message TOO_MANY_TARGETS = new Message(
            "record.tooManyTargets",
            "{field}: at most {max, plural, one {# link} other {# links}}, got {count}",
            "Validation error: a task or note links to too many records. " + FIELD
                    + " {max}: how many links are allowed; {count}: how many were sent.");
    public static final Message REFERENCE_NOT_FOUND = new Message(
            "record.referenceNotFound",
            "{field}: no {object} with id {id}",
            "Validation error: a field points to a record that does not exist (or is deleted). " + FIELD + OBJECT
                    + " {id}: the record id (a UUID).");
    public static final Message PIPELINE_NOT_FOUND = new Message(
            "record.pipelineNotFound",
            "{field}: no pipeline with id {id}",
            "Validation error: an opportunity names a sales pipeline that does not exist. " + FIELD
                    + " {id}: the pipeline id (a UUID).");
    public static final Message STAGE_UNKNOWN = new Message(
            "record.stageUnknown",
            "{field}: ''{value}'' is not a stage of this pipeline; use one of {stages}",
            "Validation error: an opportunity's stage is not one of its sales pipeline's stages. " + FIELD
                    + " {value}: the stage sent; {stages}: the pipeline's stage keys, untranslated, e.g. [LEAD, WON].");
    public static final Message DATA_RULE = new Message(
            "record.dataRule",
            "{object} violates a data rule: {reason}",
            "Error detail: the database refused a write that breaks one of its rules." + OBJECT
                    + " {reason}: the database's own message, in English.");

    // records: conflicts

    public static final Message DUPLICATE = new Message(
            "record.duplicate",
            "a {object} with {field} ''{value}'' already exists: {existing} (create with upsert to update it instead)",
            "Error detail (conflict): creating or changing a record would duplicate another one with the same email"
                    + " or domain." + OBJECT + " {field}: the field that matched, untranslated (emails or domain);"
                    + " {value}: its value; {existing}: the id (a UUID) of the record that exists. upsert is an option"
                    + " name, untranslated.");
    public static final Message DUPLICATE_RACE = new Message(
            "record.duplicateRace",
            "a {object} with the same {field, select, domain {domain} other {email}} was just created",
            "Error detail (conflict): someone else created a record with the same email or domain at the same"
                    + " moment." + OBJECT + " {field}: domain or email (keep the keywords, translate each branch).");
    public static final Message RESTORE_DUPLICATE = new Message(
            "record.restoreDuplicate",
            "cannot restore {object} {id}: {existing} now has {field} ''{value}''",
            "Error detail (conflict): a deleted record cannot come back because another record now has its email"
                    + " or domain." + OBJECT + " {id}: the deleted record's id; {existing}: the other record's id"
                    + " (UUIDs); {field}: the field, untranslated (emails or domain); {value}: its value.");
    public static final Message DELETED = new Message(
            "record.deleted",
            "{object} {id} is deleted; restore it first",
            "Error detail (conflict): a change to a record in the trash." + OBJECT + " {id}: the record id (a UUID).");
    public static final Message NOT_DELETED = new Message(
            "record.notDeleted",
            "{object} {id} must be deleted before it can be destroyed",
            "Error detail (conflict): permanent removal needs the record to be in the trash first." + OBJECT
                    + " {id}: the record id (a UUID).");
    public static final Message STALE_VERSION = new Message(
            "record.staleVersion",
            "record {id} is at version {current}, but the change was made against version {expected}; reload it and"
                    + " apply the change again",
            "Error detail (conflict): someone changed the record since the user read it (optimistic locking)."
                    + " {id}: the record id (a UUID); {current}: its version now; {expected}: the version the change"
                    + " was based on.");
    public static final Message TIMELINE_LIMIT = new Message(
            "record.timelineLimit",
            "limit must be between 1 and {max}, got {limit}",
            "Error detail: the page size of a record's history is out of range. limit is a parameter name,"
                    + " untranslated. {max}: the largest page; {limit}: the size asked for.");

    // If-Match (versions as HTTP validators)

    public static final Message IF_MATCH_INVALID = new Message(
            "record.ifMatchInvalid",
            "If-Match must name one version, e.g. If-Match: \"3\" (the record''s ETag), got ''{value}''",
            "Validation error: the If-Match header of a change is malformed. If-Match and ETag are HTTP header"
                    + " names, untranslated; {value}: the header as sent (shortened).");
    public static final Message IF_MATCH_REQUIRED = new Message(
            "record.ifMatchRequired",
            "this change needs If-Match with the version you last read (the ETag of a GET), e.g. If-Match: \"3\"",
            "Error detail (HTTP 428): a change came without the version it is based on. If-Match, ETag and GET are"
                    + " HTTP names, untranslated.");

    // custom field definitions

    public static final Message FIELD_NOT_FOUND = new Message(
            "field.notFound",
            "custom field {object}.{name} not found",
            "Error detail: a custom field definition does not exist." + CUSTOM_FIELD);
    public static final Message FIELD_EXISTS = new Message(
            "field.exists",
            "custom field {object}.{name} already exists",
            "Error detail (conflict): a custom field with this name exists already." + CUSTOM_FIELD);
    public static final Message FIELD_LIMIT = new Message(
            "field.limit",
            "{object} already has {max, plural, one {# custom field} other {# custom fields}}",
            "Error detail (conflict): an object type has as many custom fields as allowed. {object}: its API name,"
                    + " untranslated; {max}: the limit.");
    public static final Message FIELD_STALE_VERSION = new Message(
            "field.staleVersion",
            "custom field {object}.{name} is at version {current}, not {expected}",
            "Error detail (conflict): someone changed the custom field since the user read it." + CUSTOM_FIELD
                    + " {current}: its version now; {expected}: the version the change was based on.");
    public static final Message FIELD_STALE_VERSION_RETRY = new Message(
            "field.staleVersionRetry",
            "custom field {object}.{name} is at version {current}, not {expected}; reload it and retry",
            "Error detail (conflict): someone changed the custom field since the user read it (If-Match of a"
                    + " delete)." + CUSTOM_FIELD + " {current}: its version now; {expected}: the version sent.");
    public static final Message FIELD_CHANGED_CONCURRENTLY = new Message(
            "field.changedConcurrently",
            "custom field {object}.{name} changed concurrently",
            "Error detail (conflict): another change to the same custom field was saved at the same moment."
                    + CUSTOM_FIELD);
    public static final Message FIELD_OBJECT_INVALID = new Message(
            "field.objectInvalid",
            "custom fields exist on {objects}, not on ''{object}''",
            "Error detail: custom fields were asked for on an object type that has none. {objects}: the object"
                    + " types that have them, untranslated, e.g. [company, person, opportunity]; {object}: what was"
                    + " sent.");
    public static final Message FIELD_OBJECT_REQUIRED = new Message(
            "field.objectRequired",
            "{field}: must be one of {objects}, got {sent, select, none {none} other {''{value}''}}",
            "Validation error: a custom field request names no object type or an unknown one. " + FIELD
                    + " {objects}: the allowed object types, untranslated; {sent}: none when nothing was sent (keep"
                    + " the keyword), else {value} is what was sent.");
    public static final Message FIELD_UNKNOWN = new Message(
            "field.unknown",
            "{field}: no such custom field",
            "Validation error: a record's custom values name a custom field that does not exist. " + FIELD);
    public static final Message FIELD_NAME_INVALID = new Message(
            "field.nameInvalid",
            "{field}: must be camelCase letters and digits starting with a lowercase letter (at most 63), got"
                    + " ''{value}''",
            "Validation error: the API name of a new custom field has the wrong form (e.g. ticketCount is right). "
                    + FIELD + " {value}: the name sent.");
    public static final Message FIELD_NAME_BUILT_IN = new Message(
            "field.nameBuiltIn",
            "{field}: ''{value}'' is a built-in field of {object}",
            "Validation error: a new custom field would have the name of a standard field. " + FIELD
                    + " {value}: the name sent; {object}: the object type's API name, untranslated.");
    public static final Message FIELD_TYPE_REQUIRED = new Message(
            "field.typeRequired",
            "{field}: required, one of {types}",
            "Validation error: a new custom field needs a type. " + FIELD
                    + " {types}: the type names, untranslated, e.g. [TEXT, NUMBER, SELECT].");
    public static final Message FIELD_TYPE_UNKNOWN = new Message(
            "field.typeUnknown",
            "{field}: ''{value}'' is not a custom field type; one of {types}",
            "Validation error: a new custom field names a type that does not exist. " + FIELD
                    + " {value}: what was sent; {types}: the type names, untranslated.");
    public static final Message FIELD_OPTIONS_NOT_ALLOWED = new Message(
            "field.optionsNotAllowed",
            "{field}: only SELECT and MULTI_SELECT fields have options",
            "Validation error: options were given for a custom field whose type has none. " + FIELD
                    + " SELECT and MULTI_SELECT are type names, untranslated.");
    public static final Message FIELD_OPTIONS_COUNT = new Message(
            "field.optionsCount",
            "{field}: a {type} field needs 1 to {max} options",
            "Validation error: a select custom field has no options or too many. " + FIELD
                    + " {type}: SELECT or MULTI_SELECT, untranslated; {max}: the most options allowed.");
    public static final Message FIELD_OPTION_VALUE_INVALID = new Message(
            "field.optionValueInvalid",
            "{field}: value ''{value}'' must be 1-100 letters, digits, space, _ . -",
            "Validation error: a select option's value has the wrong form. " + FIELD
                    + " {value}: the option value sent.");
    public static final Message FIELD_OPTION_VALUE_DUPLICATE = new Message(
            "field.optionValueDuplicate",
            "{field}: value ''{value}'' appears twice",
            "Validation error: two options of a select custom field have the same value. " + FIELD
                    + " {value}: the option value.");

    // search

    public static final Message SEARCH_QUERY_EMPTY = new Message(
            "search.queryEmpty",
            "{field}: a search needs at least one character",
            "Validation error: an empty search. " + FIELD + " (the query parameter q).");
    public static final Message SEARCH_NOT_SEARCHABLE = new Message(
            "search.notSearchable",
            "{field}: ''{value}'' is not searchable; use {objects}",
            "Validation error: a search names an object type search does not cover. " + FIELD
                    + " {value}: what was sent; {objects}: the searchable object types, untranslated.");
    public static final Message BULK_ITEM = new Message(
            "record.bulkItem",
            "record [{index}]: {problem}",
            "Error of a bulk create or update: which record of the request failed. {index}: its 0-based position in"
                    + " the request; {problem}: that record's own error, already translated.");
}
