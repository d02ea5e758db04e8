package com.makcrm.core.pipeline;

import java.util.UUID;

/** A stage of a {@link PipelineView}; {@code position} counts from 0. */
public record StageView(UUID id, String key, String name, int position, int probability, boolean won, boolean lost) {

    static StageView of(PipelineStage s) {
        return new StageView(s.id(), s.key(), s.name(), s.position(), s.probability(), s.won(), s.lost());
    }
}
