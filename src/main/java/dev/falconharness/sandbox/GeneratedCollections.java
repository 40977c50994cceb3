package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated collections behind operations the sandbox does not model: each {@code .../queries/X/vN}
 * operation lists the IDs of collection {@code X}, and the {@code .../entities/X/vM} operation under the
 * same prefix resolves exactly those IDs to records made from its response schema. IDs and records are
 * derived from the collection's name, so they are the same on every run. Immutable and thread-safe.
 */
final class GeneratedCollections {
    /** How many records each generated collection holds: enough to page, few enough to stay fast. */
    static final int SIZE = 5;
    private static final Pattern QUERY = Pattern.compile("(.*)/queries/([^/{}]+)/v\\d+");
    private static final Pattern ENTITY = Pattern.compile("(.*)/entities/([^/{}]+)/v\\d+");

    private final Map<String, List<String>> ids = new HashMap<>();
    private final Map<String, Schema> records = new HashMap<>();

    private GeneratedCollections() {
    }

    /** The collections of a manifest: a key for every query operation, a record schema where one resolves it. */
    static GeneratedCollections of(Manifest manifest) {
        GeneratedCollections collections = new GeneratedCollections();
        for (Operation op : manifest.operations()) {
            queryKey(op).ifPresent(key -> collections.ids.put(key, idsFor(key)));
        }
        for (Operation op : manifest.operations()) {
            entityKey(op).filter(collections.ids::containsKey).ifPresent(key ->
                    itemSchema(op).ifPresent(schema -> collections.records.putIfAbsent(key, schema)));
        }
        return collections;
    }

    /** {@code /devices/queries/devices/v1} → {@code /devices/devices}; only GET operations that list IDs. */
    static Optional<String> queryKey(Operation op) {
        Matcher m = QUERY.matcher(op.path());
        return m.matches() && op.method().equals("GET") ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    /** {@code /devices/entities/devices/v2} → {@code /devices/devices}, for operations that take {@code ids}. */
    static Optional<String> entityKey(Operation op) {
        Matcher m = ENTITY.matcher(op.path());
        boolean takesIds = op.parameter("ids") != null || op.bodySchema()
                .map(s -> s.resolved().allProperties().containsKey("ids")).orElse(false);
        return m.matches() && takesIds ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    /** The schema of one item of {@code resources} in the operation's success answer. */
    static Optional<Schema> itemSchema(Operation op) {
        return GenericOperations.successSchema(op)
                .map(s -> s.resolved().allProperties().get("resources"))
                .flatMap(r -> r.resolved().items());
    }

    boolean hasIds(String key) {
        return ids.containsKey(key);
    }

    /** The collection's IDs, in order; empty for an unknown key. */
    List<String> ids(String key) {
        return ids.getOrDefault(key, List.of());
    }

    /** True when the collection's records are known (an entity operation resolves its IDs). */
    boolean hasRecords(String key) {
        return records.containsKey(key);
    }

    /** The record for an ID, made from {@code schema} with the ID in its ID field. */
    static JsonNode record(String key, String id, Schema schema) {
        JsonNode made = new Fabricator(Fabricator.seed(key, id)).value(schema);
        if (made instanceof ObjectNode object) {
            idField(key, schema).ifPresent(field -> object.put(field, id));
        }
        return made;
    }

    /** The records of the collection's IDs, top-level values as text, for FQL. */
    List<Map<String, String>> flatRecords(String key) {
        Schema schema = records.get(key);
        List<Map<String, String>> flat = new ArrayList<>();
        for (String id : ids(key)) {
            Map<String, String> fields = new LinkedHashMap<>();
            record(key, id, schema).fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    fields.put(e.getKey(), e.getValue().asText());
                }
            });
            flat.add(fields);
        }
        return flat;
    }

    /** The names a filter on this collection may use: the record schema's top-level properties. */
    java.util.Set<String> fields(String key) {
        return records.get(key).resolved().allProperties().keySet();
    }

    /** {@code id}, else {@code device_id} for collection {@code devices}, else the first {@code *_id} field. */
    private static Optional<String> idField(String key, Schema schema) {
        Map<String, Schema> properties = schema.resolved().allProperties();
        String name = key.substring(key.lastIndexOf('/') + 1);
        String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        for (String candidate : List.of("id", singular.replace('-', '_') + "_id")) {
            if (properties.containsKey(candidate) && properties.get(candidate).resolved().allows(dev.falconharness.schema.JsonType.STRING)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> idsFor(String key) {
        Fabricator fabricator = new Fabricator(Fabricator.seed("collection", key));
        List<String> list = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            list.add(fabricator.hexId());
        }
        return List.copyOf(list);
    }
}
