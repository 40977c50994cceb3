package dev.falconharness.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** JSON equality for {@code enum}, {@code const} and {@code uniqueItems}: 1 equals 1.0, "a" equals "a". */
final class Equality {
    private Equality() {
    }

    static boolean same(Object value, JsonNode expected, ObjectMapper mapper) {
        JsonType kind = Tree.kind(value);
        switch (kind) {
            case STRING:
                return expected.isTextual() && expected.asText().equals(Tree.text(value));
            case BOOLEAN:
                return expected.isBoolean() && expected.asBoolean() == Boolean.parseBoolean(Tree.text(value));
            case INTEGER, NUMBER:
                return expected.isNumber() && Tree.exact(value).compareTo(expected.decimalValue()) == 0;
            case NULL:
                return expected.isNull();
            default:
                return canonical(mapper.valueToTree(value)).equals(canonical(expected));
        }
    }

    /** Reports each pair of equal items (first index, second index); true when there is none. */
    static boolean unique(Object array, ObjectMapper mapper, BiConsumer<Integer, Integer> report) {
        Map<JsonNode, Integer> seen = new HashMap<>();
        boolean valid = true;
        int i = 0;
        for (Object item : Tree.items(array)) {
            JsonNode node = canonical(item instanceof JsonNode n ? n : mapper.valueToTree(item));
            Integer earlier = seen.putIfAbsent(node, i);
            if (earlier != null) {
                report.accept(earlier, i);
                valid = false;
            }
            i++;
        }
        return valid;
    }

    /** Numbers as exact decimals without trailing zeros, so 1 and 1.0 compare equal. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) copy).fields()
                        .forEachRemaining(e -> e.setValue(canonical(e.getValue())));
            } else {
                com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) copy;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, canonical(array.get(i)));
                }
            }
            return copy;
        }
        return node;
    }
}
