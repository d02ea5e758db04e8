package com.makcrm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransferMeterTest {

    @Test
    void describesBytesRowsRateAndTimeLeft() {
        assertThat(TransferMeter.describe(512L << 20, 1L << 30, 1_204_332, 10))
                .isEqualTo("512.0 MiB of 1.0 GiB (50%), 1,204,332 rows, 51.2 MiB/s, 0:10 left");
        assertThat(TransferMeter.describe(3L << 30, 0, 7, 60)).isEqualTo("3.0 GiB, 7 rows, 51.2 MiB/s");
    }

    @Test
    void redrawsAtMostFiveTimesASecondOnATerminalAndNeverWithout() {
        AtomicLong now = new AtomicLong();
        StringWriter screen = new StringWriter();
        TransferMeter terminal = new TransferMeter(new PrintWriter(screen), true, now::get);
        StringWriter log = new StringWriter();
        TransferMeter plain = new TransferMeter(new PrintWriter(log), false, now::get);

        for (int i = 1; i <= 100; i++) {
            now.addAndGet(10_000_000L); // 10 ms
            terminal.progress("loading company", i, 1000);
            plain.progress("loading company", i, 1000);
        }
        plain.line("loading tables");

        assertThat(screen.toString().split("\r", -1)).hasSize(1 + 5); // draws at 10, 210, 410, 610 and 810 ms
        assertThat(log.toString()).isEqualTo("loading tables\n");
    }
}
