package dev.falconharness.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * HTTP header fields: an ordered list of name/value pairs with case-insensitive lookup. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Headers h = Headers.of("X-Cs-Traceid", "abc", "Accept", "application/json");
 * h.value("x-cs-traceid");   // Optional[abc]
 * }</pre>
 */
public final class Headers {
    /** No headers. */
    public static final Headers EMPTY = new Headers(List.of());

    private final List<String> namesAndValues;

    private Headers(List<String> namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** Headers from alternating names and values. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got an odd number of strings");
        }
        return new Headers(List.of(namesAndValues));
    }

    /** Headers from a map of names to value lists (as {@code java.net.http.HttpHeaders#map()} gives). */
    public static Headers of(Map<String, List<String>> map) {
        List<String> list = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            for (String value : entry.getValue()) {
                list.add(entry.getKey());
                list.add(value);
            }
        }
        return new Headers(List.copyOf(list));
    }

    /** The number of name/value pairs. */
    public int size() {
        return namesAndValues.size() / 2;
    }

    public String name(int index) {
        return namesAndValues.get(index * 2);
    }

    public String value(int index) {
        return namesAndValues.get(index * 2 + 1);
    }

    /** The first value of the header named {@code name}, ignoring case. */
    public Optional<String> value(String name) {
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                return Optional.of(namesAndValues.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** Every value of the header named {@code name}, ignoring case, in order. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (namesAndValues.get(i).equalsIgnoreCase(name)) {
                values.add(namesAndValues.get(i + 1));
            }
        }
        return values;
    }

    public boolean contains(String name) {
        return value(name).isPresent();
    }

    /** A copy with {@code name: value} appended. */
    public Headers plus(String name, String value) {
        List<String> list = new ArrayList<>(namesAndValues.size() + 2);
        list.addAll(namesAndValues);
        list.add(name);
        list.add(value);
        return new Headers(Collections.unmodifiableList(list));
    }

    /** A copy with every {@code name} header (ignoring case) replaced by one {@code name: value}. */
    public Headers with(String name, String value) {
        return without(name).plus(name, value);
    }

    /** A copy without any header named {@code name}, ignoring case. */
    public Headers without(String name) {
        List<String> list = new ArrayList<>(namesAndValues.size());
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (!namesAndValues.get(i).equalsIgnoreCase(name)) {
                list.add(namesAndValues.get(i));
                list.add(namesAndValues.get(i + 1));
            }
        }
        return new Headers(Collections.unmodifiableList(list));
    }

    /** The headers as a case-insensitive map of names to values. */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            map.computeIfAbsent(namesAndValues.get(i), k -> new ArrayList<>()).add(namesAndValues.get(i + 1));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Names and values, with the values of credential-bearing headers masked. */
    @Override
    public String toString() {
        return toString(Set.of());
    }

    /**
     * What is wrong with a header value, or null when HTTP can carry it: the one rule for request building,
     * the harness's check before sending and the transport's check of every stage's headers. The problem
     * names a position, never the value (a header may carry a secret).
     */
    public static String valueProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
                return "header values must not contain CR, LF or NUL characters, other control characters or "
                        + "characters beyond Latin-1 (one is at position " + i + "); nothing was sent";
            }
        }
        return null;
    }

    /** As {@link #toString()}, also masking wholly the headers in {@code carriers} (lower-case names). */
    public String toString(Set<String> carriers) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.size(); i += 2) {
            if (i > 0) {
                out.append(", ");
            }
            String name = namesAndValues.get(i);
            out.append(name).append(": ").append(Redaction.headerValue(name, namesAndValues.get(i + 1), carriers));
        }
        return out.append('}').toString();
    }
}
