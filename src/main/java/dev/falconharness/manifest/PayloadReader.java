package dev.falconharness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.schema.Definitions;
import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what manifest format 2 adds about payloads: the top-level {@code definitions}, a body
 * parameter's {@code schema} and an operation's {@code responses}. Schema problems become manifest
 * problems with the full pointer. Stateless.
 */
final class PayloadReader {
    private static final Set<String> RESPONSE_KEYS = Set.of("description", "schema");

    private PayloadReader() {
    }

    /** Reads and checks every definition (the checking loader's way), recording each problem. */
    static Definitions definitions(ManifestLoader.Reader reader, JsonNode node) {
        if (node == null) {
            return Definitions.NONE;
        }
        if (!node.isObject()) {
            reader.problem(null, "/definitions", "must be an object of named schemas");
            return Definitions.NONE;
        }
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
        Definitions definitions = Definitions.of(nodes);
        for (SchemaProblem problem : definitions.check()) {
            reader.problem(null, problem.pointer(), problem.message());
        }
        return definitions;
    }

    /** Compiles the schema at {@code pointer}; problems are recorded against the operation. */
    static Schema schema(ManifestLoader.OperationReader operation, Definitions definitions, JsonNode node, String pointer) {
        List<SchemaProblem> problems = new ArrayList<>();
        Schema schema = definitions.compile(node, pointer, problems);
        for (SchemaProblem problem : problems) {
            operation.problemAt(problem.pointer(), problem.message());
        }
        return problems.isEmpty() ? schema : null;
    }

    /** The operation's {@code responses}, in document order; bad entries are recorded and skipped. */
    static List<ResponseSpec> responses(ManifestLoader.OperationReader operation, Definitions definitions, JsonNode node,
            String pointer) {
        List<ResponseSpec> responses = new ArrayList<>();
        if (node == null) {
            return responses;
        }
        if (!node.isObject()) {
            operation.problemAt(pointer, "must be an object of responses by status code (\"200\") or \"default\"");
            return responses;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String status = entry.getKey();
            String at = pointer + "/" + status;
            if (!status.equals("default") && !status.matches("[1-5][0-9][0-9]")) {
                operation.problemAt(at, "unknown status \"" + status + "\"; use a status code from 100 to 599 or \"default\"");
                continue;
            }
            JsonNode response = entry.getValue();
            if (!response.isObject()) {
                operation.problemAt(at, "must be an object with an optional \"description\" and \"schema\"");
                continue;
            }
            operation.checkKeysAt(response, RESPONSE_KEYS, at);
            JsonNode description = response.get("description");
            if (description != null && !description.isTextual()) {
                operation.problemAt(at + "/description", "must be a string");
            }
            Schema schema = response.has("schema") ? schema(operation, definitions, response.get("schema"), at + "/schema") : null;
            responses.add(ResponseSpec.of(status, description != null && description.isTextual() ? description.asText() : null, schema));
        }
        return responses;
    }
}
