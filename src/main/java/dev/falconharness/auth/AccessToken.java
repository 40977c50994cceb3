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

    /**
     * Whether {@code value} can travel in an {@code Authorization} header as it is: one or more visible
     * ASCII characters (RFC 6750's token characters and then some), no space, no control character. A
     * token that is not must never reach the JDK, whose error would echo it.
     */
    public static boolean isSendable(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
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
