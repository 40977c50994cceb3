package dev.falconharness.openapi;

import static dev.falconharness.openapi.Specs.assertJson;
import static dev.falconharness.openapi.Specs.importJson;
import static dev.falconharness.openapi.Specs.importText;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Harness;
import dev.falconharness.ValidationException;
import dev.falconharness.manifest.ManifestLoader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Spec schemas become the manifest's definitions, body schemas and response schemas; what the subset
 * cannot say is a warning with its pointer; the imported body schema then refuses bad bodies before
 * anything is sent.
 */
class ImportSchemasTest {
    private static final String PETS = """
            openapi: 3.1.0
            info: {title: Pets, version: '1'}
            servers: [{url: 'https://pets.example.com'}]
            paths:
              /pets:
                post:
                  operationId: addPet
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
                          discriminator: {propertyName: kind}
                  responses:
                    '201': {description: Added, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
                    '4XX': {description: Refused}
            components:
              schemas:
                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, minLength: 1}
                    nickname: {type: [string, 'null']}
                    age: {type: integer, minimum: 0}
                Cat:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, required: [kind], properties: {kind: {const: cat}, indoor: {type: boolean}}}]
                Dog:
                  allOf: [{$ref: '#/components/schemas/Pet'}, {type: object, required: [kind], properties: {kind: {const: dog}}}]
                  not: {required: [indoor]}
                Owner:
                  type: object
                  properties:
                    address: {$ref: 'common.yaml#/Address'}
                    tags: {type: object, patternProperties: {'^x': {type: string}}}
            """;

    @Test
    void everyNamedSchemaBecomesADefinitionWithLocalReferencesRewritten() {
        ImportResult result = importText(PETS);
        assertEquals(ManifestLoader.FORMAT_V2, result.manifestJson().get("format").asText());
        assertJson("""
                {'allOf': [{'$ref': '#/definitions/Pet'}, {'type': 'object', 'required': ['kind'],
                  'properties': {'kind': {'const': 'cat'}, 'indoor': {'type': 'boolean'}}}]}""",
                result.manifestJson().get("definitions").get("Cat"));
        assertJson("{'type': ['string', 'null']}", result.manifestJson().at("/definitions/Pet/properties/nickname"));
        assertJson("{'oneOf': [{'$ref': '#/definitions/Cat'}, {'$ref': '#/definitions/Dog'}]}",
                result.manifestJson().at("/operations/0/parameters/0/schema"));
        assertJson("{'201': {'description': 'Added', 'schema': {'$ref': '#/definitions/Pet'}}}",
                result.manifestJson().at("/operations/0/responses"));
        assertEquals(List.of(), ManifestChecker.check(result.manifestJson(), "pets.yaml"));
        assertTrue(result.manifest().operation("addPet").bodySchema().isPresent());
    }

    @Test
    void whatTheSubsetCannotSayIsAWarningWithItsPointer() {
        assertEquals(List.of(
                "at /components/schemas/Dog/not: schema keyword \"not\" is outside the subset a manifest carries; left out, "
                        + "so the check is looser here",
                "at /components/schemas/Owner/properties/address/$ref: schema refers to another document (common.yaml#/Address), "
                        + "which the importer does not fetch; any value is accepted here (bundle the spec to keep it)",
                "at /components/schemas/Owner/properties/tags/patternProperties: schema keyword \"patternProperties\" is outside "
                        + "the subset a manifest carries; left out, so the check is looser here",
                "at /paths/~1pets/post/requestBody/content/application~1json/schema/discriminator (operation addPet): schema "
                        + "keyword \"discriminator\" is outside the subset a manifest carries; left out, so the check is looser here",
                "at /paths/~1pets/post/responses/4XX (operation addPet): response status \"4XX\" is not a status code or "
                        + "\"default\" (ranges such as 2XX cannot be expressed); not imported"),
                warnings(importText(PETS)));
    }

    @Test
    void aOneOfBodyIsCheckedBeforeSendingAndAMatchingOneGoesOut() throws IOException, InterruptedException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            try (Harness pets = Harness.builder().manifest(importText(PETS).manifest())
                    .baseUrl(server.url("").toString().replaceAll("/$", ""))
                    .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()).build()) {
                ValidationException e = assertThrows(ValidationException.class,
                        () -> pets.command("addPet", Map.of(), Map.of("name", "Rex", "kind", "fish")));
                assertTrue(e.getMessage().contains("addPet"), e.getMessage());
                assertEquals(0, server.getRequestCount());
                server.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                        .setBody("{\"name\":\"Rex\"}"));
                pets.command("addPet", Map.of(), new java.util.TreeMap<>(Map.of("name", "Rex", "kind", "dog")));
                RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
                assertEquals("{\"kind\":\"dog\",\"name\":\"Rex\"}", sent.getBody().readUtf8());
            }
        }
    }

    @Test
    void swaggerDefinitionsBodiesAndBooleanExclusiveBoundsConvert() {
        ImportResult result = importJson("""
                {'swagger': '2.0', 'info': {'title': 'W', 'version': '1'}, 'host': 'h.example.com',
                 'definitions': {'Widget': {'type': 'object', 'required': ['size'], 'x-nullable': true,
                   'properties': {'size': {'type': 'number', 'minimum': 0, 'exclusiveMinimum': true, 'xml': {'name': 's'}}}}},
                 'paths': {'/w': {'post': {'operationId': 'create',
                   'parameters': [{'name': 'widget', 'in': 'body', 'required': true, 'schema': {'$ref': '#/definitions/Widget'}}],
                   'responses': {'200': {'description': 'ok', 'schema': {'type': 'array', 'items': {'$ref': '#/definitions/Widget'}}}}}}}}""");
        assertJson("{'type': 'object', 'required': ['size'], 'nullable': true, 'properties': {'size': {'type': 'number', "
                + "'exclusiveMinimum': 0}}}", result.manifestJson().at("/definitions/Widget"));
        assertJson("{'$ref': '#/definitions/Widget'}", result.manifestJson().at("/operations/0/parameters/0/schema"));
        assertJson("{'type': 'array', 'items': {'$ref': '#/definitions/Widget'}}",
                result.manifestJson().at("/operations/0/responses/200/schema"));
        assertEquals(List.of(), warnings(result));
        ValidationException e = assertThrows(ValidationException.class, () -> {
            try (Harness h = Harness.builder().manifest(result.manifest()).build()) {
                h.prepare("create", Map.of(), Map.of("size", 0));
            }
        });
        assertTrue(e.getMessage().contains("size"), e.getMessage());
    }

    @Test
    void definitionNamesThatNeedEscapingStayReachable() {
        ImportResult result = importText("""
                openapi: 3.0.0
                info: {title: Odd, version: '1'}
                servers: [{url: 'https://odd.example.com'}]
                paths:
                  /o:
                    post:
                      operationId: make
                      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/map%5Bstring%5Dv1.Thing'}}}}
                      responses: {'204': {description: none}}
                components:
                  schemas:
                    'map[string]v1.Thing': {type: object, required: [id], properties: {id: {type: string}}}
                """);
        assertJson("{'$ref': '#/definitions/map%5Bstring%5Dv1.Thing'}", result.manifestJson().at("/operations/0/parameters/0/schema"));
        assertThrows(ValidationException.class, () -> {
            try (Harness h = Harness.builder().manifest(result.manifest()).build()) {
                h.prepare("make", Map.of(), Map.of());
            }
        });
    }

    @Test
    void aRequiredReadOnlyIdIsNotRequiredInARequestAndBodyFieldsBuildTheBody() {
        ImportResult result = importText("""
                openapi: 3.0.0
                info: {title: Notes, version: '1'}
                servers: [{url: 'https://notes.example.com'}]
                paths:
                  /notes:
                    post:
                      operationId: addNote
                      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}
                      responses: {'201': {description: added, content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}}}
                components:
                  schemas:
                    Note:
                      type: object
                      required: [id, text]
                      properties: {id: {type: string, readOnly: true}, text: {type: string, minLength: 1}}
                """);
        try (Harness notes = Harness.builder().manifest(result.manifest()).build()) {
            dev.falconharness.http.PreparedRequest sent = notes.prepare("addNote", Map.of("text", "buy milk"), null);
            assertEquals("{\"text\":\"buy milk\"}", new String(((dev.falconharness.http.RequestBody.Bytes) sent.body()).bytes()));
            ValidationException e = assertThrows(ValidationException.class, () -> notes.prepare("addNote", Map.of(), Map.of()));
            assertTrue(e.getMessage().contains("text") && !e.getMessage().contains("body.id"), e.getMessage());
        }
    }

    @Test
    void aReferenceIntoA31DefsBlockIsInlinedWithoutAWarning() {
        ImportResult result = importText("""
                openapi: 3.1.0
                info: {title: Defs, version: '1'}
                servers: [{url: 'https://defs.example.com'}]
                paths:
                  /d:
                    post:
                      operationId: make
                      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Box'}}}}
                      responses: {'204': {description: none}}
                components:
                  schemas:
                    Box:
                      type: object
                      properties: {size: {$ref: '#/components/schemas/Box/$defs/Size'}}
                      $defs: {Size: {type: integer, minimum: 1}}
                """);
        assertJson("{'type': 'object', 'properties': {'size': {'type': 'integer', 'minimum': 1}}}",
                result.manifestJson().at("/definitions/Box"));
        assertEquals(List.of(), warnings(result));
    }
}
