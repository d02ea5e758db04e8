package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.tenant.TenantScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two tenants worked on at once from many threads through one {@link PipelineService}: each iteration creates a
 * pipeline with tenant-specific names and keys, lists the tenant's pipelines, and tries to read and rename one of
 * the other tenant's. Any row of the other tenant seen, or written into the wrong schema, fails the drill. Shared
 * by the plain-Java and Spring tests (crm-server's too).
 */
public final class IsolationDrill {

    private final PipelineService service;
    private final TenantScope a;
    private final TenantScope b;
    private final Queue<UUID> createdInA = new ConcurrentLinkedQueue<>();
    private final Queue<UUID> createdInB = new ConcurrentLinkedQueue<>();

    public IsolationDrill(PipelineService service, TenantScope a, TenantScope b) {
        this.service = service;
        this.a = a;
        this.b = b;
    }

    /** Runs the drill; afterwards each tenant holds its seeded pipeline plus {@code threads * iterations / 2}. */
    public void run(int threads, int iterations) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        iteration(thread, i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        int each = threads * iterations / 2;
        assertOnlyOwnRows(a, service.list(a), each + 1);
        assertOnlyOwnRows(b, service.list(b), each + 1);
    }

    private void iteration(int thread, int i) {
        boolean inA = (thread + i) % 2 == 0;
        TenantScope mine = inA ? a : b;
        PipelineView created = service.create(
                mine,
                prefix(mine) + thread + "-" + i,
                List.of(NewStage.open(key(mine), "Stage of " + mine.slug(), 50)));
        (inA ? createdInA : createdInB).add(created.id());
        assertOnlyOwnRows(mine, service.list(mine), -1);
        UUID theirs = (inA ? createdInB : createdInA).peek();
        if (theirs != null) {
            assertInvisible(mine, theirs);
        }
    }

    private void assertInvisible(TenantScope mine, UUID theirs) {
        CrmException read = catchThrowableOfType(CrmException.class, () -> service.get(mine, theirs));
        assertThat(read.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        CrmException write =
                catchThrowableOfType(CrmException.class, () -> service.rename(mine, theirs, null, "Hijacked"));
        assertThat(write.category()).isEqualTo(ErrorCategory.NOT_FOUND);
    }

    private static void assertOnlyOwnRows(TenantScope tenant, List<PipelineView> seen, int expectedCount) {
        for (PipelineView p : seen) {
            if (p.name().equals("Sales")) {
                continue;
            }
            assertThat(p.name()).as("pipeline seen by %s", tenant.slug()).startsWith(prefix(tenant));
            assertThat(p.stages()).extracting(StageView::key).containsExactly(key(tenant));
        }
        if (expectedCount >= 0) {
            assertThat(seen).hasSize(expectedCount);
        }
    }

    private static String prefix(TenantScope tenant) {
        return tenant.slug() + "-";
    }

    private static String key(TenantScope tenant) {
        return "S_" + tenant.slug().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
