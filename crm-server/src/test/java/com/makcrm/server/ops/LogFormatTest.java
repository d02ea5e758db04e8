package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CRM_LOG_FORMAT picks the console format before logging starts, and refuses values it does not know. */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {

    private static final String STRUCTURED = "logging.structured.format.console";

    @Test
    void jsonSwitchesTheConsoleToElasticCommonSchema() {
        MockEnvironment env = new MockEnvironment().withProperty("crm.log.format", "JSON ");
        new LogFormat().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty(STRUCTURED)).isEqualTo("ecs");
    }

    @Test
    void textOrNothingKeepsPlainLines() {
        for (String value : new String[] {"text", "", "Text"}) {
            MockEnvironment env = new MockEnvironment().withProperty("crm.log.format", value);
            new LogFormat().postProcessEnvironment(env, new SpringApplication());
            assertThat(env.getProperty(STRUCTURED)).as(value).isNull();
        }
        MockEnvironment unset = new MockEnvironment();
        new LogFormat().postProcessEnvironment(unset, new SpringApplication());
        assertThat(unset.getProperty(STRUCTURED)).isNull();
    }

    @Test
    void anExplicitBootSettingWins() {
        MockEnvironment env =
                new MockEnvironment().withProperty("crm.log.format", "json").withProperty(STRUCTURED, "logstash");
        new LogFormat().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty(STRUCTURED)).isEqualTo("logstash");
    }

    @Test
    void unknownFormatsStopTheStartWithAClearMessage() {
        MockEnvironment env = new MockEnvironment().withProperty("crm.log.format", "xml");
        assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(LogFormat.UnknownLogFormatException.class)
                .hasMessage("CRM_LOG_FORMAT must be 'json' or 'text' (or unset), not 'xml'");

        FailureAnalysis analysis = new LogFormatFailureAnalyzer()
                .analyze(new IllegalStateException("wrapped", new LogFormat.UnknownLogFormatException("xml")));
        assertThat(analysis.getDescription()).contains("'xml'");
        assertThat(analysis.getAction()).contains("json").contains("text");
    }

    @Test
    void aStartedApplicationWritesJsonLinesWithServiceAndRequestId(CapturedOutput output) {
        String line;
        try (ConfigurableApplicationContext ignored = start("--CRM_LOG_FORMAT=json")) {
            MDC.put("request_id", "req-json-1");
            try {
                LoggerFactory.getLogger(LogFormatTest.class).info("structured hello");
            } finally {
                MDC.remove("request_id");
            }
            line = output.getOut()
                    .lines()
                    .filter(l -> l.contains("structured hello"))
                    .reduce((a, b) -> b)
                    .orElseThrow();
        } finally {
            plainLogsAgain();
        }

        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("structured hello");
        assertThat(json.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(json.get("@timestamp").asString()).isNotBlank();
        assertThat(json.at("/service/name").asString()).isEqualTo("crm-server");
        assertThat(json.get("request_id").asString()).isEqualTo("req-json-1");
    }

    /**
     * Puts the JVM's logging back to plain lines for the tests after this one. Boot keeps the chosen format in a
     * system property, which a later set-up without the setting would otherwise pick up again.
     */
    private static void plainLogsAgain() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        start("--CRM_LOG_FORMAT=text").close();
    }

    /**
     * A bare application (no beans, no server): enough for the environment post-processor and Boot's logging set-up.
     * Logging is set up once per JVM while any context is open, so that marker is cleared first.
     */
    private static ConfigurableApplicationContext start(String... args) {
        LoggingSystem.get(LogFormatTest.class.getClassLoader()).cleanUp();
        return new SpringApplicationBuilder(Bare.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args);
    }

    @Configuration(proxyBeanMethods = false)
    static class Bare {}
}
