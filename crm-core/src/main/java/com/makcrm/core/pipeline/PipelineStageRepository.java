package com.makcrm.core.pipeline;

import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Stage usage. Stages themselves are saved through their {@link Pipeline}. */
interface PipelineStageRepository extends Repository<PipelineStage, UUID> {

    // soft-deleted opportunities count too: the foreign key still points at the stage
    @Query(
            value = "select count(*) from opportunity where pipeline_id = :pipeline and stage = :key",
            nativeQuery = true)
    long countOpportunities(@Param("pipeline") UUID pipelineId, @Param("key") String key);
}
