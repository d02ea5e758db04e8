package com.makcrm.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.TestSql;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PipelineOptimisticLockTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static TenantFixture fixture;
    private static Pipelines module;
    private static PipelineService pipelines;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private TenantScope tenant;
    private PipelineView sales;

    @BeforeAll
    static void start() {
        fixture = new TenantFixture(db);
        module = Pipelines.over(db.dataSource());
        pipelines = module.service();
    }

    @AfterAll
    static void stop() {
        module.close();
    }

    @BeforeEach
    void newTenant() {
        tenant = fixture.newTenant();
        sales = pipelines.list(tenant).get(0);
    }

    @Test
    void aChangeOvertakenByAnotherTransactionIsAConflictNamingBothVersions() throws Exception {
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            // another writer has changed the pipeline and holds its row, not yet committed
            try (PreparedStatement ps = other.prepareStatement(
                    "update " + tenant.schema() + ".pipeline set version = version + 1 where id = ?")) {
                ps.setObject(1, sales.id());
                ps.executeUpdate();
            }
            // the service reads version 1 (the committed one) and its versioned UPDATE waits for the row
            Future<PipelineView> racer = pool.submit(() -> pipelines.rename(tenant, sales.id(), null, "Racer"));
            awaitABlockedBackend();
            other.commit();

            ExecutionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    ExecutionException.class, () -> racer.get(30, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(CrmException.class);
            CrmException conflict = (CrmException) e.getCause();
            assertThat(conflict.category()).isEqualTo(ErrorCategory.CONFLICT);
            assertThat(conflict.getMessage()).contains("at version 2").contains("against version 1");
        }
        assertThat(pipelines.get(tenant, sales.id()).name()).isEqualTo("Sales");
    }

    @Test
    void ofManyChangesAgainstTheSameVersionExactlyOneWins() throws Exception {
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        List<Future<PipelineView>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String key = "RACER_" + i;
            results.add(pool.submit(() -> {
                start.await();
                return pipelines.addStage(tenant, sales.id(), 1, NewStage.open(key, key, 5), null);
            }));
        }

        int won = 0;
        for (Future<PipelineView> f : results) {
            try {
                f.get(30, TimeUnit.SECONDS);
                won++;
            } catch (ExecutionException e) {
                assertThat(((CrmException) e.getCause()).category()).isEqualTo(ErrorCategory.CONFLICT);
            }
        }
        assertThat(won).isEqualTo(1);
        PipelineView after = pipelines.get(tenant, sales.id());
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.stages()).hasSize(7);
    }

    private static void awaitABlockedBackend() throws InterruptedException {
        TestSql sql = new TestSql(db.dataSource());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (sql.count("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock'")
                == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the service's UPDATE never waited for the locked row");
            }
            Thread.sleep(20);
        }
    }
}
