package dev.falconharness.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth2 as Falcon does it: {@code POST /oauth2/token} trades a client ID and secret (form fields, and an
 * optional {@code member_cid} naming an MSSP child) for a bearer token scoped to one customer ID;
 * {@code POST /oauth2/revoke} (Basic auth, form field {@code token}) ends one early; every other call must
 * carry a valid token. Refusals use the real API's statuses and texts, which scripts match on: 403
 * "Failed to issue access token" for bad credentials or an unknown {@code member_cid}, 403 for a revoke
 * without valid Basic credentials, 401 "access denied, invalid bearer token" (with
 * {@code X-Ratelimit-Limit: 15}, the real budget for bad tokens) for a missing, malformed, expired or
 * unknown token. The sandbox's own explanation goes in an {@code X-Sandbox-Hint} header, never in the
 * message. Thread-safe.
 */
final class OAuthEndpoints {
    static final String TOKEN_REFUSED = "Failed to issue access token";
    static final String BAD_TOKEN = "access denied, invalid bearer token";
    static final String NOT_AUTHORIZED = "access denied, authorization failed";
    static final String HINT = "X-Sandbox-Hint";
    private static final int BAD_TOKEN_LIMIT = 15;

    private final byte[] clientId;
    private final byte[] clientSecret;
    private final TokenStore tokens;
    private final MinuteCounter refusals;
    private final String parentCid;
    private final Set<String> childCids;

    /** A request's standing: the customer ID its token is scoped to, or the refusal to answer. */
    record Access(String cid, Reply refusal) {
    }

    OAuthEndpoints(String clientId, String clientSecret, TokenStore tokens, MinuteCounter refusals, String parentCid,
            Set<String> childCids) {
        this.clientId = clientId.getBytes(StandardCharsets.UTF_8);
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
        this.refusals = refusals;
        this.parentCid = parentCid;
        this.childCids = Set.copyOf(childCids);
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
            return Reply.error(403, TOKEN_REFUSED).withHeader(HINT, "wrong client_id or client_secret; the sandbox "
                    + "accepts client_id " + FalconSandbox.CLIENT_ID + " with its documented secret");
        }
        String member = first(form, "member_cid");
        String cid = member == null ? parentCid : child(member.strip());
        if (cid == null) {
            return Reply.error(403, TOKEN_REFUSED).withHeader(HINT, "member_cid " + member.strip() + " is not a "
                    + "child of this sandbox's customer; declare it with childCids(...) or --child-cid");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(cid));
        body.put("token_type", "bearer");
        body.put("expires_in", tokens.expiresInSeconds());
        return Reply.raw(201, body);
    }

    /** The known child CID {@code member} names (ignoring case), the parent's own, or null. */
    private String child(String member) {
        String key = member.toLowerCase(Locale.ROOT);
        if (key.equals(parentCid)) {
            return parentCid;
        }
        return childCids.contains(key) ? key : null;
    }

    /** {@code oauth2RevokeToken}: Basic auth with the client credentials, form field {@code token}. */
    Reply revoke(SandboxRequest request) {
        if (!basicAuthMatches(request.header("Authorization"))) {
            return Reply.error(403, NOT_AUTHORIZED).withHeader(HINT, "revoking a token needs 'Authorization: "
                    + "Basic base64(client_id:client_secret)' with the sandbox's credentials");
        }
        String token = first(request.form(), "token");
        if (token == null) {
            throw SandboxError.badRequest("missing form field 'token': the access token to revoke");
        }
        tokens.revoke(token);
        return Reply.ok(List.of());
    }

    /** Whether the request carries a valid bearer token, and for which customer. */
    Access access(SandboxRequest request) {
        String header = request.header("Authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refused(header.isEmpty() ? "no Authorization header: send 'Authorization: Bearer <token>' with "
                    + "a token from POST /oauth2/token" : "the Authorization header is not 'Bearer <token>'");
        }
        String token = header.substring(7).strip();
        return switch (tokens.check(token)) {
            case VALID -> new Access(tokens.cidOf(token), null);
            case EXPIRED -> refused("the token has expired; get a new one from POST /oauth2/token");
            case UNKNOWN -> refused("the token was revoked or never issued by this sandbox");
        };
    }

    private Access refused(String hint) {
        return new Access(null, Reply.error(401, BAD_TOKEN)
                .withHeader("X-Ratelimit-Limit", String.valueOf(BAD_TOKEN_LIMIT))
                .withHeader("X-Ratelimit-Remaining", String.valueOf(refusals.hitAndRemaining()))
                .withHeader(HINT, hint));
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
