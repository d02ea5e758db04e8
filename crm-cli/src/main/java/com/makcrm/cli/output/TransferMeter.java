package com.makcrm.cli.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long transfer (a backup or a restore). On a terminal: one status line with bytes, rows, rate and,
 * when the total is known, the time left, redrawn at most five times a second. Without a terminal: only the
 * {@link #line lines} of finished steps, so CI logs stay short.
 */
public final class TransferMeter {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastDraw;
    private long rows;

    public TransferMeter(PrintWriter out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    TransferMeter(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
    }

    /** Rows finished so far (shown in the status line). */
    public synchronized void addRows(long more) {
        rows += more;
    }

    /**
     * The transfer reached {@code bytes} of {@code total} ({@code total} &lt;= 0: unknown); redraws the status line
     * on a terminal when it is due.
     */
    public synchronized void progress(String what, long bytes, long total) {
        if (!terminal) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - lastDraw < REDRAW_NANOS && bytes < total) {
            return;
        }
        lastDraw = now;
        out.print("\r\033[K" + what + ": " + describe(bytes, total, rows, (now - start) / 1e9));
        out.flush();
    }

    /** A finished step: its own line, on a terminal and off. */
    public synchronized void line(String text) {
        out.print(terminal ? "\r\033[K" + text + "\n" : text + "\n");
        out.flush();
    }

    /** Clears the status line (before the final output). */
    public synchronized void done() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    /** e.g. {@code 1.2 GiB of 3.4 GiB (35%), 1,204,332 rows, 52.0 MiB/s, 0:42 left}. */
    public static String describe(long bytes, long total, long rows, double seconds) {
        StringBuilder s = new StringBuilder(Bytes.format(bytes));
        if (total > 0) {
            s.append(" of ")
                    .append(Bytes.format(total))
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytes * 100 / total)));
        }
        s.append(String.format(Locale.ROOT, ", %,d rows", rows));
        double rate = seconds > 0 ? bytes / seconds : 0;
        s.append(", ").append(Bytes.format((long) rate)).append("/s");
        if (total > 0 && rate > 0 && bytes < total) {
            long left = (long) Math.ceil((total - bytes) / rate);
            s.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
        }
        return s.toString();
    }
}
