package dev.falconharness;

import java.util.List;

/** The operation ID is not in the harness's manifest. Carries the closest IDs that are. */
public final class UnknownOperationException extends ValidationException {
    private final List<String> suggestions;

    public UnknownOperationException(String operationId, List<String> suggestions, int manifestSize) {
        super(operationId, List.of(new Problem(null, null, message(operationId, suggestions, manifestSize))));
        this.suggestions = List.copyOf(suggestions);
    }

    /** The closest operation IDs, best first; may be empty. */
    public List<String> suggestions() {
        return suggestions;
    }

    private static String message(String operationId, List<String> suggestions, int manifestSize) {
        String hint = suggestions.isEmpty()
                ? "no operation has a similar name"
                : "did you mean " + String.join(", ", suggestions) + "?";
        return "unknown operation \"" + operationId + "\" (IDs are case-sensitive; the manifest has "
                + manifestSize + " operations): " + hint;
    }
}
