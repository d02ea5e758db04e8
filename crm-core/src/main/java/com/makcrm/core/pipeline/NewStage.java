package com.makcrm.core.pipeline;

/**
 * A stage to create.
 *
 * @param key the stable identifier opportunities store: upper case letters, digits and '_', starting with a
 *     letter, at most 63 characters (e.g. {@code PROPOSAL}); unique within the pipeline
 * @param name the label shown to users, 1 to 200 characters
 * @param probability the win probability of an opportunity in this stage, 0 to 100
 * @param won whether reaching the stage means the deal is won
 * @param lost whether reaching the stage means the deal is lost (not together with won)
 */
public record NewStage(String key, String name, Integer probability, boolean won, boolean lost) {

    /** An open stage (neither won nor lost). */
    public static NewStage open(String key, String name, int probability) {
        return new NewStage(key, name, probability, false, false);
    }
}
