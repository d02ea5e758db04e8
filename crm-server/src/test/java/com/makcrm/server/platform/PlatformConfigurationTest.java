package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.i18n.Messages;
import com.makcrm.core.testsupport.TestRedis;
import com.makcrm.server.problem.ProblemLanguage;
import com.makcrm.server.problem.Problems;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import tools.jackson.databind.json.JsonMapper;

/** Which implementations the settings pick, and how bad settings fail the start. */
@ExtendWith(OutputCaptureExtension.class)
class PlatformConfigurationTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PlatformConfiguration.class, Problems.class, ProblemLanguage.class)
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withBean(Messages.class, Messages::fromClasspath);

    @Test
    void withoutRedisKeepsKeysAndCountersInProcess() {
        context.withPropertyValues("crm.redis.url=").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(IdempotencyStore.class)).isInstanceOf(InMemoryIdempotencyStore.class);
            assertThat(c.getBean(RateLimiter.class)).isInstanceOf(InMemoryRateLimiter.class);
            assertThat(c.getBean(RateLimiter.class).limit()).isEqualTo(600);
            assertThat(c).doesNotHaveBean(RedisClient.class).doesNotHaveBean("redisHealthIndicator");
        });
    }

    @Test
    void withRedisSharesOneConnectionReportsHealthAndLogsWhere(CapturedOutput output) {
        context.withPropertyValues("crm.redis.url=" + redis.url()).run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
            assertThat(c.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
            assertThat(c).hasSingleBean(StatefulRedisConnection.class).hasSingleBean(RedisClient.class);
            assertThat(c.getBean("redisHealthIndicator", RedisHealthIndicator.class)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP);
        });
        assertThat(output).contains("Redis at ").contains(" for idempotency keys and rate limits");
    }

    @Test
    void badRedisUrlFailsTheStartNamingTheSettingButNotTheUrl() {
        context.withPropertyValues("crm.redis.url=http://user:s3cret@localhost:6379")
                .run(c -> {
                    assertThat(c).hasFailed();
                    assertThat(rootMessage(c.getStartupFailure()))
                            .startsWith("crm.redis.url (CRM_REDIS_URL) is not a valid Redis URL")
                            .doesNotContain("s3cret");
                });
    }

    @Test
    void unreachableRedisFailsTheStartNamingWhere() {
        context.withPropertyValues("crm.redis.url=redis://:s3cret@127.0.0.1:1").run(c -> {
            assertThat(c).hasFailed();
            assertThat(messages(c.getStartupFailure()))
                    .contains("cannot connect to Redis at 127.0.0.1:1 (crm.redis.url)")
                    .doesNotContain("s3cret");
        });
    }

    @Test
    void rateLimitOfZeroTurnsTheFilterOffAndANegativeOneFailsTheStart() {
        context.withPropertyValues("crm.rate-limit.requests-per-minute=0").run(c -> {
            assertThat(c.getBean("rateLimitFilter", FilterRegistrationBean.class)
                            .isEnabled())
                    .isFalse();
            assertThat(c.getBean("idempotencyFilter", FilterRegistrationBean.class)
                            .isEnabled())
                    .isTrue();
        });
        context.withPropertyValues("crm.rate-limit.requests-per-minute=-1").run(c -> {
            assertThat(c).hasFailed();
            assertThat(messages(c.getStartupFailure())).contains("must be 0 (off) or more");
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
