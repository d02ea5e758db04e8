package com.makcrm.core.pipeline;

/**
 * A partial update of a stage: null members stay as they are. A new {@code key} is cascaded by the database to
 * every opportunity in the stage.
 */
public record StageChange(String key, String name, Integer probability, Boolean won, Boolean lost) {

    public static StageChange rename(String newKey, String newName) {
        return new StageChange(newKey, newName, null, null, null);
    }
}
