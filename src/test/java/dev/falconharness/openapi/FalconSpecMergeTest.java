package dev.falconharness.openapi;

import static dev.falconharness.openapi.FalconFixtures.MAPPER;
import static dev.falconharness.openapi.FalconFixtures.assertJson;
import static dev.falconharness.openapi.FalconFixtures.find;
import static dev.falconharness.openapi.FalconFixtures.parameter;
import static dev.falconharness.openapi.FalconFixtures.resource;
import static dev.falconharness.openapi.FalconFixtures.schemas;
import static dev.falconharness.openapi.FalconFixtures.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the schemas file ({@code falcon-schemas.json}) joins the table: matching, additions, schemas. */
class FalconSpecMergeTest {
    private static ObjectNode converted;

    @BeforeAll
    static void convertSamples() {
        converted = FalconTableConverter.convert(resource("/falcon-table-sample.json"),
                resource("/falcon-schemas-sample.json"));
    }

    // ---- matching, added and unpublished operations -------------------------------------------------

    @Test
    void tableOperationsKeepTheirIdsAndOrderAndOperationsOnlyInTheSchemasFileFollowInItsOrder() {
        List<String> ids = new ArrayList<>();
        converted.get("operations").forEach(op -> ids.add(op.get("id").asText()));
        assertEquals(List.of("GetWidgets", "getWidgetsV2", "UploadWidgetFile", "UploadWidgetArchive", "DeleteWidgets",
                "ListWidgetIds", "CreateGadgetV1", "gadgets_list_ids", "widgets_count", "UploadGadgetFile"), ids);
    }

    @Test
    void operationsAreMatchedByMethodAndPathWhateverTheirIdsAndPlaceholderNames() {
        JsonNode op = operation("getWidgetsV2");
        assertEquals("/widgets/entities/widgets/v2/{widget_id}", op.get("path").asText());
        assertEquals("widget_id", op.get("parameters").get(0).get("name").asText());
        assertJson("{\"200\": {\"description\": \"OK\", \"schema\": {\"$ref\": \"#/definitions/widgets.WidgetsResponse\"}}}",
                op.get("responses"));
    }

    @Test
    void tableOperationsTheSchemasFileLacksStayMarkedUnpublished() {
        assertTrue(operation("ListWidgetIds").get("unpublished").asBoolean());
        assertFalse(operation("ListWidgetIds").has("responses"));
        assertFalse(operation("GetWidgets").has("unpublished"));
    }

    @Test
    void idsOfAddedOperationsReadDashesDotsAndSlashesAsUnderscores() {
        assertEquals("gadgets_list_ids", AddedOperationIds.respell("gadgets.list-ids"));
        assertEquals("workflows_Execute", AddedOperationIds.respell("workflows/Execute"));
    }

    @Test
    void goFalconsMixinSuffixIsDroppedOnlyWhereTheBareIdIsFree() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("QueryThingsV1Mixin0", "QueryThingsV1Mixin0"); // the table has queryThingsV1
        expected.put("FooMixin0", "FooMixin0"); // two new operations would both be Foo
        expected.put("FooMixin1", "FooMixin1");
        expected.put("BarMixin60", "Bar");
        expected.put("baz.v1Mixin0Mixin93", "baz_v1");
        expected.put("QuxMixin0", "QuxMixin0"); // another new operation is Qux
        expected.put("Qux", "Qux");
        assertEquals(expected, AddedOperationIds.assign(List.copyOf(expected.keySet()), Set.of("queryThingsV1")));
    }

    @Test
    void aNewIdTheTableAlreadyUsesFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddedOperationIds.assign(List.of("get-things"), Set.of("get_things")));
        assertEquals("new operation get-things would be spelt get_things, which the table already uses for another "
                + "operation", e.getMessage());
    }

    @Test
    void addedOperationsJoinTheTableCollectionTheirPackageMapsTo() {
        assertEquals("widgets", operation("widgets_count").get("collection").asText());
        assertEquals("gadgets", operation("CreateGadgetV1").get("collection").asText());
    }

    // ---- parameters -----------------------------------------------------------------------------------

    @Test
    void userHeadersOnlyTheSchemasFileDeclaresAreAddedButOtherNewParametersAreNot() {
        List<String> names = new ArrayList<>();
        operation("GetWidgets").get("parameters").forEach(p -> names.add(p.get("name").asText()));
        assertEquals(List.of("ids", "fields", "tags", "limit", "sort", "X-CS-USERUUID"), names);
        assertJson("{\"name\": \"X-CS-USERUUID\", \"in\": \"header\", \"type\": \"string\", \"description\": \"Requester UUID.\"}",
                parameter(operation("GetWidgets"), "X-CS-USERUUID"));
    }

    @Test
    void integerItemsAndChangedCollectionFormatsComeFromTheSchemasFileWhileConstraintsStay() {
        assertJson("""
                {"name": "tags", "in": "query", "type": "array", "items": "integer", "collectionFormat": "csv",
                 "maxItems": 20, "uniqueItems": true, "description": "Tags to match."}""",
                parameter(operation("GetWidgets"), "tags"));
        assertEquals("multi", parameter(operation("GetWidgets"), "fields").get("collectionFormat").asText());
    }

    @Test
    void tableDefaultsAndRangesStayAndGoIntegerFormatsAreNotTaken() {
        assertJson("""
                {"name": "limit", "in": "query", "type": "integer", "default": 100, "minimum": 1, "maximum": 500,
                 "description": "Page size."}""", parameter(operation("GetWidgets"), "limit"));
    }

    @Test
    void aScalarThatBecameAnArrayTakesTheArrayShapeAndTheNewerDescription() {
        JsonNode op = convert(
                "{\"operationId\": \"DeleteDashboard\", \"method\": \"DELETE\", \"path\": \"/d\", \"parameters\":"
                        + " [{\"name\": \"ids\", \"in\": \"query\", \"type\": \"string\", \"description\": \"dashboard ID value\"}]}",
                "\"x\": {\"method\": \"DELETE\", \"path\": \"/d\", \"parameters\": [{\"name\": \"ids\", \"in\": \"query\","
                        + " \"type\": \"array\", \"items\": {\"type\": \"string\"}, \"collectionFormat\": \"csv\","
                        + " \"description\": \"dashboard ID value(s)\"}]}");
        assertJson("""
                {"name": "ids", "in": "query", "type": "array", "items": "string", "collectionFormat": "csv",
                 "description": "dashboard ID value(s)"}""", op.get("parameters").get(0));
    }

    // ---- bodies -------------------------------------------------------------------------------------------

    @Test
    void bodyParametersCarryTheirSchemaAndKeepTheTablesDescription() {
        assertJson("""
                {"name": "body", "in": "body", "required": true, "description": "The widget IDs, as {\\"ids\\": [...]}.",
                 "schema": {"$ref": "#/definitions/widgets.IdsRequest"}}""", parameter(operation("DeleteWidgets"), "body"));
    }

    @Test
    void aBodyWithoutDescriptionInTheTableTakesTheSchemasFilesDescription() {
        JsonNode op = convert(
                "{\"operationId\": \"Grant\", \"method\": \"POST\", \"path\": \"/g\", \"parameters\":"
                        + " [{\"name\": \"body\", \"in\": \"body\", \"required\": true}]}",
                "\"x\": {\"method\": \"POST\", \"path\": \"/g\", \"body\": {\"name\": \"body\", \"description\":"
                        + " \" Role IDs to grant. \", \"schema\": {\"type\": \"object\"}}}");
        assertJson("""
                {"name": "body", "in": "body", "required": true, "description": "Role IDs to grant.",
                 "schema": {"type": "object"}}""", op.get("parameters").get(0));
    }

    @Test
    void rawBytesBodiesKeepTheirBinarySchemaAndAreSentAsOctetStream() {
        JsonNode archive = operation("UploadWidgetArchive");
        assertEquals("application/octet-stream", archive.get("consumes").asText());
        assertJson("{\"type\": \"string\", \"format\": \"binary\"}", parameter(archive, "body").get("schema"));
        // PutObject's body has no description saying "binary": the schema alone decides.
        JsonNode put = convert(
                "{\"operationId\": \"PutObject\", \"method\": \"PUT\", \"path\": \"/o\", \"parameters\":"
                        + " [{\"name\": \"body\", \"in\": \"body\", \"required\": true}]}",
                "\"x\": {\"method\": \"PUT\", \"path\": \"/o\", \"body\": {\"name\": \"body\", \"schema\":"
                        + " {\"type\": \"string\", \"format\": \"binary\"}}}");
        assertEquals("application/octet-stream", put.get("consumes").asText());
        assertFalse(operation("DeleteWidgets").has("consumes"));
    }

    @Test
    void aBodyOnlyTheSchemasFileDeclaresFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> convert(
                "{\"operationId\": \"Make\", \"method\": \"POST\", \"path\": \"/m\"}",
                "\"x\": {\"method\": \"POST\", \"path\": \"/m\", \"body\": {\"name\": \"body\", \"schema\": {}}}"));
        assertEquals("operation #0 (Make): the schemas file declares a body the table does not; add it to the table",
                e.getMessage());
    }

    // ---- responses and added operations ---------------------------------------------------------------

    @Test
    void responsesAreInStatusOrderWithDefaultLastAndASchemaOnlyWhereOneIsDeclared() {
        assertJson("""
                {"200": {"description": "OK", "schema": {"$ref": "#/definitions/widgets.WidgetsResponse"}},
                 "403": {"description": "Forbidden", "schema": {"$ref": "#/definitions/msa.ReplyMetaOnly"}},
                 "500": {"description": "Unexpected Error"}}""", operation("GetWidgets").get("responses"));
        assertJson("""
                {"200": {"description": "OK", "schema": {"$ref": "#/definitions/msa.ReplyMetaOnly"}},
                 "default": {"description": "Error"}}""", operation("gadgets_list_ids").get("responses"));
        assertFalse(operation("UploadWidgetFile").has("responses"));
    }

    @Test
    void addedOperationsTakeHeadersBodyAndResponsesAndTheirBodiesAreRequired() {
        assertJson("""
                {"id": "CreateGadgetV1", "method": "POST", "path": "/gadgets/entities/gadgets/v1", "collection": "gadgets",
                 "parameters": [
                   {"name": "X-CS-USERNAME", "in": "header", "type": "string", "required": true,
                    "description": "Requester Username."},
                   {"name": "body", "in": "body", "required": true, "description": "The gadget to create.",
                    "schema": {"$ref": "#/definitions/gadgets.CreateRequest"}}],
                 "responses": {"201": {"description": "Created", "schema": {"$ref": "#/definitions/msa.ReplyMetaOnly"}}}}""",
                operation("CreateGadgetV1"));
    }

    @Test
    void addedParametersKeepDefaultsArraysAndStringFormatsButNotGoIntegerFormats() {
        assertJson("""
                [{"name": "limit", "in": "query", "type": "integer", "default": 10, "description": "How many."},
                 {"name": "since", "in": "query", "type": "string", "format": "date-time", "description": "Only newer ones."},
                 {"name": "ids", "in": "query", "type": "array", "items": "string", "collectionFormat": "csv"}]""",
                operation("gadgets_list_ids").get("parameters"));
    }

    @Test
    void addedFormDataFilesTakeTheManifestsFileForm() {
        assertJson("""
                [{"name": "file", "in": "formData", "type": "file", "required": true, "description": "The gadget file."},
                 {"name": "comment", "in": "formData", "type": "string", "description": "A comment."}]""",
                operation("UploadGadgetFile").get("parameters"));
        assertFalse(operation("UploadGadgetFile").has("consumes"));
    }

    // ---- definitions ----------------------------------------------------------------------------------

    @Test
    void definitionsHoldOnlyWhatOperationsReachInTheSchemasFilesOrder() {
        List<String> names = new ArrayList<>();
        converted.get("definitions").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("gadgets.CreateRequest", "map[string]interface {}", "msa.ReplyMetaOnly",
                "widgets.IdsRequest", "widgets.Part", "widgets.Widget", "widgets.WidgetsResponse"), names);
    }

    @Test
    void everyRefInTheManifestNamesOneOfItsDefinitions() {
        List<String> refs = new ArrayList<>();
        collectRefs(converted.get("operations"), refs);
        collectRefs(converted.get("definitions"), refs);
        assertEquals(13, refs.size());
        for (String ref : refs) {
            String name = SchemaSubset.definitionName(MAPPER.getNodeFactory().textNode(ref), ref);
            assertTrue(converted.get("definitions").has(name), ref);
        }
    }

    @Test
    void aSchemaKeywordOutsideTheSubsetFailsNamingItsPointer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> convert(bodyOp(),
                "{\"Bad\": {\"type\": \"object\", \"not\": {\"type\": \"string\"}}}", bodySpec("#/definitions/Bad")));
        assertEquals("/definitions/Bad/not: schema keyword \"not\" is outside the subset manifest version 2 carries",
                e.getMessage());
    }

    @Test
    void aRefToAMissingDefinitionFailsNamingWhereItIsUsed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> convert(bodyOp(), "{}", bodySpec("#/definitions/Nope")));
        assertEquals("/operations/0/parameters/0/schema/$ref: $ref to a definition that does not exist: Nope",
                e.getMessage());
    }

    @Test
    void twoSchemasOperationsOnOneRequestLineFail() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FalconSpec.of(schemas("{}",
                "\"a\": {\"method\": \"GET\", \"path\": \"/x/{id}\"}", "\"b\": {\"method\": \"get\", \"path\": \"/x/{name}\"}")));
        assertEquals("schemas operations a and b are both GET /x/{}; the table's operations could not be matched to "
                + "one of them", e.getMessage());
    }

    // ---- document and rendering -----------------------------------------------------------------------

    @Test
    void sourceNamesBothSnapshots() {
        assertEquals("Hand-written sample for FalconTableConverterTest: six widget operations, one quirk each. Request "
                + "and response schemas, and the operations added since: Hand-written sample for FalconTableConverterTest, "
                + "shaped like goFalcon's models, commit 0123456789ab, 2026-07-22.", converted.get("source").asText());
    }

    @Test
    void sameInputsGiveTheSameBytesAndTheBytesReadBackToThemselves() throws IOException {
        byte[] first = FalconTableConverter.render(converted);
        byte[] second = FalconTableConverter.render(FalconTableConverter.convert(resource("/falcon-table-sample.json"),
                resource("/falcon-schemas-sample.json")));
        assertArrayEquals(first, second);
        assertArrayEquals(first, FalconTableConverter.render(MAPPER.readTree(first)));
    }

    @Test
    void definitionsArePrintedOneKeywordAndOnePropertyPerLineAndResponsesOnePerLine() throws IOException {
        String text = new String(FalconTableConverter.render(converted), StandardCharsets.UTF_8);
        assertTrue(text.contains("""
                    "widgets.IdsRequest": {
                      "type": "object",
                      "required": ["ids"],
                      "properties": {
                        "ids": {"type": "array", "maxItems": 500, "items": {"type": "string"}}
                      }
                    },
                """), text);
        assertTrue(text.contains("""
                      "responses": {
                        "201": {"description": "Created", "schema": {"$ref": "#/definitions/msa.ReplyMetaOnly"}}
                      }
                """), text);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static JsonNode operation(String id) {
        return find(converted.get("operations"), id);
    }

    /** The one operation of a one-row table converted with a one-operation schemas file. */
    private static JsonNode convert(String tableOperation, String schemasOperation) {
        return convert(tableOperation, "{}", schemasOperation);
    }

    private static JsonNode convert(String tableOperation, String definitions, String schemasOperation) {
        return FalconTableConverter.convert(table(tableOperation), schemas(definitions, schemasOperation))
                .get("operations").get(0);
    }

    private static String bodyOp() {
        return "{\"operationId\": \"Send\", \"method\": \"POST\", \"path\": \"/s\", \"parameters\":"
                + " [{\"name\": \"body\", \"in\": \"body\", \"required\": true}]}";
    }

    private static String bodySpec(String ref) {
        return "\"x\": {\"method\": \"POST\", \"path\": \"/s\", \"body\": {\"name\": \"body\", \"schema\": {\"$ref\": \""
                + ref + "\"}}}";
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
