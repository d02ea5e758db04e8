package com.makcrm.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.makcrm.core.backup.RetentionPolicy.Rules;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which backups a policy keeps, over synthetic manifests spanning months; and how policy files are read. */
class RetentionPolicyTest {

    private static final UUID TENANT = UUID.fromString("0190f0a0-0000-7000-8000-000000000001");

    /** Backups at the given UTC instants, of one tenant. */
    private static List<BackupManifest> backupsAt(String... instants) {
        List<BackupManifest> backups = new ArrayList<>();
        for (String at : instants) {
            backups.add(manifest(Instant.parse(at), BackupManifest.Kind.TENANT, TENANT, "acme"));
        }
        return backups;
    }

    static BackupManifest manifest(Instant started, BackupManifest.Kind kind, UUID tenantId, String slug) {
        return new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                UUID.randomUUID(),
                kind,
                tenantId,
                slug,
                "1",
                started,
                started.plusSeconds(5),
                "test",
                List.of(),
                List.of(),
                null,
                null);
    }

    /** What is kept, as start instants, newest first, each with its reasons. */
    private static Map<String, List<String>> kept(List<BackupManifest> backups, Rules rules) {
        Map<UUID, Instant> startOf =
                backups.stream().collect(Collectors.toMap(BackupManifest::backupId, BackupManifest::started));
        return RetentionSelection.keep(backups, rules).entrySet().stream()
                .collect(Collectors.toMap(
                        e -> startOf.get(e.getKey()).toString(),
                        Map.Entry::getValue,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    // two backups a day for most days of three months, some days without
    private static final List<BackupManifest> MONTHS = backupsAt(
            "2026-09-01T01:00:00Z",
            "2026-09-15T01:00:00Z",
            "2026-09-30T23:00:00Z",
            "2026-10-05T01:00:00Z",
            "2026-10-31T22:00:00Z",
            "2026-11-02T01:00:00Z", // Monday, week 45
            "2026-11-08T23:59:59Z", // Sunday, week 45
            "2026-11-09T00:00:00Z", // Monday, week 46
            "2026-11-25T01:00:00Z",
            "2026-11-26T01:00:00Z",
            "2026-11-26T13:00:00Z",
            "2026-11-27T01:00:00Z",
            "2026-11-27T13:00:00Z");

    @Test
    void keepLastKeepsTheNewestBackups() {
        assertThat(kept(MONTHS, new Rules(3, 0, 0, 0)))
                .containsExactly(
                        Map.entry("2026-11-27T13:00:00Z", List.of("last 3")),
                        Map.entry("2026-11-27T01:00:00Z", List.of("last 3")),
                        Map.entry("2026-11-26T13:00:00Z", List.of("last 3")));
    }

    @Test
    void keepDailyKeepsTheNewestBackupOfEachOfTheNewestDaysThatHaveBackups() {
        assertThat(kept(MONTHS, new Rules(0, 4, 0, 0)))
                .containsExactly(
                        Map.entry("2026-11-27T13:00:00Z", List.of("daily 2026-11-27")),
                        Map.entry("2026-11-26T13:00:00Z", List.of("daily 2026-11-26")),
                        Map.entry("2026-11-25T01:00:00Z", List.of("daily 2026-11-25")),
                        // days without backups do not count: the fourth day with one is two weeks earlier
                        Map.entry("2026-11-09T00:00:00Z", List.of("daily 2026-11-09")));
    }

    @Test
    void keepWeeklyUsesIsoWeeksStartingOnMondayInUtc() {
        assertThat(kept(MONTHS, new Rules(0, 0, 3, 0)))
                .containsExactly(
                        Map.entry("2026-11-27T13:00:00Z", List.of("weekly 2026-W48")),
                        Map.entry("2026-11-09T00:00:00Z", List.of("weekly 2026-W46")),
                        Map.entry("2026-11-08T23:59:59Z", List.of("weekly 2026-W45")));
    }

    @Test
    void keepMonthlyKeepsTheNewestBackupOfEachMonth() {
        assertThat(kept(MONTHS, new Rules(0, 0, 0, 12)))
                .containsExactly(
                        Map.entry("2026-11-27T13:00:00Z", List.of("monthly 2026-11")),
                        Map.entry("2026-10-31T22:00:00Z", List.of("monthly 2026-10")),
                        Map.entry("2026-09-30T23:00:00Z", List.of("monthly 2026-09")));
    }

    @Test
    void rulesKeepTheUnionOfWhatEachKeepsWithEveryReason() {
        Map<String, List<String>> kept = kept(MONTHS, new Rules(2, 2, 2, 2));

        assertThat(kept)
                .containsExactly(
                        Map.entry(
                                "2026-11-27T13:00:00Z",
                                List.of("last 2", "daily 2026-11-27", "weekly 2026-W48", "monthly 2026-11")),
                        Map.entry("2026-11-27T01:00:00Z", List.of("last 2")),
                        Map.entry("2026-11-26T13:00:00Z", List.of("daily 2026-11-26")),
                        Map.entry("2026-11-09T00:00:00Z", List.of("weekly 2026-W46")),
                        Map.entry("2026-10-31T22:00:00Z", List.of("monthly 2026-10")));
    }

    @Test
    void dayBoundariesAreUtc() {
        List<BackupManifest> backups = backupsAt("2026-11-26T23:59:59Z", "2026-11-27T00:00:00Z");

        assertThat(kept(backups, new Rules(0, 2, 0, 0)))
                .containsExactly(
                        Map.entry("2026-11-27T00:00:00Z", List.of("daily 2026-11-27")),
                        Map.entry("2026-11-26T23:59:59Z", List.of("daily 2026-11-26")));
    }

    @Test
    void moreRulesThanBackupsKeepsAll() {
        assertThat(kept(MONTHS, new Rules(100, 0, 0, 0))).hasSize(MONTHS.size());
        assertThat(kept(List.of(), new Rules(3, 3, 3, 3))).isEmpty();
    }

    @Test
    void readsEveryKeyOfAPolicyFile() {
        RetentionPolicy policy = RetentionPolicy.parse("""
                keep-last: 3
                keep-daily: 7
                keep-weekly: 4
                keep-monthly: 12
                object-grace: 36h
                tenants:
                  acme:
                    keep-last: 10
                  0190f0a0-0000-7000-8000-000000000002: {keep-daily: 0, keep-monthly: 24}
                cluster:
                  keep-daily: 14
                """, "policy.yaml");

        assertThat(policy.defaults()).isEqualTo(new Rules(3, 7, 4, 12));
        assertThat(policy.objectGrace()).isEqualTo(Duration.ofHours(36));
        // keys a tenant does not set come from the top level
        assertThat(policy.tenants().get("acme")).isEqualTo(new Rules(10, 7, 4, 12));
        assertThat(policy.tenants().get("0190f0a0-0000-7000-8000-000000000002")).isEqualTo(new Rules(3, 0, 4, 24));
        assertThat(policy.cluster()).isEqualTo(new Rules(3, 14, 4, 12));
    }

    @Test
    void tenantOverridesApplyBySlugOrIdAndOtherKindsUseTheClusterRules() {
        RetentionPolicy policy = RetentionPolicy.parse("""
                keep-last: 1
                tenants:
                  acme: {keep-last: 5}
                  0190f0a0-0000-7000-8000-000000000009: {keep-last: 7}
                cluster: {keep-last: 2}
                """, "policy.yaml");
        Instant t = Instant.parse("2026-11-27T00:00:00Z");

        assertThat(policy.rulesFor(manifest(t, BackupManifest.Kind.TENANT, TENANT, "acme"))
                        .keepLast())
                .isEqualTo(5);
        assertThat(policy.rulesFor(manifest(
                                t,
                                BackupManifest.Kind.TENANT,
                                UUID.fromString("0190f0a0-0000-7000-8000-000000000009"),
                                "renamed"))
                        .keepLast())
                .isEqualTo(7);
        assertThat(policy.rulesFor(manifest(t, BackupManifest.Kind.TENANT, UUID.randomUUID(), "other"))
                        .keepLast())
                .isEqualTo(1);
        for (BackupManifest.Kind kind : BackupManifest.Kind.values()) {
            if (kind != BackupManifest.Kind.TENANT) {
                assertThat(policy.rulesFor(manifest(t, kind, null, null)).keepLast())
                        .isEqualTo(2);
            }
        }
        assertThat(RetentionPolicy.parse("keep-last: 1", "p.yaml").objectGrace())
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void anUnknownKeyIsInvalidAndNamesTheKeyAndTheFile() {
        assertInvalid("keep-last: 3\nkeep-dayly: 7\n", "policy file backups/policy.yaml", "'keep-dayly'");
        assertInvalid(
                "keep-last: 3\ntenants:\n  acme:\n    keep-lats: 2\n",
                "backups/policy.yaml",
                "'tenants.acme.keep-lats'");
        assertInvalid("keep-last: 3\ncluster:\n  object-grace: 2h\n", "'cluster.object-grace'");
    }

    @Test
    void badValuesAreInvalidAndNameTheKey() {
        assertInvalid("keep-last: -1\n", "'keep-last'", "-1");
        assertInvalid("keep-last: three\n", "'keep-last'", "'three'");
        assertInvalid("keep-last: 2.5\n", "'keep-last'");
        assertInvalid("keep-last: 3\ntenants:\n  acme:\n    keep-daily: [1]\n", "'tenants.acme.keep-daily'", "a list");
        assertInvalid("keep-last: 3\nobject-grace: soon\n", "'object-grace'", "'soon'");
        assertInvalid("keep-last: 3\nobject-grace: 10m\n", "object-grace must be at least 1h");
        assertInvalid("keep-last: 3\ntenants: [acme]\n", "tenants must be a mapping");
        assertInvalid("- keep-last\n", "the top level must be a mapping");
        assertInvalid("keep-last: 3\nkeep-last: 4\n", "not valid YAML", "keep-last");
        assertInvalid("keep-last: [3\n", "not valid YAML");
    }

    @Test
    void aPolicyThatKeepsNothingIsRefused() {
        assertInvalid("keep-last: 0\nkeep-daily: 0\n", "the policy keeps nothing");
        assertInvalid("", "the policy keeps nothing");
        assertInvalid("# only comments\n", "the policy keeps nothing");
        assertInvalid("keep-last: 3\ntenants:\n  acme: {keep-last: 0}\n", "the rules of tenant 'acme' keeps nothing");
        assertInvalid("keep-daily: 3\ncluster: {keep-daily: 0}\n", "the rules for cluster backups keeps nothing");
    }

    @Test
    void aMissingPolicyFileIsInvalid() {
        assertThatThrownBy(() -> RetentionPolicy.load(java.nio.file.Path.of("no-such-dir", "policy.yaml")))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(((CrmException) e).category()).isEqualTo(ErrorCategory.INVALID));
    }

    private static void assertInvalid(String yaml, String... fragments) {
        assertThatThrownBy(() -> RetentionPolicy.parse(yaml, "backups/policy.yaml"))
                .isInstanceOf(CrmException.class)
                .satisfies(e -> {
                    assertThat(((CrmException) e).category()).isEqualTo(ErrorCategory.INVALID);
                    assertThat(e.getMessage())
                            .startsWith("policy file backups/policy.yaml")
                            .contains(fragments);
                });
    }
}
