package com.makcrm.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@link BackupPruner#execute prune} would do, and why: made by {@link BackupPruner#plan}, changed nothing.
 *
 * @param at the time the plan was made; ages are measured from it
 * @param objectGrace objects and unfinished backups younger than this are left alone
 * @param backups one decision per backup in the repository, grouped (tenants, then cluster) and newest first
 * @param leftovers unfinished backups ({@code backups/<id>/} without a manifest)
 * @param objects the content-addressed objects no remaining backup needs
 */
public record PrunePlan(
        Instant at, Duration objectGrace, List<Decision> backups, List<Leftover> leftovers, ObjectSweep objects) {

    public PrunePlan {
        backups = List.copyOf(backups);
        leftovers = List.copyOf(leftovers);
    }

    /**
     * KEEP or DELETE for one backup.
     *
     * @param manifest null when the manifest could not be read (such a backup is always kept)
     * @param group the tenant's slug for a tenant backup, else the lower-case kind (e.g. {@code cluster})
     * @param reasons why it is kept (e.g. "last 3", "daily 2026-11-27", "newest verified"), or why not
     * @param bytes what all its files take in the repository (objects shared with other backups not counted)
     */
    public record Decision(
            UUID backupId, BackupManifest manifest, String group, boolean keep, List<String> reasons, long bytes) {
        public Decision {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A {@code backups/<id>/} folder with no manifest: a backup interrupted, still running, or half deleted.
     *
     * @param newest when its newest file was written; null when the store does not say
     * @param delete whether it is older than the grace period, so removed
     */
    public record Leftover(String prefix, int files, long bytes, Instant newest, boolean delete) {}

    /**
     * The objects under {@code objects/} no remaining backup references.
     *
     * @param delete unreferenced and older than the grace period: removed
     * @param referenced how many objects remaining backups need
     * @param young unreferenced but younger than the grace period (a running backup may be about to reference them)
     * @param skipped why nothing is removed this time (e.g. a backup may be running), or null
     */
    public record ObjectSweep(List<Item> delete, int referenced, int young, String skipped) {
        public ObjectSweep {
            delete = List.copyOf(delete);
        }

        public long bytes() {
            return delete.stream().mapToLong(Item::size).sum();
        }
    }

    /** One object to remove. */
    public record Item(String key, long size) {}

    public List<Decision> deletions() {
        return backups.stream().filter(d -> !d.keep()).toList();
    }

    public long bytesToFree() {
        return deletions().stream().mapToLong(Decision::bytes).sum()
                + leftovers.stream()
                        .filter(Leftover::delete)
                        .mapToLong(Leftover::bytes)
                        .sum()
                + objects.bytes();
    }
}
