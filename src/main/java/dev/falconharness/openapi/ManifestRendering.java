package dev.falconharness.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The exact bytes of a manifest: two-space indentation, {@code "key": value}, {@code \n} line ends, UTF-8,
 * a trailing newline; schemas written compactly. Printed one token per line, the built-in manifest's
 * schemas would make it 5.1 MB and 185,000 lines instead of 4.0 MB and 84,000, and a definition hard to
 * read in a diff; so each response, each body parameter's schema, and each keyword of a definition (each
 * property, for {@code properties}) is one line: {@code "uid": {"type": "string"}}. Version 1 manifests
 * have no schemas and print as before.
 * Stateless.
 */
final class ManifestRendering {
    private ManifestRendering() {
    }

    static byte[] render(JsonNode manifest, ObjectMapper mapper) throws JsonProcessingException {
        // Fixed "\n" rather than the platform line separator keeps the file identical on every OS.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance().withObjectEmptySeparator("")
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
        String json = mapper.writer(printer).writeValueAsString(withCompactSchemas(manifest, mapper));
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of {@code manifest} in which every schema position holds its compact text. */
    private static JsonNode withCompactSchemas(JsonNode manifest, ObjectMapper mapper) throws JsonProcessingException {
        if (!manifest.isObject()) {
            return manifest;
        }
        ObjectNode copy = manifest.deepCopy();
        for (JsonNode op : copy.path("operations")) {
            for (JsonNode parameter : op.path("parameters")) {
                if (parameter.has("schema")) {
                    ((ObjectNode) parameter).putRawValue("schema", compact(parameter.get("schema"), mapper));
                }
            }
            compactEach(op.get("responses"), false, mapper);
        }
        JsonNode definitions = copy.get("definitions");
        if (definitions != null && definitions.isObject()) {
            for (JsonNode definition : definitions) {
                compactEach(definition, true, mapper);
                compactEach(definition.get("properties"), false, mapper);
            }
        }
        return copy;
    }

    /** Replaces each value of {@code node}, when it is an object, by its compact text, but maybe not {@code properties}. */
    private static void compactEach(JsonNode node, boolean keepProperties, ObjectMapper mapper)
            throws JsonProcessingException {
        if (node == null || !node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!(keepProperties && field.getKey().equals("properties") && field.getValue().isObject())) {
                field.setValue(object.rawValueNode(compact(field.getValue(), mapper)));
            }
        }
    }

    /** {@code {"type": "array", "items": {"$ref": "#/definitions/x"}}}: one line, a space after : and ,. */
    private static RawValue compact(JsonNode schema, ObjectMapper mapper) throws JsonProcessingException {
        Separators separators = Separators.createDefaultInstance().withObjectEmptySeparator("")
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("");
        DefaultPrettyPrinter oneLine = new DefaultPrettyPrinter(separators).withObjectIndenter(null)
                .withArrayIndenter(null);
        return new RawValue(mapper.writer(oneLine).writeValueAsString(schema));
    }
}
