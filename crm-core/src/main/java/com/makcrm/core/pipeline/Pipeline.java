package com.makcrm.core.pipeline;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A sales pipeline of one tenant and its ordered stages: one aggregate. Every change to a stage also touches the
 * pipeline row, so the pipeline's version is the version of the whole aggregate (what callers pass back).
 *
 * <p>Column names are explicit: Spring Boot and plain Hibernate use different naming strategies.
 */
@Entity
@Table(name = "pipeline")
class Pipeline {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "is_default", nullable = false)
    private boolean defaultPipeline;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    @OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PipelineStage> stages = new ArrayList<>();

    protected Pipeline() {} // for JPA

    Pipeline(UUID id, String name, int position) {
        this.id = id;
        this.name = name;
        this.position = position;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean isDefault() {
        return defaultPipeline;
    }

    int position() {
        return position;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    int version() {
        return version;
    }

    List<PipelineStage> stages() {
        return Collections.unmodifiableList(stages);
    }

    Optional<PipelineStage> stage(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    void rename(String newName) {
        name = newName;
        touch();
    }

    void markDefault(boolean isDefault) {
        defaultPipeline = isDefault;
        touch();
    }

    void addStage(int index, PipelineStage stage) {
        stages.add(index, stage);
        renumber();
    }

    void removeStage(PipelineStage stage) {
        stages.remove(stage);
        renumber();
    }

    /** Puts the stages in the given order; {@code ordered} holds exactly the current stages. */
    void reorder(List<PipelineStage> ordered) {
        stages.clear();
        stages.addAll(ordered);
        renumber();
    }

    /** Marks the aggregate changed, so its version moves even when only a stage row changed. */
    void touch() {
        updatedAt = now();
    }

    // positions mirror list order, so readers that sort by position (records, CSV import) see the same order
    private void renumber() {
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).moveTo(i);
        }
        touch();
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
