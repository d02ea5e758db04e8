package com.makcrm.core.backup;

import com.makcrm.core.i18n.BackupMessages;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL version strings, and which client tool works with which server or archive. */
final class PgVersion {

    private static final Pattern TOOL_OUTPUT = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+[0-9A-Za-z.]*)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("(\\d+)");

    private PgVersion() {}

    /** The version in {@code pg_dump --version} output such as {@code pg_dump (PostgreSQL) 15.20 (Debian ...)}. */
    static String ofToolOutput(String tool, String output) {
        Matcher m = TOOL_OUTPUT.matcher(output == null ? "" : output);
        if (!m.find()) {
            throw new BackupFailure(
                    BackupFailure.Kind.TOOL,
                    BackupMessages.TOOL_NO_VERSION,
                    Map.of("tool", tool, "output", String.valueOf(firstLine(output)), "env", PgTools.ENV));
        }
        return m.group(1);
    }

    /** The major version of {@code 15.20}, {@code 16beta1} or {@code 9.6.24} (9: older ones are not supported). */
    static int major(String version) {
        Matcher m = LEADING_NUMBER.matcher(version);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("not a PostgreSQL version: " + version);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The major version of a {@code server_version_num} such as 150013. */
    static int majorOfServerVersionNum(int versionNum) {
        return versionNum / 10_000;
    }

    /** pg_dump refuses servers newer than itself; say so before it starts, with the remedy. */
    static void requireDumpable(String pgDumpVersion, String serverVersion, int serverMajor) {
        if (major(pgDumpVersion) < serverMajor) {
            throw new BackupFailure(
                    BackupFailure.Kind.TOOL,
                    BackupMessages.PG_DUMP_TOO_OLD,
                    Map.of(
                            "version",
                            pgDumpVersion,
                            "serverVersion",
                            String.valueOf(serverVersion),
                            "needed",
                            String.valueOf(serverMajor),
                            "env",
                            PgTools.ENV));
        }
    }

    /** pg_restore reads archives of its own and older versions of pg_dump only. */
    static void requireRestorable(String pgRestoreVersion, String pgDumpVersion) {
        int needed = major(pgDumpVersion);
        if (major(pgRestoreVersion) < needed) {
            throw new BackupFailure(
                    BackupFailure.Kind.TOOL,
                    BackupMessages.PG_RESTORE_TOO_OLD,
                    Map.of(
                            "version",
                            pgRestoreVersion,
                            "dumpVersion",
                            pgDumpVersion,
                            "needed",
                            String.valueOf(needed),
                            "env",
                            PgTools.ENV));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
