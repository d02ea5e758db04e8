package com.makcrm.server;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.CoreMessages;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.testsupport.TestServices;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-stack API tests: the real server on a random port, a real HTTP client, real PostgreSQL. Every subclass shares
 * one server and database (see {@link SharedTestDatabase}); Argon2 runs with a small cost here to keep the suite
 * fast, and per-address throttling is out of the way because every test request comes from 127.0.0.1.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "crm.auth.password.memory-kib=1024",
            "crm.auth.password.iterations=1",
            "crm.auth.address-throttle.threshold=10000",
            "crm.auth.jwt-secret=" + ApiTestBase.JWT_SECRET,
            "crm.http.max-body-size=64KB",
            "crm.rate-limit.requests-per-minute=0" // tests make many requests per credential; see RateLimitApiTest
        })
@Import(ApiTestBase.FailingEndpoints.class)
public abstract class ApiTestBase {

    public static final String JWT_SECRET = "test-secret-of-at-least-thirty-two-bytes!";
    public static final String PASSWORD = "correct horse battery";

    protected static final TestDatabase db = SharedTestDatabase.get();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        S3Service s3 = TestServices.s3();
        registry.add("crm.core.storage-url", () -> "s3://" + SharedTestDatabase.bucket() + "/attachments");
        registry.add("crm.core.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("crm.core.s3.region", s3::region);
        registry.add("crm.core.s3.path-style", () -> "true");
        registry.add("crm.core.s3.access-key", s3::accessKey);
        registry.add("crm.core.s3.secret-key", s3::secretKey);
        registry.add("crm.core.s3.checksum-when-required", () -> "true");
    }

    @LocalServerPort
    int port;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    public static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    public static String tenantName() {
        return "Team " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Signs up a new account with its own tenant; the 201 answer. */
    protected ApiClient.Response signup(String email) {
        ApiClient.Response r = api.post(
                "/api/v1/auth/signup", Map.of("email", email, "password", PASSWORD, "tenantName", tenantName()));
        if (r.status() != 201) {
            throw new AssertionError("sign-up failed: " + r.status() + " " + r.body());
        }
        return r;
    }

    /** A new tenant: its owner's access token, and an API key for each other role. */
    protected TestTenant newTenant() {
        ApiClient.Response owner = signup(email());
        String ownerToken = owner.text("accessToken");
        java.util.Map<String, String> tokens = new java.util.HashMap<>();
        tokens.put("OWNER", ownerToken);
        for (String role : new String[] {"ADMIN", "MEMBER", "READ_ONLY"}) {
            ApiClient.Response key =
                    api.post("/api/v1/admin/api-keys", ownerToken, Map.of("name", "test " + role, "role", role));
            if (key.status() != 201) {
                throw new AssertionError("creating a " + role + " key failed: " + key.status() + " " + key.body());
            }
            tokens.put(role, key.text("key"));
        }
        return new TestTenant(owner.json().get("tenant").get("slug").asString(), Map.copyOf(tokens));
    }

    /** Endpoints that fail on purpose, to prove failures never leak internals. */
    @TestComponent
    @RestController
    @RequestMapping("/api/v1/test-failures")
    static class FailingEndpoints {

        static final String SECRET_SQL = "SELECT password_hash FROM crm_control.user_account";

        @GetMapping("/runtime")
        void runtime() {
            throw new IllegalStateException(SECRET_SQL + " failed in com.makcrm.Secret");
        }

        @GetMapping("/internal")
        void internal() {
            throw CrmException.internal(
                    SECRET_SQL + " failed: ERROR: relation does not exist", new SQLException(SECRET_SQL, "42P01"));
        }

        @GetMapping("/unavailable")
        void unavailable() {
            throw CrmException.unavailable("cannot reach PostgreSQL at db.internal:5432 while " + SECRET_SQL, null);
        }

        /** A not-found whose detail has a translation (the catalogs' own "not found" title). */
        @GetMapping("/translated")
        void translated() {
            throw CrmException.notFound("Not found").withMessage(CoreMessages.PROBLEM_NOT_FOUND_TITLE, Map.of());
        }

        @GetMapping("/send-error")
        void sendError(HttpServletResponse response) throws IOException {
            response.sendError(503, SECRET_SQL); // handled by the container's error page, not by the advice
        }
    }
}
