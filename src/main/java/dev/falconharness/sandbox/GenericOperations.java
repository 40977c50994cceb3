package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.schema.JsonType;
import dev.falconharness.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers every manifest operation the sandbox does not model with data shaped by the operation's success
 * schema, made deterministically from the request (the same request gets the same answer): query
 * operations ({@code .../queries/X/vN}) list the IDs of a {@link GeneratedCollections generated
 * collection}, filtered by {@code filter} where the sandbox can read it and paged by {@code offset} /
 * {@code after} / {@code next_token} and {@code limit}; entity operations under the same prefix resolve
 * those IDs (others get a 404 error each); every other operation answers one or two made-up resources.
 * Required query parameters are checked first. Thread-safe.
 */
final class GenericOperations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GenericOperations() {
    }

    /** The handler for the operations that share one method and path. */
    static Handler handler(List<Operation> ops, GeneratedCollections collections) {
        List<String> required = requiredQuery(ops);
        Operation op = ops.get(0);
        Optional<Schema> schema = successSchema(op);
        int status = successStatus(op);
        String queryKey = GeneratedCollections.queryKey(op).filter(collections::hasIds).orElse(null);
        String entityKey = GeneratedCollections.entityKey(op).filter(collections::hasIds).orElse(null);
        return request -> {
            List<String> missing = required.stream().filter(name -> request.queryList(name).isEmpty()).toList();
            if (!missing.isEmpty()) {
                throw SandboxError.badRequest("missing required query parameter(s) " + String.join(", ", missing)
                        + " for " + String.join(" / ", ops.stream().map(Operation::id).toList()));
            }
            if (request.query("filter") != null) {
                Fql.checkLimits(request.query("filter"));
            }
            if (schema.isEmpty()) {
                return Reply.of(status, List.of());
            }
            return new Answering(op, schema.get(), request, collections).answer(status, queryKey, entityKey);
        };
    }

    /** The lowest 2xx status the operation documents; 200 when it documents none. */
    static int successStatus(Operation op) {
        return ManifestContracts.documented(op).stream().filter(s -> s >= 200 && s < 300).findFirst().orElse(200);
    }

    /** The schema of the operation's success answer, if the manifest has one. */
    static Optional<Schema> successSchema(Operation op) {
        return op.responseSchema(successStatus(op)).filter(s -> !s.isBinary());
    }

    /** One answer being made. */
    private static final class Answering {
        private final Operation op;
        private final Schema schema;
        private final SandboxRequest request;
        private final GeneratedCollections collections;
        private final Fabricator fabricator;

        Answering(Operation op, Schema schema, SandboxRequest request, GeneratedCollections collections) {
            this.op = op;
            this.schema = schema;
            this.request = request;
            this.collections = collections;
            this.fabricator = new Fabricator(Fabricator.seed(op.id(), request.path(), request.queryText(),
                    new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1)));
        }

        Reply answer(int status, String queryKey, String entityKey) {
            JsonNode made = fabricator.value(schema);
            Schema list = schema.resolved().allProperties().get("resources");
            if (!(made instanceof ObjectNode body) || list == null || !list.resolved().allows(JsonType.ARRAY)
                    || list.resolved().types().isEmpty()) {
                return Reply.raw(status, made); // not Falcon's envelope: the schema's own shape
            }
            Schema item = list.resolved().items().orElse(Schema.ANY);
            if (!item.resolved().allows(JsonType.STRING)) {
                queryKey = null; // a "query" answering whole records: made like any other list
            }
            ArrayNode errors = JSON.arrayNode();
            List<JsonNode> resources;
            Paged page = null;
            if (queryKey != null) {
                List<String> ids = filtered(queryKey);
                page = Paged.of(request, ids.size(), op);
                resources = page.slice(ids).stream().map(id -> (JsonNode) JSON.textNode(id)).toList();
            } else if (entityKey != null) {
                resources = resolve(entityKey, item, errors);
                if (resources.isEmpty() && !errors.isEmpty()) {
                    status = 404;
                }
            } else {
                resources = made(item);
            }
            body.set("resources", JSON.arrayNode().addAll(resources));
            if (body.has("errors") || !errors.isEmpty()) {
                body.set("errors", errors);
            }
            paginate(body, page);
            return Reply.raw(status, body);
        }

        /** The collection's IDs the request's filter keeps (all of them when the sandbox cannot read it). */
        private List<String> filtered(String key) {
            List<String> ids = collections.ids(key);
            String filter = request.query("filter");
            if (filter == null || !collections.hasRecords(key)) {
                return ids;
            }
            Predicate<Map<String, String>> keep;
            try {
                keep = Fql.filter(filter, collections.fields(key));
            } catch (SandboxError unreadable) {
                return ids; // FQL beyond the sandbox's subset (ranges, dates): answer as if unfiltered
            }
            List<Map<String, String>> records = collections.flatRecords(key);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (keep.test(records.get(i))) {
                    kept.add(ids.get(i));
                }
            }
            return kept;
        }

        private List<JsonNode> resolve(String key, Schema item, ArrayNode errors) {
            List<String> wanted = new ArrayList<>(request.queryList("ids"));
            JsonNode body = request.body().length == 0 ? null : readQuietly(request.body());
            if (wanted.isEmpty() && body != null) {
                body.path("ids").forEach(id -> wanted.add(id.asText()));
            }
            List<JsonNode> found = new ArrayList<>();
            for (String id : wanted) {
                if (collections.ids(key).contains(id)) {
                    found.add(GeneratedCollections.record(key, id, item));
                } else {
                    errors.add(JSON.pojoNode(Reply.error(404, "no such ID in the sandbox's generated data: " + id, id)));
                }
            }
            return found;
        }

        private List<JsonNode> made(Schema item) {
            int count = 1 + (int) (Math.abs(Fabricator.seed(op.id())) % 2);
            List<JsonNode> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                list.add(fabricator.value(item));
            }
            return list;
        }

        /** {@code meta.pagination} as the schema spells it, when the operation pages or the schema needs it. */
        private void paginate(ObjectNode body, Paged page) {
            if (!(body.get("meta") instanceof ObjectNode meta)) {
                return;
            }
            if (page == null && Paged.pages(op)) {
                page = Paged.of(request, 0, op);
            }
            if (!(meta.get("pagination") instanceof ObjectNode pagination)) {
                return;
            }
            if (page == null) {
                boolean required = schema.resolved().allProperties().get("meta").resolved().required().contains("pagination");
                if (!required) {
                    meta.remove("pagination");
                }
                return;
            }
            Schema paging = schema.resolved().allProperties().get("meta").resolved().allProperties().get("pagination");
            page.writeInto(pagination, paging.resolved().allProperties());
        }
    }

    private static JsonNode readQuietly(byte[] body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Query parameters every operation at this route requires (IDs sharing a route may differ). */
    private static List<String> requiredQuery(List<Operation> ops) {
        List<String> required = new ArrayList<>();
        for (Parameter p : ops.get(0).parameters()) {
            if (p.location() == Location.QUERY && p.required()
                    && ops.stream().allMatch(op -> op.parameter(p.name()) != null && op.parameter(p.name()).required())) {
                required.add(p.name());
            }
        }
        return List.copyOf(required);
    }
}
