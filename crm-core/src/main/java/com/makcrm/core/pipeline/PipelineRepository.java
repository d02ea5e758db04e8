package com.makcrm.core.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Pipelines of the tenant whose schema the current transaction is bound to. Table names stay unqualified: the
 * connection's search_path picks the tenant schema.
 */
interface PipelineRepository extends JpaRepository<Pipeline, UUID> {

    // one query for pipelines and their stages (no N+1); stages come ordered by the collection's @OrderBy
    @Query("select p from Pipeline p left join fetch p.stages order by p.position, p.name, p.id")
    List<Pipeline> findAllWithStages();

    @Query("select p from Pipeline p left join fetch p.stages where p.id = :id")
    Optional<Pipeline> findWithStages(@Param("id") UUID id);

    boolean existsByName(String name);

    Optional<Pipeline> findByDefaultPipelineTrue();

    @Query("select coalesce(max(p.position) + 1, 0) from Pipeline p")
    int nextPosition();

    @Query(value = "select count(*) from opportunity where pipeline_id = :pipeline", nativeQuery = true)
    long countOpportunities(@Param("pipeline") UUID pipelineId);
}
