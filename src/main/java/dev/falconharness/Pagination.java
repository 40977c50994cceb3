package dev.falconharness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code meta.pagination} of a Falcon response. Falcon uses several styles: an integer
 * {@code offset} with {@code limit} and {@code total}; a string scroll {@code offset} with
 * {@code expires_at}; an {@code after} cursor; a {@code next_token}. Every field is optional.
 *
 * @param offset    the offset as sent by the server (a number or a scroll token), if any
 * @param limit     the page size, if given
 * @param total     the total number of records, if given
 * @param after     the next {@code after} cursor, if any
 * @param nextToken the next {@code next_token}, if any
 * @param expiresAt when a scroll token expires (as the server wrote it), if given
 */
public record Pagination(Optional<String> offset, OptionalLong limit, OptionalLong total, Optional<String> after,
        Optional<String> nextToken, Optional<String> expiresAt) {

    static Pagination of(JsonNode node) {
        return new Pagination(text(node, "offset"), number(node, "limit"), number(node, "total"),
                text(node, "after"), text(node, "next_token"), text(node, "expires_at"));
    }

    /** True when the server sent no pagination at all. */
    public boolean isEmpty() {
        return offset.isEmpty() && limit.isEmpty() && total.isEmpty() && after.isEmpty() && nextToken.isEmpty();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    private static OptionalLong number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() && value.isNumber() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }
}
