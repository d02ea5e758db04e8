package com.makcrm.core.pipeline;

import com.makcrm.core.i18n.PipelineMessages;
import com.makcrm.core.value.FieldErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Input rules for pipelines and stages. They repeat the table constraints (so callers get field errors, not SQL
 * errors) and add what the tables cannot express (stage count, keys unique within the input).
 */
final class PipelineRules {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_STAGES = 50;
    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,62}");

    private PipelineRules() {}

    /** The stripped name, or null with an error recorded against {@code field}. */
    static String name(String field, String name, FieldErrors errors) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            errors.add(field, PipelineMessages.NAME_LENGTH, Map.of("field", field, "max", MAX_NAME_LENGTH));
            return null;
        }
        return stripped;
    }

    static List<StageSpec> stages(List<NewStage> stages, FieldErrors errors) {
        if (stages == null || stages.isEmpty() || stages.size() > MAX_STAGES) {
            errors.add("stages", PipelineMessages.STAGE_COUNT, Map.of("field", "stages", "max", MAX_STAGES));
            return List.of();
        }
        List<StageSpec> specs = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            String prefix = "stages[" + i + "].";
            NewStage stage = stages.get(i);
            specs.add(newStage(prefix, stage, errors));
            if (stage != null && stage.key() != null && !keys.add(stage.key())) {
                errors.add(
                        prefix + "key",
                        PipelineMessages.STAGE_KEY_REPEATED,
                        Map.of("field", prefix + "key", "key", stage.key()));
            }
        }
        return specs;
    }

    /** @param prefix prepended to field names, e.g. {@code "stages[2]."}; empty for a single stage */
    static StageSpec newStage(String prefix, NewStage s, FieldErrors errors) {
        if (s == null) {
            errors.add(prefix + "key", PipelineMessages.STAGE_REQUIRED, Map.of("field", prefix + "key"));
            return null;
        }
        return stage(prefix, s.key(), s.name(), s.probability(), s.won(), s.lost(), errors);
    }

    /** The current stage with the change applied, validated; null when invalid. */
    static StageSpec changed(StageSpec current, StageChange c, FieldErrors errors) {
        return stage(
                "",
                c.key() != null ? c.key() : current.key(),
                c.name() != null ? c.name() : current.name(),
                c.probability() != null ? c.probability() : current.probability(),
                c.won() != null ? c.won() : current.won(),
                c.lost() != null ? c.lost() : current.lost(),
                errors);
    }

    private static StageSpec stage(
            String prefix, String key, String name, Integer probability, boolean won, boolean lost, FieldErrors e) {
        boolean valid = true;
        if (key == null || !KEY.matcher(key).matches()) {
            e.add(
                    prefix + "key",
                    PipelineMessages.STAGE_KEY_FORMAT,
                    Map.of("field", prefix + "key", "key", String.valueOf(key)));
            valid = false;
        }
        String stripped = name(prefix + "name", name, e);
        if (probability == null || probability < 0 || probability > 100) {
            e.add(
                    prefix + "probability",
                    PipelineMessages.PROBABILITY_RANGE,
                    Map.of("field", prefix + "probability", "probability", String.valueOf(probability)));
            valid = false;
        }
        if (won && lost) {
            e.add(prefix + "lost", PipelineMessages.WON_AND_LOST, Map.of("field", prefix + "lost"));
            valid = false;
        }
        return valid && stripped != null ? new StageSpec(key, stripped, probability, won, lost) : null;
    }
}
