package com.makcrm.cli.backup;

import com.makcrm.cli.config.Settings;
import com.makcrm.core.backup.BackupKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --encryption-key-file} option of the backup commands that write or read backup data: the flag, else
 * {@code CRM_BACKUP_ENCRYPTION_KEY_FILE}, else config key {@code backup.encryption-key-file}; none of them: no key.
 */
public final class EncryptionKeyOption {

    static final String ENV = "CRM_BACKUP_ENCRYPTION_KEY_FILE";
    static final String KEY = "backup.encryption-key-file";

    @Option(
            names = "--encryption-key-file",
            paramLabel = "FILE",
            description = "Encryption key (from 'crm backup keygen'; env " + ENV + ", config " + KEY + ")."
                    + " New backups are encrypted with it; encrypted backups need it to be read.")
    String file;

    /** The key named by the flag, the environment or the config file; null when none is. KEY failure if unreadable. */
    public BackupKey resolve(Settings settings) {
        String path = settings.resolve(file, ENV, KEY, null);
        if (path == null || path.isBlank()) {
            return null;
        }
        return BackupKey.load(Path.of(path.strip()));
    }
}
