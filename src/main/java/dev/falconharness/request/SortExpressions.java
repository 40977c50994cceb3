package dev.falconharness.request;

import dev.falconharness.manifest.Parameter;
import java.util.List;
import java.util.Locale;

/**
 * Falcon's {@code sort} parameters: where the spec's enum lists the fields to sort on
 * ({@code created_on}, {@code value}), the API takes a field followed by a direction as well
 * ({@code created_on.desc}, {@code value|asc}), and every Falcon client sends it that way. Where the enum
 * lists directed forms itself ({@code deployed_timestamp.desc}), only those are allowed. Used by request
 * validation and by {@code falcon describe}. Stateless.
 */
public final class SortExpressions {
    private static final List<String> DIRECTIONS = List.of(".asc", ".desc", "|asc", "|desc");

    private SortExpressions() {
    }

    /** True when {@code p} is a {@code sort} parameter whose enum names fields without a direction. */
    public static boolean listsFields(Parameter p) {
        if (!p.name().equalsIgnoreCase("sort") || p.enumValues().isEmpty()) {
            return false;
        }
        for (String value : p.enumValues()) {
            if (direction(value) != null) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code text} is one of the listed fields followed by a direction. */
    public static boolean allows(Parameter p, String text) {
        String direction = direction(text);
        return direction != null && listsFields(p)
                && p.enumValues().contains(text.substring(0, text.length() - direction.length()));
    }

    /** The direction {@code text} ends in (ignoring case), or null. */
    private static String direction(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String direction : DIRECTIONS) {
            if (lower.endsWith(direction) && lower.length() > direction.length()) {
                return direction;
            }
        }
        return null;
    }
}
