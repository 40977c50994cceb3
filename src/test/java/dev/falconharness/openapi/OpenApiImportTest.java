package dev.falconharness.openapi;

import static dev.falconharness.openapi.Specs.assertJson;
import static dev.falconharness.openapi.Specs.importText;
import static dev.falconharness.openapi.Specs.operation;
import static dev.falconharness.openapi.Specs.parameter;
import static dev.falconharness.openapi.Specs.parameterNames;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAPI 3 mappings other than request bodies and schemas, each on a spec written for the purpose. */
class OpenApiImportTest {

    /** An OpenAPI 3.0 document with one server and the given paths (YAML, indented by two). */
    static String spec(String paths) {
        return """
                openapi: 3.0.3
                info: {title: Help Desk, version: '1.0'}
                servers: [{url: 'https://desk.example.org/api'}]
                paths:
                """ + paths.indent(2);
    }

    @Test
    void serverVariablesAreFilledWithTheirDefaultsAndOtherServersAreNamedInAWarning() {
        ImportResult result = importText("""
                openapi: 3.0.0
                info: {title: T, version: '1'}
                servers:
                  - url: 'https://{region}.desk.example.org:{port}/{base}/'
                    variables:
                      region: {default: eu, enum: [eu, us]}
                      port: {default: '8443'}
                      base: {default: v2}
                  - url: 'https://staging.desk.example.org/v2'
                paths: {}
                """);
        assertEquals("https://eu.desk.example.org:8443/v2", result.manifest().baseUrl());
        assertEquals(List.of("at /servers: the spec lists 2 servers; the first, https://eu.desk.example.org:8443/v2/, is "
                        + "the manifest's baseUrl (pass another to Harness.builder().baseUrl(...))",
                "at /paths: the spec has no paths; the manifest has no operations"), warnings(result));
    }

    @Test
    void aRelativeServerUrlLeavesTheBaseUrlToTheCaller() {
        ImportResult result = importText("""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                servers: [{url: /api/v3}]
                paths: {/pets: {get: {operationId: listPets}}}
                """);
        assertFalse(result.manifestJson().has("baseUrl"));
        assertEquals("/pets", result.manifest().operation("listPets").path());
        assertEquals(List.of("at /servers/0/url: the server URL /api/v3 has no host, so the manifest has no baseUrl; "
                + "give one with Harness.builder().baseUrl(...), ending in /api/v3"), warnings(result));
    }

    @Test
    void aServerVariableWithoutDefaultLeavesTheBaseUrlOut() {
        ImportResult result = importText("""
                openapi: 3.0.0
                info: {title: T, version: '1'}
                servers: [{url: 'https://{host}/api', variables: {host: {enum: [a.example.org]}}}]
                paths: {/x: {get: {operationId: x}}}
                """);
        assertFalse(result.manifestJson().has("baseUrl"));
        assertEquals("at /servers/0/variables: server variable {host} has no default, so the manifest has no baseUrl; "
                + "give one with Harness.builder().baseUrl(...)", warnings(result).get(0));
    }

    @Test
    void queryArraysFollowStyleAndExplode() {
        ImportResult result = importText(spec("""
                /t:
                  get:
                    operationId: find
                    parameters:
                      - {name: formExploded, in: query, schema: {type: array, items: {type: string}}}
                      - {name: formJoined, in: query, explode: false, schema: {type: array, items: {type: string}}}
                      - {name: spaced, in: query, style: spaceDelimited, schema: {type: array, items: {type: string}}}
                      - {name: piped, in: query, style: pipeDelimited, schema: {type: array, items: {type: integer}}}
                      - {name: spacedExploded, in: query, style: spaceDelimited, explode: true, schema: {type: array, items: {type: string}}}
                """));
        assertEquals("multi", parameter(result, "find", "formExploded").get("collectionFormat").asText());
        assertEquals("csv", parameter(result, "find", "formJoined").get("collectionFormat").asText());
        assertEquals("ssv", parameter(result, "find", "spaced").get("collectionFormat").asText());
        assertJson("{'name': 'piped', 'in': 'query', 'type': 'array', 'items': 'integer', 'collectionFormat': 'pipes'}",
                parameter(result, "find", "piped"));
        assertEquals("multi", parameter(result, "find", "spacedExploded").get("collectionFormat").asText());
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void pathAndHeaderArraysAreSimpleThatIsCommaJoined() {
        ImportResult result = importText(spec("""
                /t/{ids}:
                  get:
                    operationId: many
                    parameters:
                      - {name: ids, in: path, required: true, explode: true, schema: {type: array, items: {type: integer}}}
                      - {name: X-Fields, in: header, schema: {type: array, items: {type: string}}}
                """));
        assertJson("{'name': 'ids', 'in': 'path', 'type': 'array', 'items': 'integer', 'collectionFormat': 'csv', 'required': true}",
                parameter(result, "many", "ids"));
        assertEquals("csv", parameter(result, "many", "X-Fields").get("collectionFormat").asText());
    }

    @Test
    void deepObjectAndObjectValuedQueryParametersAreSkippedAndSaySo() {
        ImportResult result = importText(spec("""
                /t:
                  get:
                    operationId: find
                    parameters:
                      - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {a: {type: string}}}}
                      - {name: point, in: query, schema: {type: object, properties: {x: {type: number}}}}
                      - {name: q, in: query, schema: {type: string}}
                """));
        assertEquals(List.of("q"), parameterNames(result, "find"));
        assertEquals(List.of(
                "at /paths/~1t/get/parameters/0/style (operation find): style deepObject (name[key]=value) cannot be "
                        + "expressed in a manifest; parameter \"filter\" skipped",
                "at /paths/~1t/get/parameters/1/schema (operation find): parameter \"point\" is of type object, which a query "
                        + "parameter cannot carry; skipped"), warnings(result));
    }

    @Test
    void labelAndMatrixPathStylesAreSentAsSimpleWithAWarning() {
        ImportResult result = importText(spec("""
                /t/{id}:
                  get:
                    operationId: get
                    parameters: [{name: id, in: path, required: true, style: matrix, schema: {type: string}}]
                """));
        assertEquals(List.of("id"), parameterNames(result, "get"));
        assertEquals(List.of("at /paths/~1t~1{id}/get/parameters/0/style (operation get): style matrix (a \";\" prefix in "
                + "the path) is not supported; \"id\" is sent as style simple"), warnings(result));
    }

    @Test
    void cookiesAndTheHeadersOpenApiSaysToIgnoreAreSkipped() {
        ImportResult result = importText(spec("""
                /t:
                  get:
                    operationId: get
                    parameters:
                      - {name: session, in: cookie, schema: {type: string}}
                      - {name: Accept, in: header, schema: {type: string}}
                      - {name: X-Trace, in: header, schema: {type: string}}
                """));
        assertEquals(List.of("X-Trace"), parameterNames(result, "get"));
        assertEquals(List.of(
                "at /paths/~1t/get/parameters/0/in (operation get): cookie parameter \"session\" is not supported by the "
                        + "manifest format; skipped",
                "at /paths/~1t/get/parameters/1 (operation get): header parameter \"Accept\" is ignored, as OpenAPI 3 "
                        + "requires (the harness sets Accept itself); skipped"), warnings(result));
    }

    @Test
    void aParameterGivenAsContentIsAStringTheCallerSerialises() {
        ImportResult result = importText(spec("""
                /t:
                  get:
                    operationId: get
                    parameters:
                      - name: where
                        in: query
                        content: {application/json: {schema: {type: object}}}
                """));
        assertJson("{'name': 'where', 'in': 'query', 'type': 'string'}", parameter(result, "get", "where"));
        assertEquals(List.of("at /paths/~1t/get/parameters/0/content (operation get): parameter \"where\" is sent as "
                + "application/json content; imported as a string: pass the already serialised value"), warnings(result));
    }

    @Test
    void deprecatedOperationsAreFlaggedAndDeprecatedParametersSaySoInTheirDescription() {
        ImportResult result = importText(spec("""
                /t:
                  get:
                    operationId: oldFind
                    deprecated: true
                    summary: Find tickets the old way
                    parameters:
                      - {name: q, in: query, deprecated: true, description: Free text., schema: {type: string}}
                """));
        assertJson("""
                {'id': 'oldFind', 'method': 'GET', 'path': '/t', 'summary': 'Find tickets the old way', 'deprecated': true,
                 'parameters': [{'name': 'q', 'in': 'query', 'type': 'string', 'description': 'Deprecated. Free text.'}]}""",
                operation(result, "oldFind"));
    }

    @Test
    void aHeaderAndAQueryParameterWithOneNameKeepTheFirst() {
        ImportResult result = importText(spec("""
                /t:
                  get:
                    operationId: get
                    parameters:
                      - {name: version, in: header, schema: {type: string}}
                      - {name: version, in: query, schema: {type: integer}}
                """));
        assertJson("{'name': 'version', 'in': 'header', 'type': 'string'}", parameter(result, "get", "version"));
        assertEquals(List.of("at /paths/~1t/get/parameters/1 (operation get): query parameter \"version\" skipped: a header "
                + "parameter of the same name, from /paths/~1t/get/parameters/0, came first (names must be unique within "
                + "a manifest operation)"), warnings(result));
    }

    @Test
    void aPathPlaceholderWithoutParameterGetsARequiredStringAndAStrayPathParameterIsDropped() {
        ImportResult result = importText(spec("""
                /t/{id}:
                  get:
                    operationId: get
                    parameters: [{name: other, in: path, required: true, schema: {type: string}}]
                """));
        assertJson("{'name': 'id', 'in': 'path', 'type': 'string', 'required': true}", parameter(result, "get", "id"));
        assertEquals(List.of("id"), parameterNames(result, "get"));
        assertEquals(List.of(
                "at /paths/~1t~1{id}/get/parameters/0 (operation get): path parameter \"other\" skipped: the path /t/{id} "
                        + "has no {other} placeholder",
                "at /paths/~1t~1{id}/get (operation get): the path placeholder {id} has no path parameter in the spec; added "
                        + "as a required string"), warnings(result));
    }

    @Test
    void summaryLongerThanALineKeepsItsFullTextAsTheDescription() {
        String longSummary = "Finds tickets " + "and more tickets ".repeat(12) + "quickly";
        ImportResult result = importText(spec("/t: {get: {operationId: find, summary: '" + longSummary + "'}}"));
        String summary = operation(result, "find").get("summary").asText();
        assertTrue(summary.codePointCount(0, summary.length()) <= 160 && summary.endsWith("…"), summary);
        assertEquals(longSummary, operation(result, "find").get("description").asText());
    }

    @Test
    void traceOperationsOperationServersCallbacksAndWebhooksAreReportedNotImported() {
        ImportResult result = importText("""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths:
                  /t:
                    trace: {operationId: traceT}
                    post:
                      operationId: subscribe
                      servers: [{url: 'https://hooks.example.org'}]
                      callbacks: {onEvent: {'{$request.body#/url}': {post: {responses: {'200': {description: ok}}}}}}
                webhooks:
                  newTicket: {post: {responses: {'200': {description: ok}}}}
                """);
        assertEquals(List.of("subscribe"), Specs.ids(result));
        assertEquals(List.of(
                "at /paths/~1t/trace: TRACE operations cannot be described in a manifest; skipped",
                "at /webhooks: webhooks are requests the API sends, not ones it answers; not imported",
                "at /paths/~1t/post/servers (operation subscribe): servers of a single operation are not imported; it uses "
                        + "the manifest's base URL",
                "at /paths/~1t/post/callbacks (operation subscribe): callbacks are requests the API sends; not imported"),
                warnings(result));
    }

    @Test
    void theSchemeTheDocumentRequiresBecomesTheManifestsAuth() {
        ImportResult result = importText("""
                openapi: 3.0.1
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                security: [{key: []}]
                paths: {/t: {get: {operationId: t}}}
                components: {securitySchemes: {oauth: {type: oauth2, flows: {}}, key: {type: apiKey, in: header, name: K}}}
                """);
        assertEquals("{\"type\":\"apiKey\",\"in\":\"header\",\"name\":\"K\"}", result.manifestJson().get("auth").toString());
        assertEquals(dev.falconharness.manifest.AuthSpec.apiKey(dev.falconharness.manifest.Location.HEADER, "K"),
                result.manifest().auth());
        assertEquals(List.of("at /components/securitySchemes: security schemes the manifest cannot express (it knows bearer, "
                + "basic, apiKey in a header or the query, OAuth2 client credentials): oauth; requests needing only them go "
                + "without credentials (add the header yourself, or Harness.builder().auth(...))"), warnings(result));
    }

    @Test
    void eachExpressibleSchemeMapsToItsAuthBlock() {
        String[][] cases = {
                {"{type: http, scheme: bearer}", "{\"type\":\"bearer\"}"},
                {"{type: http, scheme: basic}", "{\"type\":\"basic\"}"},
                {"{type: apiKey, in: query, name: api_key}", "{\"type\":\"apiKey\",\"in\":\"query\",\"name\":\"api_key\"}"},
                {"{type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://idp.example.org/token', scopes: {read: r, write: w}}}}",
                        "{\"type\":\"oauth2ClientCredentials\",\"tokenUrl\":\"https://idp.example.org/token\",\"scope\":\"read write\"}"}};
        for (String[] c : cases) {
            ImportResult result = importText("openapi: 3.0.1\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://t.example.org'}]\n"
                    + "paths: {/t: {get: {operationId: t}}}\ncomponents: {securitySchemes: {s: " + c[0] + "}}\n");
            assertEquals(c[1], result.manifestJson().get("auth").toString(), c[0]);
        }
    }

    @Test
    void schemesTheManifestCannotExpressAreNamedInAWarning() {
        ImportResult result = importText("""
                openapi: 3.0.1
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths: {/t: {get: {operationId: t}}}
                components: {securitySchemes: {session: {type: apiKey, in: cookie, name: sid}, oidc: {type: openIdConnect, openIdConnectUrl: 'https://x'}}}
                """);
        assertEquals(null, result.manifestJson().get("auth"));
        assertTrue(warnings(result).get(0).startsWith("at /components/securitySchemes: security schemes the manifest cannot "
                + "express (it knows bearer, basic, apiKey in a header or the query, OAuth2 client credentials): session, oidc"),
                warnings(result).toString());
    }

    @Test
    void openApi32IsReadAs31WithAWarning() {
        ImportResult result = importText("""
                openapi: 3.2.0
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths: {/t: {get: {operationId: t}}}
                """);
        assertEquals(List.of("t"), Specs.ids(result));
        assertEquals(List.of("at /openapi: OpenAPI 3.2.0 is newer than 3.1; read as 3.1"), warnings(result));
    }
}
