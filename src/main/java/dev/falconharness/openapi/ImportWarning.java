package dev.falconharness.openapi;

/**
 * Something the importer changed, derived or left out while turning a spec into a manifest, with the
 * place in the spec it is about.
 *
 * <pre>{@code
 * at /paths/~1tickets/get/parameters/3 (operation listTickets): style deepObject cannot be expressed
 * in a manifest; parameter "filter" skipped
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param pointer     JSON pointer into the spec, e.g. {@code /paths/~1users~1{id}/get/parameters/0}
 *                    ({@code ""} for the whole document); for a shared {@code $ref} definition, the
 *                    definition's own place, such as {@code /components/parameters/limit}
 * @param operationId the manifest operation the warning concerns, or null for document-level warnings
 * @param message     what happened and, where it helps, what to do about it
 */
public record ImportWarning(String pointer, String operationId, String message) {

    @Override
    public String toString() {
        String at = "at " + (pointer.isEmpty() ? "/" : pointer);
        return at + (operationId == null ? "" : " (operation " + operationId + ")") + ": " + message;
    }
}
