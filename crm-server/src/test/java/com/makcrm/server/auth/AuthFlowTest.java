package com.makcrm.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthFlowTest extends ApiTestBase {

    @Test
    void signupCreatesTenantAndOwnerAndAnswersTokens() {
        String email = email();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Response r = api.post(
                "/api/v1/auth/signup",
                Map.of("email", email, "password", PASSWORD, "tenantName", "ООО Ромашка " + suffix));

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("accessToken").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(body.get("refreshToken").asString()).hasSize(43);
        assertThat(body.get("tenant").get("slug").asString()).isEqualTo("ooo-romashka-" + suffix);
        assertThat(body.get("tenant").get("name").asString()).isEqualTo("ООО Ромашка " + suffix);
        assertThat(body.get("tenant").get("id").asString()).isNotBlank();
        assertThat(body.get("role").asString()).isEqualTo("OWNER");
        assertThat(r.header("Cache-Control").orElse("")).contains("no-store");

        Response members =
                api.get("/api/v1/admin/members", body.get("accessToken").asString());
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.json().get("data").get(0).get("email").asString()).isEqualTo(email);
        assertThat(members.json().get("data").get(0).get("role").asString()).isEqualTo("OWNER");
    }

    @Test
    void loginAnswersTheSameShapeForTheOnlyTenant() {
        String email = email();
        Response signedUp = signup(email);

        Response r = api.post("/api/v1/auth/login", Map.of("email", email.toUpperCase(), "password", PASSWORD));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("tenant")).isEqualTo(signedUp.json().get("tenant"));
        assertThat(r.text("accessToken")).isNotBlank();
        assertThat(r.text("refreshToken")).isNotEqualTo(signedUp.text("refreshToken"));
    }

    @Test
    void refreshRotatesAndReusingAnOldTokenRevokesTheFamily() {
        Response login = signup(email());
        String first = login.text("refreshToken");

        Response refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.text("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.json().get("tenant")).isEqualTo(login.json().get("tenant"));
        assertThat(api.get("/api/v1/admin/members", refreshed.text("accessToken"))
                        .status())
                .isEqualTo(200);

        Response reuse = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.text("type")).isEqualTo("https://makcrm.dev/problems/unauthorized");
        assertThat(reuse.text("detail")).contains("already used");
        // the newest token of that family is dead too: a thief and the owner cannot be told apart
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", second))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void refreshWorksWhileTheClientStillSendsItsExpiredAccessToken() throws Exception {
        Response login = signup(email());
        String expired = token(
                JWT_SECRET,
                login.json().get("user").get("id").asString(),
                login.json().get("tenant").get("id").asString(),
                Instant.now().minusSeconds(3600));

        Response refreshed =
                api.post("/api/v1/auth/refresh", expired, Map.of("refreshToken", login.text("refreshToken")));

        assertThat(refreshed.status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheRefreshTokenAndIsIdempotent() {
        String refresh = signup(email()).text("refreshToken");

        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void wrongPasswordIs401AndRepeatedFailuresLockTheAccountWith429() {
        String email = email();
        signup(email);
        for (int i = 0; i < 5; i++) {
            Response wrong = api.post("/api/v1/auth/login", Map.of("email", email, "password", "wrong password!"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("detail")).isEqualTo("invalid email or password");
            assertThat(wrong.header("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }

        Response locked = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.text("type")).isEqualTo("https://makcrm.dev/problems/rate-limited");
        assertThat(locked.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 30));
    }

    @Test
    void userInTwoTenantsPicksOnePerLogin() {
        String email = email();
        Response own = signup(email);
        Response other = signup(email());
        Response added =
                api.post("/api/v1/admin/members", other.text("accessToken"), Map.of("email", email, "role", "MEMBER"));
        assertThat(added.status()).isEqualTo(201);

        Response ambiguous = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().get("errors").get(0).get("field").asString())
                .isEqualTo("tenant");

        String otherSlug = other.json().get("tenant").get("slug").asString();
        Response inOther =
                api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD, "tenant", otherSlug));
        assertThat(inOther.status()).isEqualTo(200);
        assertThat(inOther.json().get("tenant")).isEqualTo(other.json().get("tenant"));
        assertThat(inOther.text("role")).isEqualTo("MEMBER");
        // as MEMBER there, the admin endpoints are closed; at home, as OWNER, they are open
        assertThat(api.get("/api/v1/admin/members", inOther.text("accessToken")).status())
                .isEqualTo(403);
        String ownSlug = own.json().get("tenant").get("slug").asString();
        Response atHome =
                api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD, "tenant", ownSlug));
        assertThat(atHome.text("role")).isEqualTo("OWNER");
        assertThat(api.get("/api/v1/admin/members", atHome.text("accessToken")).status())
                .isEqualTo(200);
    }

    @Test
    void signupRejectsBadInputFieldByFieldAndKnownEmailsAsConflict() {
        Response bad = api.post("/api/v1/auth/signup", Map.of("email", "nope", "password", "short", "tenantName", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactly("email", "password", "tenantName");

        String email = email();
        signup(email);
        Response again = api.post(
                "/api/v1/auth/signup", Map.of("email", email, "password", PASSWORD, "tenantName", tenantName()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("https://makcrm.dev/problems/conflict");
    }

    @Test
    void forgedExpiredAndAlgNoneTokensAreRefused() throws Exception {
        Response r = signup(email());
        String sub = r.json().get("user").get("id").asString();
        String tid = r.json().get("tenant").get("id").asString();
        Instant now = Instant.now();

        String forged = token("another-secret-of-at-least-32-bytes!!", sub, tid, now.plusSeconds(600));
        String expired = token(JWT_SECRET, sub, tid, now.minusSeconds(3600));
        String valid = token(JWT_SECRET, sub, tid, now.plusSeconds(600));
        String[] parts = valid.split("\\.");
        String algNone = "eyJhbGciOiJub25lIn0." + parts[1] + ".";

        for (String bad : new String[] {forged, expired, algNone, "garbage", "crm_aaaaaaaa_" + "b".repeat(43)}) {
            Response refused = api.get("/api/v1/admin/members", bad);
            assertThat(refused.status()).as(bad).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        }
        assertThat(api.get("/api/v1/admin/members", valid).status()).isEqualTo(200);
    }

    private static String token(String secret, String sub, String tid, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("makcrm")
                .subject(sub)
                .claim("tid", tid)
                .claim("role", "OWNER")
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void aMissingRefreshTokenIsExplainedInTheClientsLanguage() {
        Response english = api.post("/api/v1/auth/refresh", Map.of());
        Response russian = api.send(
                "POST",
                "/api/v1/auth/refresh",
                "application/json",
                BodyPublishers.ofString("{}"),
                Map.of("Accept-Language", "ru"));

        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().get("errors").get(0).get("message").asString())
                .isEqualTo("a refresh token is required");
        assertThat(russian.status()).isEqualTo(400);
        assertThat(russian.json().get("errors").get(0).get("field").asString()).isEqualTo("refreshToken");
        assertThat(russian.json().get("errors").get(0).get("message").asString())
                .isEqualTo("укажите токен обновления");
    }
}
