package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.manifest.ManifestProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checking hand-written manifests: the loader's rules plus the schema rules the loader tolerates. */
class ManifestCheckerTest {
    private static final Path BROKEN = Path.of("src/test/resources/openapi/broken-manifest.json");

    private static List<ManifestProblem> check(String json) {
        byte[] bytes = json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        return ManifestChecker.check(new ByteArrayInputStream(bytes), "my-api.json");
    }

    private static List<String> lines(List<ManifestProblem> problems) {
        return problems.stream().map(ManifestProblem::toString).toList();
    }

    @Test
    void aBrokenManifestGetsEveryProblemWithFileOperationAndPointerGroupedByOperation() {
        String file = BROKEN.toString();
        assertEquals(List.of(
                file + " at /name: \"My Shop\" is not valid here; expected lower-case letters, digits, '-' and '_', starting "
                        + "with a letter or digit",
                file + " at /baseUrl: \"https://shop.example.com/api/\" is not valid here; expected http(s)://host[/path], "
                        + "without a trailing slash, query or spaces",
                file + ": operation listOrders at /operations/0/parameters/0/in: unknown location \"querry\"; use one of "
                        + "query, path, header, body, formData",
                file + ": operation listOrders at /operations/0/parameters/2/maximun: unknown key \"maximun\"; did you mean "
                        + "\"maximum\"?",
                file + ": operation listOrders at /operations/0/summary: must be one line of at most 160 characters; put "
                        + "longer text in \"description\"",
                file + ": operation listOrders at /operations/0/parameters/1: missing \"collectionFormat\": how the array is "
                        + "written: csv, ssv, tsv, pipes or multi",
                file + ": operation listOrders at /operations/0/parameters/1/items: must be the item type's name, e.g. "
                        + "\"items\": \"string\", not {\"type\":\"string\"}",
                file + ": operation listOrders at /operations/0/parameters/2/required: must be true when present, not false; "
                        + "leave the key out for false",
                file + ": operation getOrder at /operations/1/method: unknown HTTP method \"get\"; use one of GET, POST, PUT, "
                        + "PATCH, DELETE, HEAD, OPTIONS (upper-case)",
                file + ": operation getOrder at /operations/1/parameters: path parameter \"id\" has no {id} placeholder in path "
                        + "/orders/{orderId}",
                file + ": operation getOrder at /operations/1/path: placeholder {orderId} has no parameter with \"in\": \"path\" "
                        + "and \"name\": \"orderId\"",
                file + ": operation getOrder at /operations/1/deprecated: must be true when present, not \"yes\"; leave the key "
                        + "out for false",
                file + ": operation getOrder at /operations/1/replacedBy: only a deprecated operation has \"replacedBy\"; add "
                        + "\"deprecated\": true",
                file + ": operation upload receipt at /operations/2/parameters/0/type: type file is only allowed for formData "
                        + "parameters",
                file + ": operation upload receipt at /operations/2/id: \"upload receipt\" is not valid here; expected no spaces",
                file + ": operation upload receipt at /operations/2/consumes: \"PDF\" is not valid here; expected a lower-case "
                        + "media type such as application/octet-stream",
                file + ": operation listOrders at /operations/3/id: duplicate operation ID; first defined at /operations/0 "
                        + "(IDs are case-sensitive and must be unique)",
                file + ": operation listOrders at /operations/3: missing \"parameters\": write \"parameters\": [] for an "
                        + "operation without any"),
                lines(ManifestChecker.check(BROKEN)));
    }

    @Test
    void theBuiltInFalconManifestPassesEveryCheck() {
        assertEquals(List.of(), ManifestChecker.check(Path.of("endpoints/falcon.json")));
    }

    @Test
    void aMinimalManifestPasses() {
        assertEquals(List.of(), check("{'format': 'falcon-harness/manifest@1', 'name': 'mini', 'operations': []}"));
    }

    @Test
    void missingFormatNameAndPathRequiredAreSchemaProblemsTheLoaderWouldForgive() {
        assertEquals(List.of(
                "my-api.json at /: missing \"format\": write \"format\": \"falcon-harness/manifest@2\"",
                "my-api.json at /: missing \"name\": a short lower-case name such as \"my-api\"",
                "my-api.json: operation get at /operations/0/parameters/0: path parameters must say \"required\": true"),
                lines(check("""
                        {'operations': [{'id': 'get', 'method': 'GET', 'path': '/t/{id}', 'parameters': [
                          {'name': 'id', 'in': 'path', 'type': 'string'}]}]}""")));
    }

    @Test
    void emptyTextsAndNonBooleanFlagsAreReported() {
        assertEquals(List.of(
                "my-api.json: operation t at /operations/0/summary: must not be empty; leave the key out instead",
                "my-api.json: operation t at /operations/0/parameters/0/uniqueItems: must be true when present, not 1; "
                        + "leave the key out for false"),
                lines(check("""
                        {'format': 'falcon-harness/manifest@1', 'name': 'x', 'operations': [{'id': 't', 'method': 'GET',
                         'path': '/t', 'summary': '', 'parameters': [{'name': 'a', 'in': 'query', 'type': 'array',
                         'items': 'string', 'collectionFormat': 'csv', 'uniqueItems': 1}]}]}""")));
    }

    @Test
    void malformedJsonIsOneProblemWithLineAndColumn() {
        List<ManifestProblem> problems = check("{\n  'name': 'x',\n  'operations': [}\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).toString().startsWith("my-api.json: not valid JSON (line 3, column 18): "),
                problems.get(0).toString());
    }

    @Test
    void duplicateKeysAreReportedInsteadOfTheLastOneWinningQuietly() {
        List<ManifestProblem> problems = check("{'name': 'x', 'name': 'y', 'operations': []}");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("Duplicate field 'name'"), problems.get(0).message());
    }

    @Test
    void aMissingFileIsOneProblem() {
        assertEquals(List.of("nope.json: file not found"), lines(ManifestChecker.check(Path.of("nope.json"))));
    }

    @Test
    void problemsAreOrderedByOperationWithDocumentLevelOnesFirst() {
        assertEquals(-1, ManifestChecker.operationIndex(null));
        assertEquals(-1, ManifestChecker.operationIndex("/baseUrl"));
        assertEquals(12, ManifestChecker.operationIndex("/operations/12/parameters/0"));
    }
}
