package dev.falconharness.request;

import dev.falconharness.http.MediaTypes;
import dev.falconharness.manifest.Operation;
import java.util.Map;

/**
 * The request content type a caller chooses for one call with a {@code Content-Type} argument
 * (any case), for an operation that declares several: {@code Map.of("Content-Type",
 * "application/merge-patch+json")}. The argument is honoured only when the operation has no parameter
 * of that name, takes content, and allows the type (listed, or matched by a declared wildcard; any type
 * when none is declared). Stateless.
 */
final class MediaChoice {
    static final String ARGUMENT = "Content-Type";

    private MediaChoice() {
    }

    /** The key in {@code params} that names the content type, or null. */
    static String key(Map<String, ?> params, Map<String, Integer> parameterIndex) {
        if (params == null || params.isEmpty()) {
            return null;
        }
        for (String name : params.keySet()) {
            if (name != null && name.equalsIgnoreCase(ARGUMENT) && !parameterIndex.containsKey(name)) {
                return name;
            }
        }
        return null;
    }

    /** The chosen type, checked against what {@code op} allows; null with a problem when refused. */
    static String check(Operation op, boolean takesContent, Object value, Problems problems) {
        if (!(value instanceof CharSequence text) || text.toString().isBlank() || text.toString().indexOf('/') < 0
                || MediaTypes.isWildcard(text.toString())) {
            problems.add(ARGUMENT, "header", "must be a media type such as application/json, not " + Values.describe(value));
            return null;
        }
        String type = text.toString().strip();
        if (!takesContent) {
            problems.add(ARGUMENT, "header", op.id() + " sends no content, so it takes no Content-Type");
            return null;
        }
        if (!MediaTypes.allows(op.consumesAll(), type)) {
            problems.add(ARGUMENT, "header", op.id() + " does not accept " + type + "; it accepts "
                    + String.join(", ", op.consumesAll()));
            return null;
        }
        return type;
    }
}
