package com.makcrm.cli.backup;

import com.makcrm.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code crm backup ...}: tenant backups in a backup repository. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Back up tenants or the whole cluster to a backup repository; list, show, verify and prune",
            "the backups there.",
            "Repository: --repo, else CRM_BACKUP_REPO, else config key backup.repository,",
            "else file://<working directory>/backups/repo.",
            "Encryption (optional): a key from 'backup keygen', given to create and",
            "verify with --encryption-key-file, else CRM_BACKUP_ENCRYPTION_KEY_FILE,",
            "else config key backup.encryption-key-file. A missing or wrong key: exit 8."
        },
        subcommands = {
            BackupCreateCommand.class,
            BackupListCommand.class,
            BackupShowCommand.class,
            BackupVerifyCommand.class,
            BackupPruneCommand.class,
            BackupKeygenCommand.class
        })
public final class BackupCommand extends CommandGroup {}
