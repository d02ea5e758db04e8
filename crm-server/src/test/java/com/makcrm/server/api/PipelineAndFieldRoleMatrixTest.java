package com.makcrm.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.server.ApiClient.Response;
import com.makcrm.server.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every pipeline and custom field endpoint for every role: all may read; only ADMIN and OWNER may change pipelines
 * and fields, and a refused change leaves everything as it was.
 */
class PipelineAndFieldRoleMatrixTest extends SchemaApiTestBase {

    private static final String FIELDS = "/api/v1/metadata/fields";

    private static TestTenant tenant;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = newTenant();
        }
    }

    @ParameterizedTest(name = "{0} may change pipelines and fields: {1}")
    @CsvSource({"OWNER, true", "ADMIN, true", "MEMBER, false", "READ_ONLY, false"})
    void everyoneReadsOnlyAdminsAndOwnersChange(String role, boolean mayWrite) {
        String owner = tenant.owner();
        String token = tenant.token(role);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Response pipeline = api.post(
                "/api/v1/pipelines",
                owner,
                Map.of("name", "Matrix " + suffix, "stages", List.of(stage("A", 10), stage("B", 50))));
        Response spare = api.post(
                "/api/v1/pipelines", owner, Map.of("name", "Spare " + suffix, "stages", List.of(stage("A", 10))));
        String fieldName = "m" + suffix.replace("-", "x");
        Response field = api.post(FIELDS, owner, Map.of("object", "person", "name", fieldName, "type", "TEXT"));
        assertThat(List.of(pipeline.status(), spare.status(), field.status())).containsOnly(201);
        String p = "/api/v1/pipelines/" + pipeline.text("id");
        String f = FIELDS + "/person/" + fieldName;

        SoftAssertions soft = new SoftAssertions();
        Check check = new Check(soft, role, mayWrite);
        check.read(api.get("/api/v1/pipelines", token));
        check.read(api.get(p, token));
        check.read(api.get(FIELDS, token));
        check.read(api.get(FIELDS + "?object=person", token));
        check.read(api.get(f, token));

        String v = etag(pipeline);
        check.write(
                201,
                api.post(
                        "/api/v1/pipelines", token, Map.of("name", "New " + suffix, "stages", List.of(stage("A", 1)))));
        v = check.write(200, send("PATCH", p, token, v, Map.of("name", "Renamed " + suffix)), v);
        v = check.write(
                200, send("POST", p + "/stages", token, v, Map.of("key", "C", "name", "C", "probability", 70)), v);
        v = check.write(200, send("PATCH", p + "/stages/A", token, v, Map.of("name", "First")), v);
        v = check.write(200, send("PUT", p + "/stages/order", token, v, Map.of("keys", List.of("B", "A", "C"))), v);
        v = check.write(200, send("DELETE", p + "/stages/B", token, v, null), v);
        check.write(200, send("POST", p + "/default", token, v, null), v);
        check.write(204, send("DELETE", "/api/v1/pipelines/" + spare.text("id"), token, etag(spare), null));

        check.write(201, api.post(FIELDS, token, Map.of("object", "person", "name", fieldName + "n", "type", "URL")));
        String fv = check.write(200, send("PATCH", f, token, etag(field), Map.of("label", "Changed")), etag(field));
        check.write(204, send("DELETE", f, token, fv, null));
        soft.assertAll();

        if (!mayWrite) {
            assertThat(api.get(p, owner).json()).isEqualTo(pipeline.json());
            assertThat(api.get("/api/v1/pipelines/" + spare.text("id"), owner).json())
                    .isEqualTo(spare.json());
            assertThat(api.get(f, owner).json()).isEqualTo(field.json());
            assertThat(api.get("/api/v1/pipelines", owner).body()).doesNotContain("New " + suffix);
            assertThat(api.get(FIELDS, owner).body()).doesNotContain(fieldName + "n");
        }
    }

    private static Map<String, Object> stage(String key, int probability) {
        return Map.of("key", key, "name", "Stage " + key, "probability", probability);
    }

    /** Expectations of one role; with the order of the writes above, the stage changes fit the reordered keys. */
    private record Check(SoftAssertions soft, String role, boolean mayWrite) {

        void read(Response r) {
            soft.assertThat(r.status()).as("%s reads: %s", role, r.body()).isEqualTo(200);
        }

        void write(int allowed, Response r) {
            write(allowed, r, null);
        }

        /** @return the ETag to use next: the answer's when the write went through, else {@code etag} */
        String write(int allowed, Response r, String etag) {
            if (mayWrite) {
                soft.assertThat(r.status()).as("%s writes: %s", role, r.body()).isEqualTo(allowed);
                return r.header("ETag").orElse(etag);
            }
            soft.assertThat(r.status()).as("%s writes: %s", role, r.body()).isEqualTo(403);
            soft.assertThat(r.text("type")).isEqualTo(PROBLEMS + "forbidden");
            return etag;
        }
    }
}
