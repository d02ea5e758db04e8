package com.makcrm.core.pipeline;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import java.util.List;
import java.util.Optional;

/** Checks of a stage edit against the pipeline's current stages (the input itself is checked by PipelineRules). */
final class StageEdits {

    private StageEdits() {}

    static PipelineStage requireStage(Pipeline p, String key) {
        return p.stage(key).orElseThrow(() -> CrmException.notFound(describe(p) + " has no stage '" + key + "'"));
    }

    static void requireFreeKey(Pipeline p, String key) {
        if (p.stage(key).isPresent()) {
            throw CrmException.conflict(describe(p) + " already has a stage " + key);
        }
    }

    /** Where a new stage goes: {@code position} (0 = first) or, when null, last. */
    static int insertionIndex(Pipeline p, Integer position) {
        int size = p.stages().size();
        if (size >= PipelineRules.MAX_STAGES) {
            throw CrmException.conflict(describe(p) + " already has " + PipelineRules.MAX_STAGES + " stages");
        }
        if (position == null) {
            return size;
        }
        if (position < 0 || position > size) {
            throw invalidField("position", "position: must be 0 to " + size + ", got " + position);
        }
        return position;
    }

    /** The stages in the order of {@code keys}, which must name every stage exactly once. */
    static List<PipelineStage> ordered(Pipeline p, List<String> keys) {
        List<PipelineStage> ordered = keys == null
                ? List.of()
                : keys.stream()
                        .distinct()
                        .map(p::stage)
                        .flatMap(Optional::stream)
                        .toList();
        if (keys == null
                || ordered.size() != keys.size()
                || ordered.size() != p.stages().size()) {
            List<String> current = p.stages().stream().map(PipelineStage::key).toList();
            throw invalidField(
                    "stageKeys",
                    "stageKeys: must list each stage key of the pipeline once, in the new order: " + current + ", got "
                            + keys);
        }
        return ordered;
    }

    static String describe(Pipeline p) {
        return "pipeline '" + p.name() + "' (" + p.id() + ")";
    }

    private static CrmException invalidField(String field, String message) {
        return CrmException.invalidFields(List.of(new FieldError(field, message)));
    }
}
