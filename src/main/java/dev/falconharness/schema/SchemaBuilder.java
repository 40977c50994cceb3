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
        return new Schema(this);
    }
}
