package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.manifest.Operation;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One page of a generated collection, however the operation pages: integer {@code offset}, or the opaque
 * {@code after} / {@code next_token} the previous page handed out; {@code limit} (default 100). Written into
 * {@code meta.pagination} with the field names and types the operation's schema declares. Immutable.
 *
 * @param offset where the page starts
 * @param limit  the most records on the page
 * @param total  how many records match in all
 */
record Paged(int offset, int limit, int total) {
    private static final int DEFAULT_LIMIT = 100;
    private static final List<String> CURSORS = List.of("after", "next_token", "next_page");

    /** True when the operation takes a paging parameter. */
    static boolean pages(Operation op) {
        return op.parameter("limit") != null || op.parameter("offset") != null || op.parameter("after") != null
                || op.parameter("next_token") != null;
    }

    static Paged of(SandboxRequest request, int total, Operation op) {
        int offset = 0;
        for (String name : List.of("offset", "after", "next_token")) {
            if (request.query(name) != null) {
                offset = position(request.query(name));
            }
        }
        int limit = DEFAULT_LIMIT;
        try {
            limit = request.query("limit") == null ? DEFAULT_LIMIT : Math.max(1, Integer.parseInt(request.query("limit")));
        } catch (NumberFormatException e) {
            limit = DEFAULT_LIMIT;
        }
        return new Paged(offset, limit, total);
    }

    /** A number, or a cursor this class handed out; anything else starts at the beginning. */
    private static int position(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException notNumber) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                return decoded.startsWith("sandbox:") ? Math.max(0, Integer.parseInt(decoded.substring(8))) : 0;
            } catch (IllegalArgumentException notCursor) {
                return 0;
            }
        }
    }

    <T> List<T> slice(List<T> all) {
        return offset >= all.size() ? List.of() : all.subList(offset, (int) Math.min(all.size(), (long) offset + limit));
    }

    /** The cursor of the next page, or empty text on the last one. */
    String next() {
        long next = (long) offset + limit;
        return next >= total ? "" : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sandbox:" + next).getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the fields {@code properties} declares, each in its declared type. */
    void writeInto(ObjectNode pagination, Map<String, Schema> properties) {
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            String name = property.getKey();
            boolean number = property.getValue().resolved().allows(JsonType.INTEGER)
                    && !property.getValue().resolved().types().isEmpty();
            switch (name) {
                case "offset" -> put(pagination, name, offset, number);
                case "limit" -> put(pagination, name, limit, number);
                case "total" -> put(pagination, name, total, number);
                default -> {
                    if (CURSORS.contains(name) && !number) {
                        pagination.put(name, next());
                    }
                }
            }
        }
    }

    private static void put(ObjectNode pagination, String name, long value, boolean number) {
        if (number) {
            pagination.put(name, value);
        } else {
            pagination.put(name, String.valueOf(value));
        }
    }
}
