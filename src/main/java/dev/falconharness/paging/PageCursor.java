package dev.falconharness.paging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.ApiResponse;
import dev.falconharness.FalconHarnessException;
import dev.falconharness.Pagination;
import dev.falconharness.PaginationException;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the pages of one operation, one request per {@link #next()}, deciding after each answer whether
 * and how to go on: an integer-offset operation that also takes {@code after} or {@code next_token}
 * follows that cursor as soon as an answer gives one. Stops on an empty page, when the total is reached,
 * on a repeated cursor, or at the page cap; throws when a page repeats one already delivered. Not
 * thread-safe: one cursor per iteration.
 */
final class PageCursor implements Iterator<ApiResponse> {
    /** Falcon refuses integer offsets past this; after-cursors or scroll operations must take over. */
    static final long OFFSET_LIMIT = 10_000;
    private static final System.Logger LOG = System.getLogger(PageCursor.class.getName());

    private final Caller caller;
    private final Operation op;
    private final Map<String, Object> params;
    private final Object body;
    private final ObjectNode jsonBody;
    /** True when the body is given as arguments (no body, and the operation's body has named fields). */
    private final boolean bodyAsArguments;
    private final Integer pageSize;
    private final int maxPages;
    private final Set<String> seenCursors = new HashSet<>();
    private final SeenPages seenPages = new SeenPages();
    private PageStyle style;
    private long offset;
    private String cursor;
    private int pages;
    private long delivered;
    private boolean done;
    private ApiResponse buffered;
    private PaginationException pendingStop;

    PageCursor(Caller caller, Operation op, Map<String, ?> params, Object body, Integer pageSize, int maxPages) {
        this.caller = caller;
        this.op = op;
        this.params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
        Object given = body;
        String bodyName = op.bodyParameter().map(Parameter::name).orElse(null);
        if (given == null && bodyName != null && this.params.containsKey(bodyName)) {
            // The body given under its parameter name is the body, to page in like any other.
            given = this.params.remove(bodyName);
        }
        ObjectNode parsed = jsonObject(caller, given);
        this.bodyAsArguments = given == null && PageStyle.bodyFields(op) != null;
        this.style = PageStyle.of(op, parsed != null || bodyAsArguments);
        boolean pagesInBody = style == PageStyle.BODY_OFFSET || style == PageStyle.BODY_AFTER;
        // Only a body that pages is replaced by its parsed copy; any other is sent exactly as given.
        this.jsonBody = pagesInBody ? parsed : null;
        this.body = pagesInBody && parsed != null ? parsed : given;
        this.pageSize = pageSize != null ? pageSize : defaultPageSize();
        this.maxPages = maxPages;
        this.offset = startOffset();
    }

    PageStyle style() {
        return style;
    }

    /** The caller's limit, else the operation's maximum {@code limit}, else the server's default. */
    private Integer defaultPageSize() {
        Object given = inBody() ? bodyArgument("limit") : params.get("limit");
        if (given != null) {
            return (int) PageArguments.whole(op.id(), "limit", location(), given, 1, Integer.MAX_VALUE);
        }
        Parameter limit = PageStyle.query(op, "limit");
        // A manifest may declare a maximum past int (or fractional); intValue() alone would wrap it negative.
        return limit != null && limit.maximum() != null && limit.maximum().signum() > 0
                ? limit.maximum().min(BigDecimal.valueOf(Integer.MAX_VALUE)).max(BigDecimal.ONE).intValue() : null;
    }

    private long startOffset() {
        Object given = style == PageStyle.BODY_OFFSET ? bodyArgument("offset")
                : style == PageStyle.OFFSET ? params.get("offset") : null;
        return given == null ? 0 : PageArguments.whole(op.id(), "offset", location(), given, 0, Long.MAX_VALUE);
    }

    /**
     * The body as a JSON object to page in: a map or object node, or text that is exactly one JSON object
     * (numbers kept exact); else null. Bytes are not read: they are sent as they are.
     */
    private static ObjectNode jsonObject(Caller caller, Object body) {
        if (body instanceof Map<?, ?> || body instanceof ObjectNode) {
            return caller.mapper().valueToTree(body);
        }
        if (body instanceof CharSequence text) {
            try {
                JsonNode tree = caller.mapper().reader()
                        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .readTree(text.toString());
                return tree instanceof ObjectNode object ? object : null;
            } catch (IOException e) {
                // Not one JSON object: sent as it is, in one request; the call itself reports what is wrong.
                return null;
            }
        }
        return null;
    }

    private Object bodyArgument(String name) {
        if (bodyAsArguments) {
            return params.get(name);
        }
        JsonNode value = jsonBody.get(name);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private String location() {
        return inBody() ? "body" : "query";
    }

    private boolean inBody() {
        return style == PageStyle.BODY_OFFSET || style == PageStyle.BODY_AFTER;
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
            page = caller.command(op.id(), params, body);
        } catch (FalconHarnessException e) {
            throw new PaginationException("page " + (pages + 1) + " of " + op.id() + " failed after " + delivered
                    + " records: " + e.getMessage(), pages, delivered, null, e);
        }
        if (!page.isSuccessful()) {
            throw new PaginationException("page " + (pages + 1) + " of " + op.id() + " failed with HTTP " + page.statusCode()
                    + " after " + delivered + " records" + (page.errors().isEmpty() ? "" : ": " + page.errors())
                    + (page.traceId() != null ? " [trace id " + page.traceId() + "]" : ""), pages, delivered, page, null);
        }
        JsonNode records = page.body().path("resources");
        int repeated = seenPages.repeatOf(records, pages + 1);
        if (repeated > 0) {
            throw repeatedPage(repeated, page);
        }
        int count = records.size();
        pages++;
        delivered += count;
        advance(page.pagination(), count);
        return page;
    }

    /** The server answered a cursor or offset with records it had sent: going on would only repeat them. */
    private PaginationException repeatedPage(int earlier, ApiResponse page) {
        String how = switch (style) {
            case OFFSET, BODY_OFFSET -> "offset " + offset;
            case SINGLE -> "the same request";
            case BODY_AFTER -> "after cursor";
            default -> style.name().toLowerCase(Locale.ROOT) + " cursor";
        };
        return new PaginationException("stopped after " + delivered + " records: page " + (pages + 1) + " of " + op.id()
                + " repeats the records of page " + earlier + ", so the server ignored the " + how + " it was sent."
                + " Nothing was delivered twice; page with another operation or a narrower filter", pages, delivered, page, null);
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
                putInBody("offset", offset);
                if (pageSize != null) {
                    putInBody("limit", pageSize.longValue());
                }
            }
            case BODY_AFTER -> {
                if (cursor != null) {
                    putInBody("after", cursor);
                }
                if (pageSize != null) {
                    putInBody("limit", pageSize.longValue());
                }
            }
            case SINGLE -> { }
        }
    }

    /** Sets a field of the body: in the JSON object, or as an argument when the body is given as arguments. */
    private void putInBody(String name, Object value) {
        if (bodyAsArguments) {
            params.put(name, value);
        } else if (value instanceof String text) {
            jsonBody.put(name, text);
        } else {
            jsonBody.put(name, ((Number) value).longValue());
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
        if (style == PageStyle.OFFSET && followsCursor(pagination)) {
            return;
        }
        switch (style) {
            case OFFSET, BODY_OFFSET -> nextOffset(pagination, count);
            case SCROLL -> nextCursor(pagination, pagination.offset());
            case AFTER, BODY_AFTER -> nextCursor(pagination, pagination.after());
            case NEXT_TOKEN -> nextCursor(pagination, pagination.nextToken());
            default -> done = true;
        }
    }

    /**
     * Goes on with the {@code next_token} or {@code after} cursor the answer gives, where the operation
     * takes one: the answer knows better than the manifest (a server may honour only its cursor), and
     * cursors have no 10,000-record limit. True when it did.
     */
    private boolean followsCursor(Pagination pagination) {
        if (pagination.total().isPresent() && delivered >= pagination.total().getAsLong()) {
            return false;
        }
        if (PageStyle.query(op, "after") != null && pagination.after().isPresent()) {
            switchTo(PageStyle.AFTER, pagination.after().get());
            return true;
        }
        if (PageStyle.query(op, "next_token") != null && pagination.nextToken().isPresent()) {
            switchTo(PageStyle.NEXT_TOKEN, pagination.nextToken().get());
            return true;
        }
        return false;
    }

    private void nextOffset(Pagination pagination, int count) {
        offset += count;
        if (pagination.isEmpty() || (pageSize != null && count < pageSize && pagination.total().isEmpty())) {
            done = true;
        } else if (pagination.total().isPresent() && offset >= pagination.total().getAsLong()) {
            done = true;
        } else if (style == PageStyle.OFFSET && offset >= OFFSET_LIMIT) {
            stopAtOffsetLimit(pagination);
        }
    }

    /** The answers gave no cursor to go on with (those are followed at once), so stop at the limit. */
    private void stopAtOffsetLimit(Pagination pagination) {
        // Raised on the next fetch, so this page's records are delivered first.
        pendingStop = new PaginationException("stopped after " + delivered + " records: " + op.id() + " pages with integer"
                + " offsets, which the API refuses past " + OFFSET_LIMIT + " (total: "
                + pagination.total().orElse(-1) + "). Narrow the filter (by time, say) or use an operation that pages"
                + " with a scroll token or an after cursor", pages, delivered, null, null);
    }

    private void switchTo(PageStyle cursorStyle, String first) {
        LOG.log(Level.DEBUG, () -> op.id() + " answered with a " + cursorStyle.name().toLowerCase(Locale.ROOT)
                + " cursor after " + delivered + " records; following it instead of offsets");
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
