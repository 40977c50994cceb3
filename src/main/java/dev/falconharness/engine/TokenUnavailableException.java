package dev.falconharness.engine;

import dev.falconharness.http.RawResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * The token a call needs could not be had for a reason that may pass: the token endpoint answered 429
 * or 5xx, or the token request was lost on the network. The call itself was never sent, so it is safe to
 * try again whatever its method; the retry loop of the call does, counting it as one attempt. If no
 * attempt is left, {@link #finalFailure()} is what the caller is given.
 */
public final class TokenUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient RawResponse response;
    private final RuntimeException finalFailure;

    /**
     * @param response     the token endpoint's answer, or null when there was none
     * @param finalFailure what to report if no retry is left (an authentication error naming the
     *                     status), or null to report the network failure that is the cause
     */
    public TokenUnavailableException(String message, RawResponse response, RuntimeException finalFailure, IOException cause) {
        super(message, cause);
        this.response = response;
        this.finalFailure = finalFailure;
    }

    /** The token endpoint's answer (its status and {@code Retry-After}), or null when none came. */
    public RawResponse response() {
        return response;
    }

    /** The exception to give the caller when the call is not retried; null to report the cause. */
    public RuntimeException finalFailure() {
        return finalFailure;
    }

    /** The status the token endpoint answered, or 0 when it did not answer. */
    public int status() {
        return response == null ? 0 : response.status();
    }

    /** The network failure beneath, if any. */
    public IOException networkCause() {
        return getCause() instanceof IOException io ? io : null;
    }

    @Override
    public String toString() {
        return "TokenUnavailableException: " + Objects.toString(getMessage(), "");
    }
}
