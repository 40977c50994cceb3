package dev.falconharness.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when it stops being valid. {@link #toString()} never shows the token.
 *
 * @param value     the token itself
 * @param expiresAt when the server stops accepting it ({@link Instant#MAX} when unknown)
 */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The {@code Authorization} header value. */
    public String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken{[redacted], expiresAt=" + expiresAt + "}";
    }
}
