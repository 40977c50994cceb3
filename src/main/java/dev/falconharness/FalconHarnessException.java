package dev.falconharness;

/**
 * The base of every exception the harness throws. Messages never contain secrets or tokens.
 *
 * <ul>
 *   <li>{@link ValidationException}: the call's arguments are wrong; nothing was sent.</li>
 *   <li>{@link AuthenticationException}: no token could be had; the call was not sent.</li>
 *   <li>{@link NetworkException}: the request or response did not make it across the network.</li>
 *   <li>{@link ApiException}: thrown by {@link ApiResponse#orThrow()} for a non-2xx answer.</li>
 *   <li>{@link UnknownOperationException}: the manifest has no operation of that ID.</li>
 *   <li>{@link PaginationException}: paging stopped before the last record.</li>
 *   <li>{@link dev.falconharness.manifest.ManifestException}: a manifest breaks the format's rules
 *       (fix the manifest, not the call).</li>
 *   <li>{@link dev.falconharness.openapi.ImportException}: a Swagger or OpenAPI spec could not be imported.</li>
 * </ul>
 *
 * <p>So one {@code catch (FalconHarnessException e)} covers everything the library throws on purpose;
 * {@link IllegalArgumentException} is kept for programming mistakes in builder settings (a negative
 * timeout, say), as the JDK does.
 */
public abstract class FalconHarnessException extends RuntimeException {
    protected FalconHarnessException(String message) {
        super(message);
    }

    protected FalconHarnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
