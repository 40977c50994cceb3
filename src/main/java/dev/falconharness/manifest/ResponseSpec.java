package dev.falconharness.manifest;

import dev.falconharness.schema.Schema;
import java.util.Objects;
import java.util.Optional;

/**
 * One documented response of an {@link Operation} (manifest format 2): for a status code or for every
 * other status ({@code default}), a description and, when the response has a body, its schema.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ResponseSpec ok = ResponseSpec.of("200", "OK", schema);
 * ok.schema();   // Optional[Schema{...}]
 * }</pre>
 */
public final class ResponseSpec {
    private final String status;
    private final String description;
    private final Schema schema;

    private ResponseSpec(String status, String description, Schema schema) {
        // Interned: 8,000 responses of the built-in manifest say "OK", "Bad Request"... in a few dozen ways.
        this.status = Objects.requireNonNull(status, "status").intern();
        this.description = description == null ? null : description.intern();
        this.schema = schema;
    }

    /**
     * @param status      a status code ({@code "200"}) or {@code "default"}
     * @param description what the response means, or null
     * @param schema      the body's schema, or null when the response declares no body
     */
    public static ResponseSpec of(String status, String description, Schema schema) {
        return new ResponseSpec(status, description, schema);
    }

    /** The status code as written ({@code "201"}), or {@code "default"}. */
    public String status() { return status; }
    public String description() { return description; }
    /** The body's schema; empty when the response declares no body. */
    public Optional<Schema> schema() { return Optional.ofNullable(schema); }

    @Override
    public String toString() {
        return "ResponseSpec{" + status + (schema == null ? "" : " " + schema) + "}";
    }
}
