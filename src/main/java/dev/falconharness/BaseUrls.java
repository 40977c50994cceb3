package dev.falconharness;

import java.net.URI;
import java.net.URISyntaxException;

/** Normalizes user-given base URLs: a bare host gets {@code https://}, trailing slashes go. */
final class BaseUrls {
    private BaseUrls() {
    }

    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the base URL is empty");
        }
        String url = raw.strip();
        if (!url.contains("://")) {
            url = "https://" + url;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() != null) {
                // Never echo it: the part before the @ is a password as often as not.
                throw new IllegalArgumentException("the base URL holds a user name or password (user:password@host); "
                        + "leave it out and pass credentials with credentials(...) instead");
            }
            if (uri.getPort() > 65535) {
                throw new URISyntaxException(url, "the port must be between 1 and 65535");
            }
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(url, "expected http(s)://host[:port][/base/path]");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable base URL: \"" + raw + "\" (" + e.getReason() + ")");
        }
        return url;
    }
}
