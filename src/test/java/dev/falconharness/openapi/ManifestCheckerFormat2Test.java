package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.manifest.ManifestProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code manifest check} knows format 2: valid payload manifests pass, payload mistakes are reported. */
class ManifestCheckerFormat2Test {
    private static List<ManifestProblem> check(String resource) throws IOException {
        try (InputStream in = ManifestCheckerFormat2Test.class.getResourceAsStream(resource)) {
            return ManifestChecker.check(in, resource);
        }
    }

    @Test
    void theFormat2TestManifestsHaveNoProblems() throws IOException {
        assertEquals(List.of(), check("/payloads/shapes-v2.json"));
        assertEquals(List.of(), check("/payloads/user-management-v2.json"));
    }

    @Test
    void payloadProblemsAreReportedWithOperationAndPointer() {
        String json = """
                {"format": "falcon-harness/manifest@2", "name": "t", "definitions": {"A": {"type": "object", "propertys": {}}},
                 "operations": [{"id": "Op", "method": "POST", "path": "/op", "parameters": [
                   {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/B"}}],
                   "responses": {"200": {"schema": {"items": {"$ref": "#/definitions/A"}}, "descripton": "OK"}}}]}
                """;
        List<String> problems = ManifestChecker.check(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json")
                .stream().map(ManifestProblem::toString).toList();
        assertEquals(List.of(
                "t.json at /definitions/A/propertys: unsupported keyword \"propertys\"; did you mean \"properties\"? (the manifest"
                        + " supports a subset of JSON Schema 2020-12; extensions start with x-)",
                "t.json: operation Op at /operations/0/parameters/0/schema/$ref: reference #/definitions/B names no definition;"
                        + " did you mean \"A\"?",
                "t.json: operation Op at /operations/0/responses/200/descripton: unknown key \"descripton\"; did you mean \"description\"?"),
                problems);
    }
}
