package dev.falconharness.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a handler answers: a status, the envelope's {@code resources} and {@code errors}, optional
 * {@code meta.pagination} and {@code meta.writes}, extra headers; or, for the token endpoint, a plain
 * JSON body instead of the envelope. Immutable; the {@code with...} methods return changed copies.
 *
 * @param status     the HTTP status
 * @param resources  the resources (strings, maps, JSON nodes)
 * @param errors     the errors, each {@code {code, message}} and optionally {@code id}
 * @param pagination {@code meta.pagination}, or null for none
 * @param affected   {@code meta.writes.resources_affected}, or null for none
 * @param headers    headers added to the standard ones (they win over the defaults)
 * @param rawBody    a body sent as it is instead of the envelope (the token response), or null
 */
record Reply(int status, List<Object> resources, List<Map<String, Object>> errors, Map<String, Object> pagination,
        Integer affected, Map<String, String> headers, Object rawBody) {

    Reply {
        resources = Collections.unmodifiableList(new ArrayList<>(resources));
        errors = List.copyOf(errors);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A JSON object of these keys and values, in this order ({@code Map.of} iterates in an order that changes
     * from one JVM to the next, so answers built from it would differ between runs).
     */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** 200 with these resources. */
    static Reply ok(List<?> resources) {
        return of(200, resources);
    }

    /** 201 with these resources. */
    static Reply created(List<?> resources) {
        return of(201, resources);
    }

    static Reply of(int status, List<?> resources) {
        return new Reply(status, new ArrayList<>(resources), List.of(), null, null, Map.of(), null);
    }

    /** An error envelope: no resources, one error whose code is the status. */
    static Reply error(int status, String message) {
        return new Reply(status, List.of(), List.of(error(status, message, null)), null, null, Map.of(), null);
    }

    /** A plain JSON body (a map or node), not wrapped in the envelope. */
    static Reply raw(int status, Object body) {
        return new Reply(status, List.of(), List.of(), null, null, Map.of(), body);
    }

    /** One entry of {@code errors}. */
    static Map<String, Object> error(int code, String message, String id) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (id != null) {
            error.put("id", id);
        }
        return error;
    }

    /**
     * The real API's answer to a multi-ID lookup: what was found, plus a 404 error per missing ID; the
     * status is 404 only when nothing was found.
     */
    static Reply lookup(List<?> found, List<String> missing, String what) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String id : missing) {
            errors.add(error(404, what + " not found: " + id, id));
        }
        int status = found.isEmpty() && !missing.isEmpty() ? 404 : 200;
        return new Reply(status, new ArrayList<>(found), errors, null, null, Map.of(), null);
    }

    Reply withPagination(long offset, long limit, long total) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("total", total);
        return new Reply(status, resources, errors, page, affected, headers, rawBody);
    }

    /**
     * The same reply with another status; the envelope's own error (the one without an {@code id}, whose
     * code was the old status) follows it, per-ID errors keep their codes.
     */
    Reply withStatus(int newStatus) {
        List<Map<String, Object>> moved = new ArrayList<>();
        for (Map<String, Object> error : errors) {
            if (!error.containsKey("id") && Integer.valueOf(status).equals(error.get("code"))) {
                Map<String, Object> copy = new LinkedHashMap<>(error);
                copy.put("code", newStatus);
                moved.add(copy);
            } else {
                moved.add(error);
            }
        }
        return new Reply(newStatus, resources, moved, pagination, affected, headers, rawBody);
    }

    Reply withAffected(int count) {
        return new Reply(status, resources, errors, pagination, count, headers, rawBody);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, resources, errors, pagination, affected, more, rawBody);
    }

    boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }
}
