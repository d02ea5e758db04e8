package com.makcrm.core.backup;

import com.makcrm.core.i18n.BackupMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a PostgreSQL client tool, its stderr collected (bounded) on a thread of its own so the tool never blocks
 * on a full pipe, and kept for the error message.
 */
final class PgProcess implements AutoCloseable {

    private static final int STDERR_LIMIT = 8 * 1024;

    private final String tool;
    private final Process process;
    private final Thread stderrReader;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private PgProcess(String tool, Process process) {
        this.tool = tool;
        this.process = process;
        this.stderrReader = new Thread(() -> collect(process.getErrorStream()), tool + "-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /** Starts {@code tool} from {@code tools} with the libpq environment; TOOL failure when it cannot be run. */
    static PgProcess start(PgTools tools, String tool, Map<String, String> environment, String... args) {
        return start(tools, tool, environment, ProcessBuilder.Redirect.PIPE, args);
    }

    /** As {@link #start(PgTools, String, Map, String...)}, with the tool's stdout going to {@code stdout}. */
    static PgProcess start(
            PgTools tools,
            String tool,
            Map<String, String> environment,
            ProcessBuilder.Redirect stdout,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(tools.command(tool));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectOutput(stdout);
        try {
            return new PgProcess(tool, builder.start());
        } catch (IOException e) {
            throw new BackupFailure(
                    BackupFailure.Kind.TOOL,
                    BackupMessages.TOOL_NOT_FOUND,
                    Map.of(
                            "tool",
                            tool,
                            "where",
                            String.valueOf(tools.where()),
                            "reason",
                            String.valueOf(e.getMessage()),
                            "env",
                            PgTools.ENV),
                    e);
        }
    }

    /** The version the tool reports, e.g. {@code 15.20}. */
    static String version(PgTools tools, String tool) {
        try (PgProcess p = start(tools, tool, Map.of(), "--version")) {
            p.process.getOutputStream().close();
            String out = new String(p.process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (exit != 0) {
                throw new BackupFailure(
                        BackupFailure.Kind.TOOL,
                        BackupMessages.TOOL_VERSION_FAILED,
                        Map.of(
                                "tool", tool,
                                "exit", String.valueOf(exit),
                                "stderr", String.valueOf(p.stderr()),
                                "where", String.valueOf(tools.where())));
            }
            return PgVersion.ofToolOutput(tool, out);
        } catch (IOException e) {
            throw new BackupFailure(
                    BackupFailure.Kind.TOOL,
                    BackupMessages.TOOL_RUN_FAILED,
                    Map.of("tool", tool, "reason", String.valueOf(e.getMessage())),
                    e);
        }
    }

    Process process() {
        return process;
    }

    int waitFor() {
        try {
            int exit = process.waitFor();
            stderrReader.join(TimeUnit.SECONDS.toMillis(10));
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw Failures.unavailable(BackupMessages.TOOL_INTERRUPTED, Map.of("tool", tool), e);
        }
    }

    /** What the tool printed on stderr (at most the first 8 KiB), stripped; empty when nothing. */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8).strip();
        }
    }

    private void collect(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (stderr) {
                    int room = STDERR_LIMIT - stderr.size();
                    if (room > 0) {
                        stderr.write(buffer, 0, Math.min(n, room));
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed so far is what we report
        }
    }

    /** Kills the tool if it still runs: it is only ever left running when its caller failed. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
