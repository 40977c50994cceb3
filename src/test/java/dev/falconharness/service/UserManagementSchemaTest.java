package dev.falconharness.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.BodyValidation;
import dev.falconharness.Harness;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaValidator;
import dev.falconharness.testing.PayloadManifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed methods write bodies the API's schemas accept, so their field names cannot drift. */
class UserManagementSchemaTest {
    /** Every body a typed method writes, by operation. */
    private static final Map<String, List<Map<String, Object>>> BODIES = Map.of(
            "CreateUser", List.of(new NewUser("ana@example.com", "Ana", "Lima", "s3cret-Pass").toBody(),
                    new NewUser("ana@example.com", null, null).toBody()),
            "UpdateUser", List.of(new UserUpdate("Ana", "Lima").toBody(), UserUpdate.lastName("Lima").toBody()),
            "GrantUserRoleIds", List.of(Map.of("roleIds", List.of("falcon_admin"))));

    @Test
    void everyTypedBodyValidatesAgainstTheApisSchema() {
        checkAgainst(PayloadManifests.userManagement());
    }

    @Test
    void everyTypedBodyValidatesAgainstTheBuiltInSchemaOnceItHasOne() {
        Manifest falcon = Manifest.falcon();
        if (falcon.definitions().size() > 0) {
            checkAgainst(falcon);
        }
    }

    private static void checkAgainst(Manifest manifest) {
        BODIES.forEach((id, bodies) -> {
            Schema schema = manifest.operation(id).bodySchema().orElseThrow(() -> new AssertionError(id + " has no body schema"));
            for (Map<String, Object> body : bodies) {
                assertEquals(List.of(), SchemaValidator.standard().validate(schema, body, "body", id), id + " " + body);
            }
        });
    }

    @Test
    void aBodyTheSchemaRefusesFailsAsABugEvenWhenTheHarnessDoesNotCheck() {
        try (Harness harness = Harness.builder().baseUrl("http://127.0.0.1:9").credentials(dev.falconharness.Credentials.bearerToken("t"))
                .manifest(PayloadManifests.userManagement()).bodyValidation(BodyValidation.OFF).build()) {
            UserManagement users = new UserManagement(harness);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> users.body("CreateUser", Map.of("first_name", "Ana")));
            assertTrue(e.getMessage().contains("body.first_name: unknown field; did you mean firstName?"), e.getMessage());
        }
    }
}
