package dev.falconharness.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.manifest.Operation;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every record of a paged operation, fetched lazily one page at a time. Made by
 * {@link dev.falconharness.Harness#paginate} (or over any other {@link Caller}); immutable, so one
 * paginator can be iterated many times (each iteration starts again from the first page).
 *
 * <pre>{@code
 * falcon.paginate("queryUserV1", Map.of("filter", "uid:*'*@example.com'"))
 *       .stream()
 *       .forEach(uuid -> System.out.println(uuid.asText()));
 *
 * for (ApiResponse page : falcon.paginate("QueryDevicesByFilterScroll", Map.of()).pages().toList()) { ... }
 * }</pre>
 *
 * <p>The style (integer offsets, scroll tokens, {@code after} cursors, {@code next_token}, offsets or
 * {@code after} cursors in a JSON body) comes from the manifest and the answers; see {@link PageStyle}. Page size defaults to the
 * operation's largest {@code limit}. A failed page throws a {@link dev.falconharness.PaginationException}
 * from the stream; the records before it have been delivered.
 */
public final class Paginator implements Iterable<JsonNode> {
    private final Caller caller;
    private final Operation op;
    private final Map<String, ?> params;
    private final Object body;
    private final Integer pageSize;
    private final int maxPages;
    private final long maxItems;

    /**
     * A paginator over {@code op}'s pages, called through {@code caller}.
     *
     * @throws dev.falconharness.ValidationException if {@code limit} or {@code offset} is not a whole number
     *         in range; nothing is sent
     */
    public Paginator(Caller caller, Operation op, Map<String, ?> params, Object body) {
        this(caller, op, params, body, null, Integer.MAX_VALUE, Long.MAX_VALUE);
        cursor(); // reads limit and offset now, so a bad one fails here rather than mid-stream
    }

    private Paginator(Caller caller, Operation op, Map<String, ?> params, Object body, Integer pageSize, int maxPages,
            long maxItems) {
        this.caller = caller;
        this.op = op;
        this.params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.body = body;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.maxItems = maxItems;
    }

    /** Asks for {@code size} records a page instead of the operation's maximum. */
    public Paginator pageSize(int size) {
        positive(size, "page size");
        return new Paginator(caller, op, params, body, size, maxPages, maxItems);
    }

    /** Reads at most {@code pages} pages. */
    public Paginator maxPages(int pages) {
        positive(pages, "page cap");
        return new Paginator(caller, op, params, body, pageSize, pages, maxItems);
    }

    /** Delivers at most {@code items} records (and fetches no page beyond the one that reaches it). */
    public Paginator maxItems(long items) {
        positive(items, "item cap");
        return new Paginator(caller, op, params, body, pageSize, maxPages, items);
    }

    /** How this operation pages, as far as the manifest tells before the first answer. */
    public PageStyle style() {
        return cursor().style();
    }

    /** The records of every page, fetched as the stream is consumed. */
    public Stream<JsonNode> stream() {
        // Straight from each decoded page: copying a page's records into a list first (resources()) costs
        // several times more than streaming them.
        Stream<JsonNode> records = pages()
                .flatMap(page -> StreamSupport.stream(page.body().path("resources").spliterator(), false));
        return maxItems == Long.MAX_VALUE ? records : records.limit(maxItems);
    }

    /** Every page as a whole response, fetched as the stream is consumed. */
    public Stream<ApiResponse> pages() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Iterator<JsonNode> iterator() {
        return stream().iterator();
    }

    /** Every record in one list. */
    public List<JsonNode> toList() {
        return stream().toList();
    }

    private PageCursor cursor() {
        return new PageCursor(caller, op, params, body, pageSize, maxPages);
    }

    private static void positive(long value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException("the " + what + " must be at least 1, got " + value);
        }
    }
}
