package com.makcrm.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.access.Role;
import com.makcrm.core.i18n.Messages;
import com.makcrm.server.auth.CrmPrincipal;
import com.makcrm.server.problem.ProblemLanguage;
import com.makcrm.server.problem.Problems;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The filters on their own: what they do when the shared store is down, and with handlers that write text. */
class PlatformFiltersTest {

    private static final IdempotencyProperties SETTINGS =
            new IdempotencyProperties(Duration.ofHours(24), Duration.ofMinutes(5), DataSize.ofKilobytes(4));

    private final Problems problems = problems();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void signIn() {
        CrmPrincipal caller = CrmPrincipal.user(UUID.randomUUID(), UUID.randomUUID(), Role.MEMBER);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void requestWithAKeyIsRefusedWith503WhileTheStoreIsDown() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(new DownStore(), SETTINGS, problems);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(post("k-1", "{}"), response, new MockFilterChain(new CountingServlet()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(calls).hasValue(0);
    }

    @Test
    void requestWithoutAKeyDoesNotNeedTheStore() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(new DownStore(), SETTINGS, problems);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(post(null, "{}"), response, new MockFilterChain(new CountingServlet()));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(calls).hasValue(1);
    }

    @Test
    void rateLimitIsNotEnforcedWhileTheStoreIsDown() throws Exception {
        RateLimiter down = new RateLimiter() {
            @Override
            public RateLimit acquire(String key) {
                throw new StoreUnavailableException("Redis failed: connection refused", null);
            }

            @Override
            public int limit() {
                return 1;
            }

            @Override
            public Duration window() {
                return WINDOW;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RateLimitFilter(down, problems)
                .doFilter(post(null, "{}"), response, new MockFilterChain(new CountingServlet()));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeader(RateLimitFilter.LIMIT)).isNull();
    }

    @Test
    void bodyWrittenThroughTheWriterWithoutFlushIsReplayedWhole() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(
                new InMemoryIdempotencyStore(IdempotencyStore.Timeouts.of(SETTINGS)), SETTINGS, problems);
        MockHttpServletResponse first = new MockHttpServletResponse();
        MockHttpServletResponse retry = new MockHttpServletResponse();

        filter.doFilter(post("k-1", "{\"a\":1}"), first, new MockFilterChain(new CountingServlet()));
        filter.doFilter(post("k-1", "{\"a\":1}"), retry, new MockFilterChain(new CountingServlet()));

        assertThat(first.getContentAsString()).isEqualTo("{\"calls\":1,\"text\":\"grüße\"}");
        assertThat(retry.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retry.getHeader("Location")).isEqualTo("/api/v1/things/1");
        assertThat(retry.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(calls).hasValue(1);
    }

    private static MockHttpServletRequest post(String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/things");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.addHeader(IdempotencyKey.HEADER, key);
        }
        return request;
    }

    /** Creates a thing, writing its answer as text and leaving the writer unflushed. */
    private final class CountingServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int n = calls.incrementAndGet();
            response.setStatus(201);
            response.setHeader("Location", "/api/v1/things/1");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"calls\":" + n + ",\"text\":\"grüße\"}");
        }
    }

    private static final class DownStore implements IdempotencyStore {
        @Override
        public Reservation reserve(String key, String fingerprint) {
            throw new StoreUnavailableException("Redis failed: connection refused", null);
        }

        @Override
        public void complete(Reservation.Acquired reservation, StoredResponse response) {}

        @Override
        public void release(Reservation.Acquired reservation) {}
    }

    // Problems is built by Spring elsewhere; its constructor is not public
    private static Problems problems() {
        try {
            Constructor<Problems> constructor =
                    Problems.class.getDeclaredConstructor(JsonMapper.class, ProblemLanguage.class);
            constructor.setAccessible(true);
            return constructor.newInstance(JsonMapper.builder().build(), new ProblemLanguage(Messages.fromClasspath()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
