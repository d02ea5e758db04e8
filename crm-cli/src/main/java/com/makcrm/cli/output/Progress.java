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
    public synchronized void finished(TenantMigrationResult r, int done, int total) {
        String line = Describe.result(r);
        if (!terminal) {
            out.println(line);
        } else if (r.state() == TenantMigrationResult.State.FAILED) {
            out.print("\r\033[K" + line + "\n");
        } else {
            out.print("\r\033[K[" + done + "/" + total + "] " + line);
        }
        if (terminal && done == total) {
            out.print("\r\033[K");
        }
        out.flush();
    }
}
