package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@code after} cursor: the place in a sorted listing just past the last record of a page, written as
 * that record's sort value and ID rather than as a count. The next page starts at the first record that
 * sorts after it, so records added or removed between pages neither repeat nor skip the others, and
 * there is no 10,000-record ceiling. Opaque to clients (URL-safe Base64 of a small JSON array). Immutable.
 *
 * @param sort  the sort the listing was in ({@code created_on.asc}); the cursor is refused with another one
 * @param field the field that sort orders by
 * @param value the last record's value of {@code field}, or null
 * @param id    the last record's ID (or other unique key), which breaks ties
 */
record AfterCursor(String sort, String field, String value, String id) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION = "a1";

    /** The cursor past {@code last}, ties broken by its unique field {@code key}. */
    static AfterCursor past(String sort, String field, Map<String, String> last, String key) {
        return new AfterCursor(sort, field, last.get(field), last.get(key));
    }

    /** The cursor as the client sees it. */
    String encode() {
        ArrayNode array = MAPPER.createArrayNode().add(VERSION).add(sort).add(field).add(value).add(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor this class wrote; a 400 naming it for anything else, or for one of another sort. */
    static AfterCursor decode(String token, String sort) {
        JsonNode array;
        try {
            array = MAPPER.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IOException | IllegalArgumentException e) {
            array = null;
        }
        if (array == null || !array.isArray() || array.size() != 5 || !VERSION.equals(array.get(0).asText())
                || !array.get(4).isTextual()) {
            throw SandboxError.badRequest("after \"" + IndicatorRules.abbreviate(token) + "\" is not a cursor this API"
                    + " handed out; leave after out for the first page, then pass meta.pagination.after of each answer");
        }
        AfterCursor cursor = new AfterCursor(array.get(1).asText(), array.get(2).asText(),
                array.get(3).isNull() ? null : array.get(3).asText(), array.get(4).asText());
        if (!cursor.sort.equals(sort)) {
            throw SandboxError.badRequest("this after cursor continues a listing sorted by " + cursor.sort + ", not "
                    + sort + "; send the same sort with it, or start again without after");
        }
        return cursor;
    }

    /**
     * Where the page after this cursor starts in {@code sorted}: the first record that {@code order} (which
     * must end with the unique field {@code key} as tie-breaker) puts after the cursor's place. A binary search.
     */
    <T> int position(List<T> sorted, Function<T, Map<String, String>> fields, Comparator<Map<String, String>> order,
            String key) {
        Map<String, String> place = new HashMap<>();
        place.put(field, value);
        place.put(key, id);
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(fields.apply(sorted.get(mid)), place) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
