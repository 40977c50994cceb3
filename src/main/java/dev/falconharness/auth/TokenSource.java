package dev.falconharness.auth;

import dev.falconharness.http.PreparedRequest;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
        public CompletableFuture<AccessToken> tokenAsync(Executor executor) {
            return CompletableFuture.completedFuture(null);
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

    /**
     * The token without blocking the caller: already completed when a valid token is at hand, otherwise
     * fetched on {@code executor}. Fails as {@link #token()} throws.
     */
    default CompletableFuture<AccessToken> tokenAsync(Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return token();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /**
     * Whether a request goes to this source's own endpoints (the token and revoke URLs), which take no
     * bearer token: calling them through the harness must not fetch or spend one.
     */
    default boolean isOwnEndpoint(PreparedRequest request) {
        return false;
    }

    /**
     * The {@code Authorization} value a request to one of {@link #isOwnEndpoint own endpoints} needs
     * (Falcon's revoke takes HTTP Basic with the client credentials), or null for none.
     */
    default String ownEndpointAuthorization(PreparedRequest request) {
        return null;
    }

    /** True when {@link #invalidate} followed by {@link #token} can produce a different token. */
    boolean canRefresh();

    /** The server refused {@code token}: forget it, unless a newer one has replaced it already. */
    void invalidate(AccessToken token);

    /** Revokes the current token where the source can; never throws for a failed revoke. */
    @Override
    void close();
}
