package dev.falconharness.manifest;

/**
 * One mistake found in a manifest: where it is and what is wrong.
 *
 * @param source      the file or resource name
 * @param operationId the operation it is in, or null for a problem outside any operation
 * @param pointer     the JSON pointer to the offending value, e.g. {@code /operations/12/parameters/0/in}
 * @param message     what is wrong and, where possible, how to fix it
 */
public record ManifestProblem(String source, String operationId, String pointer, String message) {

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source);
        if (operationId != null) {
            out.append(": operation ").append(operationId);
        }
        if (pointer != null) {
            out.append(" at ").append(pointer.isEmpty() ? "/" : pointer);
        }
        return out.append(": ").append(message).toString();
    }
}
