package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verification records of a backup repository: one small JSON file per check of a backup,
 * {@code backups/<backup-id>/verifications/<timestamp>-<kind>.json}, where {@code <timestamp>} is the UTC time of the
 * check as {@code yyyyMMdd'T'HHmmss.nnnnnnnnn'Z'}, so file names sort by time.
 *
 * <p>Nothing records by itself: whoever checks a backup decides to record the outcome ({@code crm backup verify} does
 * after every verify, the restore drill after every drill). Records are what {@code backup list} shows as "last
 * verified", and what keeps the newest verified backup of a live tenant from being pruned. A record is written next
 * to the backup, not into its manifest, so the manifest stays as the backup wrote it; a record whose backup has no
 * manifest is a leftover that prune removes.
 */
public final class VerificationRecords {

    private static final String DIRECTORY = "verifications/";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ObjectStorage repository;
    private final Clock clock;

    public VerificationRecords(ObjectStorage repository) {
        this(repository, Clock.systemUTC());
    }

    VerificationRecords(ObjectStorage repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records the outcome of {@link TenantBackups#verify}. */
    public VerificationRecord record(VerifyReport report) {
        return write(new VerificationRecord(
                report.backupId(),
                VerificationRecord.Kind.VERIFY,
                clock.instant(),
                report.ok(),
                report.partsChecked(),
                report.bytesChecked(),
                report.problems().size(),
                ToolVersion.current(),
                null));
    }

    /**
     * Records the outcome of a restore drill.
     *
     * @param problems how many differences or failures the drill found (0 when {@code ok})
     * @param details what else is worth keeping (tables and rows compared, the scratch schema, timings); may be null
     */
    public VerificationRecord recordDrill(
            UUID backupId, boolean ok, int partsChecked, long bytesChecked, int problems, Map<String, Object> details) {
        return write(new VerificationRecord(
                backupId,
                VerificationRecord.Kind.DRILL,
                clock.instant(),
                ok,
                partsChecked,
                bytesChecked,
                problems,
                ToolVersion.current(),
                details));
    }

    /** The newest record of the backup, of either kind; empty when it was never checked. */
    public Optional<VerificationRecord> latest(UUID backupId) {
        List<String> keys = keysOf(backupId);
        return keys.isEmpty() ? Optional.empty() : read(keys.get(keys.size() - 1));
    }

    /** The newest record of the backup whose check passed; empty when none did. */
    public Optional<VerificationRecord> latestSuccessful(UUID backupId) {
        List<String> keys = keysOf(backupId);
        for (int i = keys.size() - 1; i >= 0; i--) {
            Optional<VerificationRecord> record = read(keys.get(i));
            if (record.isPresent() && record.get().ok()) {
                return record;
            }
        }
        return Optional.empty();
    }

    /**
     * The newest record of every backup that has one, from one listing of the repository and one read per backup:
     * what {@code backup list} shows.
     */
    public Map<UUID, VerificationRecord> latestOfAll() {
        Map<UUID, String> newest = new HashMap<>();
        try (Stream<ObjectSummary> keys = repository.list(RepositoryLayout.BACKUPS)) {
            keys.forEach(summary -> {
                UUID backupId = backupIdOfRecord(summary.key());
                if (backupId != null) {
                    newest.merge(backupId, summary.key(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            });
        }
        Map<UUID, VerificationRecord> records = new HashMap<>();
        newest.forEach((backupId, key) -> read(key).ifPresent(record -> records.put(backupId, record)));
        return records;
    }

    /** Where the records of a backup live. */
    static String prefix(UUID backupId) {
        return RepositoryLayout.backupPrefix(backupId) + DIRECTORY;
    }

    /** The backup id of a key {@code backups/<id>/verifications/<name>.json}, or null for any other key. */
    static UUID backupIdOfRecord(String key) {
        if (!key.startsWith(RepositoryLayout.BACKUPS) || !key.endsWith(".json")) {
            return null;
        }
        String rest = key.substring(RepositoryLayout.BACKUPS.length());
        int slash = rest.indexOf('/');
        if (slash < 0
                || !rest.startsWith(DIRECTORY, slash + 1)
                || rest.indexOf('/', slash + 1 + DIRECTORY.length()) >= 0) {
            return null;
        }
        try {
            String id = rest.substring(0, slash);
            UUID parsed = UUID.fromString(id);
            return parsed.toString().equals(id) ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private VerificationRecord write(VerificationRecord record) {
        String key = prefix(record.backupId()) + STAMP.format(record.at()) + "-"
                + record.kind().id() + ".json";
        repository.put(key, new ByteArrayInputStream(JSON.writeValueAsBytes(record)), "application/json");
        return record;
    }

    private List<String> keysOf(UUID backupId) {
        List<String> keys = new ArrayList<>();
        try (Stream<ObjectSummary> listing = repository.list(prefix(backupId))) {
            listing.map(ObjectSummary::key)
                    .filter(key -> backupId.equals(backupIdOfRecord(key)))
                    .forEach(keys::add);
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    /** Empty for a record that vanished or does not parse: a damaged record only means "not known to be verified". */
    Optional<VerificationRecord> read(String key) {
        try (StoredObjectStream in = repository.get(key)) {
            return Optional.of(JSON.readValue(in, VerificationRecord.class));
        } catch (JacksonException e) {
            return Optional.empty();
        } catch (CrmException e) {
            if (e.category() == ErrorCategory.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw Failures.unavailable(
                    BackupMessages.VERIFICATION_RECORD_UNREADABLE,
                    Map.of("key", key, "reason", String.valueOf(e.getMessage())),
                    e);
        }
    }
}
