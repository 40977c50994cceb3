package dev.falconharness.paging;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.schema.Schema;
import java.util.Set;

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
    /** An {@code after} cursor and {@code limit} inside the JSON body, returned in {@code meta.pagination.after}. */
    BODY_AFTER,
    /** No paging: one request. */
    SINGLE;

    /**
     * The style of {@code op}; {@code jsonBody} tells whether the caller's body is a JSON object (or given as
     * arguments naming its fields). A body's
     * schema, when the manifest has one, says whether it pages by {@code after} or by {@code offset}, or
     * not at all; without a schema, a JSON body is taken to page by {@code offset}.
     */
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
        if (!jsonBody || !op.has(Location.BODY)) {
            return SINGLE;
        }
        Set<String> fields = bodyFields(op);
        if (fields == null || fields.contains("offset")) {
            return BODY_OFFSET;
        }
        return fields.contains("after") ? BODY_AFTER : SINGLE;
    }

    /** The properties the body's object schema names, or null when the manifest gives no such schema. */
    static Set<String> bodyFields(Operation op) {
        Schema schema = op.bodySchema().map(Schema::resolved).orElse(null);
        return schema == null || schema.properties().isEmpty() ? null : schema.properties().keySet();
    }

    static Parameter query(Operation op, String name) {
        Parameter p = op.parameter(name);
        return p != null && p.location() == Location.QUERY ? p : null;
    }
}
