package dev.falconharness.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The named schemas of a manifest ({@code definitions}), compiled one at a time on first use: a manifest
 * with 3,000 definitions whose caller sends one body compiles the handful that body needs. Thread-safe:
 * two threads compiling the same definition at once both succeed and one result is kept.
 *
 * <pre>{@code
 * Schema user = manifest.definitions().get("domain.UserCreateRequest");
 * }</pre>
 */
public final class Definitions {
    /** No definitions. */
    public static final Definitions NONE = new Definitions(Set.of(), name -> null, "/definitions");

    private final Set<String> names;
    /** Where uncompiled definitions come from; let go (null) once every one is compiled. */
    private volatile Function<String, JsonNode> source;
    private final String pointer;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    /** One {@code {"$ref": name}} schema per name: a large manifest has tens of thousands of such uses. */
    private final Map<String, Schema> refs = new ConcurrentHashMap<>();

    private Definitions(Set<String> names, Function<String, JsonNode> source, String pointer) {
        this.names = names;
        this.source = source;
        this.pointer = pointer;
    }

    /** Definitions from parsed schema documents, by name; compiled when first asked for. */
    public static Definitions of(Map<String, JsonNode> nodes) {
        Map<String, JsonNode> copy = new LinkedHashMap<>(nodes);
        return new Definitions(Collections.unmodifiableSet(new LinkedHashSet<>(copy.keySet())), copy::get, "/definitions");
    }

    /**
     * Definitions whose documents are read by {@code reader} when first needed (the built-in manifest
     * keeps them as byte ranges of its document). {@code names} is kept as given, not copied: it must
     * not change afterwards.
     */
    public static Definitions lazy(Set<String> names, Function<String, JsonNode> reader) {
        // Not copied: the built-in manifest's 3,000 names are held once, by the index that owns them.
        return new Definitions(Collections.unmodifiableSet(names), reader, "/definitions");
    }

    /** Every definition name, in document order. */
    public Set<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /**
     * The compiled definition {@code name}, or null when there is none.
     *
     * @throws SchemaException if the definition breaks the subset's rules (only possible for definitions
     *                         that were never checked with {@link #check()})
     */
    public Schema get(String name) {
        Schema schema = compiled.get(name);
        if (schema != null || !names.contains(name)) {
            return schema;
        }
        Function<String, JsonNode> from = source;
        if (from == null) {
            return compiled.get(name); // every definition was compiled meanwhile
        }
        List<SchemaProblem> problems = new ArrayList<>();
        schema = new SchemaCompiler(this, problems).compile(from.apply(name), pointerOf(name));
        if (!problems.isEmpty()) {
            throw new SchemaException(problems);
        }
        Schema earlier = compiled.putIfAbsent(name, schema);
        releaseSourceIfDone();
        return earlier != null ? earlier : schema;
    }

    /**
     * Once every definition is compiled their documents are not needed: the parsed trees (or the
     * built-in manifest's document bytes) they come from are let go.
     */
    private void releaseSourceIfDone() {
        if (compiled.size() == names.size()) {
            source = null;
        }
    }

    /** Compiles every definition and returns every problem found, each with its pointer; keeps the valid ones. */
    public List<SchemaProblem> check() {
        List<SchemaProblem> all = new ArrayList<>();
        Function<String, JsonNode> from = source;
        // With no source left every definition is compiled, so every one passed.
        for (String name : from == null ? Set.<String>of() : names) {
            List<SchemaProblem> problems = new ArrayList<>();
            Schema schema = new SchemaCompiler(this, problems).compile(from.apply(name), pointerOf(name));
            if (problems.isEmpty()) {
                compiled.putIfAbsent(name, schema);
            }
            all.addAll(problems);
        }
        if (all.isEmpty()) {
            names.forEach(name -> checkChain(name, all));
        }
        if (all.isEmpty()) {
            releaseSourceIfDone();
        }
        return all;
    }

    /** A definition that is only a reference to a reference... back to itself describes no value. */
    private void checkChain(String name, List<SchemaProblem> problems) {
        List<String> chain = new ArrayList<>();
        Schema s = compiled.get(name);
        while (s != null && s.ref != null && s.properties.isEmpty() && s.allOf.isEmpty() && s.oneOf.isEmpty()
                && s.anyOf.isEmpty() && s.items == null) {
            chain.add(s.ref);
            if (s.ref.equals(name)) {
                problems.add(new SchemaProblem(pointerOf(name), "references form a cycle that never reaches a schema: "
                        + name + " -> " + String.join(" -> ", chain)));
                return;
            }
            if (chain.size() > names.size()) {
                return; // a cycle that does not pass through this name; reported for its own members
            }
            s = compiled.get(s.ref);
        }
    }

    /** The shared schema that is only a reference to {@code name}. */
    Schema sharedRef(String name) {
        return refs.computeIfAbsent(name, n -> {
            SchemaBuilder b = new SchemaBuilder();
            b.ref = n;
            b.definitions = this;
            return new Schema(b);
        });
    }

    /** Compiles {@code node}, which may refer to these definitions, collecting problems under {@code at}. */
    public Schema compile(JsonNode node, String at, List<SchemaProblem> problems) {
        return new SchemaCompiler(this, problems).compile(node, at);
    }

    private String pointerOf(String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
