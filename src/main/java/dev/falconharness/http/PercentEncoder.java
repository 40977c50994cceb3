package dev.falconharness.http;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes UTF-8 text for URLs: everything but RFC 3986 unreserved characters
 * ({@code A-Z a-z 0-9 - . _ ~}) is escaped, so a value can never break out of its query field or path
 * segment. Spaces become {@code %20}, never {@code +} (which form decoders read as a space too). The one
 * encoder of the project: paths, queries, forms, API keys and token requests all go through it.
 * Thread-safe; stateless.
 */
public final class PercentEncoder {
    private static final boolean[] UNRESERVED = new boolean[128];
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['~'] = true;
    }

    private PercentEncoder() {
    }

    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        append(out, value);
        return out.toString();
    }

    /** Appends {@code value} encoded; ASCII-only values that need no escaping are copied as they are. */
    public static void append(StringBuilder out, String value) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c < 128 && UNRESERVED[c]) {
                out.append(c);
                i++;
            } else if (c < 128) {
                escape(out, (byte) c);
                i++;
            } else {
                i = appendNonAscii(out, value, i);
            }
        }
    }

    /** Encodes the run of non-ASCII characters starting at {@code start} as UTF-8; returns where it ends. */
    private static int appendNonAscii(StringBuilder out, String value, int start) {
        int end = start;
        while (end < value.length() && value.charAt(end) >= 128) {
            end++;
        }
        for (byte b : value.substring(start, end).getBytes(StandardCharsets.UTF_8)) {
            escape(out, b);
        }
        return end;
    }

    private static void escape(StringBuilder out, byte b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
