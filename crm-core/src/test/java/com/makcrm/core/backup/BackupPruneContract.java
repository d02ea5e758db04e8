package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.CrmCore;
import com.makcrm.core.TenantFixture;
import com.makcrm.core.backup.PrunePlan.Decision;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.tenant.Tenant;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pruning and verification records over every kind of repository, with real backups of a real tenant whose start
 * times a test clock sets.
 */
abstract class BackupPruneContract {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MORE_THAN_GRACE = Duration.ofHours(25);

    private ObjectStorage appStorage;
    ObjectStorage repository;
    private CrmCore core;
    private TenantScope scope;
    private final TestClock clock = new TestClock();
    private TenantBackups backups;

    protected abstract TestDatabase database();

    protected abstract TenantFixture fixture();

    protected abstract ObjectStorage newAppStorage() throws Exception;

    protected abstract ObjectStorage newRepository() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        appStorage = newAppStorage();
        repository = newRepository();
        core = CrmCore.create(
                database().dataSource(), CrmCore.Settings.defaults().withStorage(appStorage));
        backups = new TenantBackups(database().dataSource(), appStorage, clock);
        scope = fixture().newTenant();
        UUID company = core.records()
                .create(scope, ObjectKind.COMPANY, Map.of("name", "Acme"), WriteOptions.FAIL)
                .record()
                .id();
        byte[] content = "contract".getBytes(StandardCharsets.UTF_8);
        core.attachments()
                .upload(
                        scope,
                        ObjectKind.COMPANY,
                        company,
                        "contract.txt",
                        "text/plain",
                        content.length,
                        new ByteArrayInputStream(content));
    }

    @AfterEach
    void closeStores() {
        repository.close();
        appStorage.close();
    }

    @Test
    void dryRunPlanChangesNothingAndExecuteDeletesManifestAndPartsOfWhatIsNotKept() {
        List<BackupManifest> made = backUpDaily(3);
        List<String> before = keys("");

        PrunePlan plan = pruner(0).plan(policy("keep-last: 1"), Set.of());

        assertThat(keys("")).isEqualTo(before);
        assertThat(plan.backups())
                .extracting(Decision::backupId, Decision::keep)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(made.get(2).backupId(), true),
                        org.assertj.core.groups.Tuple.tuple(made.get(1).backupId(), false),
                        org.assertj.core.groups.Tuple.tuple(made.get(0).backupId(), false));
        assertThat(plan.backups().get(0).reasons()).containsExactly("last 1");
        assertThat(plan.backups().get(0).group()).isEqualTo(tenant().slug());
        assertThat(plan.backups().get(1).reasons()).containsExactly("no rule keeps it");
        assertThat(plan.backups().get(1).bytes()).isPositive();

        PruneResult result = pruner(0).execute(plan);

        assertThat(result.backupsDeleted()).isEqualTo(2);
        assertThat(result.bytesFreed())
                .isEqualTo(plan.backups().get(1).bytes() + plan.backups().get(2).bytes());
        assertThat(keys("backups/" + made.get(0).backupId() + "/")).isEmpty();
        assertThat(keys("backups/" + made.get(1).backupId() + "/")).isEmpty();
        assertThat(backups.list(repository)).containsExactly(made.get(2));
        assertThat(backups.verify(repository, made.get(2).backupId()).ok()).isTrue();
        // the kept backup still references the shared object: it stays, however old
        PrunePlan later = pruner(10).plan(policy("keep-last: 1"), Set.of());
        assertThat(later.deletions()).isEmpty();
        assertThat(later.objects().delete()).isEmpty();
        assertThat(later.objects().referenced()).isEqualTo(1);
    }

    @Test
    void objectsNoBackupNeedsAreRemovedOnlyOnceOlderThanTheGrace() {
        BackupManifest withObject = backUpAt(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(withObject.objects()).hasSize(1);
        removeTheTenantsObjects();
        BackupManifest withoutObject = backUpAt(Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(withoutObject.objects()).isEmpty();
        String objectKey = RepositoryLayout.object(withObject.objects().get(0).sha256());
        String stray = RepositoryLayout.object(sha256("uploaded by a backup still running"));
        repository.put(stray, new ByteArrayInputStream(new byte[] {1, 2, 3}), null);
        repository.put("objects/README", new ByteArrayInputStream(new byte[] {1}), null);

        PruneResult now = pruner(0).execute(pruner(0).plan(policy("keep-last: 1"), Set.of()));

        assertThat(now.backupsDeleted()).isEqualTo(1);
        assertThat(now.objectsDeleted()).isZero(); // both unreferenced objects are younger than 24 h
        assertThat(repository.exists(objectKey)).isTrue();
        assertThat(repository.exists(stray)).isTrue();

        PrunePlan dayLater = pruner(1).plan(policy("keep-last: 1"), Set.of());
        assertThat(dayLater.objects().delete())
                .extracting(PrunePlan.Item::key)
                .containsExactlyInAnyOrder(objectKey, stray);
        PruneResult removed = pruner(1).execute(dayLater);

        assertThat(removed.objectsDeleted()).isEqualTo(2);
        assertThat(removed.bytesFreed()).isEqualTo("contract".length() + 3);
        assertThat(repository.exists(objectKey)).isFalse();
        assertThat(repository.exists(stray)).isFalse();
        assertThat(repository.exists("objects/README")).isTrue(); // not content-addressed: not ours
        assertThat(backups.verify(repository, withoutObject.backupId()).ok()).isTrue();
    }

    @Test
    void theNewestVerifiedBackupOfALiveTenantSurvivesAPolicyThatWouldDeleteIt() {
        List<BackupManifest> made = backUpDaily(4);
        VerificationRecords records = new VerificationRecords(repository, clock);
        records.record(backups.verify(repository, made.get(0).backupId()));
        records.record(backups.verify(repository, made.get(1).backupId()));
        // the newer one failed its last check after passing before: no longer counts as verified
        records.record(backups.verify(repository, made.get(2).backupId()));
        clock.advance(Duration.ofMinutes(1));
        records.recordDrill(made.get(2).backupId(), false, 10, 1000, 2, Map.of("rowsDiffer", "company"));
        Set<UUID> live = Set.of(tenant().id());

        PrunePlan plan = pruner(0).plan(policy("keep-last: 1"), live);

        assertThat(plan.backups())
                .filteredOn(Decision::keep)
                .extracting(Decision::backupId)
                .containsExactly(made.get(3).backupId(), made.get(1).backupId());
        assertThat(plan.backups())
                .filteredOn(d -> d.backupId().equals(made.get(1).backupId()))
                .singleElement()
                .satisfies(d -> assertThat(d.reasons()).containsExactly(BackupPruner.NEWEST_VERIFIED));
        pruner(0).execute(plan);
        assertThat(backups.list(repository)).containsExactly(made.get(1), made.get(3));

        // a tenant that is not live (deleted) gets no such protection
        PrunePlan notLive = pruner(0).plan(policy("keep-last: 1"), Set.of());
        assertThat(notLive.deletions())
                .extracting(Decision::backupId)
                .containsExactly(made.get(1).backupId());
    }

    @Test
    void leftoversOfInterruptedBackupsAreRemovedAfterTheGraceAndHoldBackObjectRemovalUntilThen() {
        backUpAt(Instant.parse("2026-11-20T02:00:00Z"));
        String leftover = "backups/" + UUID.randomUUID() + "/";
        repository.put(leftover + "tables/company.copy.zst", new ByteArrayInputStream(new byte[10]), null);
        String stray = RepositoryLayout.object(sha256("a stray object"));
        repository.put(stray, new ByteArrayInputStream(new byte[] {7}), null);

        PrunePlan now = pruner(0).plan(policy("keep-last: 1"), Set.of());

        assertThat(now.leftovers()).singleElement().satisfies(l -> {
            assertThat(l.prefix()).isEqualTo(leftover);
            assertThat(l.delete()).isFalse();
            assertThat(l.bytes()).isEqualTo(10);
        });
        assertThat(now.objects().skipped()).contains("a backup may be running", leftover);

        PrunePlan dayLater = pruner(1).plan(policy("keep-last: 1"), Set.of());
        assertThat(dayLater.leftovers())
                .singleElement()
                .satisfies(l -> assertThat(l.delete()).isTrue());
        assertThat(dayLater.objects().skipped()).isNull();
        PruneResult result = pruner(1).execute(dayLater);

        assertThat(result.leftoversDeleted()).isEqualTo(1);
        assertThat(result.objectsDeleted()).isEqualTo(1);
        assertThat(keys(leftover)).isEmpty();
        assertThat(repository.exists(stray)).isFalse();
    }

    @Test
    void anUnreadableManifestIsKeptAndStopsObjectRemoval() {
        BackupManifest good = backUpAt(Instant.parse("2026-11-20T02:00:00Z"));
        UUID broken = UUID.randomUUID();
        repository.put(RepositoryLayout.manifest(broken), new ByteArrayInputStream("{not json".getBytes()), null);
        repository.put(RepositoryLayout.object(sha256("x")), new ByteArrayInputStream(new byte[] {1}), null);

        PrunePlan plan = pruner(2).plan(policy("keep-last: 1"), Set.of());

        assertThat(plan.backups()).extracting(Decision::backupId).contains(good.backupId(), broken);
        assertThat(plan.deletions()).isEmpty();
        assertThat(plan.objects().delete()).isEmpty();
        assertThat(plan.objects().skipped()).contains(broken.toString());
    }

    @Test
    void verificationRecordsKeepTheLatestAndTheLatestSuccessfulCheck() {
        List<BackupManifest> made = backUpDaily(2);
        UUID id = made.get(0).backupId();
        VerificationRecords records = new VerificationRecords(repository, clock);
        assertThat(records.latest(id)).isEmpty();

        VerificationRecord verified = records.record(backups.verify(repository, id));
        clock.advance(Duration.ofSeconds(1));
        VerificationRecord drill =
                records.recordDrill(id, false, 12, 3456, 1, Map.of("scratchSchema", "drill_x", "tables", 12));

        assertThat(verified.ok()).isTrue();
        assertThat(verified.kind()).isEqualTo(VerificationRecord.Kind.VERIFY);
        assertThat(verified.partsChecked()).isPositive();
        assertThat(verified.toolVersion()).isNotBlank();
        assertThat(records.latest(id)).contains(drill);
        assertThat(records.latestSuccessful(id)).contains(verified);
        assertThat(records.latestOfAll()).containsOnlyKeys(id).containsEntry(id, drill);
        assertThat(keys(VerificationRecords.prefix(id)))
                .hasSize(2)
                .allSatisfy(key ->
                        assertThat(key).matches(".*/verifications/\\d{8}T\\d{6}\\.\\d{9}Z-(verify|drill)\\.json"));
        // a record is beside the backup, not a part of it: the backup still lists and verifies
        assertThat(backups.list(repository)).containsExactlyElementsOf(made);
        assertThat(backups.verify(repository, id).ok()).isTrue();
    }

    private List<BackupManifest> backUpDaily(int count) {
        return Stream.iterate(Instant.parse("2026-11-20T02:00:00Z"), t -> t.plus(DAY))
                .limit(count)
                .map(this::backUpAt)
                .toList();
    }

    private BackupManifest backUpAt(Instant started) {
        clock.set(started);
        return backups.create(tenant(), repository);
    }

    /** A pruner whose clock is this many days plus an hour after now (real time: objects carry real times). */
    private BackupPruner pruner(int days) {
        Instant at = Instant.now().plus(days == 0 ? Duration.ZERO : MORE_THAN_GRACE.plus(DAY.multipliedBy(days - 1)));
        return new BackupPruner(repository, Clock.fixed(at, ZoneOffset.UTC));
    }

    private static RetentionPolicy policy(String yaml) {
        return RetentionPolicy.parse(yaml, "test policy");
    }

    private void removeTheTenantsObjects() {
        List<String> keys;
        try (Stream<ObjectSummary> listing = appStorage.list("tenants/" + scope.tenantId() + "/")) {
            keys = listing.map(ObjectSummary::key).toList();
        }
        assertThat(keys).isNotEmpty();
        keys.forEach(appStorage::delete);
    }

    private List<String> keys(String prefix) {
        try (Stream<ObjectSummary> listing = repository.list(prefix)) {
            return listing.map(ObjectSummary::key).toList();
        }
    }

    private Tenant tenant() {
        return core.tenants().getById(scope.tenantId());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Backup start times as the test sets them. */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
