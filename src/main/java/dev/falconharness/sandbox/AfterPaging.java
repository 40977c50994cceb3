package dev.falconharness.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A listing in one sort, paged by {@link AfterCursor}s: the order (the sort, then the unique field
 * {@code key} to break ties) and how each page and its {@code meta.pagination} are cut. Shared by the
 * collections that page by {@code after} (alerts, indicators). Immutable.
 *
 * @param sort  the sort as the request gave it, which a cursor is tied to
 * @param field the field the sort orders by
 * @param key   the records' unique field
 * @param order the records' order
 */
record AfterPaging(String sort, String field, String key, Comparator<Map<String, String>> order) {

    /** The listing sorted by {@code sort}, one of {@code fields}, ties broken by {@code key}. */
    static AfterPaging of(String sort, Set<String> fields, String key) {
        FqlOrder order = Fql.order(sort, null, fields);
        return new AfterPaging(sort, order.field(), key, order.comparator().thenComparing(f -> f.get(key)));
    }

    /**
     * The page of {@code sorted} (in {@link #order}) that starts after {@code cursor}, or at {@code offset}
     * without one (null: the first page, and no {@code offset} in the pagination): {@code resources} shaped
     * by {@code shape}, and {@code meta.pagination} with the offset, {@code limit}, {@code total} and the
     * {@code after} cursor of the next page when there is one.
     */
    <T> Reply page(List<T> sorted, AfterCursor cursor, Integer offset, int limit, Function<T, Map<String, String>> fields,
            Function<T, Object> shape) {
        int start = cursor != null ? cursor.position(sorted, fields, order, key) : offset == null ? 0 : offset;
        List<T> page = sorted.subList(Math.min(start, sorted.size()), Math.min(sorted.size(), start + limit));
        List<Object> resources = new ArrayList<>(page.size());
        page.forEach(record -> resources.add(shape.apply(record)));
        Map<String, Object> pagination = new LinkedHashMap<>();
        if (cursor == null && offset != null) {
            pagination.put("offset", offset);
        }
        pagination.put("limit", limit);
        pagination.put("total", sorted.size());
        if (!page.isEmpty() && start + page.size() < sorted.size()) {
            pagination.put("after", AfterCursor.past(sort, field, fields.apply(page.get(page.size() - 1)), key).encode());
        }
        return new Reply(200, resources, List.of(), pagination, null, Map.of(), null);
    }
}
