package dev.falconharness;

/**
 * The base of every exception the harness throws. Messages never contain secrets or tokens.
 *
 * <ul>
 *   <li>{@link ValidationException}: the call's arguments are wrong; nothing was sent.</li>
 *   <li>{@link AuthenticationException}: no token could be had; the call was not sent.</li>
 *   <li>{@link NetworkException}: the request or response did not make it across the network.</li>
 *   <li>{@link ApiException}: thrown by {@link ApiResponse#orThrow()} for a non-2xx answer.</li>
 * </ul>
 */
public abstract class FalconHarnessException extends RuntimeException {
    protected FalconHarnessException(String message) {
        super(message);
    }

    protected FalconHarnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
