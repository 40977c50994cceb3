package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Inputs for the Falcon converter's tests: the two hand-written samples and small inline documents. */
final class FalconFixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private FalconFixtures() {
    }

    /** A test resource, e.g. {@code /falcon-table-sample.json}. */
    static JsonNode resource(String name) {
        try (InputStream in = FalconFixtures.class.getResourceAsStream(name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** A table holding {@code operations} (each a JSON object in table form). */
    static JsonNode table(String... operations) {
        return read("{\"about\": \"test\", \"operations\": [" + String.join(",", operations) + "]}");
    }

    /** A schemas file with these definitions (a JSON object) and operations ({@code "key": {...}} members). */
    static JsonNode schemas(String definitions, String... operations) {
        return read("{\"definitions\": " + definitions + ", \"operations\": {" + String.join(",", operations) + "}}");
    }

    /**
     * A schemas file that has every request line of {@code table} (once, as the real one does) and says
     * nothing about it, so the table's own rules can be tested without the newer file changing anything.
     */
    static JsonNode mirror(JsonNode table) {
        ObjectNode schemas = MAPPER.createObjectNode();
        schemas.putObject("definitions");
        ObjectNode operations = schemas.putObject("operations");
        Set<String> lines = new HashSet<>();
        for (JsonNode op : table.path("operations")) {
            String method = op.path("method").asText("");
            String path = op.path("path").asText("");
            if (!method.isEmpty() && !path.isEmpty() && lines.add(FalconSpec.matchKey(method, path))) {
                ObjectNode copy = operations.putObject("mirror" + lines.size());
                copy.put("method", method);
                copy.put("path", path);
            }
        }
        return schemas;
    }

    /** Compares as compact JSON text, so key order counts as well as content. */
    static void assertJson(String expected, JsonNode actual) {
        assertEquals(read(expected).toString(), actual.toString());
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static JsonNode find(JsonNode operations, String id) {
        for (JsonNode op : operations) {
            if (op.get("id").asText().equals(id)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + id);
    }

    static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation.get("id"));
    }
}
