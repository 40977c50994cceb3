package dev.falconharness.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Operation} built in code as the manifest JSON it stands for, so that
 * {@link Manifest#of} checks it with the loader's own rules (one set of rules, whatever made the
 * manifest). Schemas and responses are already compiled objects and are left out: compiling them
 * checked them. Stateless.
 */
final class OperationJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OperationJson() {
    }

    /** Checks operations built in code by the rules of the loader, as if they had been read from JSON. */
    static void check(String source, List<Operation> operations) {
        ManifestLoader.Reader reader = new ManifestLoader.Reader(source);
        reader.v2 = true;
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            new ManifestLoader.OperationReader(reader, write(op), "/operations/" + i).read();
            op.parameters().stream().filter(p -> p.schema().isPresent() && p.location() != Location.BODY).forEach(p ->
                    reader.problem(op.id(), "/operations/" + op.id(), "parameter " + p.name() + " has a schema; only the body parameter may"));
            Integer earlier = firstIndex.putIfAbsent(op.id(), i);
            if (earlier != null) {
                reader.problem(op.id(), "/operations/" + i + "/id", "duplicate operation ID; first defined at /operations/" + earlier);
            }
        }
        if (!reader.problems().isEmpty()) {
            throw new ManifestException(reader.problems());
        }
    }

    static ObjectNode write(Operation op) {
        ObjectNode node = NODES.objectNode();
        node.put("id", op.id()).put("method", op.method()).put("path", op.path());
        putIf(node, "collection", op.collection());
        mediaTypes(node, "consumes", op.consumesAll());
        mediaTypes(node, "produces", op.produces());
        ArrayNode parameters = node.putArray("parameters");
        op.parameters().forEach(p -> parameters.add(write(p)));
        return node;
    }

    /** One type as a string (readable by format 1), several as a list. */
    private static void mediaTypes(ObjectNode node, String key, List<String> types) {
        if (types.size() == 1) {
            node.put(key, types.get(0));
        } else if (!types.isEmpty()) {
            ArrayNode list = node.putArray(key);
            types.forEach(list::add);
        }
    }

    private static ObjectNode write(Parameter p) {
        ObjectNode node = NODES.objectNode();
        node.put("name", p.name()).put("in", p.location().jsonName()).put("type", p.type().jsonName());
        putIf(node, "format", p.format());
        if (p.itemType() != null) {
            node.putObject("items").put("type", p.itemType().jsonName());
            node.put("collectionFormat", p.collectionFormat().jsonName());
        }
        if (p.required() && p.location() != Location.PATH) {
            node.put("required", true);
        }
        if (!p.enumValues().isEmpty()) {
            ArrayNode values = node.putArray("enum");
            p.enumValues().forEach(values::add);
        }
        if (p.minimum() != null) {
            node.put("minimum", p.minimum());
        }
        if (p.maximum() != null) {
            node.put("maximum", p.maximum());
        }
        putIf(node, "minLength", p.minLength());
        putIf(node, "maxLength", p.maxLength());
        putIf(node, "minItems", p.minItems());
        putIf(node, "maxItems", p.maxItems());
        if (p.pattern() != null) {
            node.put("pattern", p.pattern().pattern());
        }
        return node;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIf(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
