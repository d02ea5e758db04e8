package com.makcrm.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiKeyLifecycleTest extends ApiTestBase {

    @Test
    void createdKeyWorksAsBearerIsListedWithoutSecretAndStopsAtOnceWhenRevoked() {
        String owner = signup(email()).text("accessToken");

        Response created = api.post("/api/v1/admin/api-keys", owner, Map.of("name", "CI import", "role", "ADMIN"));
        assertThat(created.status()).isEqualTo(201);
        String key = created.text("key");
        String id = created.text("id");
        assertThat(key).matches("crm_[a-z0-9]{8}_[A-Za-z0-9]{43}");
        assertThat(created.header("Location")).hasValue("/api/v1/admin/api-keys/" + id);

        Response listed = api.get("/api/v1/admin/api-keys", key);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode listedKey = listed.json().get("data").get(0);
        assertThat(listedKey.get("id").asString()).isEqualTo(id);
        assertThat(listedKey.get("prefix").asString()).isEqualTo(key.substring(4, 12));
        assertThat(listedKey.has("key")).isFalse();
        assertThat(listed.body()).doesNotContain(key.substring(13));

        assertThat(api.delete("/api/v1/admin/api-keys/" + id, owner).status()).isEqualTo(204);

        Response afterRevoke = api.get("/api/v1/admin/api-keys", key);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        Response revokedView = api.get("/api/v1/admin/api-keys/" + id, owner);
        assertThat(revokedView.text("revokedAt")).isNotNull();
        assertThat(revokedView.text("lastUsedAt")).isNotNull();
    }

    @Test
    void keyRolesAreEnforcedAndCappedByTheCreatorsRole() {
        String owner = signup(email()).text("accessToken");
        String readOnly = api.post("/api/v1/admin/api-keys", owner, Map.of("name", "reports", "role", "READ_ONLY"))
                .text("key");
        String admin = api.post("/api/v1/admin/api-keys", owner, Map.of("name", "ops", "role", "ADMIN"))
                .text("key");

        assertThat(api.get("/api/v1/admin/api-keys", readOnly).status()).isEqualTo(403);
        Response tooStrong = api.post("/api/v1/admin/api-keys", admin, Map.of("name", "escalate", "role", "OWNER"));
        assertThat(tooStrong.status()).isEqualTo(403);
        assertThat(tooStrong.text("detail")).contains("above your own");

        Response invalid = api.post("/api/v1/admin/api-keys", owner, Map.of("role", "ROOT"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactly("name", "role");
    }
}
