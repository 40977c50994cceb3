package dev.falconharness.openapi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ids for the operations only the newer reference has, spelt the way the table spells ids. The table
 * writes the spec's {@code RTR-ListSessions} and {@code entities.rules.get.v1} as {@code RTR_ListSessions}
 * and {@code entities_rules_get_v1}: {@code -}, {@code .} and {@code /} become {@code _}. goFalcon appends
 * {@code Mixin0}, {@code Mixin60}... to an id the spec uses twice; that suffix is goFalcon's, so it is
 * dropped when the id without it is free: no other id, ignoring case, is that id, and no other new
 * operation would lose its suffix to the same id. Otherwise the suffixed id is kept, so an id never
 * depends on which of two operations came first. Stateless.
 */
final class AddedOperationIds {
    private static final Pattern SEPARATORS = Pattern.compile("[-./]");
    private static final Pattern MIXIN_SUFFIX = Pattern.compile("(?:Mixin\\d+)+$");

    private AddedOperationIds() {
    }

    /** {@code -}, {@code .} and {@code /} read as {@code _}. */
    static String respell(String specId) {
        return SEPARATORS.matcher(specId).replaceAll("_");
    }

    /**
     * Maps each of {@code specIds} (goFalcon's ids of the new operations) to its manifest id; fails when a
     * respelt id is already one of {@code tableIds}.
     */
    static Map<String, String> assign(List<String> specIds, Set<String> tableIds) {
        Set<String> taken = new HashSet<>();
        tableIds.forEach(id -> taken.add(lower(id)));
        Map<String, Integer> strippedCounts = new HashMap<>();
        for (String specId : specIds) {
            String respelt = respell(specId);
            if (tableIds.contains(respelt)) {
                throw new IllegalArgumentException("new operation " + specId + " would be spelt " + respelt
                        + ", which the table already uses for another operation");
            }
            taken.add(lower(respelt));
            strippedCounts.merge(lower(stripped(respelt)), 1, Integer::sum);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (String specId : specIds) {
            String respelt = respell(specId);
            String bare = stripped(respelt);
            boolean free = !bare.isEmpty() && !taken.contains(lower(bare)) && strippedCounts.get(lower(bare)) == 1;
            ids.put(specId, !bare.equals(respelt) && free ? bare : respelt);
        }
        return ids;
    }

    private static String stripped(String id) {
        return MIXIN_SUFFIX.matcher(id).replaceFirst("");
    }

    private static String lower(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
