package dev.falconharness.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives every operation its manifest ID: the spec's {@code operationId}, or one derived from method
 * and path. Stateless apart from the run's {@link Warnings}.
 *
 * <p>Derivation rule: the method in lower case, then each path segment as lower-case words joined by
 * {@code _}, where camelCase and any run of other characters separate words and a placeholder
 * {@code {name}} reads {@code by_name}: {@code GET /users/{id}} is {@code get_users_by_id},
 * {@code POST /ticketTypes/{typeId}/fields} is {@code post_ticket_types_by_type_id_fields}, {@code GET /}
 * is {@code get_root}. A derived ID already taken gets {@code _2}, {@code _3}, ... in document order.
 */
final class OperationIds {
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private OperationIds() {
    }

    /**
     * IDs for {@code operations}, in the same order.
     *
     * @throws ImportException when two operations declare the same operationId, naming both places
     */
    static List<String> assign(List<OperationWalker.Source> operations, String source, Warnings warnings) {
        Map<String, String> explicit = explicitIds(operations, source, warnings);
        Set<String> taken = new HashSet<>(explicit.values());
        List<String> ids = new ArrayList<>();
        for (OperationWalker.Source op : operations) {
            String id = explicit.get(op.pointer());
            if (id == null) {
                id = unique(derive(op.method(), op.path()), taken);
                warnings.operation(id);
                warnings.warn(op.pointer(), "no operationId; using the derived ID \"" + id + "\" (from "
                        + op.method().toUpperCase(Locale.ROOT) + " " + op.path() + ")");
                warnings.operation(null);
            }
            ids.add(id);
        }
        return ids;
    }

    /** Declared IDs by operation pointer; whitespace (not allowed in manifest IDs) becomes {@code _}. */
    private static Map<String, String> explicitIds(List<OperationWalker.Source> operations, String source, Warnings warnings) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> firstPlace = new HashMap<>();
        List<ImportException.Problem> duplicates = new ArrayList<>();
        for (OperationWalker.Source op : operations) {
            String declared = op.operation().path("operationId").asText("").strip();
            if (declared.isEmpty()) {
                continue;
            }
            String at = Pointers.child(op.pointer(), "operationId");
            String id = WHITESPACE.matcher(declared).replaceAll("_");
            if (!id.equals(declared)) {
                warnings.operation(id);
                warnings.warn(at, "operationId \"" + declared + "\" contains spaces, which manifest IDs cannot; using \"" + id + "\"");
                warnings.operation(null);
            }
            String earlier = firstPlace.putIfAbsent(id, at);
            if (earlier != null) {
                duplicates.add(new ImportException.Problem(at, "operationId \"" + id + "\" is also used at " + earlier
                        + "; operation IDs must be unique"));
            }
            ids.put(op.pointer(), id);
        }
        if (!duplicates.isEmpty()) {
            throw new ImportException(source, duplicates, null);
        }
        return ids;
    }

    static String derive(String method, String path) {
        List<String> words = new ArrayList<>();
        words.add(method.toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            addSegment(words, segment);
        }
        if (words.size() == 1) {
            words.add("root");
        }
        return String.join("_", words);
    }

    private static void addSegment(List<String> words, String segment) {
        int i = 0;
        while (i < segment.length()) {
            int open = segment.indexOf('{', i);
            int close = open < 0 ? -1 : segment.indexOf('}', open);
            if (open < 0 || close < 0) {
                addWords(words, segment.substring(i));
                return;
            }
            addWords(words, segment.substring(i, open));
            words.add("by");
            addWords(words, segment.substring(open + 1, close));
            i = close + 1;
        }
    }

    private static void addWords(List<String> words, String text) {
        for (String word : NON_WORD.split(CAMEL.matcher(text).replaceAll("_"))) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String unique(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "_" + n;
        }
        return candidate;
    }
}
