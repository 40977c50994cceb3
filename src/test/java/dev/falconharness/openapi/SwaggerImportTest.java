package dev.falconharness.openapi;

import static dev.falconharness.openapi.Specs.assertJson;
import static dev.falconharness.openapi.Specs.importJson;
import static dev.falconharness.openapi.Specs.operation;
import static dev.falconharness.openapi.Specs.parameter;
import static dev.falconharness.openapi.Specs.parameterNames;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Swagger 2.0 mappings, each on a spec written for the purpose. */
class SwaggerImportTest {

    private static String spec(String paths) {
        return "{'swagger': '2.0', 'info': {'title': 'Widget Service', 'version': '3'}, 'host': 'widgets.example.com',"
                + " 'basePath': '/api', 'paths': " + paths + "}";
    }

    @Test
    void baseUrlIsTheFirstSchemeWithHostAndBasePathAndPathsStayRelative() {
        ImportResult result = importJson("""
                {'swagger': '2.0', 'info': {'title': 'W', 'version': '1'}, 'schemes': ['http', 'https'],
                 'host': 'widgets.example.com:8443', 'basePath': '/api/v1/',
                 'paths': {'/widgets': {'get': {'operationId': 'listWidgets', 'responses': {}}}}}""");
        assertEquals("http://widgets.example.com:8443/api/v1", result.manifest().baseUrl());
        assertEquals("/widgets", result.manifest().operation("listWidgets").path());
    }

    @Test
    void withoutSchemesTheBaseUrlIsHttps() {
        ImportResult result = importJson(spec("{}"));
        assertEquals("https://widgets.example.com/api", result.manifestJson().get("baseUrl").asText());
    }

    @Test
    void withoutAHostTheManifestHasNoBaseUrlAndAWarningSaysWhatToSupply() {
        ImportResult result = importJson("""
                {'swagger': '2.0', 'info': {'title': 'W', 'version': '1'}, 'basePath': '/v3',
                 'paths': {'/a': {'get': {'operationId': 'a', 'responses': {}}}}}""");
        assertFalse(result.manifestJson().has("baseUrl"));
        assertEquals(List.of("at /: the spec has no host, so the manifest has no baseUrl; give one with "
                + "Harness.builder().baseUrl(...), ending in /v3"), warnings(result));
    }

    @Test
    void documentHeaderNamesTheApiAndWhereItCameFrom() {
        ImportResult result = importJson(spec("{}"));
        assertJson("""
                {'format': 'falcon-harness/manifest@2', 'name': 'widget-service', 'title': 'Widget Service',
                 'source': 'test.yaml: Widget Service 3, imported from Swagger 2.0',
                 'baseUrl': 'https://widgets.example.com/api', 'operations': []}""", result.manifestJson());
    }

    @Test
    void sharedParametersAreResolvedAndPathLevelOnesComeFirstUnlessTheOperationOverridesThem() {
        ImportResult result = importJson("""
                {'swagger': '2.0', 'info': {'title': 'W', 'version': '1'}, 'host': 'h.example.com',
                 'parameters': {
                   'id': {'name': 'id', 'in': 'path', 'required': true, 'type': 'string', 'description': 'shared'},
                   'verbose': {'name': 'verbose', 'in': 'query', 'type': 'boolean'}},
                 'paths': {'/widgets/{id}': {
                   'parameters': [{'$ref': '#/parameters/id'}, {'name': 'trace', 'in': 'header', 'type': 'string'}],
                   'get': {'operationId': 'getWidget', 'responses': {},
                     'parameters': [{'$ref': '#/parameters/verbose'},
                                    {'name': 'id', 'in': 'path', 'required': true, 'type': 'integer', 'description': 'overridden'}]},
                   'delete': {'operationId': 'deleteWidget', 'responses': {}}}}}""");
        assertEquals(List.of("id", "trace", "verbose"), parameterNames(result, "getWidget"));
        assertJson("{'name': 'id', 'in': 'path', 'type': 'integer', 'required': true, 'description': 'overridden'}",
                parameter(result, "getWidget", "id"));
        assertJson("{'name': 'id', 'in': 'path', 'type': 'string', 'required': true, 'description': 'shared'}",
                parameter(result, "deleteWidget", "id"));
        assertEquals(List.of("id", "trace"), parameterNames(result, "deleteWidget"));
    }

    @Test
    void collectionFormatsAreKeptAndCsvIsTheDefault() {
        ImportResult result = importJson(spec("""
                {'/w': {'get': {'operationId': 'find', 'responses': {}, 'parameters': [
                  {'name': 'a', 'in': 'query', 'type': 'array', 'items': {'type': 'string'}},
                  {'name': 'b', 'in': 'query', 'type': 'array', 'items': {'type': 'integer'}, 'collectionFormat': 'multi'},
                  {'name': 'c', 'in': 'query', 'type': 'array', 'items': {'type': 'string'}, 'collectionFormat': 'ssv'},
                  {'name': 'd', 'in': 'query', 'type': 'array', 'items': {'type': 'string'}, 'collectionFormat': 'tsv'},
                  {'name': 'e', 'in': 'query', 'type': 'array', 'items': {'type': 'number'}, 'collectionFormat': 'pipes'}]}}}"""));
        assertEquals("csv", parameter(result, "find", "a").get("collectionFormat").asText());
        assertJson("{'name': 'b', 'in': 'query', 'type': 'array', 'items': 'integer', 'collectionFormat': 'multi'}",
                parameter(result, "find", "b"));
        assertEquals("ssv", parameter(result, "find", "c").get("collectionFormat").asText());
        assertEquals("tsv", parameter(result, "find", "d").get("collectionFormat").asText());
        assertEquals("pipes", parameter(result, "find", "e").get("collectionFormat").asText());
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void multiOnAHeaderBecomesCsvWithAWarning() {
        ImportResult result = importJson(spec("""
                {'/w': {'get': {'operationId': 'find', 'responses': {}, 'parameters': [
                  {'name': 'X-Tags', 'in': 'header', 'type': 'array', 'items': {'type': 'string'}, 'collectionFormat': 'multi'}]}}}"""));
        assertEquals("csv", parameter(result, "find", "X-Tags").get("collectionFormat").asText());
        assertEquals(List.of("at /paths/~1w/get/parameters/0/collectionFormat (operation find): collectionFormat multi "
                + "repeats the name, which a header parameter cannot do; csv used for \"X-Tags\""), warnings(result));
    }

    @Test
    void formDataWithAFileIsMultipartWithoutDeclaringIt() {
        ImportResult result = importJson(spec("""
                {'/w/{id}/photo': {'post': {'operationId': 'upload', 'consumes': ['multipart/form-data'], 'responses': {},
                  'parameters': [
                    {'name': 'id', 'in': 'path', 'required': true, 'type': 'string'},
                    {'name': 'photo', 'in': 'formData', 'type': 'file', 'required': true},
                    {'name': 'tags', 'in': 'formData', 'type': 'array', 'items': {'type': 'string'}, 'collectionFormat': 'multi'}]}}}"""));
        assertFalse(operation(result, "upload").has("consumes"));
        assertJson("{'name': 'photo', 'in': 'formData', 'type': 'file', 'required': true}", parameter(result, "upload", "photo"));
        assertEquals("multi", parameter(result, "upload", "tags").get("collectionFormat").asText());
    }

    @Test
    void multipartFormDataWithoutAFileDeclaresItsMediaType() {
        ImportResult result = importJson(spec("""
                {'/w': {'post': {'operationId': 'note', 'consumes': ['multipart/form-data'], 'responses': {},
                  'parameters': [{'name': 'text', 'in': 'formData', 'type': 'string'}]}}}"""));
        assertEquals("multipart/form-data", operation(result, "note").get("consumes").asText());
    }

    @Test
    void aBodyOfAnotherMediaTypeDeclaresItAndAJsonBodyDoesNot() {
        ImportResult result = importJson("""
                {'swagger': '2.0', 'info': {'title': 'W', 'version': '1'}, 'host': 'h.example.com', 'consumes': ['application/json'],
                 'paths': {'/w': {
                   'post': {'operationId': 'create', 'responses': {},
                     'parameters': [{'name': 'widget', 'in': 'body', 'required': true, 'schema': {'type': 'object'}}]},
                   'put': {'operationId': 'replaceImage', 'consumes': ['image/png', 'image/jpeg'], 'responses': {},
                     'parameters': [{'name': 'image', 'in': 'body', 'schema': {'type': 'string', 'format': 'binary'}}]}}}}""");
        assertJson("{'id': 'create', 'method': 'POST', 'path': '/w', 'parameters': ["
                + "{'name': 'widget', 'in': 'body', 'required': true, 'schema': {'type': 'object'}}]}", operation(result, "create"));
        assertEquals("[\"image/png\",\"image/jpeg\"]", operation(result, "replaceImage").get("consumes").toString());
        assertEquals("image/png", result.manifest().operation("replaceImage").consumes());
    }

    @Test
    void aDeprecatedOperationPointingAtAnotherGetsReplacedBy() {
        ImportResult result = importJson(spec("""
                {'/v1/w': {'get': {'operationId': 'listWidgetsV1', 'deprecated': true, 'summary': 'List widgets',
                   'description': 'Old listing. Use listWidgets instead.', 'responses': {}}},
                 '/v2/w': {'get': {'operationId': 'listWidgets', 'responses': {}}}}"""));
        assertJson("""
                {'id': 'listWidgetsV1', 'method': 'GET', 'path': '/v1/w', 'summary': 'List widgets',
                 'description': 'Old listing. Use listWidgets instead.', 'deprecated': true, 'replacedBy': 'listWidgets',
                 'parameters': []}""", operation(result, "listWidgetsV1"));
        assertTrue(result.manifest().operation("listWidgetsV1").deprecated());
    }

    @Test
    void summaryIsTheFirstSentenceOfTheDescriptionWhenThereIsNoSummaryAndTheFirstTagIsTheCollection() {
        ImportResult result = importJson(spec("""
                {'/w': {'get': {'operationId': 'list', 'tags': ['widgets', 'catalog'],
                  'description': 'Lists widgets. Sorted by name.', 'responses': {}}}}"""));
        JsonAssert op = new JsonAssert(operation(result, "list"));
        op.has("collection", "widgets").has("summary", "Lists widgets.").has("description", "Lists widgets. Sorted by name.");
    }

    @Test
    void aParameterInAnUnknownLocationIsSkippedWithItsPointer() {
        ImportResult result = importJson(spec("""
                {'/w': {'get': {'operationId': 'list', 'responses': {}, 'parameters': [
                  {'name': 'q', 'in': 'query', 'type': 'string'}, {'name': 'sid', 'in': 'cookie', 'type': 'string'}]}}}"""));
        assertEquals(List.of("q"), parameterNames(result, "list"));
        assertEquals(List.of("at /paths/~1w/get/parameters/1/in (operation list): parameter \"sid\" has unknown location "
                + "\"cookie\"; skipped"), warnings(result));
    }

    @Test
    void formFieldsBesideABodyAreDroppedBecauseARequestCarriesOnlyOne() {
        ImportResult result = importJson(spec("""
                {'/w': {'post': {'operationId': 'mixed', 'responses': {}, 'parameters': [
                  {'name': 'body', 'in': 'body', 'schema': {}}, {'name': 'f', 'in': 'formData', 'type': 'string'}]}}}"""));
        assertEquals(List.of("body"), parameterNames(result, "mixed"));
        assertEquals(List.of("at /paths/~1w/post/parameters/1 (operation mixed): formData parameter \"f\" skipped: a request "
                + "carries either a body or form fields, and this operation has a body"), warnings(result));
    }

    @Test
    void aFileOutsideFormDataIsSkipped() {
        ImportResult result = importJson(spec("""
                {'/w': {'get': {'operationId': 'odd', 'responses': {}, 'parameters': [
                  {'name': 'f', 'in': 'query', 'type': 'file'}]}}}"""));
        assertEquals(List.of(), parameterNames(result, "odd"));
        assertNull(result.manifest().operation("odd").parameter("f"));
        assertEquals(1, result.warnings().size());
    }

    /** Fluent checks of text fields on one JSON object. */
    private record JsonAssert(JsonNode node) {
        JsonAssert has(String key, String value) {
            assertEquals(value, node.path(key).asText(null), key + " of " + node);
            return this;
        }
    }
}
