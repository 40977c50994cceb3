package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A manifest parameter being assembled from a spec, with the spec place it came from. Written out by
 * {@link #toJson()} in the key order {@link FalconTableConverter} uses, leaving out keys without a
 * value. Mutable; used by one import run only.
 */
final class ParamDraft {
    final String name;
    final String in;
    /** Where the parameter is defined in the spec, for warnings about it. */
    final String pointer;
    String type;
    String format;
    String items;
    String collectionFormat;
    boolean required;
    JsonNode enumValues;
    JsonNode defaultValue;
    JsonNode minimum;
    JsonNode maximum;
    Integer minLength;
    Integer maxLength;
    String pattern;
    Integer maxItems;
    Integer minItems;
    boolean uniqueItems;
    String description;
    /** A body parameter's schema as the spec writes it, and where; converted by {@link SchemaConverter}. */
    JsonNode specSchema;
    String specSchemaAt;
    /** A body parameter's schema in the manifest's subset, or null. */
    ObjectNode schema;

    ParamDraft(String name, String in, String pointer) {
        this.name = name;
        this.in = in;
        this.pointer = pointer;
    }

    boolean isBody() {
        return "body".equals(in);
    }

    boolean isForm() {
        return "formData".equals(in);
    }

    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("name", name);
        out.put("in", in);
        putText(out, "type", type);
        putText(out, "format", format);
        putText(out, "items", items);
        putText(out, "collectionFormat", collectionFormat);
        if (required || "path".equals(in)) {
            out.put("required", true);
        }
        putNode(out, "enum", enumValues);
        putNode(out, "default", defaultValue);
        putNode(out, "minimum", minimum);
        putNode(out, "maximum", maximum);
        putInt(out, "minLength", minLength);
        putInt(out, "maxLength", maxLength);
        putText(out, "pattern", pattern);
        putInt(out, "maxItems", maxItems);
        putInt(out, "minItems", minItems);
        if (uniqueItems) {
            out.put("uniqueItems", true);
        }
        putText(out, "description", description);
        if (schema != null) {
            out.set("schema", schema);
        }
        return out;
    }

    private static void putText(ObjectNode out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static void putNode(ObjectNode out, String key, JsonNode value) {
        if (value != null && !value.isNull()) {
            out.set(key, value.deepCopy());
        }
    }

    private static void putInt(ObjectNode out, String key, Integer value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
