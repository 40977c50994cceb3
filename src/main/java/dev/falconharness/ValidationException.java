package dev.falconharness;

import java.util.List;

/**
 * A call was refused before any network I/O because its arguments do not fit the operation. The
 * message lists every problem, one per line, each naming the parameter, its location and what to do.
 *
 * <pre>{@code
 * Invalid call to GetRoles: 2 problems
 *   - ids (query): missing required parameter
 *   - idz: unknown parameter; did you mean ids? GetRoles takes: ids
 * }</pre>
 */
public class ValidationException extends FalconHarnessException {
    private final String operationId;
    private final List<Problem> problems;

    public ValidationException(String operationId, List<Problem> problems) {
        super(describe(operationId, problems));
        this.operationId = operationId;
        this.problems = List.copyOf(problems);
    }

    /** The operation that was called, or null for a raw request. */
    public String operationId() {
        return operationId;
    }

    /** Every problem found, in the order of the operation's parameters. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String operationId, List<Problem> problems) {
        String call = operationId == null ? "request" : "call to " + operationId;
        if (problems.size() == 1) {
            return "Invalid " + call + ": " + problems.get(0);
        }
        StringBuilder out = new StringBuilder("Invalid ").append(call).append(": ")
                .append(problems.size()).append(" problems");
        for (Problem problem : problems) {
            out.append("\n  - ").append(problem);
        }
        return out.toString();
    }

    /**
     * One thing wrong with a call.
     *
     * @param parameter the parameter name, or null for a problem with the call as a whole; for a problem
     *                  inside the body, the field's path from the body parameter: {@code body.ids[0]}
     * @param location  where the parameter travels ({@code query}, {@code body}...), or null if unknown
     * @param message   what is wrong and how to fix it
     * @param pointer   for a problem inside the body, the JSON pointer of the offending value in the body
     *                  ({@code /resources/0/action_parameters/1/name}, {@code ""} for the body as a whole);
     *                  null for other problems
     */
    public record Problem(String parameter, String location, String message, String pointer) {
        /** A problem that is not inside the body. */
        public Problem(String parameter, String location, String message) {
            this(parameter, location, message, null);
        }

        @Override
        public String toString() {
            if (parameter == null) {
                return message;
            }
            if (pointer != null) {
                // The path already says it is in the body; deep ones also give the pointer to find it by.
                return parameter + ": " + message + (pointer.indexOf('/', 1) > 0 ? " (at " + pointer + ")" : "");
            }
            return parameter + (location == null ? "" : " (" + location + ")") + ": " + message;
        }
    }
}
