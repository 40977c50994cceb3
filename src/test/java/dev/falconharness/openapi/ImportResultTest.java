package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result value: an unchangeable manifest document, its text form and its warnings. */
class ImportResultTest {
    private static final ImportResult RESULT = Specs.importText(OpenApiImportTest.spec("""
            /t: {get: {operationId: list, summary: List things, parameters: [{name: q, in: query, schema: {type: string}}]}}
            /u: {get: {}}
            """));

    @Test
    void theManifestDocumentCannotBeChangedThroughTheResult() {
        ObjectNode copy = RESULT.manifestJson();
        copy.put("name", "changed");
        copy.withArray("operations").removeAll();
        assertEquals("help-desk", RESULT.manifestJson().get("name").asText());
        assertEquals(2, RESULT.manifestJson().get("operations").size());
        assertThrows(UnsupportedOperationException.class, () -> RESULT.warnings().clear());
    }

    @Test
    void theTextFormUsesTwoSpacesAndEndsWithANewline() {
        assertEquals("""
                {
                  "format": "falcon-harness/manifest@2",
                  "name": "help-desk",
                  "title": "Help Desk",
                  "source": "test.yaml: Help Desk 1.0, imported from OpenAPI 3.0",
                  "baseUrl": "https://desk.example.org/api",
                  "operations": [
                    {
                      "id": "list",
                      "method": "GET",
                      "path": "/t",
                      "summary": "List things",
                      "parameters": [
                        {
                          "name": "q",
                          "in": "query",
                          "type": "string"
                        }
                      ]
                    },
                    {
                      "id": "get_u",
                      "method": "GET",
                      "path": "/u",
                      "parameters": []
                    }
                  ]
                }
                """, RESULT.toJson());
    }

    @Test
    void theLoadedManifestMatchesTheDocument() {
        assertEquals(List.of("list", "get_u"), RESULT.manifest().operations().stream().map(op -> op.id()).toList());
        assertEquals("https://desk.example.org/api", RESULT.manifest().baseUrl());
        assertEquals("help-desk", RESULT.manifest().name());
        assertTrue(RESULT.manifest().source().startsWith("test.yaml"), RESULT.manifest().source());
    }

    @Test
    void warningsPrintTheirPointerOperationAndMessage() {
        ImportWarning warning = RESULT.warnings().get(0);
        assertEquals("/paths/~1u/get", warning.pointer());
        assertEquals("get_u", warning.operationId());
        assertEquals("at /paths/~1u/get (operation get_u): no operationId; using the derived ID \"get_u\" (from GET /u)",
                warning.toString());
        assertEquals("at /: the whole document", new ImportWarning("", null, "the whole document").toString());
    }
}
