package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small specs written inline for the importer tests, and ways to look into what they became. */
final class Specs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Specs() {
    }

    /** Imports a spec given as text (JSON or YAML), named {@code test.yaml} in messages. */
    static ImportResult importText(String spec) {
        return SpecImporter.importSpec(new ByteArrayInputStream(spec.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    /** Imports a JSON spec written with single quotes for readability. */
    static ImportResult importJson(String json) {
        return importText(json.replace('\'', '"'));
    }

    /** The manifest operation {@code id}, as JSON. */
    static JsonNode operation(ImportResult result, String id) {
        for (JsonNode op : result.manifestJson().path("operations")) {
            if (op.path("id").asText().equals(id)) {
                return op;
            }
        }
        return fail("no operation " + id + " in " + ids(result));
    }

    /** The parameter {@code name} of operation {@code id}, as JSON. */
    static JsonNode parameter(ImportResult result, String id, String name) {
        for (JsonNode p : operation(result, id).path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return fail("operation " + id + " has no parameter " + name + ": " + operation(result, id));
    }

    static List<String> ids(ImportResult result) {
        List<String> ids = new ArrayList<>();
        result.manifestJson().path("operations").forEach(op -> ids.add(op.path("id").asText()));
        return ids;
    }

    static List<String> parameterNames(ImportResult result, String id) {
        List<String> names = new ArrayList<>();
        operation(result, id).path("parameters").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    static List<String> warnings(ImportResult result) {
        return result.warnings().stream().map(ImportWarning::toString).toList();
    }

    /** Compares JSON written with single quotes to a tree, key order included. */
    static void assertJson(String expected, JsonNode actual) {
        try {
            JsonNode wanted = MAPPER.readTree(expected.replace('\'', '"'));
            assertEquals(MAPPER.writeValueAsString(wanted), MAPPER.writeValueAsString(actual));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the expected JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }
}
