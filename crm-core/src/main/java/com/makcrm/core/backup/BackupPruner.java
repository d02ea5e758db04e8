package com.makcrm.core.backup;

import com.makcrm.core.backup.PrunePlan.Decision;
import com.makcrm.core.backup.PrunePlan.Item;
import com.makcrm.core.backup.PrunePlan.Leftover;
import com.makcrm.core.backup.PrunePlan.ObjectSweep;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RetentionPolicy} to a backup repository: first {@link #plan} (reads only), then {@link #execute}.
 *
 * <ul>
 *   <li>The policy's rules apply per tenant (backups grouped by tenant id) and once to all backups of other kinds.
 *   <li>The newest backup whose latest verification record passed is kept for every live tenant (the ids the caller
 *       passes: ACTIVE and SUSPENDED tenants), whatever the policy says. A backup whose latest check failed is not
 *       "verified" even if an earlier check passed: the safety rule protects a backup known to be good now.
 *   <li>A backup is deleted manifest first, so a deletion cut short leaves a folder without manifest, which is no
 *       backup and is removed as a leftover by a later run.
 *   <li>Then content-addressed objects ({@code objects/.../<sha256>}, in any area under {@code objects/}) that no
 *       remaining backup references are removed, but only those older than the policy's {@code object-grace}: a backup
 *       still running has uploaded objects that no manifest names yet. Because a running backup also reuses objects
 *       already there (of any age), no object is removed while any backup may be running (a folder without manifest
 *       younger than the grace period) or while a manifest cannot be read, and none if a backup appeared between plan
 *       and execute.
 *   <li>Folders of unfinished backups ({@code backups/<id>/} without manifest) older than the grace period are removed.
 * </ul>
 */
public final class BackupPruner {

    private static final Logger LOG = LoggerFactory.getLogger(BackupPruner.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    static final String NEWEST_VERIFIED = "newest verified";
    private static final String OBJECTS = "objects/";

    private final ObjectStorage repository;
    private final Clock clock;

    public BackupPruner(ObjectStorage repository) {
        this(repository, Clock.systemUTC());
    }

    BackupPruner(ObjectStorage repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The files of one {@code backups/<id>/} folder, from one listing of {@code backups/}. */
    private record Folder(UUID backupId, List<ObjectSummary> files) {

        String prefix() {
            return RepositoryLayout.backupPrefix(backupId);
        }

        boolean hasManifest() {
            String manifest = RepositoryLayout.manifest(backupId);
            return files.stream().anyMatch(f -> f.key().equals(manifest));
        }

        long bytes() {
            return files.stream().mapToLong(ObjectSummary::size).sum();
        }

        /** The newest file's time; null when the store does not say for some file (then it counts as young). */
        Instant newest() {
            Instant newest = Instant.MIN;
            for (ObjectSummary f : files) {
                if (f.lastModified() == null) {
                    return null;
                }
                newest = f.lastModified().isAfter(newest) ? f.lastModified() : newest;
            }
            return newest;
        }

        /** The key of the newest verification record, or null. */
        String newestRecord() {
            return files.stream()
                    .map(ObjectSummary::key)
                    .filter(key -> backupId.equals(VerificationRecords.backupIdOfRecord(key)))
                    .max(Comparator.naturalOrder())
                    .orElse(null);
        }
    }

    /**
     * What pruning would do now; changes nothing.
     *
     * @param liveTenants ids of the tenants whose newest verified backup must survive (ACTIVE and SUSPENDED ones)
     */
    public PrunePlan plan(RetentionPolicy policy, Set<UUID> liveTenants) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(policy.objectGrace());
        Map<UUID, Folder> folders = folders();
        Map<String, List<BackupManifest>> groups = new TreeMap<>();
        List<Decision> decisions = new ArrayList<>();
        List<Leftover> leftovers = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Folder folder : folders.values()) {
            if (!folder.hasManifest()) {
                Instant newest = folder.newest();
                boolean old = newest != null && newest.isBefore(cutoff);
                leftovers.add(new Leftover(folder.prefix(), folder.files().size(), folder.bytes(), newest, old));
                continue;
            }
            try {
                BackupManifest manifest = ManifestJson.load(repository, folder.backupId());
                groups.computeIfAbsent(groupKey(manifest), k -> new ArrayList<>())
                        .add(manifest);
            } catch (CrmException e) {
                if (e.category() != ErrorCategory.INVALID && e.category() != ErrorCategory.NOT_FOUND) {
                    throw e;
                }
                unreadable.add(folder.backupId().toString());
                decisions.add(new Decision(
                        folder.backupId(),
                        null,
                        "?",
                        true,
                        List.of("unreadable manifest: " + e.getMessage()),
                        folder.bytes()));
            }
        }
        Set<String> referenced = new HashSet<>();
        for (List<BackupManifest> group : groups.values()) {
            decisions.addAll(decide(group, policy, liveTenants, folders));
        }
        for (Decision d : decisions) {
            if (d.keep() && d.manifest() != null) {
                d.manifest().objects().forEach(o -> referenced.add(o.sha256()));
            }
        }
        String skipped = null;
        if (!unreadable.isEmpty()) {
            skipped = "the manifest of backup " + unreadable.get(0)
                    + " cannot be read, so the objects it needs are not known";
        } else {
            Optional<Leftover> running =
                    leftovers.stream().filter(l -> !l.delete()).findFirst();
            if (running.isPresent()) {
                skipped = "a backup may be running (" + running.get().prefix()
                        + " has no manifest yet and files younger than the object grace)";
            }
        }
        return new PrunePlan(now, policy.objectGrace(), decisions, leftovers, sweep(referenced, cutoff, skipped));
    }

    /** Carries out a plan: backups, then leftovers, then objects. Safe to run again after a failure. */
    public PruneResult execute(PrunePlan plan) {
        int files = 0;
        long bytes = 0;
        int backups = 0;
        for (Decision d : plan.deletions()) {
            repository.delete(RepositoryLayout.manifest(d.backupId())); // first: without it, no backup
            Removed removed = removeAll(RepositoryLayout.backupPrefix(d.backupId()));
            files += removed.files() + 1;
            bytes += d.bytes();
            backups++;
            LOG.info("pruned backup {} ({})", d.backupId(), d.group());
        }
        int leftovers = 0;
        for (Leftover l : plan.leftovers()) {
            if (l.delete() && !hasManifest(l.prefix())) {
                Removed removed = removeAll(l.prefix());
                files += removed.files();
                bytes += removed.bytes();
                leftovers++;
            }
        }
        int objects = 0;
        String skipped = plan.objects().delete().isEmpty() ? null : newBackupSince(plan);
        if (skipped == null) {
            for (Item item : plan.objects().delete()) {
                repository.delete(item.key());
                files++;
                bytes += item.size();
                objects++;
            }
        }
        return new PruneResult(backups, leftovers, objects, files, bytes, skipped);
    }

    private record Removed(int files, long bytes) {}

    private Removed removeAll(String prefix) {
        List<ObjectSummary> files;
        try (Stream<ObjectSummary> listing = repository.list(prefix)) {
            files = listing.toList();
        }
        files.forEach(f -> repository.delete(f.key()));
        return new Removed(
                files.size(), files.stream().mapToLong(ObjectSummary::size).sum());
    }

    private boolean hasManifest(String prefix) {
        return repository.exists(prefix + RepositoryLayout.MANIFEST);
    }

    /** Why objects must stay after all: a backup folder the plan did not know, i.e. a backup started meanwhile. */
    private String newBackupSince(PrunePlan plan) {
        Set<String> known = new HashSet<>();
        plan.backups().forEach(d -> known.add(RepositoryLayout.backupPrefix(d.backupId())));
        plan.leftovers().forEach(l -> known.add(l.prefix()));
        for (Folder folder : folders().values()) {
            if (!known.contains(folder.prefix())) {
                return "backup " + folder.backupId() + " appeared while pruning; objects are removed by a later run";
            }
        }
        return null;
    }

    private List<Decision> decide(
            List<BackupManifest> group, RetentionPolicy policy, Set<UUID> liveTenants, Map<UUID, Folder> folders) {
        List<BackupManifest> newestFirst = new ArrayList<>(group);
        newestFirst.sort(RetentionSelection.NEWEST_FIRST);
        BackupManifest newest = newestFirst.get(0);
        Map<UUID, List<String>> kept = new LinkedHashMap<>(RetentionSelection.keep(group, policy.rulesFor(newest)));
        if (newest.kind() == BackupManifest.Kind.TENANT && liveTenants.contains(newest.tenantId())) {
            newestVerified(newestFirst, folders)
                    .ifPresent(id ->
                            kept.computeIfAbsent(id, k -> new ArrayList<>()).add(NEWEST_VERIFIED));
        }
        String label = groupLabel(newest);
        List<Decision> decisions = new ArrayList<>();
        for (BackupManifest b : newestFirst) {
            List<String> reasons = kept.get(b.backupId());
            long bytes = folders.get(b.backupId()).bytes();
            decisions.add(
                    reasons == null
                            ? new Decision(b.backupId(), b, label, false, List.of("no rule keeps it"), bytes)
                            : new Decision(b.backupId(), b, label, true, reasons, bytes));
        }
        return decisions;
    }

    private Optional<UUID> newestVerified(List<BackupManifest> newestFirst, Map<UUID, Folder> folders) {
        VerificationRecords records = new VerificationRecords(repository, clock);
        for (BackupManifest b : newestFirst) {
            String key = folders.get(b.backupId()).newestRecord();
            if (key != null && records.read(key).map(VerificationRecord::ok).orElse(false)) {
                return Optional.of(b.backupId());
            }
        }
        return Optional.empty();
    }

    private ObjectSweep sweep(Set<String> referenced, Instant cutoff, String skipped) {
        List<Item> delete = new ArrayList<>();
        int kept = 0;
        int young = 0;
        try (Stream<ObjectSummary> listing = repository.list(OBJECTS)) {
            for (ObjectSummary object : (Iterable<ObjectSummary>) listing::iterator) {
                String name = object.key().substring(object.key().lastIndexOf('/') + 1);
                if (!SHA256.matcher(name).matches()) {
                    continue; // not a content-addressed object: not ours to judge
                }
                if (referenced.contains(name)) {
                    kept++;
                } else if (object.lastModified() == null
                        || !object.lastModified().isBefore(cutoff)) {
                    young++;
                } else if (skipped == null) {
                    delete.add(new Item(object.key(), object.size()));
                }
            }
        }
        return new ObjectSweep(delete, kept, young, skipped);
    }

    /** Every {@code backups/<uuid>/} folder, from one listing; keys that are no such folder's are not ours. */
    private Map<UUID, Folder> folders() {
        Map<UUID, Folder> folders = new LinkedHashMap<>();
        try (Stream<ObjectSummary> listing = repository.list(RepositoryLayout.BACKUPS)) {
            listing.forEach(summary -> {
                UUID id = backupIdOfKey(summary.key());
                if (id != null) {
                    folders.computeIfAbsent(id, k -> new Folder(k, new ArrayList<>()))
                            .files()
                            .add(summary);
                }
            });
        }
        return folders;
    }

    private static UUID backupIdOfKey(String key) {
        String rest = key.substring(RepositoryLayout.BACKUPS.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String id = rest.substring(0, slash);
        try {
            UUID parsed = UUID.fromString(id);
            return parsed.toString().equals(id) ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Backups are grouped per tenant (by id: slugs can be renamed), and per kind for all other kinds. */
    static String groupKey(BackupManifest b) {
        return b.kind() == BackupManifest.Kind.TENANT
                ? "tenant:" + b.tenantId()
                : b.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String groupLabel(BackupManifest newest) {
        return newest.kind() == BackupManifest.Kind.TENANT
                ? newest.tenantSlug()
                : newest.kind().name().toLowerCase(Locale.ROOT);
    }
}
