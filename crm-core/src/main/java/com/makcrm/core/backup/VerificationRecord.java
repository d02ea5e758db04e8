package com.makcrm.core.backup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The outcome of one check of a backup, kept in the repository beside it as
 * {@code backups/<backup-id>/verifications/<timestamp>-<kind>.json} (see {@link VerificationRecords}).
 *
 * @param kind {@code verify} (every part read back and checked) or {@code drill} (restored into a scratch schema and
 *     compared with the manifest)
 * @param at when the check finished
 * @param problems how many problems the check found; 0 when {@code ok}
 * @param toolVersion the crm-core version that made the check
 * @param details what a drill wants to keep (e.g. row counts compared); null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationRecord(
        UUID backupId,
        Kind kind,
        Instant at,
        boolean ok,
        int partsChecked,
        long bytesChecked,
        int problems,
        String toolVersion,
        Map<String, Object> details) {

    public VerificationRecord {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        details = details == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** What was done to check the backup; written in lower case. */
    public enum Kind {
        VERIFY,
        DRILL;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }
}
