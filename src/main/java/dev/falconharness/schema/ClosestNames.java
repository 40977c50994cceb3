package dev.falconharness.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names closest to a mistyped one, for "did you mean" hints. Thread-safe; stateless.
 *
 * <pre>{@code
 * ClosestNames.closest("retrieveuser", ids, 3)   // [RetrieveUser, retrieveUser]
 * }</pre>
 *
 * <p>Ranking: a case-insensitive equal name first, then names that contain or are contained in the
 * input, then by edit distance. Names further than about a third of their length away are dropped, so
 * a hint is offered only when it is plausibly what was meant. It lives here, below the manifest layer,
 * because schema validation suggests field names with the same ranking as the manifest suggests
 * operation and parameter names ({@code manifest.Suggestions} delegates here).
 */
public final class ClosestNames {
    private ClosestNames() {
    }

    /** Up to {@code limit} names from {@code candidates} close to {@code input}, best first. */
    public static List<String> closest(String input, Collection<String> candidates, int limit) {
        String needle = input.toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            int score = score(needle, candidate.toLowerCase(Locale.ROOT));
            if (score >= 0) {
                scored.add(new Scored(candidate, score));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < scored.size() && i < limit; i++) {
            names.add(scored.get(i).name());
        }
        return names;
    }

    /** Lower is closer; -1 means "not close enough to suggest". */
    private static int score(String needle, String candidate) {
        if (needle.equals(candidate)) {
            return 0;
        }
        boolean contains = needle.length() >= 3 && (candidate.contains(needle) || needle.contains(candidate));
        if (contains) {
            return 1 + Math.abs(candidate.length() - needle.length()) / 4;
        }
        int distance = editDistance(needle, candidate);
        int allowed = Math.max(2, Math.min(needle.length(), candidate.length()) / 3);
        return distance <= allowed ? 2 + distance : -1;
    }

    /** Levenshtein distance with two rolling rows. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String name, int score) {
    }
}
