package dev.falconharness.sandbox;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.PathTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the {@link Route} for a method and raw path, compiled once from a manifest: literal paths (all but
 * a few dozen of Falcon's) are one hash lookup; templated paths are tried per method, most specific
 * first: more literal segments, then the earlier literal, so {@code /c/{x}/objects/{k}} wins over
 * {@code /c/{x}/{v}/objects} for {@code /c/1/objects/objects}.
 * Immutable and thread-safe.
 */
final class RouteTable {
    private final Map<String, Route> literal;
    private final Map<String, List<Templated>> templated;
    private final Map<String, Set<String>> methodsByPath;

    /** A templated route split into segments: a literal string, or a pattern for a placeholder segment. */
    private record Templated(Route route, Object[] segments, int literalCount) {
    }

    /** More literal segments first; on a tie, the one whose first literal comes earlier. */
    private static final Comparator<Templated> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt(Templated::literalCount).reversed()
            .thenComparing(RouteTable::earlierLiteral);

    private static int earlierLiteral(Templated a, Templated b) {
        for (int i = 0; i < Math.min(a.segments().length, b.segments().length); i++) {
            boolean aLiteral = a.segments()[i] instanceof String;
            boolean bLiteral = b.segments()[i] instanceof String;
            if (aLiteral != bLiteral) {
                return aLiteral ? -1 : 1;
            }
        }
        return 0;
    }

    private RouteTable(Map<String, Route> literal, Map<String, List<Templated>> templated,
            Map<String, Set<String>> methodsByPath) {
        this.literal = literal;
        this.templated = templated;
        this.methodsByPath = methodsByPath;
    }

    /**
     * Groups the manifest's operations by method and path.
     *
     * @param handlerFor the handler for the operations sharing a method and path
     * @param open       the IDs of operations that need no bearer token
     * @param contracts  the contract of each operation; a route takes the first of its operations' that has one
     */
    static RouteTable compile(Manifest manifest, Function<List<Operation>, Handler> handlerFor, Set<String> open,
            OperationContracts contracts) {
        Map<String, List<Operation>> grouped = new LinkedHashMap<>();
        for (Operation op : manifest.operations()) {
            grouped.computeIfAbsent(op.method() + " " + op.path(), k -> new ArrayList<>()).add(op);
        }
        Map<String, Route> literal = new HashMap<>();
        Map<String, List<Templated>> templated = new HashMap<>();
        Map<String, Set<String>> methodsByPath = new HashMap<>();
        for (List<Operation> ops : grouped.values()) {
            Operation first = ops.get(0);
            List<String> ids = ops.stream().map(Operation::id).toList();
            Route route = new Route(first.method(), first.path(), ids, handlerFor.apply(ops),
                    ids.stream().anyMatch(open::contains), contractOf(ids, contracts));
            methodsByPath.computeIfAbsent(first.path(), k -> new TreeSet<>()).add(first.method());
            if (first.path().indexOf('{') < 0) {
                literal.put(first.method() + " " + first.path(), route);
            } else {
                templated.computeIfAbsent(first.method(), k -> new ArrayList<>()).add(templated(route));
            }
        }
        templated.values().forEach(list -> list.sort(MOST_SPECIFIC_FIRST));
        return new RouteTable(literal, templated, methodsByPath);
    }

    private static Contract contractOf(List<String> ids, OperationContracts contracts) {
        return ids.stream().map(contracts::of).filter(c -> c != Contract.NONE).findFirst().orElse(Contract.NONE);
    }

    private static Templated templated(Route route) {
        String[] parts = route.template().split("/", -1);
        Object[] segments = new Object[parts.length];
        int literals = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].indexOf('{') < 0) {
                segments[i] = parts[i];
                literals++;
            } else {
                segments[i] = segmentPattern(parts[i]);
            }
        }
        return new Templated(route, segments, literals);
    }

    /** {@code {id}} matches any non-empty segment; {@code v{n}.json} keeps its literal text around it. */
    private static Pattern segmentPattern(String segment) {
        StringBuilder regex = new StringBuilder();
        for (PathTemplate.Piece piece : PathTemplate.parse(segment).pieces()) {
            regex.append(piece.placeholder() ? "[^/]+" : Pattern.quote(piece.text()));
        }
        return Pattern.compile(regex.toString());
    }

    /** The route for a request, or null. */
    Route match(String method, String rawPath) {
        Route route = literal.get(method + " " + rawPath);
        if (route != null) {
            return route;
        }
        List<Templated> candidates = templated.get(method);
        if (candidates == null) {
            return null;
        }
        String[] parts = rawPath.split("/", -1);
        for (Templated candidate : candidates) {
            if (matches(candidate.segments(), parts)) {
                return candidate.route();
            }
        }
        return null;
    }

    private static boolean matches(Object[] segments, String[] parts) {
        if (segments.length != parts.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            boolean ok = segments[i] instanceof Pattern p ? !parts[i].isEmpty() && p.matcher(parts[i]).matches()
                    : segments[i].equals(parts[i]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The methods the manifest defines for exactly this (literal) path, for "use GET instead" hints. */
    Set<String> methodsFor(String rawPath) {
        return methodsByPath.getOrDefault(rawPath, Set.of());
    }

    /** The number of distinct method and path pairs. */
    int size() {
        return literal.size() + templated.values().stream().mapToInt(List::size).sum();
    }
}
