package com.makcrm.cli;

/** slf4j-simple reads its level once, at first use: set it from --verbose before any logger exists. */
final class Logging {

    private Logging() {}

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", verbose ? "info" : "error");
    }
}
