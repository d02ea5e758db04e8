package com.makcrm.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.ApiTestBase;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The role matrix on the admin endpoints, and two tenants' credentials against each other's admin data. */
class AdminRoleMatrixTest extends ApiTestBase {

    /** Tenant A with one account per role, and tenant B; built once, shared by the tests. */
    private record World(String slugA, Map<String, String> tokens, Map<String, String> userIds, String ownerB) {}

    private static World world;

    @BeforeEach
    void world() {
        if (world != null) {
            return;
        }
        Response a = signup(email());
        String ownerA = a.text("accessToken");
        String slugA = a.json().get("tenant").get("slug").asString();
        Map<String, String> tokens = new HashMap<>(Map.of("OWNER", ownerA));
        Map<String, String> ids =
                new HashMap<>(Map.of("OWNER", a.json().get("user").get("id").asString()));
        for (String role : new String[] {"ADMIN", "MEMBER", "READ_ONLY"}) {
            String email = email();
            signup(email);
            Response added = api.post("/api/v1/admin/members", ownerA, Map.of("email", email, "role", role));
            assertThat(added.status()).isEqualTo(201);
            Response login =
                    api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD, "tenant", slugA));
            tokens.put(role, login.text("accessToken"));
            ids.put(role, added.text("userId"));
        }
        world = new World(
                slugA, Map.copyOf(tokens), Map.copyOf(ids), signup(email()).text("accessToken"));
    }

    @ParameterizedTest(name = "{0}: members {1}, api keys {2}, create key {3}")
    @CsvSource({"OWNER, 200, 200, 201", "ADMIN, 200, 200, 201", "MEMBER, 403, 403, 403", "READ_ONLY, 403, 403, 403"})
    void adminEndpointsAreForAdminsAndOwnersOnly(String role, int members, int keys, int createKey) {
        String token = world.tokens().get(role);

        assertThat(api.get("/api/v1/admin/members", token).status()).isEqualTo(members);
        assertThat(api.get("/api/v1/admin/api-keys", token).status()).isEqualTo(keys);
        Response create = api.post("/api/v1/admin/api-keys", token, Map.of("name", "by " + role, "role", "READ_ONLY"));
        assertThat(create.status()).isEqualTo(createKey);
        if (createKey == 403) {
            assertThat(create.text("type")).isEqualTo("https://makcrm.dev/problems/forbidden");
            assertThat(create.text("detail")).contains(role);
        }
    }

    /**
     * The rest of the matrix, by path and method. Endpoints that do not exist yet answer 404/405 once past
     * security, so "allowed" here means "not 401/403".
     */
    @ParameterizedTest(name = "{0} {1} as {2} -> allowed: {3}")
    @CsvSource({
        "GET,    /api/v1/companies,        READ_ONLY, true",
        "POST,   /api/v1/companies,        READ_ONLY, false",
        "DELETE, /api/v1/companies/1,      READ_ONLY, false",
        "POST,   /api/v1/companies,        MEMBER,    true",
        "GET,    /api/v1/metadata/fields,  READ_ONLY, true",
        "POST,   /api/v1/metadata/fields,  MEMBER,    false",
        "POST,   /api/v1/metadata/fields,  ADMIN,     true",
        "GET,    /api/v1/tenant/settings,  ADMIN,     false",
        "PATCH,  /api/v1/tenant/settings,  OWNER,     true"
    })
    void recordWritesNeedMemberMetadataWritesAdminAndTenantSettingsOwner(
            String method, String path, String role, boolean allowed) {
        Response r =
                api.send(method, path, world.tokens().get(role), "application/json", BodyPublishers.ofString("{}"));
        if (allowed) {
            assertThat(r.status()).as(r.body()).isNotIn(401, 403);
        } else {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
        }
    }

    @Test
    void memberAndReadOnlyCannotChangeMembers() {
        for (String role : new String[] {"MEMBER", "READ_ONLY"}) {
            String token = world.tokens().get(role);
            assertThat(api.post("/api/v1/admin/members", token, Map.of("email", email(), "role", "MEMBER"))
                            .status())
                    .isEqualTo(403);
            assertThat(api.patch(
                                    "/api/v1/admin/members/" + world.userIds().get("MEMBER"),
                                    token,
                                    Map.of("role", "ADMIN"))
                            .status())
                    .isEqualTo(403);
            assertThat(api.delete("/api/v1/admin/members/" + world.userIds().get("READ_ONLY"), token)
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void onlyOwnersTouchOwnersAndTheLastOwnerStays() {
        String admin = world.tokens().get("ADMIN");
        String owner = world.tokens().get("OWNER");
        String ownerId = world.userIds().get("OWNER");

        assertThat(api.patch("/api/v1/admin/members/" + ownerId, admin, Map.of("role", "MEMBER"))
                        .status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/admin/members/" + ownerId, admin).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/members", admin, Map.of("email", email(), "role", "OWNER"))
                        .status())
                .isEqualTo(403);

        Response lastOwner = api.delete("/api/v1/admin/members/" + ownerId, owner);
        assertThat(lastOwner.status()).isEqualTo(409);
        assertThat(lastOwner.text("detail")).contains("last OWNER");
        assertThat(api.patch("/api/v1/admin/members/" + ownerId, owner, Map.of("role", "ADMIN"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void ownerAddsChangesAndRemovesAMemberWhoseSessionsEnd() {
        String owner = world.tokens().get("OWNER");
        String email = email();
        signup(email);
        Response added = api.post("/api/v1/admin/members", owner, Map.of("email", email, "role", "READ_ONLY"));
        String id = added.text("userId");
        Response login =
                api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD, "tenant", world.slugA()));

        Response changed = api.patch("/api/v1/admin/members/" + id, owner, Map.of("role", "MEMBER"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("role")).isEqualTo("MEMBER");
        assertThat(api.post("/api/v1/admin/members", owner, Map.of("email", email, "role", "MEMBER"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/admin/members", owner, Map.of("email", email(), "role", "MEMBER"))
                        .status())
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/admin/members/" + id, owner).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/admin/members/" + id, owner).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", login.text("refreshToken")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anotherTenantsCredentialsNeverReachThisTenantsAdminData() {
        String ownerA = world.tokens().get("OWNER");
        String ownerB = world.ownerB();
        Response keyA = api.post("/api/v1/admin/api-keys", ownerA, Map.of("name", "A's key", "role", "ADMIN"));
        String keyIdA = keyA.text("id");
        String memberIdA = world.userIds().get("MEMBER");

        // a client-supplied tenant is not a way in: the parameter is refused, not silently ignored
        Response pickTenant = api.get("/api/v1/admin/members?tenant=" + world.slugA(), ownerB);
        assertThat(pickTenant.status()).isEqualTo(400);
        assertThat(pickTenant.text("detail")).contains("unknown query parameter 'tenant'");
        Response listB = api.get("/api/v1/admin/members", ownerB);
        assertThat(listB.json().get("data")).hasSize(1);
        assertThat(listB.body()).doesNotContain(memberIdA);
        assertThat(api.get("/api/v1/admin/api-keys", ownerB).body()).doesNotContain(keyIdA);

        assertThat(api.get("/api/v1/admin/api-keys/" + keyIdA, ownerB).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/admin/api-keys/" + keyIdA, ownerB).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/admin/members/" + memberIdA, ownerB).status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/admin/members/" + memberIdA, ownerB, Map.of("role", "OWNER"))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/admin/members/" + memberIdA, ownerB).status())
                .isEqualTo(404);

        // and nothing changed in A: the key still works, the member is still a MEMBER
        assertThat(api.get("/api/v1/admin/members/" + memberIdA, keyA.text("key"))
                        .text("role"))
                .isEqualTo("MEMBER");
        // an API key of A is bound to A whatever the request says
        assertThat(api.send(
                                "GET",
                                "/api/v1/admin/members",
                                null,
                                BodyPublishers.noBody(),
                                Map.of(
                                        "Authorization",
                                        "Bearer " + keyA.text("key"),
                                        "X-Tenant-Id",
                                        UUID.randomUUID().toString()))
                        .body())
                .contains(memberIdA);
    }
}
