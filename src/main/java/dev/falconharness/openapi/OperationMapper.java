package dev.falconharness.openapi;

import com.fasterxml.jackson.databind.JsonNode;
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
    record Draft(String id, OperationWalker.Source source, List<ParamDraft> parameters, String consumes) {
    }

    private final JsonNode root;
    private final SpecVersion version;
    private final Refs refs;
    private final Warnings warnings;
    private final ParameterMapper parameters;
    private final RequestBodyMapper bodies;

    OperationMapper(JsonNode root, SpecVersion version, Refs refs, Warnings warnings) {
        this.root = root;
        this.version = version;
        this.refs = refs;
        this.warnings = warnings;
        SchemaMapper schemas = new SchemaMapper(refs, warnings);
        Styles styles = new Styles(warnings);
        this.parameters = new ParameterMapper(version, schemas, styles, warnings);
        this.bodies = new RequestBodyMapper(refs, schemas, styles, warnings);
    }

    Draft map(OperationWalker.Source op, String id) {
        List<ParamDraft> mapped = new ArrayList<>();
        for (Refs.Located declared : declaredParameters(op)) {
            ParamDraft p = parameters.map(declared);
            if (p != null) {
                mapped.add(p);
            }
        }
        String consumes = null;
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
        return new Draft(id, op, kept, sendsContent ? consumes : null);
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
     * Swagger 2.0: JSON bodies and form data are inferred by the runtime; only other body media types
     * (the first the operation or document lists) and multipart without files are declared.
     */
    private String swaggerConsumes(OperationWalker.Source op, List<ParamDraft> mapped) {
        JsonNode declared = op.operation().has("consumes") ? op.operation().get("consumes") : root.path("consumes");
        List<String> types = new ArrayList<>();
        declared.forEach(type -> types.add(RequestBodyMapper.base(type.asText())));
        if (mapped.stream().anyMatch(ParamDraft::isBody)) {
            if (types.isEmpty() || types.stream().anyMatch(RequestBodyMapper::isJson)) {
                return null;
            }
            if (types.get(0).contains("*")) {
                warnings.warn(Pointers.child(op.pointer(), "consumes"), "media type " + types.get(0)
                        + " is a wildcard; the body is sent as " + RequestBodyMapper.OCTET_STREAM);
                return RequestBodyMapper.OCTET_STREAM;
            }
            return types.get(0);
        }
        boolean files = mapped.stream().anyMatch(p -> "file".equals(p.type));
        boolean onlyMultipart = types.contains(RequestBodyMapper.MULTIPART) && !types.contains(RequestBodyMapper.URL_ENCODED);
        return !files && onlyMultipart && mapped.stream().anyMatch(ParamDraft::isForm) ? RequestBodyMapper.MULTIPART : null;
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
