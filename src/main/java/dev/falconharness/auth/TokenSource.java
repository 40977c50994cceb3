package dev.falconharness.auth;

import dev.falconharness.engine.TokenUnavailableException;
import dev.falconharness.http.PreparedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Supplies the bearer token for each call. Implementations are thread-safe: many calls ask at once,
 * and at most one of them fetches a new token while the others wait for that one result.
 *
 * <p>{@link #token(Duration)} is asked on the thread that runs the call, inside the call's one retry
 * loop: a token request that fails for a passing reason is reported as a
 * {@code TokenUnavailableException} (an {@link IOException}) and counted as one attempt of the call.
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

    /**
     * As {@link #token()}, spending at most {@code within} on waiting for or fetching the token (the
     * time left of the call that asks). The default ignores the bound.
     */
    default AccessToken token(Duration within) throws IOException {
        return token();
    }

    /**
     * For calls that have no thread yet ({@code commandAsync}): a future that completes once a token is at
     * hand, so the call is given a thread only when it can proceed, and no thread is parked per waiting
     * call. A source that fetches tokens starts the fetch on {@code executor} if none is in flight and
     * returns it; it fails as {@link #token()} throws. The default is already complete: the call then asks
     * {@link #token(Duration)} on its own thread.
     */
    default CompletableFuture<?> whenReady(Executor executor, Duration within) {
        return CompletableFuture.completedFuture(null);
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
