package com.makcrm.core.pipeline;

import static com.makcrm.core.pipeline.StageEdits.about;
import static com.makcrm.core.pipeline.StageEdits.insertionIndex;
import static com.makcrm.core.pipeline.StageEdits.ordered;
import static com.makcrm.core.pipeline.StageEdits.requireFreeKey;
import static com.makcrm.core.pipeline.StageEdits.requireStage;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.PipelineMessages;
import com.makcrm.core.id.UuidV7;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.value.FieldErrors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sales pipelines and their stages, per tenant. Every call is one transaction in the tenant schema of its
 * {@link TenantScope}. Changes take the pipeline's {@code expectedVersion} (null: no check); a stale or
 * concurrent change is a CONFLICT naming both versions.
 *
 * <p>Get one from {@link Pipelines} (plain Java) or as a bean of the crm-core auto-configuration.
 */
public final class PipelineService {

    private final PipelineTransactions tx;
    private final PipelineRepository pipelines;
    private final PipelineStageRepository stages;

    PipelineService(PipelineTransactions tx, PipelineRepository pipelines, PipelineStageRepository stages) {
        this.tx = tx;
        this.pipelines = pipelines;
        this.stages = stages;
    }

    /** All pipelines with their stages, in display order (position, then name). */
    public List<PipelineView> list(TenantScope scope) {
        return tx.read(
                scope,
                () -> pipelines.findAllWithStages().stream()
                        .map(PipelineView::of)
                        .toList());
    }

    public PipelineView get(TenantScope scope, UUID pipelineId) {
        return tx.read(scope, () -> PipelineView.of(find(pipelineId)));
    }

    /** A new pipeline after the existing ones; it becomes the default only when the tenant has none. */
    public PipelineView create(TenantScope scope, String name, List<NewStage> stageList) {
        FieldErrors errors = new FieldErrors();
        String validName = PipelineRules.name("name", name, errors);
        List<StageSpec> specs = PipelineRules.stages(stageList, errors);
        errors.throwIfAny();
        return tx.write(scope, () -> {
            requireFreeName(validName);
            Pipeline p = new Pipeline(UuidV7.next(), validName, pipelines.nextPosition());
            specs.forEach(s -> p.addStage(p.stages().size(), new PipelineStage(UuidV7.next(), p, s)));
            if (pipelines.findByDefaultPipelineTrue().isEmpty()) {
                p.markDefault(true);
            }
            pipelines.save(p);
            pipelines.flush();
            return PipelineView.of(p);
        });
    }

    public PipelineView rename(TenantScope scope, UUID pipelineId, Integer expectedVersion, String name) {
        String validName = valid(errors -> PipelineRules.name("name", name, errors));
        return change(scope, pipelineId, expectedVersion, p -> {
            if (!p.name().equals(validName)) {
                requireFreeName(validName);
                p.rename(validName);
            }
        });
    }

    /** @param position where the stage goes (0 = first); null appends it */
    public PipelineView addStage(
            TenantScope scope, UUID pipelineId, Integer expectedVersion, NewStage stage, Integer position) {
        StageSpec spec = valid(errors -> PipelineRules.newStage("", stage, errors));
        return change(scope, pipelineId, expectedVersion, p -> {
            requireFreeKey(p, spec.key());
            p.addStage(insertionIndex(p, position), new PipelineStage(UuidV7.next(), p, spec));
        });
    }

    /** Changes a stage; a new key is carried over to the opportunities in the stage by the database. */
    public PipelineView updateStage(
            TenantScope scope, UUID pipelineId, Integer expectedVersion, String stageKey, StageChange change) {
        if (change == null) {
            throw CrmException.invalid(PipelineMessages.STAGE_CHANGE_REQUIRED, Map.of());
        }
        return change(scope, pipelineId, expectedVersion, p -> {
            PipelineStage stage = requireStage(p, stageKey);
            StageSpec spec = valid(errors -> PipelineRules.changed(stage.spec(), change, errors));
            if (!spec.key().equals(stageKey)) {
                requireFreeKey(p, spec.key());
            }
            stage.apply(spec);
            p.touch();
        });
    }

    /** @param stageKeys every stage key of the pipeline, each once, in the new order */
    public PipelineView reorderStages(
            TenantScope scope, UUID pipelineId, Integer expectedVersion, List<String> stageKeys) {
        return change(scope, pipelineId, expectedVersion, p -> p.reorder(ordered(p, stageKeys)));
    }

    /** Removes a stage no opportunity is in (soft-deleted ones included); a pipeline keeps at least one stage. */
    public PipelineView removeStage(TenantScope scope, UUID pipelineId, Integer expectedVersion, String stageKey) {
        return change(scope, pipelineId, expectedVersion, p -> {
            PipelineStage stage = requireStage(p, stageKey);
            if (p.stages().size() == 1) {
                throw CrmException.conflict(PipelineMessages.LAST_STAGE, about(p, "key", stageKey));
            }
            long used = stages.countOpportunities(p.id(), stageKey);
            if (used > 0) {
                throw CrmException.conflict(PipelineMessages.STAGE_IN_USE, used(about(p, "key", stageKey), used));
            }
            p.removeStage(stage);
        });
    }

    /** Makes this pipeline the one new opportunities land in when they name none. */
    public PipelineView setDefault(TenantScope scope, UUID pipelineId, Integer expectedVersion) {
        return change(scope, pipelineId, expectedVersion, p -> {
            if (p.isDefault()) {
                return;
            }
            pipelines.findByDefaultPipelineTrue().ifPresent(old -> {
                old.markDefault(false);
                pipelines.flush(); // at most one default row at any moment (partial unique index)
            });
            p.markDefault(true);
        });
    }

    /** Deletes a pipeline that is not the default and that no opportunity uses (soft-deleted ones included). */
    public void delete(TenantScope scope, UUID pipelineId, Integer expectedVersion) {
        change(scope, pipelineId, expectedVersion, p -> {
            if (p.isDefault()) {
                throw CrmException.conflict(PipelineMessages.DEFAULT_PIPELINE, about(p, null, null));
            }
            long used = pipelines.countOpportunities(p.id());
            if (used > 0) {
                throw CrmException.conflict(PipelineMessages.PIPELINE_IN_USE, used(about(p, null, null), used));
            }
            pipelines.delete(p);
        });
    }

    /** Loads, changes and flushes one pipeline; a version clash becomes a CONFLICT naming both versions. */
    private PipelineView change(TenantScope scope, UUID id, Integer expectedVersion, Consumer<Pipeline> change) {
        try {
            return tx.write(scope, () -> {
                Pipeline p = load(id, expectedVersion);
                int seen = p.version();
                try {
                    change.accept(p);
                    pipelines.flush();
                } catch (RuntimeException e) {
                    throw PersistenceErrors.isOptimisticLock(e) ? new ConcurrentChangeException(seen, e) : e;
                }
                return PipelineView.of(p);
            });
        } catch (ConcurrentChangeException e) {
            throw staleVersion(id, currentVersion(scope, id), e.versionSeen());
        }
    }

    private Pipeline find(UUID id) {
        return pipelines
                .findWithStages(id)
                .orElseThrow(() -> CrmException.notFound(PipelineMessages.NOT_FOUND, Map.of("id", String.valueOf(id))));
    }

    private Pipeline load(UUID id, Integer expectedVersion) {
        Pipeline p = find(id);
        if (expectedVersion != null && expectedVersion != p.version()) {
            throw staleVersion(id, p.version(), expectedVersion);
        }
        return p;
    }

    private Integer currentVersion(TenantScope scope, UUID id) {
        return tx.read(
                scope, () -> pipelines.findById(id).map(Pipeline::version).orElse(null));
    }

    private static CrmException staleVersion(UUID id, Integer current, int expected) {
        if (current == null) {
            return CrmException.notFound(
                    PipelineMessages.DELETED_WHILE_SAVING,
                    Map.of("id", String.valueOf(id), "expected", String.valueOf(expected)));
        }
        return CrmException.conflict(
                PipelineMessages.STALE_VERSION,
                Map.of(
                        "id",
                        String.valueOf(id),
                        "current",
                        String.valueOf(current),
                        "expected",
                        String.valueOf(expected)));
    }

    /** {@code args} plus the opportunity count of {@link PipelineMessages#STAGE_IN_USE} and the like. */
    private static Map<String, Object> used(Map<String, Object> args, long count) {
        args.put("count", count);
        args.put("shown", String.valueOf(count));
        return args;
    }

    private void requireFreeName(String name) {
        if (pipelines.existsByName(name)) {
            throw CrmException.conflict(PipelineMessages.NAME_TAKEN, Map.of("name", String.valueOf(name)));
        }
    }

    private static <T> T valid(Function<FieldErrors, T> validation) {
        FieldErrors errors = new FieldErrors();
        T value = validation.apply(errors);
        errors.throwIfAny();
        return value;
    }
}
