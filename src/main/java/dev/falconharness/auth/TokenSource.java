package dev.falconharness.auth;

import java.io.IOException;

/**
 * Supplies the bearer token for each call. Implementations are thread-safe: many calls ask at once,
 * and at most one of them fetches a new token while the others wait for it.
 */
public interface TokenSource extends AutoCloseable {

    /** No authentication: requests are sent without an {@code Authorization} header. */
    TokenSource NONE = new TokenSource() {
        @Override
        public AccessToken token() {
            return null;
        }

        @Override
        public boolean canRefresh() {
            return false;
        }

        @Override
        public void invalidate(AccessToken token) {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "TokenSource.NONE";
        }
    };

    /**
     * A token valid for now, fetched or refreshed if needed; null for no authentication.
     *
     * @throws dev.falconharness.AuthenticationException if the token endpoint refuses
     * @throws IOException if the token endpoint cannot be reached
     */
    AccessToken token() throws IOException;

    /** True when {@link #invalidate} followed by {@link #token} can produce a different token. */
    boolean canRefresh();

    /** The server refused {@code token}: forget it, unless a newer one has replaced it already. */
    void invalidate(AccessToken token);

    /** Revokes the current token where the source can; never throws for a failed revoke. */
    @Override
    void close();
}
