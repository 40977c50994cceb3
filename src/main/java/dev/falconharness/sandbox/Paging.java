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

    /** Reads {@code offset} (default 0) and {@code limit} (default and maximum as the operation documents). */
    static Paging of(SandboxRequest request, int defaultLimit, int maxLimit) {
        return new Paging(request.integer("offset", 0, 0, MAX_OFFSET - 1),
                request.integer("limit", defaultLimit, 1, maxLimit));
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
