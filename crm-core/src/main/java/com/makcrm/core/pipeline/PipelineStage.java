package com.makcrm.core.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One stage of a {@link Pipeline}. Opportunities reference it by (pipeline, key); the database cascades a key
 * change to them.
 */
@Entity
@Table(name = "pipeline_stage")
class PipelineStage {

    @Id
    @Column(name = "id")
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pipeline_id", nullable = false, updatable = false)
    private Pipeline pipeline;

    @Column(name = "key", nullable = false)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "probability", nullable = false)
    private int probability;

    @Column(name = "is_won", nullable = false)
    private boolean won;

    @Column(name = "is_lost", nullable = false)
    private boolean lost;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    protected PipelineStage() {} // for JPA

    PipelineStage(UUID id, Pipeline pipeline, StageSpec spec) {
        this.id = id;
        this.pipeline = pipeline;
        apply(spec);
    }

    UUID id() {
        return id;
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }

    int position() {
        return position;
    }

    int probability() {
        return probability;
    }

    boolean won() {
        return won;
    }

    boolean lost() {
        return lost;
    }

    StageSpec spec() {
        return new StageSpec(key, name, probability, won, lost);
    }

    void apply(StageSpec spec) {
        key = spec.key();
        name = spec.name();
        probability = spec.probability();
        won = spec.won();
        lost = spec.lost();
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    @PrePersist
    void beforeInsert() {
        createdAt = now();
        updatedAt = createdAt;
        if (version == null) {
            version = 1; // rows made by SQL start at 1 too (column default)
        }
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = now();
    }

    // PostgreSQL keeps microseconds: the instance must hold what a later read returns
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
