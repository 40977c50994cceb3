package dev.falconharness.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled schema of the supported JSON Schema 2020-12 subset: what a request body or a response must
 * look like. Immutable and thread-safe; made by {@link #compile(JsonNode)} or by the manifest loader
 * (which resolves {@code $ref}s against the manifest's {@code definitions}).
 *
 * <pre>{@code
 * Schema user = Schema.compile(mapper.readTree("""
 *     {"type": "object", "required": ["uid"],
 *      "properties": {"uid": {"type": "string"}, "firstName": {"type": "string"}}}"""));
 * user.validate(Map.of("uid", "ana@example.com", "first_name", "Ana"));
 * // [/first_name: unknown field; did you mean firstName? the value takes: uid, firstName]
 * }</pre>
 *
 * <p>Supported keywords: {@code type} (a name or an array of names, {@code "null"} allowed),
 * {@code properties}, {@code required}, {@code items}, {@code enum}, {@code const}, {@code minimum},
 * {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (numbers), {@code minLength},
 * {@code maxLength}, {@code pattern} (searched, not anchored, as JSON Schema says), {@code format}
 * (an annotation; {@code binary} marks raw bytes), {@code minItems}, {@code maxItems},
 * {@code uniqueItems}, {@code additionalProperties} (boolean or schema), {@code $ref}
 * ({@code #/definitions/<name>} only), {@code allOf}, {@code oneOf}, {@code anyOf}, {@code nullable}
 * (OpenAPI 3.0), the annotations {@code description}, {@code title}, {@code default}, {@code examples},
 * {@code example}, {@code readOnly}, {@code writeOnly}, {@code deprecated}, and {@code x-*} extensions
 * (kept as annotations, never checked). Anything else is refused when the schema is compiled.
 * {@code {}} accepts any JSON.
 */
public final class Schema {
    /** Accepts any JSON value: the empty schema {@code {}}. */
    public static final Schema ANY = new Schema(new SchemaBuilder());
    /** Accepts nothing: {@code additionalProperties: false}. */
    static final Schema NOTHING = new SchemaBuilder().nothing().build();

    final int types;
    final boolean nullable;
    final boolean nothing;
    final Map<String, Schema> properties;
    final List<String> required;
    final Schema items;
    final Schema additionalProperties;
    final List<JsonNode> enumValues;
    final JsonNode constValue;
    final Bound minimum;
    final Bound maximum;
    final Bound exclusiveMinimum;
    final Bound exclusiveMaximum;
    final int minLength;
    final int maxLength;
    final Pattern pattern;
    final String format;
    final int minItems;
    final int maxItems;
    final boolean uniqueItems;
    final List<Schema> allOf;
    final List<Schema> oneOf;
    final List<Schema> anyOf;
    final String ref;
    final Definitions definitions;
    final Annotations annotations;
    private volatile Schema target;
    private volatile Set<String> knownNames;
    private volatile Map<String, Schema> allProperties;

    Schema(SchemaBuilder b) {
        this.types = b.types;
        this.nullable = b.nullable;
        this.nothing = b.nothing;
        // Most schemas declare no properties; an empty map each would be a third of a large manifest's heap.
        this.properties = b.properties.isEmpty() ? Map.of() : Collections.unmodifiableMap(b.properties);
        this.required = List.copyOf(b.required);
        this.items = b.items;
        this.additionalProperties = b.additionalProperties;
        this.enumValues = List.copyOf(b.enumValues);
        this.constValue = b.constValue;
        this.minimum = b.minimum;
        this.maximum = b.maximum;
        this.exclusiveMinimum = b.exclusiveMinimum;
        this.exclusiveMaximum = b.exclusiveMaximum;
        this.minLength = b.minLength;
        this.maxLength = b.maxLength;
        this.pattern = b.pattern;
        this.format = b.format;
        this.minItems = b.minItems;
        this.maxItems = b.maxItems;
        this.uniqueItems = b.uniqueItems;
        this.allOf = List.copyOf(b.allOf);
        this.oneOf = List.copyOf(b.oneOf);
        this.anyOf = List.copyOf(b.anyOf);
        this.ref = b.ref;
        this.definitions = b.definitions;
        this.annotations = b.annotations;
    }

    /**
     * Compiles a stand-alone schema (one without {@code $ref}s; use a manifest's {@code definitions}
     * for those).
     *
     * @throws SchemaException listing every unsupported keyword or malformed value, with its pointer
     */
    public static Schema compile(JsonNode node) {
        List<SchemaProblem> problems = new ArrayList<>();
        Schema schema = new SchemaCompiler(Definitions.NONE, problems).compile(node, "");
        if (!problems.isEmpty()) {
            throw new SchemaException(problems);
        }
        return schema;
    }

    /** The JSON types allowed ({@code "null"} included when {@code nullable}); empty means any type. */
    public Set<JsonType> types() {
        Set<JsonType> set = EnumSet.noneOf(JsonType.class);
        for (JsonType type : JsonType.values()) {
            if ((types & type.bit()) != 0) {
                set.add(type);
            }
        }
        if (nullable && !set.isEmpty()) {
            set.add(JsonType.NULL);
        }
        return set;
    }

    /** True when {@code type} is allowed ({@code integer} values are numbers too). */
    public boolean allows(JsonType type) {
        return types == 0 || (types & type.bit()) != 0 || (type == JsonType.INTEGER && (types & JsonType.NUMBER.bit()) != 0)
                || (type == JsonType.NULL && nullable);
    }

    /** The declared properties of an object, in declaration order (empty when none). */
    public Map<String, Schema> properties() { return properties; }
    /** The names of the required properties. */
    public List<String> required() { return required; }
    /** The schema of an array's items, if declared. */
    public Optional<Schema> items() { return Optional.ofNullable(items); }
    /** {@code additionalProperties} as a schema ({@code false} is a schema that accepts nothing), if declared. */
    public Optional<Schema> additionalProperties() { return Optional.ofNullable(additionalProperties); }
    /** True for {@code additionalProperties: false} and for the schema it stands for. */
    public boolean acceptsNothing() { return nothing; }
    /** The allowed values (empty: any). */
    public List<JsonNode> enumValues() { return enumValues; }
    /** The one allowed value, or null. */
    public JsonNode constValue() { return constValue; }
    public Optional<BigDecimal> minimum() { return Bound.value(minimum); }
    public Optional<BigDecimal> maximum() { return Bound.value(maximum); }
    public Optional<BigDecimal> exclusiveMinimum() { return Bound.value(exclusiveMinimum); }
    public Optional<BigDecimal> exclusiveMaximum() { return Bound.value(exclusiveMaximum); }
    /** The minimum string length in code points, or -1. */
    public int minLength() { return minLength; }
    /** The maximum string length in code points, or -1. */
    public int maxLength() { return maxLength; }
    public Optional<Pattern> pattern() { return Optional.ofNullable(pattern); }
    /** The {@code format} annotation ({@code date-time}, {@code int64}, {@code binary}...), or null. */
    public String format() { return format; }
    /** The minimum number of array items, or -1. */
    public int minItems() { return minItems; }
    /** The maximum number of array items, or -1. */
    public int maxItems() { return maxItems; }
    public boolean uniqueItems() { return uniqueItems; }
    public List<Schema> allOf() { return allOf; }
    public List<Schema> oneOf() { return oneOf; }
    public List<Schema> anyOf() { return anyOf; }
    /** The definition name a {@code $ref} points to (decoded), or null. */
    public String ref() { return ref; }
    public String description() { return annotations.description(); }
    public String title() { return annotations.title(); }
    /** The documented default, or null. */
    public JsonNode defaultValue() { return annotations.defaultValue(); }
    /** {@code examples}, with a lone {@code example} as a one-item list. */
    public List<JsonNode> examples() { return annotations.examples(); }
    public boolean readOnly() { return annotations.readOnly(); }
    public boolean writeOnly() { return annotations.writeOnly(); }
    public boolean deprecated() { return annotations.deprecated(); }
    /** The {@code x-*} extensions, as written. */
    public Map<String, JsonNode> extensions() { return annotations.extensions(); }

    /** True for {@code {"type": "string", "format": "binary"}}: raw bytes, not JSON. */
    public boolean isBinary() {
        Schema s = resolved();
        return s.types == JsonType.STRING.bit() && "binary".equals(s.format);
    }

    /** True when the schema (after {@code $ref}s) is for JSON objects only. */
    public boolean isObject() {
        return resolved().types == JsonType.OBJECT.bit();
    }

    /**
     * This schema with its {@code $ref} followed (repeatedly); the schema itself when it is no reference.
     *
     * @throws SchemaException if a reference was never checked and does not resolve
     */
    public Schema resolved() {
        Schema s = this;
        for (int hops = 0; s.ref != null && hops < 64; hops++) {
            s = s.target();
        }
        return s;
    }

    /** The definition this reference names; compiled on first use, then kept. */
    Schema target() {
        Schema t = target;
        if (t == null) {
            t = definitions.get(ref);
            if (t == null) {
                throw new SchemaException(List.of(new SchemaProblem("", "$ref names no definition: " + ref)));
            }
            target = t;
        }
        return t;
    }

    /**
     * The property names an object may have under this schema: its own and those of its {@code allOf}
     * parts and {@code $ref} target; computed once.
     */
    Set<String> knownNames() {
        Set<String> names = knownNames;
        if (names == null) {
            Set<String> all = new LinkedHashSet<>();
            collectNames(this, all, 0);
            names = Collections.unmodifiableSet(all);
            knownNames = names;
        }
        return names;
    }

    private static void collectNames(Schema s, Set<String> into, int depth) {
        if (depth > 32) {
            return; // a cycle of allOf references: the names are already in
        }
        into.addAll(s.properties.keySet());
        if (s.ref != null) {
            collectNames(s.target(), into, depth + 1);
        }
        for (Schema part : s.allOf) {
            collectNames(part, into, depth + 1);
        }
    }

    /**
     * Every property an object may have under this schema, by name: its own, its {@code $ref} target's
     * and its {@code allOf} parts' (the first declaration of a name wins). What a form or a field
     * tree shows; computed once.
     */
    public Map<String, Schema> allProperties() {
        Map<String, Schema> all = allProperties;
        if (all == null) {
            Map<String, Schema> collected = new java.util.LinkedHashMap<>();
            collectProperties(this, collected, 0);
            all = Collections.unmodifiableMap(collected);
            allProperties = all;
        }
        return all;
    }

    private static void collectProperties(Schema s, Map<String, Schema> into, int depth) {
        if (depth > 32) {
            return;
        }
        s.properties.forEach(into::putIfAbsent);
        if (s.ref != null) {
            collectProperties(s.target(), into, depth + 1);
        }
        for (Schema part : s.allOf) {
            collectProperties(part, into, depth + 1);
        }
    }

    /** True when this schema or an {@code allOf} part declares properties: unknown fields can be told. */
    boolean declaresProperties() {
        return !knownNames().isEmpty();
    }

    /**
     * Every way {@code value} (a Jackson tree, or maps, lists, strings, numbers and booleans) fails this
     * schema, in request mode (see {@link SchemaValidator#validate}).
     */
    public List<SchemaProblem> validate(Object value) {
        return SchemaValidator.standard().validate(this, value, "", "the value");
    }

    @Override
    public String toString() {
        return ref != null ? "Schema{$ref " + ref + "}" : "Schema{" + types() + (properties.isEmpty() ? "" : " " + properties.keySet()) + "}";
    }

    /** A numeric bound kept both exactly and as a double, so the common check needs no BigDecimal. */
    record Bound(BigDecimal exact, double approx) {
        static Bound of(BigDecimal value) {
            return value == null ? null : new Bound(value, value.doubleValue());
        }

        static Optional<BigDecimal> value(Bound bound) {
            return bound == null ? Optional.empty() : Optional.of(bound.exact);
        }
    }

    /** The keywords that describe and do not constrain. */
    record Annotations(String description, String title, JsonNode defaultValue, List<JsonNode> examples,
            boolean readOnly, boolean writeOnly, boolean deprecated, Map<String, JsonNode> extensions) {
        static final Annotations NONE = new Annotations(null, null, null, List.of(), false, false, false, Map.of());
    }
}
