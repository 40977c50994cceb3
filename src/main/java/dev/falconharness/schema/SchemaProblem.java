package dev.falconharness.schema;

/**
 * One way a value does not match a {@link Schema}, or one mistake in a schema itself.
 *
 * @param pointer the JSON pointer (RFC 6901) of the offending value, {@code ""} for the whole value;
 *                e.g. {@code /resources/0/action_parameters/1/name}
 * @param path    the same place for people, starting with the name the caller gave the value:
 *                {@code body.resources[0].action_parameters[1].name}
 * @param message what is wrong and, where it can tell, what would be right
 */
public record SchemaProblem(String pointer, String path, String message) {
    /** A problem whose place is given by its pointer only. */
    public SchemaProblem(String pointer, String message) {
        this(pointer, pointer, message);
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + ": " + message;
    }
}
