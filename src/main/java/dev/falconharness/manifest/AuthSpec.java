package dev.falconharness.manifest;

import java.util.Objects;

/**
 * How an API authenticates, as its manifest's {@code auth} block says. Immutable.
 *
 * <pre>{@code
 * "auth": {"type": "oauth2ClientCredentials", "tokenUrl": "/oauth2/token", "revokeUrl": "/oauth2/revoke",
 *          "regionHeader": "X-Cs-Region", "memberCidField": "member_cid"}     // Falcon
 * "auth": {"type": "apiKey", "in": "header", "name": "X-API-Key"}
 * "auth": {"type": "basic"}   "auth": {"type": "bearer"}   "auth": {"type": "none"}
 * }</pre>
 *
 * @param type           the scheme
 * @param in             for {@link Type#API_KEY}: {@link Location#HEADER} or {@link Location#QUERY}
 * @param name           for {@link Type#API_KEY}: the header or query parameter name
 * @param tokenUrl       for OAuth2: the token endpoint, absolute or relative to the base URL
 * @param revokeUrl      for OAuth2: the revocation endpoint (HTTP Basic, form field {@code token}), or null
 * @param scope          for OAuth2: the {@code scope} form field, or null
 * @param regionHeader   for OAuth2: a token-response header naming the account's region (Falcon's
 *                       {@code X-Cs-Region}), or null
 * @param memberCidField for OAuth2: the form field carrying a child account ID (Falcon's
 *                       {@code member_cid}), or null
 */
public record AuthSpec(Type type, Location in, String name, String tokenUrl, String revokeUrl, String scope,
        String regionHeader, String memberCidField) {

    /** The schemes the harness can apply. */
    public enum Type {
        NONE("none"),
        BEARER("bearer"),
        API_KEY("apiKey"),
        BASIC("basic"),
        OAUTH2_CLIENT_CREDENTIALS("oauth2ClientCredentials");

        private final String jsonName;

        Type(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        /** The type named {@code name} in a manifest, or null. */
        public static Type fromJson(String name) {
            for (Type type : values()) {
                if (type.jsonName.equals(name)) {
                    return type;
                }
            }
            return null;
        }
    }

    /** The Falcon API's OAuth2: token and revoke endpoints, region header and member CID. */
    public static final AuthSpec FALCON = new AuthSpec(Type.OAUTH2_CLIENT_CREDENTIALS, null, null, "/oauth2/token",
            "/oauth2/revoke", null, "X-Cs-Region", "member_cid");

    public AuthSpec {
        Objects.requireNonNull(type, "type");
    }

    public static AuthSpec none() {
        return new AuthSpec(Type.NONE, null, null, null, null, null, null, null);
    }

    public static AuthSpec bearer() {
        return new AuthSpec(Type.BEARER, null, null, null, null, null, null, null);
    }

    public static AuthSpec basic() {
        return new AuthSpec(Type.BASIC, null, null, null, null, null, null, null);
    }

    /** An API key sent as header or query parameter {@code name}. */
    public static AuthSpec apiKey(Location in, String name) {
        if (in != Location.HEADER && in != Location.QUERY) {
            throw new IllegalArgumentException("an API key goes in a header or the query, not " + in);
        }
        return new AuthSpec(Type.API_KEY, in, Objects.requireNonNull(name, "name"), null, null, null, null, null);
    }

    /** OAuth2 client credentials against any token URL, with an optional scope. */
    public static AuthSpec clientCredentials(String tokenUrl, String scope) {
        return new AuthSpec(Type.OAUTH2_CLIENT_CREDENTIALS, null, null, Objects.requireNonNull(tokenUrl, "tokenUrl"),
                null, scope, null, null);
    }
}
