package com.makcrm.server.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bad {@code CRM_LOG_FORMAT} as one clear startup message instead of a stack trace. */
class LogFormatFailureAnalyzer extends AbstractFailureAnalyzer<LogFormat.UnknownLogFormatException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LogFormat.UnknownLogFormatException cause) {
        return new FailureAnalysis(
                "CRM_LOG_FORMAT (crm.log.format) is '" + cause.value + "', which is not a log format.",
                "Set CRM_LOG_FORMAT to 'json' (Elastic Common Schema lines) or 'text', or leave it unset for text.",
                cause);
    }
}
