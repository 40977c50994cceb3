package dev.falconharness.openapi;

import static dev.falconharness.openapi.OpenApiImportTest.spec;
import static dev.falconharness.openapi.Specs.assertJson;
import static dev.falconharness.openapi.Specs.importText;
import static dev.falconharness.openapi.Specs.operation;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAPI 3 request bodies: JSON, forms, multipart with files, raw bytes, and the choice between them. */
class RequestBodyImportTest {

    @Test
    void aJsonBodyIsOneBodyParameterNamedBodyRequiredAsDeclared() {
        ImportResult result = importText(spec("""
                /t:
                  post:
                    operationId: create
                    requestBody:
                      required: true
                      description: The new ticket.
                      content: {application/json: {schema: {type: object}}}
                  put:
                    operationId: replace
                    requestBody: {content: {'application/json; charset=utf-8': {schema: {type: object}}}}
                """));
        assertJson("{'id': 'create', 'method': 'POST', 'path': '/t', 'parameters': ["
                + "{'name': 'body', 'in': 'body', 'required': true, 'description': 'The new ticket.', 'schema': {'type': 'object'}}]}",
                operation(result, "create"));
        assertJson("{'id': 'replace', 'method': 'PUT', 'path': '/t', 'parameters': [{'name': 'body', 'in': 'body', "
                + "'schema': {'type': 'object'}}]}",
                operation(result, "replace"));
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void sharedRequestBodiesAndTheirSchemasAreResolved() {
        ImportResult result = importText("""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths:
                  /t: {post: {operationId: note, requestBody: {$ref: '#/components/requestBodies/Note'}}}
                components:
                  requestBodies:
                    Note:
                      required: true
                      content: {application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Note'}}}
                  schemas:
                    Note:
                      type: object
                      required: [text]
                      properties:
                        text: {type: string, maxLength: 280}
                        mood: {$ref: '#/components/schemas/Mood'}
                    Mood: {type: string, enum: [calm, upset]}
                """);
        assertJson("""
                {'id': 'note', 'method': 'POST', 'path': '/t', 'parameters': [
                  {'name': 'text', 'in': 'formData', 'type': 'string', 'required': true, 'maxLength': 280},
                  {'name': 'mood', 'in': 'formData', 'type': 'string', 'enum': ['calm', 'upset']}]}""", operation(result, "note"));
    }

    @Test
    void multipartBinaryPropertiesAreFilesAndTheMediaTypeIsInferred() {
        ImportResult result = importText(spec("""
                /t/{id}/files:
                  post:
                    operationId: attach
                    parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                    requestBody:
                      content:
                        multipart/form-data:
                          schema:
                            type: object
                            required: [file]
                            properties:
                              file: {type: string, format: binary, description: The file.}
                              checksum: {type: string, format: byte}
                              tags: {type: array, items: {type: string}}
                """));
        assertJson("""
                {'id': 'attach', 'method': 'POST', 'path': '/t/{id}/files', 'parameters': [
                  {'name': 'id', 'in': 'path', 'type': 'integer', 'required': true},
                  {'name': 'file', 'in': 'formData', 'type': 'file', 'required': true, 'description': 'The file.'},
                  {'name': 'checksum', 'in': 'formData', 'type': 'string', 'format': 'byte'},
                  {'name': 'tags', 'in': 'formData', 'type': 'array', 'items': 'string', 'collectionFormat': 'multi'}]}""",
                operation(result, "attach"));
    }

    @Test
    void multipartWithoutAFileDeclaresItsMediaTypeSoItIsNotSentUrlEncoded() {
        ImportResult result = importText(spec("""
                /t:
                  post:
                    operationId: note
                    requestBody: {content: {multipart/form-data: {schema: {properties: {text: {type: string}}}}}}
                """));
        assertEquals("multipart/form-data", operation(result, "note").get("consumes").asText());
    }

    @Test
    void aBinaryFieldInAUrlEncodedFormIsAStringWithAWarning() {
        ImportResult result = importText(spec("""
                /t:
                  post:
                    operationId: send
                    requestBody: {content: {application/x-www-form-urlencoded: {schema: {properties: {
                      blob: {type: string, format: binary}}}}}}
                """));
        assertJson("{'name': 'blob', 'in': 'formData', 'type': 'string', 'format': 'binary'}",
                Specs.parameter(result, "send", "blob"));
        assertEquals(List.of("at /paths/~1t/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/blob "
                + "(operation send): a URL-encoded form cannot carry a file; \"blob\" is imported as a string field"),
                warnings(result));
    }

    @Test
    void openApi31ContentMediaTypeMarksAFilePart() {
        ImportResult result = importText("""
                openapi: 3.1.0
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths:
                  /t:
                    post:
                      operationId: upload
                      requestBody:
                        content:
                          multipart/form-data:
                            schema: {properties: {image: {type: string, contentMediaType: image/png}}}
                """);
        assertEquals("file", Specs.parameter(result, "upload", "image").get("type").asText());
    }

    @Test
    void urlEncodedArraysFollowTheirEncodingStyle() {
        ImportResult result = importText(spec("""
                /t:
                  post:
                    operationId: tag
                    requestBody:
                      content:
                        application/x-www-form-urlencoded:
                          schema:
                            properties:
                              repeated: {type: array, items: {type: string}}
                              joined: {type: array, items: {type: string}}
                          encoding:
                            joined: {style: form, explode: false}
                """));
        assertEquals("multi", Specs.parameter(result, "tag", "repeated").get("collectionFormat").asText());
        assertEquals("csv", Specs.parameter(result, "tag", "joined").get("collectionFormat").asText());
        assertEquals(List.of(), warnings(result));
    }

    @Test
    void octetStreamIsARawBodyWithItsMediaTypeDeclared() {
        ImportResult result = importText(spec("""
                /t/{id}/content:
                  put:
                    operationId: putContent
                    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                    requestBody:
                      required: true
                      content: {application/octet-stream: {schema: {type: string, format: binary}}}
                """));
        assertJson("""
                {'id': 'putContent', 'method': 'PUT', 'path': '/t/{id}/content', 'consumes': 'application/octet-stream',
                 'parameters': [{'name': 'id', 'in': 'path', 'type': 'string', 'required': true},
                                {'name': 'body', 'in': 'body', 'required': true}]}""", operation(result, "putContent"));
    }

    @Test
    void otherMediaTypesAreRawBodiesAndWildcardsStayWildcardsSoAJsonBodyGoesAsJson() {
        ImportResult result = importText(spec("""
                /csv: {post: {operationId: importCsv, requestBody: {content: {text/csv: {}}}}}
                /any: {post: {operationId: importAny, requestBody: {content: {'*/*': {}}}}}
                """));
        assertEquals("text/csv", operation(result, "importCsv").get("consumes").asText());
        assertEquals("*/*", operation(result, "importAny").get("consumes").asText());
        assertEquals(List.of(), warnings(result));
        assertEquals(null, result.manifest().operation("importAny").consumes());
    }

    @Test
    void withSeveralMediaTypesJsonWinsThenMultipartThenFormThenOctetStream() {
        assertEquals("application/json", RequestBodyMapper.choose(List.of("application/xml", "application/vnd.x+json",
                "multipart/form-data", "application/json")));
        assertEquals("application/vnd.x+json", RequestBodyMapper.choose(List.of("multipart/form-data", "application/vnd.x+json")));
        assertEquals("multipart/form-data", RequestBodyMapper.choose(List.of("application/octet-stream",
                "application/x-www-form-urlencoded", "multipart/form-data")));
        assertEquals("application/x-www-form-urlencoded", RequestBodyMapper.choose(List.of("application/octet-stream",
                "application/x-www-form-urlencoded")));
        assertEquals("application/octet-stream", RequestBodyMapper.choose(List.of("text/plain", "application/octet-stream")));
        assertEquals("text/plain", RequestBodyMapper.choose(List.of("text/plain", "application/xml")));
    }

    @Test
    void theMediaTypesNotImportedAreNamedInAWarning() {
        ImportResult result = importText(spec("""
                /t:
                  post:
                    operationId: create
                    requestBody:
                      content:
                        application/xml: {schema: {type: object}}
                        application/json: {schema: {type: object}}
                        application/x-www-form-urlencoded: {schema: {properties: {a: {type: string}}}}
                """));
        assertEquals(List.of("body"), Specs.parameterNames(result, "create"));
        assertEquals(List.of("at /paths/~1t/post/requestBody/content (operation create): request body is also accepted as "
                + "application/x-www-form-urlencoded, a different layout; imported as a body of application/xml, application/json only"),
                warnings(result));
        assertEquals("[\"application/xml\",\"application/json\"]", operation(result, "create").get("consumes").toString());
    }

    @Test
    void aStructuredJsonTypeIsDeclaredAndSentAsJson() {
        ImportResult result = importText(spec("""
                /t: {patch: {operationId: patch, requestBody: {content: {application/merge-patch+json: {schema: {type: object}}}}}}
                """));
        assertEquals(List.of("body"), Specs.parameterNames(result, "patch"));
        assertEquals("application/merge-patch+json", operation(result, "patch").get("consumes").asText());
        assertEquals(List.of(), warnings(result));

        ImportResult plain = importText(spec("""
                /t: {patch: {operationId: patch, requestBody: {content: {application/json: {schema: {type: object}}}}}}
                """));
        assertEquals(null, operation(plain, "patch").get("consumes"), "plain JSON is the default and is not declared");
    }

    @Test
    void formSchemasBuiltWithAllOfContributeAllTheirFields() {
        ImportResult result = importText("""
                openapi: 3.0.3
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths:
                  /t:
                    post:
                      operationId: sign
                      requestBody:
                        content:
                          application/x-www-form-urlencoded:
                            schema:
                              allOf:
                                - $ref: '#/components/schemas/Base'
                                - {type: object, required: [signature], properties: {signature: {type: string}}}
                components:
                  schemas:
                    Base: {type: object, required: [name], properties: {name: {type: string}, id: {type: string, readOnly: true}}}
                """);
        assertJson("""
                [{'name': 'name', 'in': 'formData', 'type': 'string', 'required': true},
                 {'name': 'signature', 'in': 'formData', 'type': 'string', 'required': true}]""",
                operation(result, "sign").get("parameters"));
        assertEquals(List.of("at /components/schemas/Base/properties/id (operation sign): form field \"id\" is read-only "
                + "(never sent in requests); skipped"), warnings(result));
    }

    @Test
    void objectFormFieldsAreSkippedAndABodyWithoutContentImportsNothing() {
        ImportResult result = importText(spec("""
                /t: {post: {operationId: send, requestBody: {content: {multipart/form-data: {schema: {properties: {
                  meta: {type: object, properties: {a: {type: string}}}, note: {type: string}}}}}}}}
                /u: {post: {operationId: empty, requestBody: {description: nothing here}}}
                """));
        assertEquals(List.of("note"), Specs.parameterNames(result, "send"));
        assertEquals(List.of(), Specs.parameterNames(result, "empty"));
        assertEquals(List.of(
                "at /paths/~1t/post/requestBody/content/multipart~1form-data/schema/properties/meta (operation send): "
                        + "parameter \"meta\" is of type object, which a formData parameter cannot carry; skipped",
                "at /paths/~1u/post/requestBody (operation empty): request body has no content types; no body imported"),
                warnings(result));
    }
}
