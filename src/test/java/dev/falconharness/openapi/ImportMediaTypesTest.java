package dev.falconharness.openapi;

import static dev.falconharness.openapi.Specs.importText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Harness;
import dev.falconharness.ValidationException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media types from a spec to the wire: wildcard consumes, the three patch types, a caller's choice among
 * several request types, and Accept built from text, binary and JSON produces. Round trips through
 * MockWebServer assert the exact Content-Type and Accept sent.
 */
class ImportMediaTypesTest {
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Media, version: '1'}
            servers: [{url: 'https://media.example.com'}]
            paths:
              /things:
                post:
                  operationId: createThing
                  requestBody: {required: true, content: {'*/*': {schema: {type: object}}}}
                  responses: {'201': {description: made, content: {application/json: {schema: {type: object}}}}}
              /things/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                patch:
                  operationId: jsonPatchThing
                  requestBody: {content: {application/json-patch+json: {schema: {type: array, items: {type: object}}}}}
                  responses: {'200': {description: ok}}
                put:
                  operationId: replaceThing
                  requestBody:
                    content:
                      application/json: {schema: {type: object}}
                      application/xml: {schema: {type: object}}
                      text/csv: {}
                  responses: {'200': {description: ok}}
              /things/{id}/merge:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                patch:
                  operationId: mergePatchThing
                  requestBody: {content: {application/merge-patch+json: {schema: {type: object}}}}
                  responses: {'200': {description: ok}}
              /things/{id}/strategic:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                patch:
                  operationId: strategicPatchThing
                  requestBody: {content: {application/strategic-merge-patch+json: {schema: {type: object}}}}
                  responses: {'200': {description: ok}}
              /things/{id}/readme:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getReadme
                  responses: {'200': {description: text, content: {text/plain: {schema: {type: string}}}}}
              /things/{id}/photo:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getPhoto
                  responses: {'200': {description: bytes, content: {image/png: {}, application/octet-stream: {}}}}
              /things/{id}/report:
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getReport
                  responses:
                    '200': {description: either, content: {text/html: {}, application/json: {schema: {type: object}}}}
                    '404': {description: missing, content: {application/problem+json: {schema: {type: object}}}}
            """;

    private final MockWebServer server = new MockWebServer();
    private final ImportResult imported = importText(SPEC);
    private Harness harness;

    @BeforeEach
    void start() throws IOException {
        server.start();
        harness = Harness.builder()
                .manifest(imported.manifest())
                .baseUrl(server.url("").toString().replaceAll("/$", ""))
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        harness.close();
        server.close();
    }

    private RecordedRequest call(String operationId, Map<String, ?> params, Object body) throws InterruptedException {
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody("{}"));
        harness.command(operationId, params, body);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "no request reached the server");
        return request;
    }

    @Test
    void theImportedManifestPassesTheCheckerAndKeepsEveryTypeAsWritten() {
        assertEquals(List.of(), ManifestChecker.check(imported.manifestJson(), "media.yaml"));
        assertEquals("*/*", Specs.operation(imported, "createThing").get("consumes").asText());
        assertEquals("[\"application/json\",\"application/xml\",\"text/csv\"]",
                Specs.operation(imported, "replaceThing").get("consumes").toString());
        assertEquals("[\"text/html\",\"application/json\",\"application/problem+json\"]",
                Specs.operation(imported, "getReport").get("produces").toString());
    }

    @Test
    void aWildcardConsumesSendsAJsonBodyAsJsonNotOctetStream() throws Exception {
        RecordedRequest request = call("createThing", Map.of(), Map.of("name", "lamp"));
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertEquals("{\"name\":\"lamp\"}", request.getBody().readUtf8());
        assertEquals("application/json", request.getHeader("Accept"));
    }

    @Test
    void aWildcardConsumesSendsBytesAsOctetStream() throws Exception {
        RecordedRequest request = call("createThing", Map.of(), "raw".getBytes(StandardCharsets.UTF_8));
        assertEquals("application/octet-stream", request.getHeader("Content-Type"));
    }

    @Test
    void eachPatchOperationSendsThePatchTypeItsSpecAllows() throws Exception {
        assertEquals("application/json-patch+json", call("jsonPatchThing", Map.of("id", "1"),
                List.of(Map.of("op", "remove", "path", "/name"))).getHeader("Content-Type"));
        assertEquals("application/merge-patch+json", call("mergePatchThing", Map.of("id", "1"),
                Map.of("name", "desk")).getHeader("Content-Type"));
        assertEquals("application/strategic-merge-patch+json", call("strategicPatchThing", Map.of("id", "1"),
                Map.of("name", "desk")).getHeader("Content-Type"));
    }

    @Test
    void withSeveralRequestTypesJsonGoesUnlessTheCallerChoosesAnotherListedOne() throws Exception {
        assertEquals("application/json", call("replaceThing", Map.of("id", "1"), Map.of("a", 1)).getHeader("Content-Type"));
        RecordedRequest csv = call("replaceThing", Map.of("id", "1", "Content-Type", "text/csv"),
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("text/csv", csv.getHeader("Content-Type"));
        assertEquals("a,b\n1,2\n", csv.getBody().readUtf8());
    }

    @Test
    void aContentTypeTheOperationDoesNotListIsRefusedBeforeSending() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> harness.command("replaceThing", Map.of("id", "1", "content-type", "text/plain"), "x".getBytes()));
        assertTrue(e.getMessage().contains("does not accept text/plain; it accepts application/json, application/xml, text/csv"),
                e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void acceptIsBuiltFromWhatTheOperationProducesJsonFirst() throws Exception {
        assertEquals("text/plain", call("getReadme", Map.of("id", "1"), null).getHeader("Accept"));
        assertEquals("image/png, application/octet-stream", call("getPhoto", Map.of("id", "1"), null).getHeader("Accept"));
        assertEquals("application/json, application/problem+json, text/html",
                call("getReport", Map.of("id", "1"), null).getHeader("Accept"));
    }
}
