package dev.falconharness.openapi;

import static dev.falconharness.openapi.FalconFixtures.MAPPER;
import static dev.falconharness.openapi.FalconFixtures.find;
import static dev.falconharness.openapi.FalconFixtures.parameter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in manifest as committed, {@code endpoints/falcon.json}. The version 2 checks wait for the file
 * to be regenerated with the schemas ({@code endpoints/regenerate}), which the version 1 loader cannot read.
 */
class FalconManifestFileTest {
    private static final Path COMMITTED = Path.of("endpoints/falcon.json");

    @Test
    void committedManifestHasEveryOperationOnceAndIsInCanonicalForm() throws IOException {
        byte[] bytes = Files.readAllBytes(COMMITTED);
        JsonNode manifest = MAPPER.readTree(bytes);
        Set<String> ids = new HashSet<>();
        manifest.get("operations").forEach(op -> assertTrue(ids.add(op.get("id").asText()), op.get("id").asText()));
        assertArrayEquals(bytes, FalconTableConverter.render(manifest));
    }

    @Test
    void committedManifestPlaceholdersAndPathParametersMatch() throws IOException {
        Pattern placeholder = Pattern.compile("\\{([^}]+)}");
        for (JsonNode op : MAPPER.readTree(COMMITTED.toFile()).get("operations")) {
            Set<String> inPath = new TreeSet<>();
            Matcher m = placeholder.matcher(op.get("path").asText());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            op.get("parameters").forEach(p -> {
                if ("path".equals(p.get("in").asText())) {
                    declared.add(p.get("name").asText());
                    assertTrue(p.path("required").asBoolean(), op.get("id") + " " + p.get("name"));
                }
            });
            assertEquals(inPath, declared, op.get("id").asText());
        }
    }

    @Test
    void committedManifestHasTheSeedUserManagementOperations() throws IOException {
        List<String> expected = List.of(
                "GetRoles GET /user-roles/entities/user-roles/v1 [ids query array(string) multi required]",
                "GrantUserRoleIds POST /user-roles/entities/user-roles/v1 [user_uuid query string required, body body required]",
                "RevokeUserRoleIds DELETE /user-roles/entities/user-roles/v1 [user_uuid query string required, ids query array(string) multi required]",
                "GetAvailableRoleIds GET /user-roles/queries/user-role-ids-by-cid/v1 []",
                "GetUserRoleIds GET /user-roles/queries/user-role-ids-by-user-uuid/v1 [user_uuid query string required]",
                "RetrieveUser GET /users/entities/users/v1 [ids query array(string) multi required]",
                "CreateUser POST /users/entities/users/v1 [body body required]",
                "DeleteUser DELETE /users/entities/users/v1 [user_uuid query string required]",
                "UpdateUser PATCH /users/entities/users/v1 [user_uuid query string required, body body required]",
                "RetrieveEmailsByCID GET /users/queries/emails-by-cid/v1 []",
                "RetrieveUserUUIDsByCID GET /users/queries/user-uuids-by-cid/v1 []",
                "RetrieveUserUUID GET /users/queries/user-uuids-by-email/v1 [uid query array(string) multi required]");
        JsonNode operations = MAPPER.readTree(COMMITTED.toFile()).get("operations");
        for (String line : expected) {
            String id = line.substring(0, line.indexOf(' '));
            JsonNode op = find(operations, id);
            assertEquals(line, signature(op));
            assertEquals("user_management", op.get("collection").asText(), id);
        }
    }

    // ---- version 2: the table and the schemas file merged ----------------------------------------------

    @Test
    void committedManifestHasTheTablesOperationsAndThoseAddedSinceWithTheUnpublishedMarked() throws IOException {
        JsonNode manifest = version2();
        JsonNode operations = manifest.get("operations");
        assertEquals(1508, operations.size());
        assertEquals("admission_control_get_policies", operations.get(0).get("id").asText());
        int unpublished = 0;
        for (int i = 0; i < operations.size(); i++) {
            boolean marked = operations.get(i).path("unpublished").asBoolean();
            unpublished += marked ? 1 : 0;
            // Every published operation has responses; an added one is never unpublished.
            assertEquals(!marked, operations.get(i).has("responses"), operations.get(i).get("id").asText());
            assertTrue(i < 1374 || !marked);
        }
        assertEquals(32, unpublished);
        assertTrue(manifest.get("source").asText().contains("2026-04-27"));
        assertTrue(manifest.get("source").asText().contains("2026-07-22"));
    }

    @Test
    void committedManifestRefsAllResolveAndEveryDefinitionIsReached() throws IOException {
        JsonNode manifest = version2();
        JsonNode definitions = manifest.get("definitions");
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        refs(manifest.get("operations"), pending);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            assertTrue(definitions.has(name), "unresolved $ref to " + name);
            if (reached.add(name)) {
                refs(definitions.get(name), pending);
            }
        }
        assertEquals(definitions.size(), reached.size());
        assertEquals(3018, definitions.size());
    }

    @Test
    void committedManifestBodiesCarryTheirSchemas() throws IOException {
        JsonNode operations = version2().get("operations");
        int bodies = 0;
        int schemas = 0;
        int rawBytes = 0;
        for (JsonNode op : operations) {
            for (JsonNode p : op.get("parameters")) {
                bodies += "body".equals(p.get("in").asText()) ? 1 : 0;
                schemas += p.has("schema") ? 1 : 0;
                rawBytes += "binary".equals(p.path("schema").path("format").asText()) ? 1 : 0;
            }
        }
        assertEquals(List.of(519, 508, 3), List.of(bodies, schemas, rawBytes));
        assertEquals("#/definitions/domain.UserCreateRequest",
                parameter(find(operations, "CreateUser"), "body").get("schema").get("$ref").asText());
        assertEquals("#/definitions/domain.CreateUserRequest",
                parameter(find(operations, "createUserV1"), "body").get("schema").get("$ref").asText());
        assertEquals("application/octet-stream", find(operations, "PutObject").get("consumes").asText());
    }

    @Test
    void committedManifestTakesUserHeadersItemTypesAndCollectionFormatsFromTheSchemasFile() throws IOException {
        JsonNode operations = version2().get("operations");
        int withHeaders = 0;
        int required = 0;
        for (JsonNode op : operations) {
            boolean found = false;
            for (JsonNode p : op.get("parameters")) {
                if (p.get("name").asText().matches("X-CS-USER(UUID|NAME)")) {
                    found = true;
                    required += p.path("required").asBoolean() ? 1 : 0;
                }
            }
            withHeaders += found ? 1 : 0;
        }
        // 52 of the table's operations and 3 added ones (the reference README's "54" counts one short).
        assertEquals(List.of(55, 3), List.of(withHeaders, required));
        assertEquals("integer", parameter(find(operations, "GetCSPMPoliciesDetails"), "ids").get("items").asText());
        assertEquals("multi", parameter(find(operations, "entities_web_location_delete_v2"), "ids")
                .get("collectionFormat").asText());
        assertEquals("array", parameter(find(operations, "DeleteDashboard"), "ids").get("type").asText());
    }

    // ---- the real-data sample ----------------------------------------------------------------------------

    /**
     * {@code falcon-v2-user-management.json} is the converter's output for the table's user_management rows
     * and their schemas-file counterparts (all 3,022 definitions given, the 43 reached kept): a version 2
     * document from real data, small enough for the loader's tests to read before the built-in one is
     * regenerated.
     */
    @Test
    void theUserManagementSampleIsCanonicalSelfContainedAndNamesTheTwoGenerationsFieldsApart() throws IOException {
        byte[] bytes;
        try (var in = FalconManifestFileTest.class.getResourceAsStream("/falcon-v2-user-management.json")) {
            bytes = in.readAllBytes();
        }
        JsonNode sample = MAPPER.readTree(bytes);
        assertArrayEquals(bytes, FalconTableConverter.render(sample));
        assertEquals(FalconTableConverter.FORMAT, sample.get("format").asText());
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        refs(sample.get("operations"), pending);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            assertTrue(sample.get("definitions").has(name), "unresolved $ref to " + name);
            if (reached.add(name)) {
                refs(sample.get("definitions").get(name), pending);
            }
        }
        assertEquals(sample.get("definitions").size(), reached.size());
        JsonNode definitions = sample.get("definitions");
        assertEquals(List.of("firstName", "lastName", "password", "uid"),
                names(definitions.get("domain.UserCreateRequest").get("properties")));
        assertEquals(List.of("cid", "first_name", "last_name", "password", "uid"),
                names(definitions.get("domain.CreateUserRequest").get("properties")));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static JsonNode version2() throws IOException {
        JsonNode manifest = MAPPER.readTree(COMMITTED.toFile());
        assumeTrue(FalconTableConverter.FORMAT.equals(manifest.path("format").asText()),
                "endpoints/falcon.json is not version 2 yet: run endpoints/regenerate once the loader reads it");
        return manifest;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Adds the definition named by every $ref below {@code node} (property names are not refs). */
    private static void refs(JsonNode node, Deque<String> into) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            into.add(SchemaSubset.definitionName(node.get("$ref"), "test"));
        }
        node.forEach(child -> refs(child, into));
    }

    /** The seed list's notation: "id METHOD path [name in type(items) collectionFormat required, ...]". */
    private static String signature(JsonNode op) {
        List<String> params = new ArrayList<>();
        for (JsonNode p : op.get("parameters")) {
            String type = p.has("type") ? " " + p.get("type").asText() : "";
            String items = p.has("items") ? "(" + p.get("items").asText() + ")" : "";
            String format = p.has("collectionFormat") ? " " + p.get("collectionFormat").asText() : "";
            String required = p.path("required").asBoolean() ? " required" : "";
            params.add(p.get("name").asText() + " " + p.get("in").asText() + type + items + format + required);
        }
        return op.get("id").asText() + " " + op.get("method").asText() + " " + op.get("path").asText()
                + " [" + String.join(", ", params) + "]";
    }
}
