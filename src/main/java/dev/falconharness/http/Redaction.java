package dev.falconharness.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before anything is logged, printed or put in an exception: credential headers, the
 * fields of token requests, and JSON or form fields whose names say they hold a secret.
 * Thread-safe; stateless.
 */
public final class Redaction {
    /** What a masked value is replaced with. */
    public static final String MASK = "[redacted]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-file-password");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(secret|password|passwd|token|api[_-]?key|auth(?!or)|credential|private[_-]?key|^key$|[_-]key$|signature)");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"([^\"\\\\]*)\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");
    private static final Pattern FORM_FIELD = Pattern.compile("(^|&)([^=&]*)=([^&]*)");

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

    /** The header value, or a mask that keeps the scheme ({@code Bearer [redacted]}) for credential headers. */
    public static String headerValue(String name, String value) {
        if (!isSecretHeader(name)) {
            return value;
        }
        int space = value.indexOf(' ');
        return space > 0 && space < 16 ? value.substring(0, space + 1) + MASK : MASK;
    }

    /** JSON text with the values of secret-named fields masked. */
    public static String json(String text) {
        Matcher m = JSON_FIELD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = isSecretName(m.group(2)) ? m.group(1) + "\"" + MASK + "\"" : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A URL-encoded form or query string with the values of secret-named fields masked. */
    public static String form(String text) {
        Matcher m = FORM_FIELD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = isSecretName(m.group(2)) ? MASK : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
