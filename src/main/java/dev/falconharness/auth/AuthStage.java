package dev.falconharness.auth;

import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.http.Stage;
import java.io.IOException;

/**
 * Adds {@code Authorization: Bearer <token>} to each request (unless the caller set one), and answers a
 * 401 on a refreshable token with exactly one refresh and one replay, never a loop. Thread-safe.
 */
public final class AuthStage implements Stage {
    private final TokenSource tokens;
    private final CallListener listener;

    public AuthStage(TokenSource tokens) {
        this(tokens, CallListener.NONE);
    }

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
        AccessToken token = tokens.token();
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
        AccessToken fresh = tokens.token();
        return chain.proceed(request.withHeader("Authorization", fresh.authorization()));
    }
}
