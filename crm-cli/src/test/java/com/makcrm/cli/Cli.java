package com.makcrm.cli;

import com.makcrm.core.testsupport.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real {@code crm} command line in this JVM with an environment of the test's choosing, capturing what
 * it prints. The environment replaces the process one entirely, so a developer's own config or CRM_* variables
 * never leak into a test.
 */
public final class Cli {

    private final Map<String, String> env = new HashMap<>();

    private Cli(Path home) {
        env.put("HOME", home.toString());
        env.put("USER", "tester");
    }

    /** No database settings: only HOME (for the default config file location) and USER. */
    public static Cli withHome(Path home) {
        return new Cli(home);
    }

    /** Pointed at {@code db} through the CRM_DATABASE_* variables. */
    public static Cli against(TestDatabase db, Path home) {
        return new Cli(home)
                .env("CRM_DATABASE_URL", db.jdbcUrl())
                .env("CRM_DATABASE_USER", db.user())
                .env("CRM_DATABASE_PASSWORD", db.password());
    }

    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CrmCommand.commandLine(env);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString(), Arrays.asList(args));
    }

    /** What one run did; {@code toString} shows everything, so a failed assertion explains itself. */
    public record Result(int exitCode, String out, String err, List<String> args) {

        public List<String> errLines() {
            return err.lines().toList();
        }

        public List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "crm " + String.join(" ", args) + "\n exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n"
                    + err;
        }
    }
}
