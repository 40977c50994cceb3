package dev.falconharness.openapi;

import static dev.falconharness.openapi.FalconFixtures.MAPPER;
import static dev.falconharness.openapi.FalconFixtures.assertJson;
import static dev.falconharness.openapi.FalconFixtures.find;
import static dev.falconharness.openapi.FalconFixtures.mirror;
import static dev.falconharness.openapi.FalconFixtures.resource;
import static dev.falconharness.openapi.FalconFixtures.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The table's own rules, with a schemas file that adds nothing ({@link FalconFixtures#mirror}). */
class FalconTableConverterTest {
    private static JsonNode sample;
    private static ObjectNode converted;

    @BeforeAll
    static void convertSample() {
        sample = resource("/falcon-table-sample.json");
        converted = convert(sample);
    }

    // ---- document and operations -------------------------------------------------------------------

    @Test
    void documentHeaderCarriesFormatNameTitleSourceBaseUrlAndFalconAuth() {
        ObjectNode header = converted.deepCopy();
        header.remove(List.of("operations", "definitions"));
        assertJson("""
                {"format": "falcon-harness/manifest@2", "name": "falcon", "title": "CrowdStrike Falcon API",
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
        JsonNode op = convert(table(
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
        JsonNode ops = convert(table(
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
        assertEquals(2, convert(table(upper, lower)).get("operations").size());
        assertFailure("operation #1 (RetrieveUser): operationId is used more than once", upper, upper);
    }

    // ---- rendering --------------------------------------------------------------------------------------

    @Test
    void renderingIsDeterministicTwoSpaceIndentedAndEndsWithANewline() throws IOException {
        byte[] first = FalconTableConverter.render(convert(sample));
        byte[] second = FalconTableConverter.render(convert(sample));
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"format\": \"falcon-harness/manifest@2\",\n"));
        assertTrue(text.contains("\n      \"parameters\": []\n"));
        assertTrue(text.endsWith("}\n") && !text.contains("\r"));
    }

    @Test
    void mainWritesTheRenderedManifest() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "falcon-table-converter-test"));
        Path input = dir.resolve("table.json");
        Path schemas = dir.resolve("schemas.json");
        Path output = dir.resolve("manifest.json");
        MAPPER.writeValue(input.toFile(), sample);
        MAPPER.writeValue(schemas.toFile(), mirror(sample));
        FalconTableConverter.main(new String[] {input.toString(), schemas.toString(), output.toString()});
        assertArrayEquals(FalconTableConverter.render(converted), Files.readAllBytes(output));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static JsonNode operation(String id) {
        return find(converted.get("operations"), id);
    }

    private static JsonNode parameter(String operationId, String name) {
        return FalconFixtures.parameter(operation(operationId), name);
    }

    /** The table's rules alone: a schemas file that has each operation and adds nothing. */
    private static ObjectNode convert(JsonNode table) {
        return FalconTableConverter.convert(table, mirror(table));
    }

    private static void assertFailure(String message, String... operations) {
        JsonNode table = table(operations);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> convert(table));
        assertEquals(message, e.getMessage());
    }
}
