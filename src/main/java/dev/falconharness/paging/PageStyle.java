package dev.falconharness.paging;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;

/**
 * The ways Falcon pages results, told apart from an operation's manifest entry. A response can still
 * change the plan: an integer-offset operation that also takes {@code after} or {@code next_token}
 * switches to that cursor as soon as an answer carries one.
 */
public enum PageStyle {
    /** Integer {@code offset} and {@code limit} in the query; {@code meta.pagination.total} says when to stop. */
    OFFSET,
    /** A string {@code offset} scroll token, returned in {@code meta.pagination.offset}. */
    SCROLL,
    /** An {@code after} cursor, returned in {@code meta.pagination.after}. */
    AFTER,
    /** A {@code next_token}, returned in {@code meta.pagination.next_token}. */
    NEXT_TOKEN,
    /** {@code offset} and {@code limit} inside the JSON body. */
    BODY_OFFSET,
    /** No paging: one request. */
    SINGLE;

    /** The style of {@code op}; {@code jsonBody} tells whether the caller's body is a JSON object. */
    public static PageStyle of(Operation op, boolean jsonBody) {
        Parameter offset = query(op, "offset");
        if (query(op, "after") != null && (offset == null || offset.type() != ParamType.INTEGER)) {
            return AFTER;
        }
        if (offset != null) {
            return offset.type() == ParamType.INTEGER ? OFFSET : SCROLL;
        }
        if (query(op, "next_token") != null) {
            return NEXT_TOKEN;
        }
        return jsonBody && op.has(Location.BODY) ? BODY_OFFSET : SINGLE;
    }

    static Parameter query(Operation op, String name) {
        Parameter p = op.parameter(name);
        return p != null && p.location() == Location.QUERY ? p : null;
    }
}
