package com.makcrm.core.i18n;

/**
 * Errors of sales pipelines and their stages ({@code com.makcrm.core.pipeline}). English sources equal the texts
 * these errors carried before they were translatable. A pipeline is a sequence of stages an opportunity (a deal)
 * moves through; a stage has an upper-case key (e.g. PROPOSAL) that stays untranslated.
 */
public final class PipelineMessages {

    private PipelineMessages() {}

    private static final String FIELD = "{field}: the input field's API name, untranslated (e.g. stages[2].key).";
    private static final String PIPELINE = " {name}: the pipeline's name as the user gave it; {id}: its id (a UUID).";
    private static final String KEY = " {key}: the stage's key, untranslated (e.g. PROPOSAL).";
    private static final String USED = " {count}: how many opportunities (selects the plural form); {shown}: the"
            + " same number as digits, to display.";

    // input rules (field errors)

    public static final Message NAME_LENGTH = new Message(
            "pipeline.nameLength",
            "{field}: must be 1 to {max, plural, one {# character} other {# characters}}",
            "Validation error: a pipeline or stage name is empty or too long. " + FIELD + " {max}: the longest name.");
    public static final Message STAGE_COUNT = new Message(
            "pipeline.stageCount",
            "{field}: a pipeline has 1 to {max, plural, one {# stage} other {# stages}}",
            "Validation error: a new pipeline has no stages or too many. " + FIELD + " {max}: the most stages.");
    public static final Message STAGE_KEY_REPEATED = new Message(
            "pipeline.stageKeyRepeated",
            "{field}: ''{key}'' is used by an earlier stage",
            "Validation error: two stages of a new pipeline have the same key. " + FIELD + KEY);
    public static final Message STAGE_REQUIRED = new Message(
            "pipeline.stageRequired",
            "{field}: a stage is required",
            "Validation error: an entry of the stage list is empty (null). " + FIELD);
    public static final Message STAGE_KEY_FORMAT = new Message(
            "pipeline.stageKeyFormat",
            "{field}: ''{key}'' must be upper case letters, digits and ''_'', starting with a letter, at most 63"
                    + " characters (e.g. PROPOSAL)",
            "Validation error: a stage key is not in the required form. " + FIELD + KEY
                    + " Latin letters only; keep PROPOSAL as it is.");
    public static final Message PROBABILITY_RANGE = new Message(
            "pipeline.probabilityRange",
            "{field}: must be 0 to 100, got {probability}",
            "Validation error: a stage's win probability (a percentage) is out of range. " + FIELD
                    + " {probability}: the value sent (or null).");
    public static final Message WON_AND_LOST = new Message(
            "pipeline.wonAndLost",
            "{field}: a stage cannot be both won and lost",
            "Validation error: a stage is marked as both a won and a lost outcome of the deal. " + FIELD);
    public static final Message POSITION_RANGE = new Message(
            "pipeline.positionRange",
            "{field}: must be 0 to {max}, got {position}",
            "Validation error: where to insert a new stage (0 = first). " + FIELD
                    + " {max}: the largest allowed position; {position}: the value sent.");
    public static final Message STAGE_ORDER = new Message(
            "pipeline.stageOrder",
            "{field}: must list each stage key of the pipeline once, in the new order: {current}, got {keys}",
            "Validation error: reordering stages needs every stage key exactly once. " + FIELD
                    + " {current}: the pipeline's stage keys, e.g. [LEAD, WON]; {keys}: the list sent (or null).");
    public static final Message STAGE_CHANGE_REQUIRED = new Message(
            "pipeline.stageChangeRequired",
            "a stage change is required",
            "Error detail: a request to change a stage had no body.");

    // state of the pipeline

    public static final Message NOT_FOUND = new Message(
            "pipeline.notFound", "pipeline {id} not found", "Error detail. {id}: the pipeline's id (a UUID).");
    public static final Message NAME_TAKEN = new Message(
            "pipeline.nameTaken",
            "a pipeline named ''{name}'' already exists",
            "Error detail: pipeline names are unique. {name}: the name asked for.");
    public static final Message STAGE_NOT_FOUND = new Message(
            "pipeline.stageNotFound",
            "pipeline ''{name}'' ({id}) has no stage ''{key}''",
            "Error detail." + PIPELINE + KEY);
    public static final Message STAGE_KEY_TAKEN = new Message(
            "pipeline.stageKeyTaken",
            "pipeline ''{name}'' ({id}) already has a stage {key}",
            "Error detail: stage keys are unique within a pipeline." + PIPELINE + KEY);
    public static final Message STAGE_LIMIT = new Message(
            "pipeline.stageLimit",
            "pipeline ''{name}'' ({id}) already has {max, plural, one {# stage} other {# stages}}",
            "Error detail: no stage can be added, the pipeline has the most it may have." + PIPELINE
                    + " {max}: that limit.");
    public static final Message LAST_STAGE = new Message(
            "pipeline.lastStage",
            "stage {key} is the last stage of pipeline ''{name}'' ({id})",
            "Error detail: a stage cannot be removed because a pipeline keeps at least one." + KEY + PIPELINE);
    public static final Message STAGE_IN_USE = new Message(
            "pipeline.stageInUse",
            "stage {key} of pipeline ''{name}'' ({id}) is used by {count, plural, one {{shown} opportunities} other"
                    + " {{shown} opportunities}} (deleted ones included); move them to another stage first",
            "Error detail: a stage cannot be removed while opportunities (deals) are in it." + KEY + PIPELINE + USED);
    public static final Message DEFAULT_PIPELINE = new Message(
            "pipeline.isDefault",
            "pipeline ''{name}'' ({id}) is the default pipeline; make another one the default first",
            "Error detail: the default pipeline (where new opportunities go) cannot be deleted." + PIPELINE);
    public static final Message PIPELINE_IN_USE = new Message(
            "pipeline.inUse",
            "pipeline ''{name}'' ({id}) is used by {count, plural, one {{shown} opportunities} other {{shown}"
                    + " opportunities}} (deleted ones included); move them to another pipeline first",
            "Error detail: a pipeline cannot be deleted while opportunities (deals) are in it." + PIPELINE + USED);

    // concurrent changes

    public static final Message STALE_VERSION = new Message(
            "pipeline.staleVersion",
            "pipeline {id} is at version {current}, but the change was made against version {expected}; reload it"
                    + " and retry",
            "Error detail: someone changed the pipeline since the user loaded it. {id}: the pipeline's id (a UUID);"
                    + " {current}, {expected}: version numbers.");
    public static final Message DELETED_WHILE_SAVING = new Message(
            "pipeline.deletedWhileSaving",
            "pipeline {id} was deleted while the change (made against version {expected}) was being saved",
            "Error detail. {id}: the pipeline's id (a UUID); {expected}: the version the change was made against.");
    public static final Message CHANGED_CONCURRENTLY = new Message(
            "pipeline.changedConcurrently",
            "a pipeline was changed by another request at the same time; reload and retry",
            "Error detail: two requests changed the same pipeline at once.");
    public static final Message OPPORTUNITIES_ADDED_CONCURRENTLY = new Message(
            "pipeline.opportunitiesAddedConcurrently",
            "opportunities were added to it at the same time; move them first",
            "Error detail: a pipeline or stage was being removed while opportunities (deals) were put in it.");
    public static final Message NAME_TAKEN_CONCURRENTLY = new Message(
            "pipeline.nameTakenConcurrently",
            "a pipeline with this name was created at the same time",
            "Error detail: another request created a pipeline with the same name at the same moment.");
    public static final Message DEFAULT_CHANGED_CONCURRENTLY = new Message(
            "pipeline.defaultChangedConcurrently",
            "another pipeline was made the default at the same time; reload and retry",
            "Error detail: another request made a different pipeline the default at the same moment.");
    public static final Message STAGE_KEY_TAKEN_CONCURRENTLY = new Message(
            "pipeline.stageKeyTakenConcurrently",
            "a stage with this key was added at the same time; reload and retry",
            "Error detail: another request added a stage with the same key at the same moment.");
    public static final Message CLASH = new Message(
            "pipeline.clash",
            "the change clashes with one made at the same time: {detail}",
            "Error detail: a database uniqueness rule failed because of a concurrent change. {detail}: the"
                    + " database's own message, in English.");
}
