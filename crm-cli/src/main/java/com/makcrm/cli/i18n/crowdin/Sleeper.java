package com.makcrm.cli.i18n.crowdin;

import java.time.Duration;

/** Waits between retries and build polls; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
