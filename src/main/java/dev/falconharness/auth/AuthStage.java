package dev.falconharness.auth;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.Stage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Adds {@code Authorization: Bearer <token>} to each request (unless the caller set one), and answers a
 * 401 on a refreshable token with exactly one refresh and one replay, never a loop. A token that must
 * be fetched is fetched on the executor, so asynchronous calls never block on it. Requests to the token
 * source's own endpoints (Falcon's token and revoke operations, called by ID) get no bearer token.
 * Thread-safe.
 */
public final class AuthStage implements Stage {
    private final TokenSource tokens;
    private final CallListener listener;
    private final Executor executor;

    public AuthStage(TokenSource tokens, CallListener listener, Executor executor) {
        this.tokens = tokens;
        this.listener = listener;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<RawResponse> intercept(Chain chain) {
        PreparedRequest request = chain.request();
        if (request.headers().contains("Authorization")) {
            return chain.proceed(request);
        }
        if (tokens.isOwnEndpoint(request)) {
            // oauth2AccessToken / oauth2RevokeToken called by ID: no bearer token, nothing to refresh.
            String authorization = tokens.ownEndpointAuthorization(request);
            return chain.proceed(authorization == null ? request : request.withHeader("Authorization", authorization));
        }
        return tokens.tokenAsync(executor).thenCompose(token -> token == null
                ? chain.proceed(request)
                : chain.proceed(request.withHeader("Authorization", token.authorization()))
                        .thenCompose(response -> replayOn401(chain, request, token, response)));
    }

    private CompletableFuture<RawResponse> replayOn401(Chain chain, PreparedRequest request, AccessToken used,
            RawResponse response) {
        if (response.status() != 401 || !tokens.canRefresh()) {
            return CompletableFuture.completedFuture(response);
        }
        // The token may have expired early or been revoked elsewhere: one fresh token, one replay.
        tokens.invalidate(used);
        listener.replayingWithFreshToken(request);
        return tokens.tokenAsync(executor)
                .thenCompose(fresh -> chain.proceed(request.withHeader("Authorization", fresh.authorization())));
    }
}
