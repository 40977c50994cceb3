package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.AnchorNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Reads a YAML document into a Jackson tree with SnakeYAML (the parser under jackson-dataformat-yaml),
 * because Jackson's own YAML tree reader turns an alias such as {@code *limit} into the text "limit"
 * and drops anchors on scalars. Here an alias shares its anchored node (the tree is only read, never
 * changed, so alias-heavy documents cost no copies), merge keys ({@code <<: *defaults}) add the keys a
 * mapping lacks, keys stay exactly as written, and numbers stay exact ({@code 1.50}). Scalars follow
 * YAML 1.1 like SnakeYAML-based Swagger tools: {@code yes}/{@code no} are booleans, {@code 0x1F} is 31.
 * Thread-safe; stateless.
 */
final class YamlTrees {
    // SnakeYAML's default of 3 MB refuses the specs of large public APIs; 256 MB of text is still bounded.
    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;
    // Aliases share nodes here, so many of them cost nothing; the default of 50 refuses real specs.
    private static final int MAX_ALIASES = 10_000;
    private static final int MAX_NESTING = 500;
    /**
     * Values the document may stand for once every alias is expanded, beyond the values it writes out:
     * shared nodes cost nothing here, but whatever later writes or walks the tree (the manifest writer,
     * a schema's {@code default}) sees them expanded. A billion-laughs bomb (nine levels of ten aliases)
     * stands for a billion values in under a kilobyte; a real spec that anchors its shared parameters
     * stays far below this.
     */
    private static final long MAX_EXPANDED_EXTRA = 1_000_000;
    /** Real specs that reuse anchors a lot expand to a few times their size; allow ten. */
    private static final long MAX_EXPANSION_FACTOR = 10;
    /** Counts stop here, so a bomb's count cannot overflow. */
    private static final long SATURATED = Long.MAX_VALUE / 4;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private YamlTrees() {
    }

    /** A YAML mistake with its place (1-based line and column, or 0 when unknown). */
    static final class Problem extends RuntimeException {
        final int line;
        final int column;

        Problem(String message, Mark mark, Throwable cause) {
            super(message, cause);
            this.line = mark == null ? 0 : mark.getLine() + 1;
            this.column = mark == null ? 0 : mark.getColumn() + 1;
        }
    }

    /** The document's tree, or null for an empty document. */
    static JsonNode read(byte[] content) {
        Node root;
        try {
            root = new Yaml(options()).compose(new UnicodeReader(new ByteArrayInputStream(content)));
        } catch (MarkedYAMLException e) {
            throw new Problem(e.getProblem(), e.getProblemMark(), e);
        } catch (YAMLException e) {
            throw new Problem(e.getMessage(), null, e);
        }
        if (root == null) {
            return null;
        }
        Converter converter = new Converter();
        JsonNode tree = converter.convert(root);
        converter.checkExpansion(tree);
        return tree;
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        return options;
    }

    /** Turns one composed document into a tree, converting each (possibly shared) node once. */
    private static final class Converter {
        private final Map<Node, JsonNode> done = new IdentityHashMap<>();
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        /** How many values each container stands for with its aliases expanded (scalars count 1). */
        private final Map<JsonNode, Long> expanded = new IdentityHashMap<>();

        /** Refuses a document whose aliases multiply it past the bounds above (see MAX_EXPANDED_EXTRA). */
        void checkExpansion(JsonNode tree) {
            long total = expandedSize(tree);
            long limit = MAX_EXPANDED_EXTRA + MAX_EXPANSION_FACTOR * done.size();
            if (total > limit) {
                throw new Problem("its aliases expand " + done.size() + " written values to "
                        + (total >= SATURATED ? "more than " + SATURATED : total) + ", more than the " + limit
                        + " allowed (a \"billion laughs\" alias bomb?); write the repeated parts out or reuse them with $ref",
                        null, null);
            }
        }

        private long expandedSize(JsonNode json) {
            return expanded.getOrDefault(json, 1L);
        }

        /** Counted once per container as it is built, from its children's counts: linear in the written document. */
        private void count(JsonNode json) {
            long size = 1;
            for (JsonNode child : json) {
                size = Math.min(SATURATED, size + expandedSize(child));
            }
            expanded.put(json, size);
        }

        JsonNode convert(Node node) {
            Node real = node instanceof AnchorNode anchor ? anchor.getRealNode() : node;
            JsonNode known = done.get(real);
            if (known != null) {
                return known;
            }
            if (!open.add(real)) {
                throw new Problem("an alias refers to the mapping or list that contains it; a spec cannot be recursive",
                        real.getStartMark(), null);
            }
            JsonNode json = real instanceof MappingNode mapping ? mapping(mapping)
                    : real instanceof SequenceNode sequence ? sequence(sequence)
                    : Scalars.toJson((ScalarNode) real);
            open.remove(real);
            if (json.isContainerNode()) {
                count(json);
            }
            done.put(real, json);
            return json;
        }

        private ArrayNode sequence(SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            sequence.getValue().forEach(item -> array.add(convert(item)));
            return array;
        }

        private ObjectNode mapping(MappingNode mapping) {
            ObjectNode object = NODES.objectNode();
            List<Node> merges = new ArrayList<>();
            for (NodeTuple entry : mapping.getValue()) {
                Node key = entry.getKeyNode();
                if (!(key instanceof ScalarNode scalar)) {
                    throw new Problem("only plain keys are supported, not a mapping or list as a key", key.getStartMark(), null);
                }
                if (Tag.MERGE.equals(key.getTag())) {
                    merges.add(entry.getValueNode());
                } else if (object.has(scalar.getValue())) {
                    throw new Problem("duplicate key \"" + scalar.getValue() + "\"", key.getStartMark(), null);
                } else {
                    object.set(scalar.getValue(), convert(entry.getValueNode()));
                }
            }
            for (Node merge : merges) {
                merge(object, merge);
            }
            return object;
        }

        /** YAML merge keys: the mapping's own keys win over merged ones. */
        private void merge(ObjectNode into, Node merged) {
            JsonNode value = convert(merged);
            List<JsonNode> sources = new ArrayList<>();
            (value.isArray() ? value : NODES.arrayNode().add(value)).forEach(sources::add);
            for (JsonNode source : sources) {
                if (!source.isObject()) {
                    throw new Problem("a merge key (<<) must name a mapping or a list of mappings", merged.getStartMark(), null);
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!into.has(field.getKey())) {
                        into.set(field.getKey(), field.getValue());
                    }
                }
            }
        }
    }

    /** YAML 1.1 scalars as SnakeYAML resolves them, with exact numbers. */
    static final class Scalars {
        private Scalars() {
        }

        static JsonNode toJson(ScalarNode scalar) {
            String value = scalar.getValue();
            Tag tag = scalar.getTag();
            JsonNode json = null;
            if (Tag.NULL.equals(tag)) {
                json = NODES.nullNode();
            } else if (Tag.BOOL.equals(tag)) {
                json = NODES.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on"));
            } else if (Tag.INT.equals(tag)) {
                json = integer(value);
            } else if (Tag.FLOAT.equals(tag)) {
                json = decimal(value);
            }
            // Strings, timestamps (kept as written: "2024-06-01") and anything unusual stay text.
            return json != null ? json : NODES.textNode(value);
        }

        /** Decimal, 0x hex, 0b binary and 0-prefixed octal, with optional sign and underscores; null for 1:30 forms. */
        static JsonNode integer(String text) {
            String digits = text.replace("_", "");
            boolean negative = digits.startsWith("-");
            if (digits.startsWith("-") || digits.startsWith("+")) {
                digits = digits.substring(1);
            }
            int radix = 10;
            if (digits.startsWith("0x") || digits.startsWith("0b")) {
                radix = digits.charAt(1) == 'x' ? 16 : 2;
                digits = digits.substring(2);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                radix = 8;
            }
            try {
                BigInteger number = new BigInteger(digits, radix);
                number = negative ? number.negate() : number;
                return number.bitLength() < 32 ? NODES.numberNode(number.intValue())
                        : number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** Exact decimals; .inf, .nan and 1:30.5 forms have no JSON number and stay text. */
        static JsonNode decimal(String text) {
            try {
                return NODES.numberNode(new BigDecimal(text.replace("_", "")));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
