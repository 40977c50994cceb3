package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FalconTableConverterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path COMMITTED = Path.of("endpoints/falcon.json");

    private static JsonNode sample;
    private static ObjectNode converted;

    @BeforeAll
    static void convertSample() throws IOException {
        try (InputStream in = FalconTableConverterTest.class.getResourceAsStream("/falcon-table-sample.json")) {
            sample = MAPPER.readTree(in);
        }
        converted = FalconTableConverter.convert(sample);
    }

    // ---- document and operations -------------------------------------------------------------------

    @Test
    void documentHeaderCarriesFormatNameTitleSourceBaseUrlAndFalconAuth() {
        ObjectNode header = converted.deepCopy();
        header.remove("operations");
        assertJson("""
                {"format": "falcon-harness/manifest@1", "name": "falcon", "title": "CrowdStrike Falcon API",
                 "source": "Hand-written sample for FalconTableConverterTest: six widget operations, one quirk each.",
                 "baseUrl": "https://api.crowdstrike.com",
                 "auth": {"type": "oauth2ClientCredentials", "tokenUrl": "/oauth2/token", "revokeUrl": "/oauth2/revoke",
                          "regionHeader": "X-Cs-Region", "memberCidField": "member_cid"}}""", header);
    }

    @Test
    void operationsKeepTheTableOrderAndTheirIdsVerbatim() {
        List<String> ids = new ArrayList<>();
        converted.get("operations").forEach(op -> ids.add(op.get("id").asText()));
        assertEquals(List.of("GetWidgets", "getWidgetsV2", "UploadWidgetFile", "UploadWidgetArchive",
                "DeleteWidgets", "ListWidgetIds"), ids);
    }

    @Test
    void deprecatedOperationNamingAnExistingOperationGetsReplacedBy() {
        ObjectNode op = operation("GetWidgets").deepCopy();
        op.remove("parameters");
        assertJson("""
                {"id": "GetWidgets", "method": "GET", "path": "/widgets/entities/widgets/v1", "collection": "widgets",
                 "summary": "Get widgets by ID.",
                 "description": "Deprecated : Please use getWidgetsV2. Get widgets by ID.\\nReturns at most 500.",
                 "deprecated": true, "replacedBy": "getWidgetsV2"}""", op);
    }

    @Test
    void deprecatedOperationNamingAMissingOperationHasNoReplacedBy() {
        assertJson("""
                {"id": "DeleteWidgets", "method": "DELETE", "path": "/widgets/entities/widgets/v1",
                 "collection": "widgets", "summary": "Delete widgets by ID.",
                 "description": "Deprecated : Please use removeWidgetsV9. Delete widgets by ID.", "deprecated": true,
                 "parameters": [{"name": "body", "in": "body", "required": true,
                                 "description": "The widget IDs, as {\\"ids\\": [...]}."}]}""",
                operation("DeleteWidgets"));
    }

    @Test
    void removalNoticeMarksDeprecatedAndSummaryKeepsAbbreviationsInsideTheSentence() {
        assertJson("""
                {"id": "ListWidgetIds", "method": "GET", "path": "/widgets/queries/widgets/v1", "collection": "widgets",
                 "summary": "List widget IDs, e.g. for paging.",
                 "description": "DEPRECATED: the widget api will be removed in March 2026. List widget IDs, e.g. for paging. Use getWidgetsV2 for details.",
                 "deprecated": true, "replacedBy": "getWidgetsV2", "parameters": []}""",
                operation("ListWidgetIds"));
    }

    @Test
    void methodIsUpperCasedAndSummaryDropsHtmlAndExtraWhitespace() {
        ObjectNode op = operation("getWidgetsV2").deepCopy();
        op.remove("parameters");
        assertJson("""
                {"id": "getWidgetsV2", "method": "GET", "path": "/widgets/entities/widgets/v2/{widget_id}",
                 "collection": "widgets", "summary": "Get one widget by its ID.",
                 "description": "Get one widget by its <b>ID</b>.  Includes   its parts."}""", op);
    }

    @Test
    void longSummariesAreCutOnAWordBoundaryWithAnEllipsis() {
        String summary = operation("UploadWidgetFile").get("summary").asText();
        assertEquals("Uploads a widget file that is then checked, indexed and stored for every widget in the account, "
                + "so that later searches, exports and reports can include the…", summary);
        assertTrue(summary.length() <= FalconTableConverter.SUMMARY_LIMIT);
    }

    @Test
    void binaryBodyConsumesOctetStreamAndDescriptionEqualToSummaryIsLeftOut() {
        assertJson("""
                {"id": "UploadWidgetArchive", "method": "POST", "path": "/widgets/entities/archives/v1",
                 "collection": "widget_files", "summary": "Uploads a widget archive.",
                 "consumes": "application/octet-stream",
                 "parameters": [
                   {"name": "body", "in": "body", "required": true,
                    "description": "Content of the uploaded archive in binary format."},
                   {"name": "name", "in": "query", "type": "string", "required": true, "description": "Archive name."}]}""",
                operation("UploadWidgetArchive"));
    }

    @Test
    void jsonBodiesAndFileUploadsLeaveConsumesToTheRuntime() {
        assertFalse(operation("DeleteWidgets").has("consumes"));
        assertFalse(operation("UploadWidgetFile").has("consumes"));
    }

    // ---- parameters -----------------------------------------------------------------------------------

    @Test
    void multiArraysKeepMultiAndItemsBecomeATypeName() {
        assertJson("""
                {"name": "ids", "in": "query", "type": "array", "items": "string", "collectionFormat": "multi",
                 "required": true, "description": "Widget IDs."}""", parameter("GetWidgets", "ids"));
    }

    @Test
    void csvArraysKeepCsvAndRequiredFalseIsLeftOut() {
        assertJson("""
                {"name": "fields", "in": "query", "type": "array", "items": "string", "collectionFormat": "csv",
                 "description": "Fields to return."}""", parameter("GetWidgets", "fields"));
    }

    @Test
    void arraysWithoutCollectionFormatBecomeCsv() {
        assertJson("""
                {"name": "tags", "in": "query", "type": "array", "items": "string", "collectionFormat": "csv",
                 "maxItems": 20, "uniqueItems": true, "description": "Tags to match."}""",
                parameter("GetWidgets", "tags"));
        assertJson("""
                {"name": "label", "in": "formData", "type": "array", "items": "string", "collectionFormat": "csv",
                 "description": "Labels."}""", parameter("UploadWidgetFile", "label"));
    }

    @Test
    void integerConstraintsAndDefaultsStayNumbers() {
        JsonNode limit = parameter("GetWidgets", "limit");
        assertJson("""
                {"name": "limit", "in": "query", "type": "integer", "default": 100, "minimum": 1, "maximum": 500,
                 "description": "Page size."}""", limit);
        assertTrue(limit.get("default").isInt() && limit.get("minimum").isInt() && limit.get("maximum").isInt());
    }

    @Test
    void enumValuesKeepTheirJsonTypesAndEmptyDescriptionsAreLeftOut() {
        assertJson("""
                {"name": "sort", "in": "query", "type": "string", "enum": ["name.asc", "name.desc"],
                 "default": "name.asc"}""", parameter("GetWidgets", "sort"));
        assertJson("""
                {"name": "level", "in": "query", "type": "string", "enum": [1, 2, 3], "description": "Detail level."}""",
                parameter("getWidgetsV2", "level"));
    }

    @Test
    void pathParametersAreAlwaysRequired() {
        assertJson("""
                {"name": "widget_id", "in": "path", "type": "string", "required": true, "pattern": "^[0-9a-f]{32}$",
                 "description": "Widget ID."}""", parameter("getWidgetsV2", "widget_id"));
    }

    @Test
    void headerParametersKeepTheirNameAndATrimmedDescription() {
        assertJson("""
                {"name": "X-Request-Tag", "in": "header", "type": "string",
                 "description": "Echoed back in the response."}""", parameter("getWidgetsV2", "X-Request-Tag"));
    }

    @Test
    void formDataFilesKeepTheFileType() {
        assertJson("""
                {"name": "file", "in": "formData", "type": "file", "required": true, "description": "The file."}""",
                parameter("UploadWidgetFile", "file"));
    }

    // ---- summary, deprecation and replacement rules on their own --------------------------------------

    @Test
    void summaryDropsEachKnownLeadingDeprecationNotice() {
        assertEquals("Get info about a role",
                FalconTableConverter.summarize("Deprecated : Please use entitiesRolesV1. Get info about a role"));
        assertEquals("Retrieves all Alerts given their ids.", FalconTableConverter.summarize(
                "Deprecated: please use version v2 of this endpoint. Retrieves all Alerts given their ids."));
        assertEquals("Get details on incidents by providing incident IDs", FalconTableConverter.summarize(
                "DEPRECATED: the incidentapi will be removed in March 2026. Get details on incidents by providing incident IDs"));
        assertEquals("Perform actions on Alerts.", FalconTableConverter.summarize(
                "Deprecated: Please use version v3 of this endpoint.\nPerform actions on Alerts.\nEach action has a name."));
    }

    @Test
    void summaryFallsBackToTheDescriptionWhenTheNoticeIsAllThereIs() {
        assertEquals("Deprecated: Please use deleteCIDGroupMembersV2.",
                FalconTableConverter.summarize("Deprecated: Please use deleteCIDGroupMembersV2."));
        assertEquals("Deprecated: This endpoint will be decommissioned on September 30, 2025.",
                FalconTableConverter.summarize("Deprecated: This endpoint will be decommissioned on September 30, 2025. "
                        + "Please check the Notes section below for migration guidance."));
    }

    @Test
    void emptyDescriptionsLeaveOutSummaryAndDescription() {
        JsonNode op = FalconTableConverter.convert(table(
                "{\"operationId\": \"Quiet\", \"method\": \"GET\", \"path\": \"/q\", \"description\": \"  \"}"))
                .get("operations").get(0);
        assertJson("{\"id\": \"Quiet\", \"method\": \"GET\", \"path\": \"/q\", \"parameters\": []}", op);
    }

    @Test
    void deprecationIsRecognisedAnywhereInTheDescription() {
        assertTrue(FalconTableConverter.isDeprecated("Get things. This endpoint is deprecated, please use v2"));
        assertTrue(FalconTableConverter.isDeprecated("Deprecated: This endpoint will be decommissioned soon."));
        assertTrue(FalconTableConverter.isDeprecated("The thing api will be removed in March 2026."));
        assertFalse(FalconTableConverter.isDeprecated("Use this endpoint to list undeprecated things."));
    }

    @Test
    void replacementSkipsHttpMethodsPunctuationUnknownNamesAndSelfReferences() {
        Set<String> ids = Set.of("queriesRolesV1", "CombinedUserRolesV2", "deleteCIDGroupMembers");
        assertEquals("queriesRolesV1", FalconTableConverter.replacement(
                "Deprecated : Please use GET queriesRolesV1. Show role IDs.", "GetAvailableRoleIds", ids));
        assertEquals("CombinedUserRolesV2", FalconTableConverter.replacement(
                "Deprecated : Please use version 2, or use CombinedUserRolesV2, instead.", "old", ids));
        assertNull(FalconTableConverter.replacement(
                "Deprecated : Please use deleteCIDGroupMembers. Delete members.", "deleteCIDGroupMembers", ids));
    }

    @Test
    void operationsThatAreNotDeprecatedNeverGetReplacedBy() {
        JsonNode ops = FalconTableConverter.convert(table(
                "{\"operationId\": \"tokens_delete\", \"method\": \"DELETE\", \"path\": \"/t\","
                        + " \"description\": \"Deletes a token. To revoke one, use tokens_update instead.\"}",
                "{\"operationId\": \"tokens_update\", \"method\": \"PATCH\", \"path\": \"/t\"}"))
                .get("operations");
        assertFalse(ops.get(0).has("deprecated"));
        assertFalse(ops.get(0).has("replacedBy"));
    }

    // ---- failures -------------------------------------------------------------------------------------

    @Test
    void missingOperationIdMethodOrPathFailsNamingTheIndex() {
        assertFailure("operation #1 (<no operationId>): missing operationId",
                "{\"operationId\": \"A\", \"method\": \"GET\", \"path\": \"/a\"}", "{\"method\": \"GET\", \"path\": \"/b\"}");
        assertFailure("operation #0 (B): missing method", "{\"operationId\": \"B\", \"path\": \"/b\"}");
        assertFailure("operation #0 (C): missing path", "{\"operationId\": \"C\", \"method\": \"GET\"}");
    }

    @Test
    void unknownParameterLocationFailsNamingTheIndexAndId() {
        assertFailure("operation #0 (D): parameter 'sid' has unknown in 'cookie'",
                "{\"operationId\": \"D\", \"method\": \"GET\", \"path\": \"/d\","
                        + " \"parameters\": [{\"name\": \"sid\", \"in\": \"cookie\", \"type\": \"string\"}]}");
    }

    @Test
    void parameterKeysTheManifestCannotCarryFailInsteadOfBeingDropped() {
        assertFailure("operation #0 (E): parameter 'n' has unsupported key 'exclusiveMinimum'",
                "{\"operationId\": \"E\", \"method\": \"GET\", \"path\": \"/e\", \"parameters\":"
                        + " [{\"name\": \"n\", \"in\": \"query\", \"type\": \"integer\", \"exclusiveMinimum\": true}]}");
        assertFailure("operation #0 (F): array parameter 'ids' has no items.type",
                "{\"operationId\": \"F\", \"method\": \"GET\", \"path\": \"/f\","
                        + " \"parameters\": [{\"name\": \"ids\", \"in\": \"query\", \"type\": \"array\"}]}");
    }

    @Test
    void repeatedOperationIdsFailButIdsDifferingOnlyInCaseDoNot() {
        String lower = "{\"operationId\": \"retrieveUser\", \"method\": \"GET\", \"path\": \"/u\"}";
        String upper = "{\"operationId\": \"RetrieveUser\", \"method\": \"GET\", \"path\": \"/u\"}";
        assertEquals(2, FalconTableConverter.convert(table(upper, lower)).get("operations").size());
        assertFailure("operation #1 (RetrieveUser): operationId is used more than once", upper, upper);
    }

    // ---- rendering --------------------------------------------------------------------------------------

    @Test
    void renderingIsDeterministicTwoSpaceIndentedAndEndsWithANewline() throws IOException {
        byte[] first = FalconTableConverter.render(FalconTableConverter.convert(sample));
        byte[] second = FalconTableConverter.render(FalconTableConverter.convert(sample));
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"format\": \"falcon-harness/manifest@1\",\n"));
        assertTrue(text.contains("\n      \"parameters\": []\n"));
        assertTrue(text.endsWith("}\n") && !text.contains("\r"));
    }

    @Test
    void mainWritesTheRenderedManifest() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "falcon-table-converter-test"));
        Path input = dir.resolve("table.json");
        Path output = dir.resolve("manifest.json");
        MAPPER.writeValue(input.toFile(), sample);
        FalconTableConverter.main(new String[] {input.toString(), output.toString()});
        assertArrayEquals(FalconTableConverter.render(converted), Files.readAllBytes(output));
    }

    // ---- the committed manifest ---------------------------------------------------------------------

    @Test
    void committedManifestHasEveryOperationOnceAndIsInCanonicalForm() throws IOException {
        byte[] bytes = Files.readAllBytes(COMMITTED);
        JsonNode manifest = MAPPER.readTree(bytes);
        assertEquals(FalconTableConverter.FORMAT, manifest.get("format").asText());
        assertEquals(1374, manifest.get("operations").size());
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

    // ---- helpers ------------------------------------------------------------------------------------

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

    private static JsonNode find(JsonNode operations, String id) {
        for (JsonNode op : operations) {
            if (op.get("id").asText().equals(id)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + id);
    }

    private static JsonNode operation(String id) {
        return find(converted.get("operations"), id);
    }

    private static JsonNode parameter(String operationId, String name) {
        for (JsonNode p : operation(operationId).get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operationId);
    }

    private static JsonNode table(String... operations) {
        return read("{\"about\": \"test\", \"operations\": [" + String.join(",", operations) + "]}");
    }

    private static void assertFailure(String message, String... operations) {
        JsonNode table = table(operations);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconTableConverter.convert(table));
        assertEquals(message, e.getMessage());
    }

    /** Compares as compact JSON text, so key order counts as well as content. */
    private static void assertJson(String expected, JsonNode actual) {
        assertEquals(read(expected).toString(), actual.toString());
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
