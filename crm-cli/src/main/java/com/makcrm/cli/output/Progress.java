package com.makcrm.cli.output;

import com.makcrm.core.migration.FanOutListener;
import com.makcrm.core.migration.TenantMigrationResult;
import java.io.PrintWriter;

/**
 * Fan-out progress. On a terminal: one line rewritten in place plus a line per failure. Without a terminal (CI,
 * pipes): one plain line per tenant, so logs stay readable.
 */
public final class Progress implements FanOutListener {

    private final PrintWriter out;
    private final boolean terminal;

    public Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void finished(TenantMigrationResult r, int done, int total) {
        step(Describe.result(r), done, total, r.state() == TenantMigrationResult.State.FAILED);
    }

    /**
     * One step of {@code total} is done: a plain line without a terminal, else the counted line redrawn in place
     * ({@code failure} lines stay on screen).
     */
    public synchronized void step(String line, int done, int total, boolean failure) {
        if (!terminal) {
            out.println(line);
        } else if (failure) {
            out.print("\r\033[K" + line + "\n");
        } else {
            out.print("\r\033[K[" + done + "/" + total + "] " + line);
        }
        if (terminal && done == total) {
            out.print("\r\033[K");
        }
        out.flush();
    }

    /** On a terminal only: the current activity, redrawn in place; nothing without one. */
    public synchronized void status(String line) {
        if (terminal) {
            out.print("\r\033[K" + line);
            out.flush();
        }
    }
}
