package com.makcrm.server.api;

import com.makcrm.core.pipeline.NewStage;
import com.makcrm.core.pipeline.StageChange;
import java.util.List;

/**
 * Bodies of {@code /api/v1/pipelines}. Answers are crm-core's {@code PipelineView} as it is: {@code id}, {@code name},
 * {@code isDefault}, {@code position}, {@code version} (also the ETag), {@code createdAt}, {@code updatedAt} and
 * {@code stages[]} {@code {id, key, name, position, probability, won, lost}} in pipeline order.
 */
final class PipelineApi {

    private PipelineApi() {}

    /**
     * A new pipeline; it becomes the default only when the tenant has none.
     *
     * @param name 1 to 200 characters, unique in the tenant
     * @param stages 1 to 50 stages, in order
     */
    record NewPipelineRequest(String name, List<StageRequest> stages) {

        List<NewStage> newStages() {
            return stages == null
                    ? null
                    : stages.stream()
                            .map(s -> s == null ? null : s.toNewStage())
                            .toList();
        }
    }

    /**
     * A stage of a new pipeline.
     *
     * @param key the stable identifier opportunities store: upper case letters, digits and '_', starting with a letter
     *     (e.g. {@code PROPOSAL}); unique within the pipeline
     * @param name the label shown to users, 1 to 200 characters
     * @param probability the win probability in this stage, 0 to 100
     * @param won reaching the stage means the deal is won (default false)
     * @param lost reaching the stage means the deal is lost (default false; not together with won)
     */
    record StageRequest(String key, String name, Integer probability, Boolean won, Boolean lost) {

        NewStage toNewStage() {
            return new NewStage(key, name, probability, Boolean.TRUE.equals(won), Boolean.TRUE.equals(lost));
        }
    }

    /** A stage added to an existing pipeline; {@code position} is where it goes (0 = first), absent: last. */
    record NewStageRequest(String key, String name, Integer probability, Boolean won, Boolean lost, Integer position) {

        NewStage toNewStage() {
            return new StageRequest(key, name, probability, won, lost).toNewStage();
        }
    }

    /** A rename of a pipeline. */
    record RenameRequest(String name) {}

    /** A partial update of a stage: absent members stay as they are; a new {@code key} carries its opportunities. */
    record StageChangeRequest(String key, String name, Integer probability, Boolean won, Boolean lost) {

        StageChange toStageChange() {
            return new StageChange(key, name, probability, won, lost);
        }
    }

    /** The new order of the stages: every key of the pipeline, each once. */
    record StageOrderRequest(List<String> keys) {}
}
