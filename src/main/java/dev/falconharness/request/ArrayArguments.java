package dev.falconharness.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a list argument the way {@code command()} does (a collection, an array, a Jackson array, or a
 * comma-separated string), for code that needs the elements before a request is built, such as id
 * batching. Thread-safe; stateless.
 */
public final class ArrayArguments {
    private ArrayArguments() {
    }

    /**
     * The elements of {@code value} as strings, in order.
     *
     * @throws dev.falconharness.ValidationException when the value cannot be a list (a map, say)
     */
    public static List<String> strings(Object value) {
        List<?> items = Values.items(value);
        if (items == null) {
            throw new dev.falconharness.ValidationException(null, java.util.List.of(new dev.falconharness.ValidationException.Problem(
                    null, null, "expected a list of values, got " + Values.describe(value))));
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            strings.add(item instanceof JsonNode node ? node.asText() : String.valueOf(item));
        }
        return strings;
    }
}
