package dev.falconharness.manifest;

import dev.falconharness.schema.ClosestNames;
import java.util.Collection;
import java.util.List;

/**
 * Finds the names closest to a mistyped one, for "did you mean" hints. Thread-safe; stateless.
 *
 * <pre>{@code
 * Suggestions.closest("retrieveuser", ids, 3)   // [RetrieveUser, retrieveUser]
 * }</pre>
 *
 * <p>The ranking is {@link ClosestNames}'s, shared with body-field suggestions: a case-insensitive equal
 * name first, then names that contain or are contained in the input, then by edit distance; names
 * further than about a third of their length away are dropped.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** Up to {@code limit} names from {@code candidates} close to {@code input}, best first. */
    public static List<String> closest(String input, Collection<String> candidates, int limit) {
        return ClosestNames.closest(input, candidates, limit);
    }

    /** Levenshtein distance between {@code a} and {@code b}. */
    static int editDistance(String a, String b) {
        return ClosestNames.editDistance(a, b);
    }
}
