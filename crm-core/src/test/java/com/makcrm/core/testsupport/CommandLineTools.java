package com.makcrm.core.testsupport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether a program the tests need (pg_dump, pg_restore) can run here, so tests without it are skipped. */
public final class CommandLineTools {

    private CommandLineTools() {}

    /** True when {@code tool --version} runs from the PATH and succeeds within 30 s. */
    public static boolean onPath(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
