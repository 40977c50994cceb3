package dev.falconharness.engine;

import dev.falconharness.auth.AccessToken;
import dev.falconharness.auth.TokenSource;
import java.time.Instant;

/** A bearer token given by the caller, used as it is: never refreshed and never revoked. */
public final class StaticTokenSource implements TokenSource {
    private final AccessToken token;

    /**
     * @param token the token; surrounding whitespace (a token read from a file ends with a newline) is dropped
     * @throws IllegalArgumentException if the token holds a space, control or non-ASCII character (the
     *                                  message never shows it)
     */
    public StaticTokenSource(String token) {
        String value = token == null ? "" : token.strip();
        if (!AccessToken.isSendable(value)) {
            throw new IllegalArgumentException(value.isEmpty() ? "the bearer token is empty"
                    : "the bearer token holds a space, control or non-ASCII character (" + value.length()
                    + " characters); check where it was read from");
        }
        this.token = new AccessToken(value, Instant.MAX);
    }

    @Override
    public AccessToken token() {
        return token;
    }

    @Override
    public boolean canRefresh() {
        return false;
    }

    @Override
    public void invalidate(AccessToken refused) {
        // Nothing to refresh: the caller owns this token.
    }

    @Override
    public void close() {
        // The caller owns the token, so it is not ours to revoke.
    }

    @Override
    public String toString() {
        return "StaticTokenSource{[redacted]}";
    }
}
