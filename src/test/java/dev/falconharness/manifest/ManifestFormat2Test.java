package dev.falconharness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaValidator;
import dev.falconharness.testing.PayloadManifests;
import dev.falconharness.testing.TestManifests;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Format 2: definitions, body schemas, responses and unpublished operations, checked at load. */
class ManifestFormat2Test {
    private static String doc(String definitions, String bodySchema) {
        return "{'format': 'falcon-harness/manifest@2', 'name': 't', 'definitions': {" + definitions + "}, 'operations': ["
                + "{'id': 'Op', 'method': 'POST', 'path': '/op', 'parameters': [{'name': 'body', 'in': 'body', 'schema': "
                + bodySchema + "}]}]}";
    }

    private static List<String> problems(String json) {
        ManifestException e = assertThrows(ManifestException.class, () -> TestManifests.fromJson(json));
        return e.problems().stream().map(p -> p.pointer() + " " + p.message()).toList();
    }

    @Test
    void operationsExposeTheirBodyAndResponseSchemasAndWhetherTheyArePublished() {
        Manifest shapes = PayloadManifests.shapes();
        Operation order = shapes.operation("PlaceOrder");
        Schema body = order.bodySchema().orElseThrow();
        assertEquals("Order", body.ref());
        assertEquals(List.of("customer", "lines", "note"), List.copyOf(body.resolved().properties().keySet()));
        assertEquals(List.of("201", "204", "default"), List.copyOf(order.responses().keySet()));
        assertEquals("Nothing to say", order.responses().get("204").description());
        assertTrue(order.responseSchema(204).isEmpty(), "a response documented without a body has no schema");
        assertEquals(List.of("errors"), order.responseSchema(404).orElseThrow().required(), "other statuses get default's");
        assertTrue(order.responseSchema(201).isPresent());
        assertFalse(order.unpublished());
        assertTrue(shapes.operation("UploadBlob").unpublished());
        assertTrue(shapes.operation("UploadBlob").bodySchema().orElseThrow().isBinary());
        assertEquals(7, shapes.definitions().size());
        assertTrue(shapes.operation("SaveAnything").bodySchema().orElseThrow().resolved().additionalProperties().isPresent(),
                "a percent-encoded reference resolves to its definition");
    }

    @Test
    void aReferenceToNoDefinitionIsNamedWithItsPointerAtLoad() {
        assertEquals(List.of("/operations/0/parameters/0/schema/properties/a/$ref reference #/definitions/Ordr names no definition;"
                        + " did you mean \"Order\"?"),
                problems(doc("'Order': {'type': 'object'}", "{'properties': {'a': {'$ref': '#/definitions/Ordr'}}}")));
        assertEquals(List.of("/definitions/A/items/$ref reference #/definitions/Missing names no definition"),
                problems(doc("'A': {'type': 'array', 'items': {'$ref': '#/definitions/Missing'}}", "{}")));
        assertEquals(List.of("/operations/0/parameters/0/schema/$ref unsupported reference \"other.json#/x\"; only"
                + " \"#/definitions/<name>\" is supported"), problems(doc("", "{'$ref': 'other.json#/x'}")));
    }

    @Test
    void unsupportedKeywordsAndMalformedValuesAreManifestProblemsWithPointers() {
        assertEquals(List.of(
                        "/definitions/A/patternProperties unsupported keyword \"patternProperties\"; did you mean \"properties\"?"
                                + " (the manifest supports a subset of JSON Schema 2020-12; extensions start with x-)",
                        "/definitions/A/properties/n/minimum must be a number (2020-12 style: exclusive bounds are numbers, not booleans)",
                        "/definitions/A/properties/s/pattern not a valid regular expression: Unclosed group"),
                problems(doc("'A': {'patternProperties': {}, 'x-note': 'kept', 'properties': {'n': {'minimum': 'one'},"
                        + " 's': {'pattern': '(a'}}}", "{}")));
        String longPattern = "a".repeat(1001);
        assertEquals(List.of("/definitions/A/pattern pattern is 1001 characters long; at most 1000 are allowed"),
                problems(doc("'A': {'pattern': '" + longPattern + "'}", "{}")));
    }

    @Test
    void referencesThatOnlyPointAtEachOtherAreACycleWhileRecursionThroughPropertiesIsFine() {
        assertTrue(problems(doc("'A': {'$ref': '#/definitions/B'}, 'B': {'$ref': '#/definitions/A'}", "{}")).get(0)
                .contains("references form a cycle that never reaches a schema: A -> B -> A"));
        Manifest ok = TestManifests.fromJson(doc("'Node': {'type': 'object', 'properties': {'next': {'$ref': '#/definitions/Node'}}}",
                "{'$ref': '#/definitions/Node'}"));
        Schema node = ok.operation("Op").bodySchema().orElseThrow();
        assertTrue(SchemaValidator.standard().isValid(node, Map.of("next", Map.of("next", Map.of()))));
        assertFalse(SchemaValidator.standard().isValid(node, Map.of("next", Map.of("next", Map.of("nxt", 1)))));
    }

    @Test
    void payloadKeysInAVersion1ManifestAskForVersion2() {
        String v1 = "{'format': 'falcon-harness/manifest@1', 'name': 't', 'definitions': {}, 'operations': [{'id': 'Op',"
                + " 'method': 'POST', 'path': '/op', 'unpublished': true, 'parameters': [{'name': 'body', 'in': 'body', 'schema': {}}]}]}";
        List<String> found = problems(v1);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.stream().allMatch(p -> p.endsWith("is a manifest format 2 key; declare \"format\": \"falcon-harness/manifest@2\"")));
    }

    @Test
    void onlyTheBodyParameterHasASchemaAndResponsesAreKeyedByStatus() {
        String json = "{'format': 'falcon-harness/manifest@2', 'name': 't', 'operations': [{'id': 'Op', 'method': 'GET', 'path': '/op',"
                + " 'parameters': [{'name': 'q', 'in': 'query', 'schema': {}}], 'responses': {'20x': {}, '200': {'schema': {'type': 'nope'}}}}]}";
        assertEquals(List.of("/operations/0/parameters/0/schema only the body parameter has a \"schema\"; describe query parameters"
                        + " with type, items, enum and the range keywords",
                "/operations/0/responses/20x unknown status \"20x\"; use a status code from 100 to 599 or \"default\"",
                "/operations/0/responses/200/schema/type unknown type \"nope\"; use null, boolean, integer, number, string, array or object"),
                problems(json));
    }

    @Test
    void version1ManifestsStillLoadAndHaveNoSchemas() {
        Manifest v1 = TestManifests.shapes();
        assertTrue(v1.size() > 0);
        assertTrue(v1.operations().stream().allMatch(op -> op.bodySchema().isEmpty() && op.responses().isEmpty()));
        assertEquals(0, v1.definitions().size());
    }

    @Test
    void theIndexedReaderGivesTheSameSchemasAsTheCheckingLoaderAndCompilesDefinitionsOnlyWhenUsed() throws IOException {
        byte[] document;
        try (InputStream in = getClass().getResourceAsStream("/payloads/shapes-v2.json")) {
            document = in.readAllBytes();
        }
        Manifest deferred = ManifestLoader.loadDeferred(document, "shapes-v2.json");
        Manifest checked = PayloadManifests.shapes();
        assertEquals(checked.definitions().names(), deferred.definitions().names());
        Schema body = deferred.operation("PlaceOrder").bodySchema().orElseThrow();
        Map<String, Object> bad = Map.of("customer", Map.of("address", Map.of("cty", "x")), "lines", List.of());
        assertEquals(SchemaValidator.standard().validate(checked.operation("PlaceOrder").bodySchema().orElseThrow(), bad, "body", "b"),
                SchemaValidator.standard().validate(body, bad, "body", "b"));
        assertEquals(List.of("201", "204", "default"), List.copyOf(deferred.operation("PlaceOrder").responses().keySet()));
    }

    @Test
    void aManifestMadeInCodeIsCheckedByTheLoadersRules() {
        Operation broken = Operation.builder("Broken", "FETCH", "/things/{id}")
                .parameter(Parameter.builder("name", Location.PATH).build())
                .parameter(Parameter.builder("q", Location.QUERY).type(ParamType.OBJECT).build()).build();
        Operation twice = Operation.builder("Twice", "GET", "/t").build();
        ManifestException e = assertThrows(ManifestException.class,
                () -> Manifest.of("mine", List.of(broken, twice, Operation.builder("Twice", "GET", "/u").build())));
        List<String> messages = e.problems().stream().map(ManifestProblem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("unknown HTTP method \"FETCH\"")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("placeholder {id} has no parameter")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("path parameter \"name\" has no {name} placeholder")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("type object is only allowed for the body parameter")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("duplicate operation ID")), messages.toString());
        assertEquals("mine", e.problems().get(0).source());
    }
}
