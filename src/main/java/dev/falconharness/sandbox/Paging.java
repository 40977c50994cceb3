package dev.falconharness.sandbox;

import java.util.List;

/**
 * Integer {@code offset} and {@code limit} as Falcon's query operations take them, and the page they
 * select. Offsets stop at 10,000 as on the real API.
 *
 * @param offset where the page starts
 * @param limit  the most records on the page
 */
record Paging(int offset, int limit) {
    static final int MAX_OFFSET = 10_000;

    /**
     * Reads {@code offset} (default 0) and {@code limit} (default and maximum as the operation documents);
     * a page past the 10,000th record is refused ({@link #checkCeiling}).
     */
    static Paging of(SandboxRequest request, int defaultLimit, int maxLimit) {
        return of(request, defaultLimit, maxLimit, "narrow the filter to page within the first " + MAX_OFFSET);
    }

    /** As {@link #of(SandboxRequest, int, int)}; the refusal says how to page further: {@code further}. */
    static Paging of(SandboxRequest request, int defaultLimit, int maxLimit, String further) {
        Paging paging = new Paging(request.integer("offset", 0, 0, Integer.MAX_VALUE),
                request.integer("limit", defaultLimit, 1, maxLimit));
        checkCeiling(paging.offset, paging.limit, further);
        return paging;
    }

    /**
     * Refuses (400) a page that reaches past the 10,000th record, as the API refuses {@code offset + limit}
     * over 10,000; {@code further} says how to page past it (a scroll or an {@code after} cursor).
     */
    static void checkCeiling(int offset, int limit, String further) {
        if ((long) offset + limit > MAX_OFFSET) {
            throw SandboxError.badRequest("offset + limit must be at most " + MAX_OFFSET + ", got " + offset + " + "
                    + limit + "; " + further);
        }
    }

    /** This page of {@code all}, possibly empty. */
    <T> List<T> slice(List<T> all) {
        if (offset >= all.size()) {
            return List.of();
        }
        return all.subList(offset, Math.min(all.size(), offset + limit));
    }

    /** {@code resources} = this page of {@code all}, with {@code meta.pagination}. */
    Reply reply(List<?> all) {
        return Reply.ok(slice(all)).withPagination(offset, limit, all.size());
    }
}
