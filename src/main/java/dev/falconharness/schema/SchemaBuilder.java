package dev.falconharness.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The mutable fields {@link SchemaCompiler} fills in before a {@link Schema} is made. Not thread-safe. */
final class SchemaBuilder {
    int types;
    boolean nullable;
    boolean nothing;
    final Map<String, Schema> properties = new LinkedHashMap<>();
    final List<String> required = new ArrayList<>();
    Schema items;
    Schema additionalProperties;
    final List<JsonNode> enumValues = new ArrayList<>();
    JsonNode constValue;
    Schema.Bound minimum;
    Schema.Bound maximum;
    Schema.Bound exclusiveMinimum;
    Schema.Bound exclusiveMaximum;
    int minLength = -1;
    int maxLength = -1;
    Pattern pattern;
    String format;
    int minItems = -1;
    int maxItems = -1;
    boolean uniqueItems;
    final List<Schema> allOf = new ArrayList<>();
    final List<Schema> oneOf = new ArrayList<>();
    final List<Schema> anyOf = new ArrayList<>();
    String ref;
    Definitions definitions;
    Schema.Annotations annotations = Schema.Annotations.NONE;

    SchemaBuilder nothing() {
        nothing = true;
        return this;
    }

    Schema build() {
        if (isPlain()) {
            // {"type": "string"} and its like make up most of a large manifest's schemas: share one of each.
            Plain key = new Plain(types, nullable, format, items);
            Schema shared = PLAIN.get(key);
            if (shared != null) {
                return shared;
            }
            Schema made = new Schema(this);
            if (PLAIN.size() < MAX_PLAIN) {
                shared = PLAIN.putIfAbsent(key, made);
            }
            return shared != null ? shared : made;
        }
        return new Schema(this);
    }

    /**
     * Only a type, nullability, a format and perhaps shared items: nothing that would make two such
     * schemas differ.
     */
    private boolean isPlain() {
        return !nothing && properties.isEmpty() && required.isEmpty() && (items == null || isShared(items))
                && additionalProperties == null
                && enumValues.isEmpty() && constValue == null && minimum == null && maximum == null
                && exclusiveMinimum == null && exclusiveMaximum == null && minLength < 0 && maxLength < 0
                && pattern == null && minItems < 0 && maxItems < 0 && !uniqueItems && allOf.isEmpty()
                && oneOf.isEmpty() && anyOf.isEmpty() && ref == null && annotations == Schema.Annotations.NONE;
    }

    /** Bounds the shared plain schemas: formats are free text, so a hostile manifest could invent many. */
    private static final int MAX_PLAIN = 512;
    private static final Map<Plain, Schema> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isShared(Schema schema) {
        // Not a shared reference: this cache is static, and would keep that manifest's definitions alive.
        return PLAIN.containsValue(schema);
    }

    /** An array of a shared schema ({"type": "array", "items": {"type": "string"}}) is shared too. */
    private record Plain(int types, boolean nullable, String format, Schema items) {
    }
}
