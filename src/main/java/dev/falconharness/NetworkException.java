package dev.falconharness;

/**
 * The request or its response did not make it across the network: connection refused or reset, a
 * timeout, a TLS failure. The message names the operation, method and URL (secrets masked) and the
 * cause; {@link #getCause()} is the original {@link java.io.IOException}.
 */
public final class NetworkException extends FalconHarnessException {
    private final boolean timeout;

    public NetworkException(String message, Throwable cause, boolean timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** True when the call ran out of time (connect or response). */
    public boolean isTimeout() {
        return timeout;
    }
}
