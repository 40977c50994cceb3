package dev.falconharness;

import dev.falconharness.schema.SchemaProblem;
import java.util.List;

/**
 * Thrown by {@link ApiResponse#checkSchema()}: the response does not match the schema the manifest
 * documents for its operation and status. Lists every mismatch with its JSON pointer, for test
 * harnesses that hold an API (or a fake of it) to its published shapes.
 *
 * <pre>{@code
 * Response of GetRoles (200) does not match its schema: 2 problems
 *   - /meta/trace_id: missing required field (a string)
 *   - /resources/0/display_name: expected a string, got integer 5
 * }</pre>
 */
public class SchemaMismatchException extends FalconHarnessException {
    private final List<SchemaProblem> problems;

    public SchemaMismatchException(String operationId, int status, List<SchemaProblem> problems) {
        super(describe(operationId, status, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every mismatch found, each with its pointer. */
    public List<SchemaProblem> problems() {
        return problems;
    }

    private static String describe(String operationId, int status, List<SchemaProblem> problems) {
        StringBuilder out = new StringBuilder("Response of ").append(operationId).append(" (").append(status)
                .append(") does not match its schema: ");
        if (problems.size() == 1) {
            return out.append(line(problems.get(0))).toString();
        }
        out.append(problems.size()).append(" problems");
        problems.forEach(p -> out.append("\n  - ").append(line(p)));
        return out.toString();
    }

    private static String line(SchemaProblem problem) {
        return (problem.pointer().isEmpty() ? "(the body)" : problem.pointer()) + ": " + problem.message();
    }
}
