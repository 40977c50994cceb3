package dev.falconharness.http;

import java.util.Locale;

/**
 * The one rule for what counts as JSON, used for bodies sent, answers read, previews and imported specs:
 * a media type whose subtype is {@code json} or ends in {@code +json} (RFC 6839's structured syntax
 * suffix), whatever its parameters: {@code application/json; charset=utf-8},
 * {@code application/merge-patch+json}, {@code application/vnd.api+json}. Thread-safe; stateless.
 */
public final class MediaTypes {
    public static final String JSON = "application/json";

    private MediaTypes() {
    }

    /** Whether {@code mediaType} is JSON; false for null. */
    public static boolean isJson(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String base = base(mediaType);
        int slash = base.indexOf('/');
        String subtype = slash < 0 ? "" : base.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    /** The media type without parameters, lower-case and trimmed. */
    public static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
