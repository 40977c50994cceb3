package dev.falconharness.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads and checks one parameter object of a manifest operation. */
final class ParameterReader {
    private static final Set<String> KEYS = Set.of("name", "in", "type", "format", "items", "collectionFormat",
            "required", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "pattern", "maxItems",
            "minItems", "uniqueItems", "description", "schema");

    private final ManifestLoader.OperationReader operation;
    private final JsonNode node;
    private final String pointer;

    ParameterReader(ManifestLoader.OperationReader operation, JsonNode node, String pointer) {
        this.operation = operation;
        this.node = node;
        this.pointer = pointer;
    }

    /** Returns the parameter, or null when name or location is unusable (the problem is recorded). */
    Parameter read() {
        if (node == null || !node.isObject()) {
            problem("", "each parameter must be a JSON object");
            return null;
        }
        operation.checkKeys(node, KEYS, pointer);
        String name = node.path("name").asText("");
        if (!node.path("name").isTextual() || name.isEmpty()) {
            problem("/name", "missing or empty \"name\"");
        }
        Location location = readLocation();
        if (name.isEmpty() || location == null) {
            return null;
        }
        ParamType type = readType(location);
        Parameter.Builder b = Parameter.builder(name, location)
                .type(type)
                .format(text("format"))
                .required(node.path("required").asBoolean(false))
                .enumValues(readEnum())
                .defaultValue(node.get("default"))
                .minimum(number("minimum", type))
                .maximum(number("maximum", type))
                .minLength(count("minLength"))
                .maxLength(count("maxLength"))
                .pattern(readPattern())
                .minItems(count("minItems"))
                .maxItems(count("maxItems"))
                .uniqueItems(node.path("uniqueItems").asBoolean(false))
                .description(text("description"));
        if (type == ParamType.ARRAY) {
            b.itemType(readItemType()).collectionFormat(readCollectionFormat(location));
        } else {
            forbid("items", "only array parameters have \"items\"");
            forbid("collectionFormat", "only array parameters have a \"collectionFormat\"");
        }
        if (node.has("schema")) {
            operation.requireV2(operation.pointer() + pointer + "/schema");
            if (location != Location.BODY) {
                problem("/schema", "only the body parameter has a \"schema\"; describe " + location
                        + " parameters with type, items, enum and the range keywords");
            } else {
                b.schema(PayloadReader.schema(operation, operation.definitions(), node.get("schema"),
                        operation.pointer() + pointer + "/schema"));
            }
        }
        if (location == Location.PATH && node.has("required") && !node.get("required").asBoolean()) {
            problem("/required", "path parameters are always required; remove \"required\": false");
        }
        return b.build();
    }

    private Location readLocation() {
        String in = node.path("in").asText("");
        Location location = Location.fromJson(in);
        if (location == null) {
            problem("/in", (in.isEmpty() ? "missing \"in\"" : "unknown location \"" + in + "\"")
                    + "; use one of query, path, header, body, formData");
        }
        return location;
    }

    private ParamType readType(Location location) {
        if (!node.has("type")) {
            return location == Location.BODY ? ParamType.ANY : ParamType.STRING;
        }
        String name = node.get("type").asText();
        ParamType type = ParamType.fromJson(name);
        if (type == null) {
            problem("/type", "unknown type \"" + name + "\"; use one of string, integer, number, boolean, array, file, object");
            return ParamType.STRING;
        }
        if (type == ParamType.FILE && location != Location.FORM_DATA) {
            problem("/type", "type file is only allowed for formData parameters");
        }
        if ((type == ParamType.OBJECT || type == ParamType.ANY) && location != Location.BODY) {
            problem("/type", "type " + name + " is only allowed for the body parameter; " + location
                    + " values are strings, numbers, booleans or arrays of them");
        }
        return type;
    }

    private ParamType readItemType() {
        JsonNode items = node.get("items");
        if (items == null) {
            return ParamType.STRING;
        }
        String name = items.isObject() ? items.path("type").asText("string") : items.asText();
        ParamType type = ParamType.fromJson(name);
        if (type == null || !type.isScalar()) {
            problem("/items", "array items must be string, integer, number or boolean, not \"" + name + "\"");
            return ParamType.STRING;
        }
        return type;
    }

    private CollectionFormat readCollectionFormat(Location location) {
        if (!node.has("collectionFormat")) {
            return CollectionFormat.CSV;
        }
        String name = node.get("collectionFormat").asText();
        CollectionFormat format = CollectionFormat.fromJson(name);
        if (format == null) {
            problem("/collectionFormat", "unknown collectionFormat \"" + name + "\"; use one of "
                    + Arrays.stream(CollectionFormat.values()).map(CollectionFormat::jsonName).toList());
            return CollectionFormat.CSV;
        }
        if (format == CollectionFormat.MULTI && location != Location.QUERY && location != Location.FORM_DATA) {
            problem("/collectionFormat", "multi repeats the name and only works in query or formData, not " + location);
        }
        return format;
    }

    private List<String> readEnum() {
        JsonNode values = node.get("enum");
        if (values == null) {
            return null;
        }
        if (!values.isArray() || values.isEmpty()) {
            problem("/enum", "must be a non-empty array of allowed values");
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isValueNode() || value.isNull()) {
                problem("/enum", "enum values must be strings, numbers or booleans");
                return null;
            }
            strings.add(value.asText());
        }
        return strings;
    }

    private BigDecimal number(String field, ParamType type) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problem("/" + field, "must be a number");
            return null;
        }
        // Strings are allowed too: Falcon declares some offsets and limits as numeric strings with a range.
        boolean numeric = type == ParamType.INTEGER || type == ParamType.NUMBER || type == ParamType.STRING
                || (type == ParamType.ARRAY && isNumericItem());
        if (!numeric) {
            problem("/" + field, field + " only applies to integer, number and string parameters, not " + type);
        }
        return value.decimalValue();
    }

    private boolean isNumericItem() {
        String item = node.path("items").isObject() ? node.path("items").path("type").asText() : node.path("items").asText();
        return "integer".equals(item) || "number".equals(item);
    }

    private Integer count(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            problem("/" + field, "must be a non-negative integer");
            return null;
        }
        return value.asInt();
    }

    private String readPattern() {
        String regex = text("pattern");
        if (regex == null) {
            return null;
        }
        try {
            Pattern.compile(regex);
            return regex;
        } catch (PatternSyntaxException e) {
            problem("/pattern", "not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    private String text(String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isTextual()) {
            problem("/" + field, "must be a string");
            return null;
        }
        return value == null ? null : value.asText();
    }

    private void forbid(String field, String why) {
        if (node.has(field)) {
            problem("/" + field, why);
        }
    }

    private void problem(String relative, String message) {
        operation.problem(pointer + relative, message);
    }
}
