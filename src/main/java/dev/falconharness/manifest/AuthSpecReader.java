package dev.falconharness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/** Reads and checks a manifest's {@code auth} block. */
final class AuthSpecReader {
    private static final Map<AuthSpec.Type, Set<String>> KEYS = Map.of(
            AuthSpec.Type.NONE, Set.of("type"),
            AuthSpec.Type.BEARER, Set.of("type"),
            AuthSpec.Type.BASIC, Set.of("type"),
            AuthSpec.Type.API_KEY, Set.of("type", "in", "name"),
            AuthSpec.Type.OAUTH2_CLIENT_CREDENTIALS,
            Set.of("type", "tokenUrl", "revokeUrl", "scope", "regionHeader", "memberCidField"));

    private final ManifestLoader.Reader reader;

    AuthSpecReader(ManifestLoader.Reader reader) {
        this.reader = reader;
    }

    /** Where the block being read is, for problems. */
    private String at = "/auth";

    /** The spec, or null when absent or broken (the problem is recorded). */
    AuthSpec read(JsonNode node) {
        return read(node, "/auth");
    }

    /** The spec at {@code pointer} (a named scheme of {@code securitySchemes}), or null when absent or broken. */
    AuthSpec read(JsonNode node, String pointer) {
        this.at = pointer;
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            reader.problem(null, at, "must be an object such as {\"type\": \"bearer\"}");
            return null;
        }
        AuthSpec.Type type = AuthSpec.Type.fromJson(node.path("type").asText(""));
        if (type == null) {
            reader.problem(null, at + "/type", "unknown or missing auth type " + node.path("type")
                    + "; use one of none, bearer, apiKey, basic, oauth2ClientCredentials");
            return null;
        }
        reader.checkKeys(node, KEYS.get(type), null, at);
        return switch (type) {
            case NONE -> AuthSpec.none();
            case BEARER -> AuthSpec.bearer();
            case BASIC -> AuthSpec.basic();
            case API_KEY -> apiKey(node);
            case OAUTH2_CLIENT_CREDENTIALS -> clientCredentials(node);
        };
    }

    private AuthSpec apiKey(JsonNode node) {
        Location in = Location.fromJson(node.path("in").asText(""));
        String name = node.path("name").asText("");
        if (in != Location.HEADER && in != Location.QUERY) {
            reader.problem(null, at + "/in", "an API key goes in \"header\" or \"query\", not " + node.path("in"));
            return null;
        }
        if (name.isBlank()) {
            reader.problem(null, at + "/name", "missing: the header or query parameter that carries the key");
            return null;
        }
        return AuthSpec.apiKey(in, name);
    }

    private AuthSpec clientCredentials(JsonNode node) {
        String tokenUrl = text(node, "tokenUrl");
        if (tokenUrl == null || tokenUrl.isBlank()) {
            reader.problem(null, at + "/tokenUrl", "missing: the token endpoint, absolute or relative to the base URL");
            return null;
        }
        for (String field : new String[] {"tokenUrl", "revokeUrl"}) {
            String url = text(node, field);
            if (url != null && !usable(url)) {
                reader.problem(null, at + "/" + field, "\"" + url + "\" is not a usable URL: give a path starting with '/'"
                        + " or an http(s) URL with a host, no spaces (percent-encode them) and no #fragment");
            }
        }
        return new AuthSpec(AuthSpec.Type.OAUTH2_CLIENT_CREDENTIALS, null, null, tokenUrl, text(node, "revokeUrl"),
                text(node, "scope"), text(node, "regionHeader"), text(node, "memberCidField"));
    }

    /** A path, or an absolute http(s) URL with a host, that java.net.URI accepts as written. */
    private static boolean usable(String url) {
        try {
            URI uri = new URI(url);
            boolean absolute = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return uri.getRawFragment() == null && (absolute ? uri.getHost() != null : url.startsWith("/") && !url.startsWith("//"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
