package dev.falconharness.engine;

import dev.falconharness.auth.AccessToken;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import java.io.IOException;

/**
 * Adds {@code Authorization: Bearer <token>} to each request (unless the caller set one), and answers a
 * 401 on a refreshable token with exactly one refresh and one replay, never a loop. The token is asked
 * for on the thread that runs the call, inside the call's retry loop, so a failed token request is one
 * attempt of the call. Requests to the token source's own endpoints (Falcon's token and revoke
 * operations, called by ID) get no bearer token. Thread-safe.
 */
public final class AuthStage implements Stage {
    private final TokenSource tokens;
    private final CallListener listener;

    public AuthStage(TokenSource tokens, CallListener listener) {
        this.tokens = tokens;
        this.listener = listener;
    }

    @Override
    public RawResponse intercept(Chain chain) throws IOException {
        PreparedRequest request = chain.request();
        if (request.headers().contains("Authorization")) {
            return chain.proceed(request);
        }
        if (tokens.isOwnEndpoint(request)) {
            // oauth2AccessToken / oauth2RevokeToken called by ID: no bearer token, nothing to refresh.
            String authorization = tokens.ownEndpointAuthorization(request);
            return chain.proceed(authorization == null ? request : request.withHeader("Authorization", authorization));
        }
        AccessToken token = token(chain.call());
        if (token == null) {
            return chain.proceed(request);
        }
        RawResponse response = chain.proceed(request.withHeader("Authorization", token.authorization()));
        if (response.status() != 401 || !tokens.canRefresh()) {
            return response;
        }
        // The token may have expired early or been revoked elsewhere: one fresh token, one replay.
        tokens.invalidate(token);
        listener.replayingWithFreshToken(request);
        return chain.proceed(request.withHeader("Authorization", token(chain.call()).authorization()));
    }

    /** The token for this call; a fetch the call already waited for, and saw fail, is not made again. */
    private AccessToken token(Call call) throws IOException {
        Throwable failed = call.takeTokenFailure();
        if (failed != null) {
            throw Call.rethrow(failed);
        }
        return tokens.token(call.remaining());
    }
}
