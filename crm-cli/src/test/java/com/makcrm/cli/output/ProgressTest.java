package com.makcrm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.migration.TenantMigrationResult;
import com.makcrm.core.migration.TenantMigrationResult.State;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fan-out progress: plain lines without a terminal, one line redrawn in place on one. */
class ProgressTest {

    private static final TenantMigrationResult ALPHA_OK =
            new TenantMigrationResult("alpha", State.OK, "1", "2", List.of("2"), Duration.ofMillis(12), null);
    private static final TenantMigrationResult BRAVO_FAILED =
            new TenantMigrationResult("bravo", State.FAILED, "1", "1", List.of(), Duration.ofMillis(5), "boom");

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @Test
    void withoutATerminalPrintsOnePlainLinePerTenant() {
        Progress progress = new Progress(out, false);

        progress.finished(ALPHA_OK, 1, 2);
        progress.finished(BRAVO_FAILED, 2, 2);

        assertThat(text.toString()).isEqualTo("alpha: 1 -> 2 (applied 2) in 12 ms\nbravo: FAILED: boom\n");
        assertThat(text.toString()).doesNotContain("\r", "\033");
    }

    @Test
    void onATerminalRedrawsOneCountedLineAndKeepsFailuresVisible() {
        Progress progress = new Progress(out, true);

        progress.finished(ALPHA_OK, 1, 3);
        progress.finished(BRAVO_FAILED, 2, 3);
        progress.finished(ALPHA_OK, 3, 3);

        assertThat(text.toString())
                .isEqualTo("\r\033[K[1/3] alpha: 1 -> 2 (applied 2) in 12 ms"
                        + "\r\033[Kbravo: FAILED: boom\n"
                        + "\r\033[K[3/3] alpha: 1 -> 2 (applied 2) in 12 ms"
                        + "\r\033[K");
    }

    @Test
    void statusRedrawsOnATerminalAndIsSilentWithoutOne() {
        new Progress(out, false).status("acme: table company");
        assertThat(text.toString()).isEmpty();

        new Progress(out, true).status("acme: table company");
        assertThat(text.toString()).isEqualTo("\r\033[Kacme: table company");
    }

    @Test
    void describesPlannedAndUpToDateTenants() {
        assertThat(Describe.result(new TenantMigrationResult(
                        "c", State.PLANNED, null, "2", List.of("1", "2"), Duration.ZERO, null)))
                .isEqualTo("c: would apply 1, 2 (now at none)");
        assertThat(Describe.result(new TenantMigrationResult("d", State.OK, "2", "2", List.of(), Duration.ZERO, null)))
                .isEqualTo("d: up to date at 2");
    }
}
