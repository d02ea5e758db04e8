package com.makcrm.core.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code pg_dump} and {@code pg_restore} are found: a directory ({@code CRM_PG_BIN}), or the {@code PATH} when
 * it is null.
 */
public record PgTools(Path directory) {

    /** The environment variable naming the directory of the PostgreSQL client tools. */
    public static final String ENV = "CRM_PG_BIN";

    public static PgTools onPath() {
        return new PgTools(null);
    }

    /** {@value #ENV} from {@code env} when set and not blank, else the {@code PATH}. */
    public static PgTools fromEnv(Map<String, String> env) {
        String dir = env.get(ENV);
        return dir == null || dir.isBlank() ? onPath() : new PgTools(Path.of(dir.strip()));
    }

    String command(String tool) {
        return directory == null ? tool : directory.resolve(tool).toString();
    }

    /** Where the tool was looked for, for messages. */
    String where() {
        return directory == null ? "the PATH" : ENV + "=" + directory;
    }
}
