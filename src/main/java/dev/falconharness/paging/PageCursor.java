package dev.falconharness.paging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.FalconHarnessException;
import dev.falconharness.Harness;
import dev.falconharness.Pagination;
import dev.falconharness.PaginationException;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the pages of one operation, one request per {@link #next()}, deciding after each answer whether
 * and how to go on. Stops on an empty page, when the total is reached, on a repeated cursor, or at the
 * page cap. Not thread-safe: one cursor per iteration.
 */
final class PageCursor implements Iterator<ApiResponse> {
    /** Falcon refuses integer offsets past this; after-cursors or scroll operations must take over. */
    static final long OFFSET_LIMIT = 10_000;
    private static final System.Logger LOG = System.getLogger(PageCursor.class.getName());

    private final Harness harness;
    private final Operation op;
    private final Map<String, Object> params;
    private final Object body;
    private final ObjectNode jsonBody;
    private final Integer pageSize;
    private final int maxPages;
    private final Set<String> seenCursors = new HashSet<>();
    private PageStyle style;
    private long offset;
    private String cursor;
    private int pages;
    private long delivered;
    private boolean done;
    private ApiResponse buffered;
    private PaginationException pendingStop;

    PageCursor(Harness harness, Operation op, Map<String, ?> params, Object body, Integer pageSize, int maxPages) {
        this.harness = harness;
        this.op = op;
        this.params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
        this.jsonBody = body instanceof Map<?, ?> || body instanceof ObjectNode ? harness.mapper().valueToTree(body) : null;
        this.body = jsonBody != null ? jsonBody : body;
        this.style = PageStyle.of(op, jsonBody != null);
        this.pageSize = pageSize != null ? pageSize : defaultPageSize();
        this.maxPages = maxPages;
        this.offset = startOffset();
    }

    PageStyle style() {
        return style;
    }

    /** The caller's limit, else the operation's maximum {@code limit}, else the server's default. */
    private Integer defaultPageSize() {
        Object given = style == PageStyle.BODY_OFFSET ? (jsonBody.has("limit") ? jsonBody.get("limit").asInt() : null)
                : params.get("limit");
        if (given != null) {
            return Integer.valueOf(given.toString());
        }
        Parameter limit = PageStyle.query(op, "limit");
        return limit != null && limit.maximum() != null ? limit.maximum().intValue() : null;
    }

    private long startOffset() {
        Object given = style == PageStyle.BODY_OFFSET ? (jsonBody.has("offset") ? jsonBody.get("offset").asText() : null)
                : style == PageStyle.OFFSET ? params.get("offset") : null;
        return given == null ? 0 : Long.parseLong(given.toString());
    }

    @Override
    public boolean hasNext() {
        if (buffered == null && !done) {
            buffered = fetch();
        }
        return buffered != null;
    }

    @Override
    public ApiResponse next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ApiResponse page = buffered;
        buffered = null;
        return page;
    }

    private ApiResponse fetch() {
        if (pendingStop != null) {
            throw pendingStop;
        }
        if (pages >= maxPages) {
            done = true;
            return null;
        }
        placeCursor();
        ApiResponse page;
        try {
            page = harness.command(op.id(), params, body);
        } catch (FalconHarnessException e) {
            throw new PaginationException("page " + (pages + 1) + " of " + op.id() + " failed after " + delivered
                    + " records: " + e.getMessage(), pages, delivered, null, e);
        }
        if (!page.isSuccessful()) {
            throw new PaginationException("page " + (pages + 1) + " of " + op.id() + " failed with HTTP " + page.statusCode()
                    + " after " + delivered + " records" + (page.errors().isEmpty() ? "" : ": " + page.errors())
                    + (page.traceId() != null ? " [trace id " + page.traceId() + "]" : ""), pages, delivered, page, null);
        }
        int count = page.body().path("resources").size();
        pages++;
        delivered += count;
        advance(page.pagination(), count);
        return page;
    }

    /** Puts this page's offset, cursor and size where the style wants them. */
    private void placeCursor() {
        switch (style) {
            case OFFSET -> {
                params.put("offset", offset);
                if (pageSize != null) {
                    // offset + limit must not pass the API's limit either.
                    params.put("limit", (int) Math.min(pageSize, OFFSET_LIMIT - offset));
                }
            }
            case SCROLL -> putCursor("offset");
            case AFTER -> putCursor("after");
            case NEXT_TOKEN -> putCursor("next_token");
            case BODY_OFFSET -> {
                jsonBody.put("offset", offset);
                if (pageSize != null) {
                    jsonBody.put("limit", pageSize);
                }
            }
            case SINGLE -> { }
        }
    }

    private void putCursor(String name) {
        if (cursor != null) {
            params.put(name, cursor);
        }
        if (pageSize != null && PageStyle.query(op, "limit") != null) {
            params.put("limit", pageSize);
        }
    }

    private void advance(Pagination pagination, int count) {
        if (count == 0 || style == PageStyle.SINGLE) {
            done = true;
            return;
        }
        switch (style) {
            case OFFSET, BODY_OFFSET -> nextOffset(pagination, count);
            case SCROLL -> nextCursor(pagination, pagination.offset());
            case AFTER -> nextCursor(pagination, pagination.after());
            case NEXT_TOKEN -> nextCursor(pagination, pagination.nextToken());
            default -> done = true;
        }
    }

    private void nextOffset(Pagination pagination, int count) {
        offset += count;
        if (pagination.isEmpty() || (pageSize != null && count < pageSize && pagination.total().isEmpty())) {
            done = true;
        } else if (pagination.total().isPresent() && offset >= pagination.total().getAsLong()) {
            done = true;
        } else if (style == PageStyle.OFFSET && offset >= OFFSET_LIMIT) {
            switchToAfterOrStop(pagination);
        }
    }

    private void switchToAfterOrStop(Pagination pagination) {
        if (PageStyle.query(op, "after") != null && pagination.after().isPresent()) {
            switchTo(PageStyle.AFTER, pagination.after().get());
            return;
        }
        if (PageStyle.query(op, "next_token") != null && pagination.nextToken().isPresent()) {
            switchTo(PageStyle.NEXT_TOKEN, pagination.nextToken().get());
            return;
        }
        // Raised on the next fetch, so this page's records are delivered first.
        pendingStop = new PaginationException("stopped after " + delivered + " records: " + op.id() + " pages with integer"
                + " offsets, which the API refuses past " + OFFSET_LIMIT + " (total: "
                + pagination.total().orElse(-1) + "). Narrow the filter (by time, say) or use an operation that pages"
                + " with a scroll token or an after cursor", pages, delivered, null, null);
    }

    private void switchTo(PageStyle cursorStyle, String first) {
        LOG.log(Level.DEBUG, () -> op.id() + " reached the " + OFFSET_LIMIT + "-record offset limit; going on with "
                + cursorStyle.name().toLowerCase(java.util.Locale.ROOT) + " cursors");
        style = cursorStyle;
        params.remove("offset");
        seenCursors.add(first);
        cursor = first;
    }

    private void nextCursor(Pagination pagination, Optional<String> next) {
        if (next.isEmpty() || (pagination.total().isPresent() && delivered >= pagination.total().getAsLong())) {
            done = true;
        } else if (!seenCursors.add(next.get())) {
            LOG.log(Level.WARNING, () -> op.id() + " returned a cursor it had returned before; stopping after "
                    + delivered + " records to avoid a loop");
            done = true;
        } else {
            cursor = next.get();
        }
    }
}
