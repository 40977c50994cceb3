package dev.falconharness;

/**
 * What the harness does when a request body does not match the operation's schema (manifest format 2).
 * Set with {@link HarnessBuilder#bodyValidation(BodyValidation)}; the default is {@link #REFUSE}.
 *
 * <pre>{@code
 * Harness falcon = Harness.builder().credentials(creds).bodyValidation(BodyValidation.WARN).build();
 * }</pre>
 *
 * <p>Schemas are taken from a snapshot of the API and can lag it: a field the API gained last week is
 * "unknown" to an older manifest. {@link #WARN} sends such a body anyway and logs what it found;
 * {@link #OFF} sends it unchecked. Mistakes in the call itself (a missing path parameter, a body given
 * twice) are refused whatever this says.
 */
public enum BodyValidation {
    /** Refuse the call with a {@link ValidationException} listing every body problem; nothing is sent. */
    REFUSE,
    /**
     * Send the body as given and log each problem at {@code WARNING} through {@link System.Logger}
     * (logger {@code dev.falconharness.request.RequestFactory}).
     */
    WARN,
    /** Do not check bodies against their schemas. */
    OFF
}
