package com.makcrm.server.ops;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code CRM_LOG_FORMAT} ({@code crm.log.format}) into Boot's logging settings before logging starts:
 * {@code json} writes console lines as Elastic Common Schema JSON (with the MDC, so {@code request_id}), {@code text}
 * or unset keeps Boot's plain lines. Anything else stops the start: a typo must not silently fall back to a format
 * the log pipeline cannot parse.
 *
 * <p>Added as the last property source, so Boot's own {@code logging.structured.format.console} still wins where an
 * operator sets it.
 */
class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "crm.log.format";
    static final String SOURCE_NAME = "crmLogFormat";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "");
        switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "", "text" -> {}
            case "json" ->
                environment
                        .getPropertySources()
                        .addLast(
                                new MapPropertySource(SOURCE_NAME, Map.of("logging.structured.format.console", "ecs")));
            default -> throw new UnknownLogFormatException(format);
        }
    }

    /** A value of {@code CRM_LOG_FORMAT} that names no format. */
    static final class UnknownLogFormatException extends IllegalStateException {
        final String value;

        UnknownLogFormatException(String value) {
            super("CRM_LOG_FORMAT must be 'json' or 'text' (or unset), not '" + value + "'");
            this.value = value;
        }
    }
}
