package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a spec's base URL, which becomes the manifest's {@code baseUrl}; operation paths stay relative
 * to it, exactly as the spec writes them. Not thread-safe (reports through the run's {@link Warnings}).
 *
 * <ul>
 *   <li>Swagger 2.0: the first of {@code schemes} that is http or https (https when none is), then
 *       {@code host} and {@code basePath}: {@code https://api.example.com/v2}.</li>
 *   <li>OpenAPI 3: the first server's {@code url}, with each {@code {variable}} replaced by its
 *       {@code default}.</li>
 * </ul>
 * Without a host (no {@code host}, or a relative server URL such as {@code /api/v3}) the manifest gets
 * no base URL and a warning says what the caller must supply.
 */
final class ServerUrls {
    /** The manifest schema's pattern for {@code baseUrl}. */
    private static final Pattern BASE_URL = Pattern.compile("^https?://[^/\\s]+(/[^\\s]*[^/\\s])?$");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");
    private static final String SUPPLY = "; give one with Harness.builder().baseUrl(...)";

    private final Warnings warnings;

    ServerUrls(Warnings warnings) {
        this.warnings = warnings;
    }

    String baseUrl(JsonNode root, SpecVersion version) {
        return version.isOpenApi3() ? openApi(root) : swagger(root);
    }

    private String swagger(JsonNode root) {
        String basePath = trimSlashes(root.path("basePath").asText(""));
        if (!basePath.isEmpty() && !basePath.startsWith("/")) {
            basePath = "/" + basePath;
        }
        String host = root.path("host").asText("").strip();
        if (host.isEmpty()) {
            warnings.warn("", "the spec has no host, so the manifest has no baseUrl" + SUPPLY
                    + (basePath.isEmpty() ? "" : ", ending in " + basePath));
            return null;
        }
        return checked(scheme(root) + "://" + trimSlashes(host) + basePath, "/host");
    }

    private String scheme(JsonNode root) {
        List<String> schemes = new ArrayList<>();
        root.path("schemes").forEach(s -> schemes.add(s.asText().toLowerCase(Locale.ROOT)));
        for (String scheme : schemes) {
            if (scheme.equals("https") || scheme.equals("http")) {
                return scheme;
            }
        }
        if (!schemes.isEmpty()) {
            warnings.warn("/schemes", "none of the schemes " + schemes + " is http or https; https used");
        }
        return "https";
    }

    private String openApi(JsonNode root) {
        JsonNode servers = root.path("servers");
        if (servers.isEmpty()) {
            warnings.warn("", "the spec lists no servers, so the manifest has no baseUrl" + SUPPLY);
            return null;
        }
        JsonNode server = servers.get(0);
        String url = substitute(server, "/servers/0");
        if (url == null) {
            return null;
        }
        if (servers.size() > 1) {
            warnings.warn("/servers", "the spec lists " + servers.size() + " servers; the first, " + url
                    + ", is the manifest's baseUrl (pass another to Harness.builder().baseUrl(...))");
        }
        if (!url.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            warnings.warn("/servers/0/url", "the server URL " + url + " has no host, so the manifest has no baseUrl"
                    + SUPPLY + (trimSlashes(url).isEmpty() ? "" : ", ending in " + trimSlashes(url)));
            return null;
        }
        return checked(trimSlashes(url), "/servers/0/url");
    }

    /** The server URL with its variables' defaults filled in, or null (warned) when one has none. */
    private String substitute(JsonNode server, String at) {
        String url = server.path("url").asText("").strip();
        Matcher variable = VARIABLE.matcher(url);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            JsonNode value = server.path("variables").path(variable.group(1)).get("default");
            if (value == null || !value.isValueNode()) {
                warnings.warn(Pointers.child(at, "variables"), "server variable {" + variable.group(1)
                        + "} has no default, so the manifest has no baseUrl" + SUPPLY);
                return null;
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private String checked(String url, String at) {
        String normalized = lowerScheme(url);
        if (!BASE_URL.matcher(normalized).matches()) {
            warnings.warn(at, "\"" + url + "\" is not a usable base URL (http or https, a host, no query); the manifest has "
                    + "no baseUrl" + SUPPLY);
            return null;
        }
        return normalized;
    }

    private static String lowerScheme(String url) {
        int colon = url.indexOf("://");
        return colon < 0 ? url : url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
    }

    /** {@code /v2/} is {@code /v2}; {@code /} is nothing, so the base URL never ends in a slash. */
    private static String trimSlashes(String path) {
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
