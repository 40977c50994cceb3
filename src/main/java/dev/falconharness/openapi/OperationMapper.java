package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps one spec operation to a manifest operation draft: its parameters (path item and operation
 * merged, the operation's winning on the same name and location), its request body and the media
 * type to declare. Not thread-safe (reports through the run's {@link Warnings}).
 */
final class OperationMapper {
    /** A mapped operation, before its texts are written; see {@link ManifestWriter}. */
    record Draft(String id, OperationWalker.Source source, List<ParamDraft> parameters, List<String> consumes,
            List<String> produces, ObjectNode responses) {
    }

    private final JsonNode root;
    private final SpecVersion version;
    private final Refs refs;
    private final Warnings warnings;
    private final ParameterMapper parameters;
    private final RequestBodyMapper bodies;
    private final SchemaConverter converter;
    private final ResponseMapper responses;

    OperationMapper(JsonNode root, SpecVersion version, Refs refs, Warnings warnings) {
        this.root = root;
        this.version = version;
        this.refs = refs;
        this.warnings = warnings;
        SchemaMapper schemas = new SchemaMapper(refs, warnings);
        Styles styles = new Styles(warnings);
        this.parameters = new ParameterMapper(version, schemas, styles, warnings);
        this.bodies = new RequestBodyMapper(refs, schemas, styles, warnings);
        this.converter = new SchemaConverter(root, version, refs, warnings);
        this.responses = new ResponseMapper(root, version, refs, converter, warnings);
    }

    Draft map(OperationWalker.Source op, String id) {
        List<ParamDraft> mapped = new ArrayList<>();
        for (Refs.Located declared : declaredParameters(op)) {
            ParamDraft p = parameters.map(declared);
            if (p != null) {
                mapped.add(p);
            }
        }
        List<String> consumes = List.of();
        if (version.isOpenApi3() && op.operation().has("requestBody")) {
            RequestBodyMapper.Result body = bodies.map(op.operation().get("requestBody"), Pointers.child(op.pointer(), "requestBody"));
            mapped.addAll(body.parameters());
            consumes = body.consumes();
        } else if (!version.isOpenApi3()) {
            consumes = swaggerConsumes(op, mapped);
        }
        warnUnmapped(op);
        List<ParamDraft> kept = new ParameterSet(warnings).reconcile(op.path(), op.pointer(), mapped);
        boolean sendsContent = kept.stream().anyMatch(p -> p.isBody() || p.isForm());
        for (ParamDraft p : kept) {
            if (p.isBody() && p.specSchema != null) {
                p.schema = converter.convert(p.specSchema, p.specSchemaAt);
            }
        }
        return new Draft(id, op, kept, sendsContent ? consumes : List.of(), responses.produces(op), responses.responses(op));
    }

    /** Path item parameters first, each replaced in place by an operation parameter of the same name and location. */
    private List<Refs.Located> declaredParameters(OperationWalker.Source op) {
        Map<String, Refs.Located> merged = new LinkedHashMap<>();
        Refs.Located item = op.pathItem();
        addLevel(merged, item.node().path("parameters"), Pointers.child(item.pointer(), "parameters"));
        addLevel(merged, op.operation().path("parameters"), Pointers.child(op.pointer(), "parameters"));
        return new ArrayList<>(merged.values());
    }

    private void addLevel(Map<String, Refs.Located> merged, JsonNode list, String at) {
        Set<String> thisLevel = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Refs.Located p = refs.resolve(list.get(i), Pointers.child(at, i), "parameter");
            if (p == null) {
                continue;
            }
            String key = p.node().path("in").asText() + " " + p.node().path("name").asText();
            if (!thisLevel.add(key)) {
                warnings.warn(p.pointer(), "parameter \"" + p.node().path("name").asText() + "\" in "
                        + p.node().path("in").asText() + " is declared twice at the same level; the first one is used");
                continue;
            }
            merged.put(key, p);
        }
    }

    /**
     * Swagger 2.0: a body operation declares every type the operation (or document) lists, wildcards
     * included, except form types, and nothing when that is only {@code application/json}; form data is
     * inferred by the runtime, and only multipart without files is declared.
     */
    private List<String> swaggerConsumes(OperationWalker.Source op, List<ParamDraft> mapped) {
        JsonNode declared = op.operation().has("consumes") ? op.operation().get("consumes") : root.path("consumes");
        List<String> types = new ArrayList<>();
        declared.forEach(type -> {
            String base = RequestBodyMapper.base(type.asText());
            if (!types.contains(base)) {
                types.add(base);
            }
        });
        if (mapped.stream().anyMatch(ParamDraft::isBody)) {
            types.remove(RequestBodyMapper.MULTIPART);
            types.remove(RequestBodyMapper.URL_ENCODED);
            return types.equals(List.of(RequestBodyMapper.JSON)) ? List.of() : types;
        }
        boolean files = mapped.stream().anyMatch(p -> "file".equals(p.type));
        boolean onlyMultipart = types.contains(RequestBodyMapper.MULTIPART) && !types.contains(RequestBodyMapper.URL_ENCODED);
        return !files && onlyMultipart && mapped.stream().anyMatch(ParamDraft::isForm) ? List.of(RequestBodyMapper.MULTIPART) : List.of();
    }

    private void warnUnmapped(OperationWalker.Source op) {
        JsonNode operation = op.operation();
        if (operation.has("servers")) {
            warnings.warn(Pointers.child(op.pointer(), "servers"), "servers of a single operation are not imported; "
                    + "it uses the manifest's base URL");
        }
        if (operation.path("callbacks").size() > 0) {
            warnings.warn(Pointers.child(op.pointer(), "callbacks"), "callbacks are requests the API sends; not imported");
        }
    }
}
