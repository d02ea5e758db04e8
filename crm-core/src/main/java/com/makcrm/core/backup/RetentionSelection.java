package com.makcrm.core.backup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The grandfather-father-son selection of one group of backups (one tenant's, or the cluster's), as restic and borg
 * {@code forget} do it: keep-last keeps the N newest; keep-daily/weekly/monthly keep the newest backup of each of the
 * N newest days/ISO weeks/months that have a backup. Periods are in UTC and a backup belongs to the period of its start.
 */
final class RetentionSelection {

    /** Newest first: by start, then by id (ids are UUID v7, so they sort by start too). */
    static final Comparator<BackupManifest> NEWEST_FIRST = Comparator.comparing(BackupManifest::started)
            .thenComparing(BackupManifest::backupId)
            .reversed();

    private RetentionSelection() {}

    /** The backups the rules keep, each with why (e.g. "last 3", "daily 2026-11-27"), newest first. */
    static Map<UUID, List<String>> keep(List<BackupManifest> group, RetentionPolicy.Rules rules) {
        List<BackupManifest> newestFirst = new ArrayList<>(group);
        newestFirst.sort(NEWEST_FIRST);
        Map<UUID, List<String>> kept = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(rules.keepLast(), newestFirst.size()); i++) {
            reason(kept, newestFirst.get(i), "last " + rules.keepLast());
        }
        periods(kept, newestFirst, rules.keepDaily(), "daily", date -> date.toString());
        periods(
                kept,
                newestFirst,
                rules.keepWeekly(),
                "weekly",
                date -> String.format(
                        java.util.Locale.ROOT,
                        "%d-W%02d",
                        date.get(IsoFields.WEEK_BASED_YEAR),
                        date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        periods(
                kept,
                newestFirst,
                rules.keepMonthly(),
                "monthly",
                date -> date.toString().substring(0, 7));
        return kept;
    }

    private static void periods(
            Map<UUID, List<String>> kept,
            List<BackupManifest> newestFirst,
            int count,
            String rule,
            Function<LocalDate, String> periodOf) {
        String last = null;
        int taken = 0;
        for (BackupManifest backup : newestFirst) {
            if (taken >= count) {
                return;
            }
            String period = periodOf.apply(LocalDate.ofInstant(backup.started(), ZoneOffset.UTC));
            if (!period.equals(last)) {
                reason(kept, backup, rule + " " + period);
                last = period;
                taken++;
            }
        }
    }

    private static void reason(Map<UUID, List<String>> kept, BackupManifest backup, String why) {
        kept.computeIfAbsent(backup.backupId(), id -> new ArrayList<>()).add(why);
    }
}
