package dev.falconharness.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth2 as Falcon does it: {@code POST /oauth2/token} trades a client ID and secret (form fields) for a
 * bearer token, {@code POST /oauth2/revoke} (Basic auth, form field {@code token}) ends one early, and
 * every other call must carry a valid token. Refusals are 401 envelopes with {@code X-Ratelimit-Limit: 15},
 * the real API's budget for bad tokens. Thread-safe.
 */
final class OAuthEndpoints {
    static final String REGION = "us-1";
    private static final int BAD_TOKEN_LIMIT = 15;

    private final byte[] clientId;
    private final byte[] clientSecret;
    private final TokenStore tokens;
    private final MinuteCounter refusals;

    OAuthEndpoints(String clientId, String clientSecret, TokenStore tokens, MinuteCounter refusals) {
        this.clientId = clientId.getBytes(StandardCharsets.UTF_8);
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
        this.refusals = refusals;
    }

    static int badTokenLimit() {
        return BAD_TOKEN_LIMIT;
    }

    /** {@code oauth2AccessToken}: 201 with {@code access_token}, {@code token_type}, {@code expires_in}. */
    Reply token(SandboxRequest request) {
        Map<String, List<String>> form = request.form();
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        if (id == null || secret == null) {
            throw SandboxError.badRequest("send client_id and client_secret as application/x-www-form-urlencoded "
                    + "form fields (missing: " + (id == null ? "client_id" : "client_secret") + ")");
        }
        if (!matches(id, secret)) {
            return Reply.error(401, "access denied, invalid client_id or client_secret (the sandbox accepts "
                    + "client_id " + FalconSandbox.CLIENT_ID + " with its documented secret)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue());
        body.put("token_type", "bearer");
        body.put("expires_in", tokens.expiresInSeconds());
        return Reply.raw(201, body).withHeader("X-Cs-Region", REGION);
    }

    /** {@code oauth2RevokeToken}: Basic auth with the client credentials, form field {@code token}. */
    Reply revoke(SandboxRequest request) {
        if (!basicAuthMatches(request.header("Authorization"))) {
            return Reply.error(401, "access denied: revoking a token needs 'Authorization: Basic "
                    + "base64(client_id:client_secret)'");
        }
        String token = first(request.form(), "token");
        if (token == null) {
            throw SandboxError.badRequest("missing form field 'token': the access token to revoke");
        }
        tokens.revoke(token);
        return Reply.ok(List.of());
    }

    /** Null when the request carries a valid bearer token; otherwise the 401 to answer. */
    Reply refusal(SandboxRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("access denied, authorization failed: send 'Authorization: Bearer <token>' "
                    + "with a token from POST /oauth2/token");
        }
        return switch (tokens.check(header.substring(7).strip())) {
            case VALID -> null;
            case EXPIRED -> unauthorized("access denied, invalid bearer token: it has expired; get a new one "
                    + "from POST /oauth2/token");
            case UNKNOWN -> unauthorized("access denied, invalid bearer token: it was revoked or never issued "
                    + "by this sandbox");
        };
    }

    private Reply unauthorized(String message) {
        return Reply.error(401, message)
                .withHeader("X-Ratelimit-Limit", String.valueOf(BAD_TOKEN_LIMIT))
                .withHeader("X-Ratelimit-Remaining", String.valueOf(refusals.hitAndRemaining()));
    }

    private boolean basicAuthMatches(Optional<String> header) {
        String value = header.orElse("");
        if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && matches(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** Both compared in constant time, so response timing says nothing about how close a guess was. */
    private boolean matches(String id, String secret) {
        boolean idOk = MessageDigest.isEqual(clientId, id.getBytes(StandardCharsets.UTF_8));
        boolean secretOk = MessageDigest.isEqual(clientSecret, secret.getBytes(StandardCharsets.UTF_8));
        return idOk & secretOk;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
