package dev.falconharness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.schema.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parameter of an {@link Operation}: its name, where it travels and the constraints its value must
 * meet. Immutable and thread-safe; build one with {@link #builder(String, Location)}.
 *
 * <pre>{@code
 * Parameter ids = Parameter.builder("ids", Location.QUERY)
 *         .type(ParamType.ARRAY).itemType(ParamType.STRING)
 *         .collectionFormat(CollectionFormat.MULTI).required(true).maxItems(500)
 *         .build();
 * }</pre>
 *
 * <p>Defaults: type {@link ParamType#STRING} ({@link ParamType#ANY} for body parameters), items of
 * arrays {@link ParamType#STRING}, arrays joined as {@link CollectionFormat#CSV}, not required, no
 * constraints.
 */
public final class Parameter {
    private final String name;
    private final Location location;
    private final ParamType type;
    private final String format;
    private final ParamType itemType;
    private final CollectionFormat collectionFormat;
    private final boolean required;
    private final List<String> enumValues;
    private final JsonNode defaultValue;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final Integer minLength;
    private final Integer maxLength;
    private final Pattern pattern;
    private final Integer minItems;
    private final Integer maxItems;
    private final boolean uniqueItems;
    private final String description;
    private final Schema schema;

    private Parameter(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.location = Objects.requireNonNull(b.location, "location");
        this.type = b.type != null ? b.type : (b.location == Location.BODY ? ParamType.ANY : ParamType.STRING);
        this.format = b.format;
        this.itemType = type == ParamType.ARRAY ? (b.itemType != null ? b.itemType : ParamType.STRING) : null;
        this.collectionFormat = type == ParamType.ARRAY
                ? (b.collectionFormat != null ? b.collectionFormat : CollectionFormat.CSV) : null;
        this.required = b.required || b.location == Location.PATH;
        this.enumValues = b.enumValues == null ? List.of() : List.copyOf(b.enumValues);
        this.defaultValue = b.defaultValue;
        this.minimum = b.minimum;
        this.maximum = b.maximum;
        this.minLength = b.minLength;
        this.maxLength = b.maxLength;
        this.pattern = b.pattern == null ? null : Pattern.compile(b.pattern);
        this.minItems = b.minItems;
        this.maxItems = b.maxItems;
        this.uniqueItems = b.uniqueItems;
        this.description = b.description;
        this.schema = b.schema;
    }

    public static Builder builder(String name, Location location) {
        return new Builder(name, location);
    }

    /** A builder holding this parameter's values, to derive a changed copy. */
    public Builder newBuilder() {
        Builder b = new Builder(name, location);
        b.type = type;
        b.format = format;
        b.itemType = itemType;
        b.collectionFormat = collectionFormat;
        b.required = required;
        b.enumValues = enumValues;
        b.defaultValue = defaultValue;
        b.minimum = minimum;
        b.maximum = maximum;
        b.minLength = minLength;
        b.maxLength = maxLength;
        b.pattern = pattern == null ? null : pattern.pattern();
        b.minItems = minItems;
        b.maxItems = maxItems;
        b.uniqueItems = uniqueItems;
        b.description = description;
        b.schema = schema;
        return b;
    }

    public String name() { return name; }
    public Location location() { return location; }
    public ParamType type() { return type; }
    /** Swagger's {@code format} hint ({@code int64}, {@code date-time}), or null. Informational only. */
    public String format() { return format; }
    /** The type of each item of an array parameter; null for other types. */
    public ParamType itemType() { return itemType; }
    /** How an array is written; null for other types. */
    public CollectionFormat collectionFormat() { return collectionFormat; }
    public boolean required() { return required; }
    /** The allowed values as strings (empty: any value). */
    public List<String> enumValues() { return enumValues; }
    /** The server-side default, as documented; the harness never sends it on its own. May be null. */
    public JsonNode defaultValue() { return defaultValue; }
    public BigDecimal minimum() { return minimum; }
    public BigDecimal maximum() { return maximum; }
    public Integer minLength() { return minLength; }
    public Integer maxLength() { return maxLength; }
    public Pattern pattern() { return pattern; }
    public Integer minItems() { return minItems; }
    public Integer maxItems() { return maxItems; }
    public boolean uniqueItems() { return uniqueItems; }
    public String description() { return description; }
    /** The JSON Schema of a body parameter's content (manifest format 2), if the manifest declares one. */
    public Optional<Schema> schema() { return Optional.ofNullable(schema); }

    /** The type a single value must have: the item type for arrays, the type otherwise. */
    public ParamType valueType() {
        return type == ParamType.ARRAY ? itemType : type;
    }

    @Override
    public String toString() {
        return "Parameter{" + name + " in " + location + ", " + type
                + (itemType != null ? "<" + itemType + ">" : "") + (required ? ", required" : "") + "}";
    }

    /** Builds {@link Parameter}s. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Location location;
        private ParamType type;
        private String format;
        private ParamType itemType;
        private CollectionFormat collectionFormat;
        private boolean required;
        private List<String> enumValues;
        private JsonNode defaultValue;
        private BigDecimal minimum;
        private BigDecimal maximum;
        private Integer minLength;
        private Integer maxLength;
        private String pattern;
        private Integer minItems;
        private Integer maxItems;
        private boolean uniqueItems;
        private String description;
        private Schema schema;

        private Builder(String name, Location location) {
            this.name = name;
            this.location = location;
        }

        public Builder type(ParamType type) { this.type = type; return this; }
        public Builder format(String format) { this.format = format; return this; }
        public Builder itemType(ParamType itemType) { this.itemType = itemType; return this; }
        public Builder collectionFormat(CollectionFormat f) { this.collectionFormat = f; return this; }
        public Builder required(boolean required) { this.required = required; return this; }
        public Builder enumValues(List<String> values) { this.enumValues = values; return this; }
        public Builder defaultValue(JsonNode value) { this.defaultValue = value; return this; }
        public Builder minimum(BigDecimal minimum) { this.minimum = minimum; return this; }
        public Builder maximum(BigDecimal maximum) { this.maximum = maximum; return this; }
        public Builder minLength(Integer minLength) { this.minLength = minLength; return this; }
        public Builder maxLength(Integer maxLength) { this.maxLength = maxLength; return this; }
        /** A regular expression the whole value must match; compiled by {@link #build()}. */
        public Builder pattern(String regex) { this.pattern = regex; return this; }
        public Builder minItems(Integer minItems) { this.minItems = minItems; return this; }
        public Builder maxItems(Integer maxItems) { this.maxItems = maxItems; return this; }
        public Builder uniqueItems(boolean uniqueItems) { this.uniqueItems = uniqueItems; return this; }
        public Builder description(String description) { this.description = description; return this; }
        /** The body's schema; only a body parameter may have one (checked when a manifest is made). */
        public Builder schema(Schema schema) { this.schema = schema; return this; }

        /** @throws java.util.regex.PatternSyntaxException if the pattern is not a valid regex */
        public Parameter build() {
            return new Parameter(this);
        }
    }
}
