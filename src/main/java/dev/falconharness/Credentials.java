package dev.falconharness;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a harness authenticates: an API client's ID and secret (OAuth2 client credentials, with an
 * optional MSSP member CID), or a bearer token obtained elsewhere. May also carry the cloud or base URL
 * read from the environment. Immutable and thread-safe; {@link #toString()} never shows the secret or
 * token.
 *
 * <pre>{@code
 * Credentials.of("client-id", secret)                 // client credentials
 * Credentials.of("client-id", secret).withMemberCid("child-cid")
 * Credentials.bearerToken(token)                      // a token you manage yourself
 * Credentials.apiKey(key)   Credentials.basic(user, password)   // other APIs' schemes
 * Credentials.fromEnvironment()                       // FALCON_CLIENT_ID, FALCON_CLIENT_SECRET, ...
 * }</pre>
 */
public final class Credentials {
    private final String clientId;
    private final String clientSecret;
    private final String memberCid;
    private final String bearerToken;
    private final String apiKey;
    private final String cloud;
    private final String baseUrl;

    private Credentials(String clientId, String clientSecret, String memberCid, String bearerToken, String cloud,
            String baseUrl) {
        this(clientId, clientSecret, memberCid, bearerToken, null, cloud, baseUrl);
    }

    private Credentials(String clientId, String clientSecret, String memberCid, String bearerToken, String apiKey,
            String cloud, String baseUrl) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.memberCid = memberCid;
        this.bearerToken = bearerToken;
        this.apiKey = apiKey;
        this.cloud = cloud;
        this.baseUrl = baseUrl;
    }

    /** OAuth2 client credentials of a Falcon API client. */
    public static Credentials of(String clientId, String clientSecret) {
        requireText(clientId, "client ID");
        requireText(clientSecret, "client secret");
        return new Credentials(clientId, clientSecret, null, null, null, null);
    }

    /** A user name and password for HTTP Basic (the same shape as a client ID and secret). */
    public static Credentials basic(String username, String password) {
        return of(username, password);
    }

    /** An API key, sent where the manifest's (or builder's) {@code apiKey} auth says. */
    public static Credentials apiKey(String key) {
        requireText(key, "API key");
        return new Credentials(null, null, null, null, key, null, null);
    }

    /** A bearer token used as it is: never refreshed, never revoked by the harness. */
    public static Credentials bearerToken(String token) {
        requireText(token, "bearer token");
        return new Credentials(null, null, null, token, null, null);
    }

    /**
     * Reads {@code FALCON_CLIENT_ID}, {@code FALCON_CLIENT_SECRET}, {@code FALCON_MEMBER_CID},
     * {@code FALCON_CLOUD} and {@code FALCON_BASE_URL} from the process environment.
     *
     * @throws IllegalStateException naming the variables that are missing
     */
    public static Credentials fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Like {@link #fromEnvironment()}, reading from {@code env}. */
    public static Credentials fromEnvironment(Map<String, String> env) {
        String id = blankToNull(env.get("FALCON_CLIENT_ID"));
        String secret = blankToNull(env.get("FALCON_CLIENT_SECRET"));
        if (id == null || secret == null) {
            throw new IllegalStateException("Falcon credentials not found in the environment: set "
                    + (id == null ? "FALCON_CLIENT_ID" + (secret == null ? " and " : "") : "")
                    + (secret == null ? "FALCON_CLIENT_SECRET" : "")
                    + " (optional: FALCON_MEMBER_CID, FALCON_CLOUD, FALCON_BASE_URL)");
        }
        return new Credentials(id, secret, blankToNull(env.get("FALCON_MEMBER_CID")), null,
                blankToNull(env.get("FALCON_CLOUD")), blankToNull(env.get("FALCON_BASE_URL")));
    }

    /** A copy that asks for tokens on behalf of an MSSP child customer. */
    public Credentials withMemberCid(String cid) {
        requireClientCredentials("a member CID");
        return new Credentials(clientId, clientSecret, blankToNull(cid), null, cloud, baseUrl);
    }

    public boolean isBearerToken() {
        return bearerToken != null;
    }

    public boolean isApiKey() {
        return apiKey != null;
    }

    /** True for a client ID and secret (or a user name and password). */
    public boolean isClientCredentials() {
        return clientId != null;
    }

    /** The client ID; empty for a bearer token. */
    public Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    public Optional<String> memberCid() {
        return Optional.ofNullable(memberCid);
    }

    /** The cloud name that came with these credentials (e.g. from {@code FALCON_CLOUD}). */
    public Optional<String> cloud() {
        return Optional.ofNullable(cloud);
    }

    /** The base URL that came with these credentials (e.g. from {@code FALCON_BASE_URL}). */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The client secret. Deliberately not an accessor-style name: keep it out of logs. */
    public String revealClientSecret() {
        requireClientCredentials("a client secret");
        return clientSecret;
    }

    /** The bearer token given to {@link #bearerToken(String)}. */
    public String revealBearerToken() {
        if (bearerToken == null) {
            throw new IllegalStateException("these credentials are a client ID and secret, not a bearer token");
        }
        return bearerToken;
    }

    /** The API key given to {@link #apiKey(String)}. */
    public String revealApiKey() {
        if (apiKey == null) {
            throw new IllegalStateException("these credentials are not an API key");
        }
        return apiKey;
    }

    private void requireClientCredentials(String what) {
        if (clientId == null) {
            throw new IllegalStateException(kind() + " credentials have no " + what);
        }
    }

    /** What these credentials are, for messages. */
    String kind() {
        return bearerToken != null ? "bearer-token" : apiKey != null ? "API-key" : "client ID and secret";
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        if (bearerToken != null) {
            return "Credentials{bearer token [redacted]}";
        }
        if (apiKey != null) {
            return "Credentials{API key [redacted]}";
        }
        return "Credentials{clientId=" + clientId + ", clientSecret=[redacted]"
                + (memberCid != null ? ", memberCid=" + memberCid : "") + "}";
    }
}
