package com.makcrm.core.pipeline;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Message;
import com.makcrm.core.i18n.PipelineMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks of a stage edit against the pipeline's current stages (the input itself is checked by PipelineRules). */
final class StageEdits {

    private StageEdits() {}

    static PipelineStage requireStage(Pipeline p, String key) {
        return p.stage(key)
                .orElseThrow(() ->
                        CrmException.notFound(PipelineMessages.STAGE_NOT_FOUND, about(p, "key", String.valueOf(key))));
    }

    static void requireFreeKey(Pipeline p, String key) {
        if (p.stage(key).isPresent()) {
            throw CrmException.conflict(PipelineMessages.STAGE_KEY_TAKEN, about(p, "key", key));
        }
    }

    /** Where a new stage goes: {@code position} (0 = first) or, when null, last. */
    static int insertionIndex(Pipeline p, Integer position) {
        int size = p.stages().size();
        if (size >= PipelineRules.MAX_STAGES) {
            throw CrmException.conflict(PipelineMessages.STAGE_LIMIT, about(p, "max", PipelineRules.MAX_STAGES));
        }
        if (position == null) {
            return size;
        }
        if (position < 0 || position > size) {
            throw invalidField(
                    "position",
                    PipelineMessages.POSITION_RANGE,
                    Map.of("field", "position", "max", String.valueOf(size), "position", String.valueOf(position)));
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
                    PipelineMessages.STAGE_ORDER,
                    Map.of("field", "stageKeys", "current", current.toString(), "keys", String.valueOf(keys)));
        }
        return ordered;
    }

    /**
     * The arguments naming {@code p} in a {@link PipelineMessages} message ({@code pipeline '{name}' ({id})}), plus
     * one more.
     */
    static Map<String, Object> about(Pipeline p, String name, Object value) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", String.valueOf(p.name()));
        args.put("id", String.valueOf(p.id()));
        if (name != null) {
            args.put(name, value);
        }
        return args;
    }

    private static CrmException invalidField(String field, Message message, Map<String, ?> args) {
        return CrmException.invalidFields(List.of(FieldError.of(field, message, args)));
    }
}
