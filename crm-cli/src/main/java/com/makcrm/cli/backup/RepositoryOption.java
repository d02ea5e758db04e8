package com.makcrm.cli.backup;

import picocli.CommandLine.Option;

/** The {@code --repo} option shared by every backup command. */
final class RepositoryOption {

    @Option(
            names = "--repo",
            paramLabel = "URI",
            description = "Backup repository: file:///path, a plain path or s3://bucket[/prefix] (env CRM_BACKUP_REPO,"
                    + " config backup.repository; default file://<working directory>/backups/repo).")
    String repo;
}
