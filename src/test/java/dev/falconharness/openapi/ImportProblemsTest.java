package dev.falconharness.openapi;

import static dev.falconharness.openapi.OpenApiImportTest.spec;
import static dev.falconharness.openapi.Specs.importJson;
import static dev.falconharness.openapi.Specs.importText;
import static dev.falconharness.openapi.Specs.parameterNames;
import static dev.falconharness.openapi.Specs.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the importer refuses, and what it imports around: references, broken operations, non-specs. */
class ImportProblemsTest {
    @TempDir
    Path dir;

    private static String components(String parameters, String schemas) {
        return """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                servers: [{url: 'https://t.example.org'}]
                paths:
                  /t:
                    get:
                      operationId: op
                      parameters:
                        - {name: ok, in: query, schema: {type: string}}
                        - {$ref: '#/components/parameters/First'}
                components:
                  parameters:
                """ + parameters.indent(4) + "  schemas:\n" + schemas.indent(4);
    }

    @Test
    void referencesToOtherDocumentsAreSkippedWithAWarning() {
        ImportResult result = importText(components("First: {$ref: 'common.yaml#/components/parameters/Limit'}", "{}"));
        assertEquals(List.of("ok"), parameterNames(result, "op"));
        assertEquals(List.of("at /components/parameters/First/$ref (operation op): parameter refers to another document "
                + "(common.yaml#/components/parameters/Limit), which the importer does not fetch; parameter skipped (inline "
                + "or bundle the spec to keep it)"), warnings(result));
    }

    @Test
    void referenceCyclesAreCutWithAWarning() {
        ImportResult result = importText(components("""
                First: {$ref: '#/components/parameters/Second'}
                Second: {$ref: '#/components/parameters/First'}""", "{}"));
        assertEquals(List.of("ok"), parameterNames(result, "op"));
        assertEquals(List.of("at /components/parameters/Second/$ref (operation op): $ref cycle /components/parameters/First "
                + "-> /components/parameters/Second -> /components/parameters/First; parameter skipped"), warnings(result));
    }

    @Test
    void aSchemaThatIncludesItselfEndsAsAStringInsteadOfLoopingForever() {
        ImportResult result = importText(components("First: {name: loop, in: query, schema: {$ref: '#/components/schemas/Loop'}}",
                "Loop: {allOf: [{$ref: '#/components/schemas/Loop'}]}"));
        assertEquals(List.of("ok", "loop"), parameterNames(result, "op"));
        assertEquals(List.of("at /components/schemas/Loop (operation op): parameter \"loop\" has no type; "
                + "imported as string"), warnings(result));
    }

    @Test
    void referencesToNothingAreSkippedAndEscapedNamesAreFound() {
        ImportResult result = importText(components("""
                First: {name: status, in: query, schema: {$ref: '#/components/schemas/Ticket%20Status'}}
                Unused: {$ref: '#/components/parameters/Nope'}""", "Ticket Status: {type: string, enum: [open]}"));
        assertEquals("open", Specs.parameter(result, "op", "status").get("enum").get(0).asText());
        ImportResult missing = importText(components("First: {$ref: '#/components/parameters/Nope'}", "{}"));
        assertEquals(List.of("at /components/parameters/First/$ref (operation op): $ref #/components/parameters/Nope points "
                + "at nothing in this document; parameter skipped"), warnings(missing));
    }

    @Test
    void duplicateOperationIdsFailNamingBothPlaces() {
        ImportException e = assertThrows(ImportException.class, () -> importText(spec("""
                /tickets: {post: {operationId: createTicket}}
                /drafts: {post: {operationId: createTicket}, get: {operationId: listDrafts}}
                /drafts/{id}: {get: {operationId: listDrafts}}
                """)));
        assertEquals("""
                Cannot import test.yaml: 2 problems
                  - at /paths/~1drafts/post/operationId: operationId "createTicket" is also used at /paths/~1tickets/post/operationId; operation IDs must be unique
                  - at /paths/~1drafts~1{id}/get/operationId: operationId "listDrafts" is also used at /paths/~1drafts/get/operationId; operation IDs must be unique""",
                e.getMessage());
        assertEquals("/paths/~1drafts/post/operationId", e.problems().get(0).pointer());
    }

    @Test
    void anOperationThatCannotBeMadeValidIsSkippedAndTheRestImported() {
        ImportResult result = importText(spec("""
                /search?q={q}: {get: {operationId: search}}
                /tickets: {get: {operationId: listTickets}}
                """));
        assertEquals(List.of("listTickets"), Specs.ids(result));
        assertEquals(List.of(
                "at /paths/~1search?q={q}/get (operation search): the path placeholder {q} has no path parameter in the "
                        + "spec; added as a required string",
                "at /paths/~1search?q={q}/get (operation search): operation skipped, it would make the manifest invalid: "
                        + "/path: must not contain a query or fragment; declare query parameters instead"), warnings(result));
    }

    @Test
    void aDeprecatedOperationDoesNotPointAtAReplacementThatWasSkipped() {
        ImportResult result = importText(spec("""
                /old: {get: {operationId: oldSearch, deprecated: true, description: Use newSearch instead.}}
                /new?q: {get: {operationId: newSearch}}
                """));
        assertEquals(List.of("oldSearch"), Specs.ids(result));
        assertEquals("{\"id\":\"oldSearch\",\"method\":\"GET\",\"path\":\"/old\",\"summary\":\"Use newSearch instead.\","
                + "\"deprecated\":true,\"parameters\":[]}", Specs.operation(result, "oldSearch").toString());
    }

    @Test
    void arrayItemsBehindABrokenReferenceAreStringsWithBothReasonsReported() {
        ImportResult result = importText(components("First: {name: ids, in: query, schema: {type: array, items: {$ref: '#/nope'}}}", "{}"));
        assertEquals("string", Specs.parameter(result, "op", "ids").get("items").asText());
        assertEquals(List.of(
                "at /components/parameters/First/schema/items/$ref (operation op): $ref #/nope points at nothing in this "
                        + "document; schema skipped",
                "at /components/parameters/First/schema/items (operation op): array parameter \"ids\" has items whose "
                        + "schema cannot be read; items imported as strings"), warnings(result));
    }

    @Test
    void aDocumentThatIsNoSpecIsRefusedNamingWhatWasFound() {
        assertEquals("Cannot import test.yaml: at /: not a Swagger 2.0 or OpenAPI 3.x document: found neither a \"swagger\" "
                + "nor an \"openapi\" key; top-level keys: hello, paths",
                assertThrows(ImportException.class, () -> importText("hello: world\npaths: {}\n")).getMessage());
        assertTrue(assertThrows(ImportException.class, () -> importJson("{'swagger': '1.2', 'apis': []}"))
                .getMessage().endsWith("found swagger: \"1.2\"; only Swagger 2.0 is supported (convert 1.x specs first)"));
        assertTrue(assertThrows(ImportException.class, () -> importText("openapi: 2.5.0\n"))
                .getMessage().endsWith("found openapi: \"2.5.0\"; expected a 3.x version such as \"3.0.3\" or \"3.1.0\""));
        assertTrue(assertThrows(ImportException.class, () -> importJson("[1, 2]")).getMessage().endsWith("found a list instead of an object"));
        assertTrue(assertThrows(ImportException.class, () -> importText("")).getMessage().endsWith("found a empty document instead of an object"));
    }

    @Test
    void aManifestGivenAsASpecGetsAPointerToTheRightTool() {
        ImportException e = assertThrows(ImportException.class,
                () -> importJson("{'format': 'falcon-harness/manifest@1', 'name': 'x', 'operations': []}"));
        assertTrue(e.getMessage().contains("found a falcon-harness manifest (it has \"format\" and \"operations\"); load it "
                + "with Manifest.load or check it with ManifestChecker instead"), e.getMessage());
    }

    @Test
    void malformedJsonAndYamlAreRefusedWithLineAndColumn() {
        ImportException json = assertThrows(ImportException.class, () -> importText("{\n  \"swagger\": \"2.0\",\n  \"paths\": {,}\n}"));
        assertTrue(json.getMessage().startsWith("Cannot import test.yaml: at /: not valid JSON (line 3, column 13): "),
                json.getMessage());
        ImportException yaml = assertThrows(ImportException.class, () -> importText("openapi: 3.0.0\npaths:\n  /a: [\n"));
        assertTrue(yaml.getMessage().startsWith("Cannot import test.yaml: at /: not valid YAML (line "), yaml.getMessage());
    }

    @Test
    void duplicateKeysAreRefusedRatherThanSilentlyMerged() {
        ImportException e = assertThrows(ImportException.class, () -> importText("""
                openapi: 3.0.0
                info: {title: T, version: '1'}
                paths:
                  /a: {get: {operationId: a}}
                  /a: {post: {operationId: b}}
                """));
        assertTrue(e.getMessage().contains("not valid YAML (line 5, column 3): duplicate key \"/a\""), e.getMessage());
    }

    @Test
    void aMissingFileIsAnImportErrorNamingIt() {
        Path missing = dir.resolve("nope.yaml");
        ImportException e = assertThrows(ImportException.class, () -> SpecImporter.importSpec(missing));
        assertEquals(missing.toString(), e.source());
        assertTrue(e.getMessage().startsWith("Cannot import " + missing + ": at /: file not found"), e.getMessage());
    }
}
