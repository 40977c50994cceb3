package dev.falconharness.auth;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A bearer token given by the caller, used as it is: never refreshed and never revoked. */
public final class StaticTokenSource implements TokenSource {
    private final AccessToken token;

    public StaticTokenSource(String token) {
        this.token = new AccessToken(token, Instant.MAX);
    }

    @Override
    public AccessToken token() {
        return token;
    }

    @Override
    public CompletableFuture<AccessToken> tokenAsync(Executor executor) {
        return CompletableFuture.completedFuture(token);
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
