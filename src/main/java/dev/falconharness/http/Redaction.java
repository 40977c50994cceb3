package dev.falconharness.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets before anything is logged, printed or put in an exception: credential headers, the
 * fields of token requests, and JSON or form fields whose names say they hold a secret.
 *
 * <pre>{@code
 * Redaction.json("{\"client_secret\": \"s3cr3t\", \"uid\": \"ana\"}")
 *     // {"client_secret": "[redacted]", "uid": "ana"}
 * Redaction.headerValue("Authorization", "Bearer eyJhbGciOi...")   // Bearer [redacted]
 * }</pre>
 *
 * <p>The value of a secret-named JSON field is masked whole, whatever it is: a string, a number, or an
 * object or array (whose every member is then hidden too, since a secret's structure can be the secret).
 * Each method reads its input once, left to right, with no regular expression over the text and no
 * recursion: time grows linearly with the size and the stack stays flat whatever the nesting, so a
 * megabyte body or 100,000 nested arrays are masked as readily as a small one. Text that is not valid
 * JSON is masked as far as it can be read; an unterminated secret value is masked to the end.
 *
 * <p>Thread-safe; stateless.
 */
public final class Redaction {
    /** What a masked value is replaced with. */
    public static final String MASK = "[redacted]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-file-password");
    /** Authorization schemes that say nothing secret themselves, so they stay readable in logs. */
    private static final Set<String> SCHEMES = Set.of("bearer", "basic", "token");
    // Matched against names only (short), never against bodies; plain alternation, no nested quantifiers.
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(secret|password|passwd|token|api[_-]?key|auth(?!or)|credential|private[_-]?key|^key$|[_-]key$|signature)");

    private Redaction() {
    }

    /** True when a header of this name carries credentials. */
    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSecretName(name);
    }

    /** True when a field of this name (JSON key, form field, query parameter) looks like a secret. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /**
     * The header value, or for a credential header a mask: the whole value, except that a leading
     * {@code Bearer}, {@code Basic} or {@code Token} scheme word is kept ({@code Bearer [redacted]}).
     */
    public static String headerValue(String name, String value) {
        if (!isSecretHeader(name)) {
            return value;
        }
        int space = value.indexOf(' ');
        if (space > 0 && SCHEMES.contains(value.substring(0, space).toLowerCase(Locale.ROOT))) {
            return value.substring(0, space + 1) + MASK;
        }
        return MASK;
    }

    /** JSON text with the values of secret-named fields masked; see the class description. */
    public static String json(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 1 << 20));
        int i = 0;
        int copied = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '"') {
                i++;
                continue;
            }
            int end = stringEnd(text, i);
            int colon = skipSpace(text, end);
            if (colon >= text.length() || text.charAt(colon) != ':' || !isSecretName(text.substring(i + 1, Math.max(i + 1, end - 1)))) {
                i = end;
                continue;
            }
            int value = skipSpace(text, colon + 1);
            out.append(text, copied, value).append('"').append(MASK).append('"');
            i = valueEnd(text, value);
            copied = i;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The index just past the string that opens at {@code start}, or the text's length if unterminated. */
    private static int stringEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return Math.min(i, text.length());
    }

    /**
     * The index just past the JSON value at {@code start}: a string, an object or array (nesting counted,
     * not recursed into), or a bare scalar up to the next separator. Runs to the end on broken input, so
     * a broken secret is masked rather than shown.
     */
    private static int valueEnd(String text, int start) {
        if (start >= text.length()) {
            return start;
        }
        char first = text.charAt(start);
        if (first == '"') {
            return stringEnd(text, start);
        }
        if (first != '{' && first != '[') {
            int i = start;
            while (i < text.length() && ",}]".indexOf(text.charAt(i)) < 0 && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }
        long depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = stringEnd(text, i);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** A URL-encoded form or query string with the values of secret-named fields masked. */
    public static String form(String text) {
        return form(text, Set.of());
    }

    /**
     * As {@link #form(String)}, also masking the fields in {@code carriers}: names that carry a credential
     * by role (an API key the manifest sends as {@code ?code=}), whatever they look like.
     */
    public static String form(String text, Set<String> carriers) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? text.length() : amp;
            int eq = indexOf(text, '=', start, end);
            if (eq >= 0 && isSecret(decoded(text.substring(start, eq)), carriers)) {
                out.append(text, start, eq + 1).append(MASK);
            } else {
                out.append(text, start, end);
            }
            if (amp < 0) {
                break;
            }
            out.append('&');
            start = amp + 1;
        }
        return out.toString();
    }

    private static boolean isSecret(String name, Set<String> carriers) {
        return isSecretName(name) || (!carriers.isEmpty() && carriers.contains(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The header value, masked wholly when the header carries a credential by role ({@code carriers}, names
     * in lower case) and as {@link #headerValue(String, String)} masks it otherwise.
     */
    public static String headerValue(String name, String value, Set<String> carriers) {
        if (!carriers.isEmpty() && carriers.contains(name.toLowerCase(Locale.ROOT))) {
            return MASK;
        }
        return headerValue(name, value);
    }

    /** Like {@link String#indexOf(int, int)} but stops at {@code end}, so a form is read once. */
    private static int indexOf(String text, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** A form field name as the server reads it ({@code pass%77ord} is {@code password}). */
    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
