package dev.falconharness.openapi;

import dev.falconharness.FalconHarnessException;
import java.util.List;

/**
 * A spec could not be imported at all: it is not valid JSON or YAML, it is not a Swagger 2.0 or
 * OpenAPI 3.x document, two operations share an operationId, or the manifest built from it failed the
 * loader's checks. Parts of a spec that merely cannot be mapped are {@link ImportWarning}s instead.
 *
 * <p>The message lists every problem, one per line, each with its JSON pointer into the spec:
 * <pre>
 * Cannot import tickets.yaml: 1 problem
 *   - at /paths/~1tickets/post/operationId: operationId "createTicket" is also used at /paths/~1drafts/post/operationId
 * </pre>
 */
public final class ImportException extends FalconHarnessException {
    private final String source;
    private final List<Problem> problems;

    /**
     * One reason the import failed.
     *
     * @param pointer JSON pointer into the spec ({@code ""} for the whole document), or, when the
     *                generated manifest failed its checks, into that manifest
     * @param message what is wrong
     */
    public record Problem(String pointer, String message) {
        @Override
        public String toString() {
            return "at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    ImportException(String source, List<Problem> problems, Throwable cause) {
        super(describe(source, problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    ImportException(String source, String pointer, String message) {
        this(source, List.of(new Problem(pointer, message)), null);
    }

    /** The name of the spec that failed, as given to the importer. */
    public String source() {
        return source;
    }

    /** Every problem found, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        if (problems.size() == 1) {
            return "Cannot import " + source + ": " + problems.get(0);
        }
        StringBuilder out = new StringBuilder("Cannot import ").append(source).append(": ")
                .append(problems.size()).append(" problems");
        problems.forEach(problem -> out.append("\n  - ").append(problem));
        return out.toString();
    }
}
