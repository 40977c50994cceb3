package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an operation promises on the wire, as far as the sandbox holds it to that: the shape of its JSON
 * body (checked before the handler runs) and the status codes it documents (an answer with any other
 * status is moved to the closest documented one, as typed clients can decode only those). Immutable.
 *
 * @param body       the body's hand-written shape, or null
 * @param documented the documented status codes; empty means "any" (operations without a contract)
 * @param schemaBody the body's check from the manifest's schema, used when there is no hand-written shape
 */
record Contract(BodyShape body, SortedSet<Integer> documented, SchemaBody schemaBody) {
    /** No body check, any status: operations the sandbox has no contract for. */
    static final Contract NONE = new Contract(null, new TreeSet<>(), null);

    Contract {
        documented = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(documented));
    }

    static Contract of(BodyShape body, Integer... statuses) {
        return new Contract(body, new TreeSet<>(List.of(statuses)), null);
    }

    /** A contract from the manifest: the body checked against its schema (or not at all when null). */
    static Contract of(SchemaBody schemaBody, SortedSet<Integer> documented) {
        return new Contract(null, documented, schemaBody);
    }

    /** The request with its body checked and stripped to the known fields; 400 for a bad body. */
    SandboxRequest checkBody(SandboxRequest request) {
        if (body == null) {
            if (schemaBody == null) {
                return request;
            }
            JsonNode kept = schemaBody.check(request.body());
            return kept == null ? request : request.withJson(kept);
        }
        return request.withJson(body.check(request.jsonObject("a JSON object (" + body.name() + ") with "
                + String.join(", ", body.fields().keySet()))));
    }

    /** The reply, its status moved to the closest documented one if the operation does not document it. */
    Reply documented(Reply reply) {
        if (documented.isEmpty() || documented.contains(reply.status())) {
            return reply;
        }
        return reply.withStatus(closest(reply.status()));
    }

    private int closest(int status) {
        if (status < 300) {
            return documented.stream().filter(s -> s < 300).findFirst().orElse(status);
        }
        if (status >= 500) {
            return documented.contains(500) ? 500 : status;
        }
        // A client error the operation does not document (404, 409): its generic 400 says "your input".
        for (int candidate : List.of(400, 404, 403)) {
            if (documented.contains(candidate)) {
                return candidate;
            }
        }
        return status;
    }
}
