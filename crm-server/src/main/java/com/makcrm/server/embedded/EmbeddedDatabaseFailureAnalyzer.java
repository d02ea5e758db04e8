package com.makcrm.server.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed embedded database start into Boot's short "APPLICATION FAILED TO START" report. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the cause above, or set CRM_DATABASE_URL (with CRM_DATABASE_USER and CRM_DATABASE_PASSWORD)"
                        + " to use a PostgreSQL server of your own.",
                cause);
    }
}
