package com.makcrm.cli.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --jobs N}: connections a restore or drill uses at once, like {@code pg_restore --jobs}. */
final class JobsOption {

    static final int MAX = 16;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Tables loaded and indexes built at once, 1-" + MAX + " (default: CPU count, at most 4).")
    private Integer jobs;

    int jobs() {
        if (jobs == null) {
            return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }
        if (jobs < 1 || jobs > MAX) {
            throw CrmException.invalid(
                    BackupMessages.JOBS_RANGE, Map.of("max", String.valueOf(MAX), "value", String.valueOf(jobs)));
        }
        return jobs;
    }
}
