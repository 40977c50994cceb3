package dev.falconharness.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for what counts as JSON, used for bodies sent, answers read, previews and imported specs:
 * a media type whose subtype is {@code json} or ends in {@code +json} (RFC 6839's structured syntax
 * suffix), whatever its parameters: {@code application/json; charset=utf-8},
 * {@code application/merge-patch+json}, {@code application/vnd.api+json}. Also the rules an operation's
 * {@code consumes} and {@code produces} follow: which request type is sent by default, which a caller may
 * choose, and the {@code Accept} header asked for. A wildcard ({@code *}{@code /*}, {@code application/*})
 * means "whatever the body is": a JSON body goes as {@code application/json}, bytes as
 * {@code application/octet-stream}. Thread-safe; stateless.
 *
 * <pre>{@code
 * MediaTypes.preferredRequestType(List.of("application/xml", "application/json"));   // "application/json"
 * MediaTypes.accept(List.of("text/plain", "application/json"));                     // "application/json, text/plain"
 * }</pre>
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

    /** True for a type with a {@code *}: {@code *}{@code /*} or {@code application/*}. */
    public static boolean isWildcard(String type) {
        return base(type).contains("*");
    }

    /**
     * The request type sent when the caller does not choose: {@code application/json}, else the first
     * other JSON type, else null (inferred from the body) when a wildcard is declared, else the first type.
     */
    public static String preferredRequestType(List<String> declared) {
        for (String type : declared) {
            if (base(type).equals(JSON)) {
                return type;
            }
        }
        for (String type : declared) {
            if (isJson(type)) {
                return type;
            }
        }
        for (String type : declared) {
            if (isWildcard(type)) {
                return null;
            }
        }
        return declared.isEmpty() ? null : declared.get(0);
    }

    /**
     * True when {@code chosen} is one of {@code declared}, or matches a declared wildcard; any type is
     * allowed when nothing is declared.
     */
    public static boolean allows(List<String> declared, String chosen) {
        if (declared.isEmpty()) {
            return true;
        }
        String wanted = base(chosen);
        for (String type : declared) {
            String base = base(type);
            if (base.equals(wanted) || base.equals("*/*")
                    || (base.endsWith("/*") && wanted.startsWith(base.substring(0, base.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code Accept} value for an operation that answers {@code produces}: JSON types first, then the
     * others as declared, a wildcard last as {@code *}{@code /*}; null when nothing is declared (the harness
     * then asks for {@code application/json}).
     */
    public static String accept(List<String> produces) {
        if (produces.isEmpty()) {
            return null;
        }
        List<String> ordered = new ArrayList<>();
        produces.stream().filter(MediaTypes::isJson).map(MediaTypes::base).forEach(t -> addOnce(ordered, t));
        produces.stream().filter(t -> !isJson(t) && !isWildcard(t)).map(MediaTypes::base).forEach(t -> addOnce(ordered, t));
        if (produces.stream().anyMatch(MediaTypes::isWildcard)) {
            addOnce(ordered, "*/*");
        }
        return String.join(", ", ordered);
    }

    private static void addOnce(List<String> list, String type) {
        if (!list.contains(type)) {
            list.add(type);
        }
    }
}
