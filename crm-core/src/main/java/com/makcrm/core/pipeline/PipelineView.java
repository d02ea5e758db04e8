package com.makcrm.core.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pipeline as callers see it: a snapshot, detached from any session.
 *
 * @param version the version of the pipeline and its stages together; pass it back as {@code expectedVersion}
 * @param stages in pipeline order
 */
public record PipelineView(
        UUID id,
        String name,
        boolean isDefault,
        int position,
        int version,
        Instant createdAt,
        Instant updatedAt,
        List<StageView> stages) {

    public PipelineView {
        stages = List.copyOf(stages);
    }

    /** The stage with this key, if the pipeline has one. */
    public StageView stage(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    static PipelineView of(Pipeline p) {
        return new PipelineView(
                p.id(),
                p.name(),
                p.isDefault(),
                p.position(),
                p.version(),
                p.createdAt(),
                p.updatedAt(),
                p.stages().stream().map(StageView::of).toList());
    }
}
