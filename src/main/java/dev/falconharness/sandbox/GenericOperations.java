package dev.falconharness.sandbox;

import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers every manifest operation the sandbox does not model: 200 with a well-formed, empty envelope
 * (with {@code meta.pagination} where the operation pages), after checking that the required query
 * parameters are there. Dynamic tooling can call any operation ID and get an answer it can parse.
 */
final class GenericOperations {
    private static final int DEFAULT_LIMIT = 100;

    private GenericOperations() {
    }

    /** The handler for the operations that share one method and path. */
    static Handler handler(List<Operation> ops) {
        List<String> required = requiredQuery(ops);
        boolean paged = ops.stream().anyMatch(op -> isQuery(op.parameter("limit")));
        return request -> {
            List<String> missing = required.stream().filter(name -> request.queryList(name).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw SandboxError.badRequest("missing required query parameter(s) " + String.join(", ", missing)
                        + " for " + String.join(" / ", ops.stream().map(Operation::id).toList()));
            }
            Reply reply = Reply.ok(List.of());
            return paged ? reply.withPagination(lenientInt(request.query("offset"), 0),
                    lenientInt(request.query("limit"), DEFAULT_LIMIT), 0) : reply;
        };
    }

    /** Query parameters every operation at this route requires (IDs sharing a route may differ). */
    private static List<String> requiredQuery(List<Operation> ops) {
        List<String> required = new ArrayList<>();
        for (Parameter p : ops.get(0).parameters()) {
            if (p.location() == Location.QUERY && p.required()
                    && ops.stream().allMatch(op -> op.parameter(p.name()) != null && op.parameter(p.name()).required())) {
                required.add(p.name());
            }
        }
        return List.copyOf(required);
    }

    private static boolean isQuery(Parameter p) {
        return p != null && p.location() == Location.QUERY;
    }

    /** Offsets may be scroll tokens rather than numbers; those page from the start. */
    private static int lenientInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
