package com.makcrm.core.testsupport;

import java.util.concurrent.Callable;

/**
 * A value computed at most once per JVM, on first use. A failure is remembered too, so every test that
 * needs an unavailable service fails fast with the same cause instead of retrying a slow start.
 */
final class Once<T> {

    private final String what;
    private final Callable<T> supplier;
    private T value;
    private IllegalStateException failure;

    Once(String what, Callable<T> supplier) {
        this.what = what;
        this.supplier = supplier;
    }

    synchronized T get() {
        if (value == null && failure == null) {
            compute();
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    private void compute() {
        try {
            value = supplier.call();
        } catch (Exception | LinkageError e) {
            // LinkageError: a module's tests lack one of the test dependencies this needs
            failure = new IllegalStateException(what + " is unavailable for tests: " + e, e);
        }
    }
}
