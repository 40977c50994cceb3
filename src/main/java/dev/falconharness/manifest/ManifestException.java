package dev.falconharness.manifest;

import dev.falconharness.FalconHarnessException;
import java.util.List;

/**
 * A manifest could not be loaded: it is not valid JSON or it breaks the format's rules. This is a
 * definition mistake (fix the manifest), unlike a call-time validation error (fix the arguments).
 *
 * <p>The message lists every problem found, one per line, each naming the file, the operation and the
 * JSON pointer, so a manifest can be fixed in one pass.
 */
public final class ManifestException extends FalconHarnessException {
    private final List<ManifestProblem> problems;

    public ManifestException(List<ManifestProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public ManifestException(ManifestProblem problem, Throwable cause) {
        super(describe(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, in document order. */
    public List<ManifestProblem> problems() {
        return problems;
    }

    private static String describe(List<ManifestProblem> problems) {
        if (problems.size() == 1) {
            return "Invalid manifest: " + problems.get(0);
        }
        StringBuilder out = new StringBuilder("Invalid manifest: ").append(problems.size()).append(" problems");
        for (ManifestProblem problem : problems) {
            out.append("\n  - ").append(problem);
        }
        return out.toString();
    }
}
