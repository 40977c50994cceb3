package dev.falconharness.request;

import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RequestBody;
import dev.falconharness.manifest.Location;
import dev.falconharness.http.MediaTypes;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.manifest.PathTemplate;
import dev.falconharness.manifest.Suggestions;
import dev.falconharness.schema.Schema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation compiled for fast, repeated request building, the first time it is called: parameters
 * indexed by name, one {@link ParameterHandler} per parameter (where it goes and how, decided once), the
 * path template split once. {@link #build} is a lookup per argument and a loop of handlers. Immutable and
 * thread-safe.
 */
final class OperationTemplate {
    private final Operation operation;
    private final Parameter[] parameters;
    private final ParameterHandler[] handlers;
    private final Map<String, Integer> indexByName;
    private final Object[] pathPieces;
    private final int bodyIndex;
    private final boolean multipart;
    /** The Accept header built from the operation's produces; null leaves the harness default. */
    private final String accept;
    private final BodyEncoder bodyEncoder;
    private final BodyCheck bodyCheck;
    private final Schema bodySchema;
    private final BodyFields bodyFields;

    OperationTemplate(Operation operation, BodyEncoder bodyEncoder, BodyCheck bodyCheck) {
        this.operation = operation;
        this.bodyEncoder = bodyEncoder;
        this.bodyCheck = bodyCheck;
        this.bodySchema = operation.bodySchema().orElse(null);
        this.bodyFields = BodyFields.of(operation);
        List<Parameter> list = operation.parameters();
        this.parameters = list.toArray(new Parameter[0]);
        this.indexByName = new HashMap<>(list.size() * 2);
        this.handlers = new ParameterHandler[list.size()];
        int body = -1;
        for (int i = 0; i < parameters.length; i++) {
            indexByName.put(parameters[i].name(), i);
            handlers[i] = ParameterHandler.of(parameters[i], i, this::body);
            if (parameters[i].location() == Location.BODY) {
                body = i;
            }
        }
        this.bodyIndex = body;
        this.pathPieces = compilePath(PathTemplate.parse(operation.path()));
        this.accept = MediaTypes.accept(operation.produces());
        this.multipart = hasFiles() || (operation.consumes() != null && operation.consumes().startsWith(FormEncoder.MULTIPART));
    }

    /** Literal strings and, for placeholders, the Integer index of their parameter. */
    private Object[] compilePath(PathTemplate template) {
        List<PathTemplate.Piece> pieces = template.pieces();
        Object[] compiled = new Object[pieces.size()];
        for (int i = 0; i < compiled.length; i++) {
            PathTemplate.Piece piece = pieces.get(i);
            compiled[i] = piece.placeholder() ? indexByName.get(piece.text()) : piece.text();
            if (compiled[i] == null) {
                throw new IllegalStateException(operation.id() + ": placeholder {" + piece.text()
                        + "} has no path parameter; check the manifest with ManifestLoader");
            }
        }
        return compiled;
    }

    private boolean hasFiles() {
        for (Parameter p : parameters) {
            if (p.type() == ParamType.FILE) {
                return true;
            }
        }
        return false;
    }

    Operation operation() {
        return operation;
    }

    PreparedRequest build(Map<String, ?> params, Object body) {
        Problems problems = new Problems();
        String chosenKey = MediaChoice.key(params, indexByName);
        String chosen = null;
        if (chosenKey != null) {
            chosen = MediaChoice.check(operation, bodyIndex >= 0 || operation.has(Location.FORM_DATA), params.get(chosenKey), problems);
            Map<String, Object> rest = new LinkedHashMap<>(params);
            rest.remove(chosenKey);
            params = rest;
        }
        String contentType = chosen != null ? chosen : operation.consumes();
        Object[] values = collect(params, body, problems);
        RequestParts request = new RequestParts(parameters.length);
        request.contentType = contentType;
        for (int i = 0; i < parameters.length; i++) {
            if (values[i] != null) {
                handlers[i].apply(request, values[i], problems);
            } else if (parameters[i].required() && !suppliedByHarness(parameters[i])) {
                problems.add(parameters[i], "missing required parameter" + hint(parameters[i]));
            }
        }
        problems.throwIfAny(operation.id());
        boolean asMultipart = chosen == null ? multipart : chosen.startsWith(FormEncoder.MULTIPART) || hasFiles();
        RequestBody content = request.formOrNull() != null ? request.formOrNull().encode(asMultipart) : request.content;
        Headers headers = accept != null && !request.headers.contains("Accept") ? request.headers.plus("Accept", accept)
                : request.headers;
        return new PreparedRequest(operation.id(), operation.method(), null, target(request.pathValues, request.query),
                headers, content, null);
    }

    private RequestBody body(Parameter p, Object value, String contentType, Problems problems) {
        RequestBody content = bodyEncoder.encode(p, value, contentType, problems);
        if (content != null) {
            bodyCheck.check(operation, p, bodySchema, value, problems);
        }
        return content;
    }

    /**
     * Values by parameter index; unknown names and a body given twice are problems. Arguments that name
     * top-level body fields build the body when none is given.
     */
    private Object[] collect(Map<String, ?> params, Object body, Problems problems) {
        Object[] values = new Object[parameters.length];
        body = unwrap(body);
        if (params != null) {
            boolean explicitBody = body != null || (bodyIndex >= 0 && unwrap(params.get(parameters[bodyIndex].name())) != null);
            Map<String, Object> fields = null;
            for (Map.Entry<String, ?> entry : params.entrySet()) {
                String name = entry.getKey();
                Integer index = indexByName.get(name);
                if (index != null && (explicitBody || index == bodyIndex || !bodyFields.contains(name))) {
                    values[index] = unwrap(entry.getValue());
                } else if (index != null) {
                    problems.add(parameters[index], "is both a " + parameters[index].location().jsonName()
                            + " parameter and a field of " + operation.id() + "'s body; pass the body as the body argument"
                            + " (an empty map for none), and " + name + " is then the parameter");
                } else if (bodyFields.contains(name)) {
                    fields = bodyField(fields, name, unwrap(entry.getValue()), explicitBody, problems);
                } else {
                    problems.add(name, null, unknownParameter(name));
                }
            }
            if (fields != null && !explicitBody) {
                values[bodyIndex] = fields;
            }
        }
        if (body != null) {
            if (bodyIndex < 0) {
                problems.add("body", "body", operation.id() + " takes no body"
                        + (operation.has(Location.FORM_DATA) ? "; pass its form fields as parameters" : "")
                        + "; use Harness.request(...) to send one anyway");
            } else if (values[bodyIndex] != null) {
                problems.add(parameters[bodyIndex], "given twice: as the body argument and as a parameter; give it once");
            } else {
                values[bodyIndex] = body;
            }
        }
        return values;
    }

    /** Adds a body field given as an argument; with a whole body given too, that is a problem. */
    private Map<String, Object> bodyField(Map<String, Object> fields, String name, Object value, boolean explicitBody,
            Problems problems) {
        if (explicitBody) {
            problems.add(name, "body", "is a field of " + operation.id() + "'s body, which is also given whole;"
                    + " put " + name + " in the body, or give every field as an argument and no body");
            return fields;
        }
        Map<String, Object> built = fields == null ? new LinkedHashMap<>() : fields;
        if (value != null) {
            built.put(name, bodyFields.convert(name, value));
        }
        return built;
    }

    private static Object unwrap(Object value) {
        return value instanceof Optional<?> optional ? optional.orElse(null) : value;
    }

    private String unknownParameter(String name) {
        List<String> names = new java.util.ArrayList<>(indexByName.keySet());
        names.addAll(bodyFields.names());
        if (names.isEmpty()) {
            return "unknown parameter; " + operation.id() + " takes no parameters";
        }
        List<String> close = Suggestions.closest(name, names, 3);
        StringBuilder all = new StringBuilder();
        for (Parameter p : parameters) {
            all.append(all.length() == 0 ? "" : ", ").append(p.name());
        }
        String fields = bodyFields.isEmpty() ? "" : "; body fields: " + String.join(", ", bodyFields.names());
        return "unknown parameter" + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + " " + operation.id() + " takes: " + all + fields;
    }

    /** The harness's authentication supplies an {@code Authorization} header an operation may declare. */
    private static boolean suppliedByHarness(Parameter p) {
        return p.location() == Location.HEADER && p.name().equalsIgnoreCase("Authorization");
    }

    private String hint(Parameter p) {
        if (p.location() == Location.BODY) {
            return "; pass the JSON body as the body argument"
                    + (bodyFields.isEmpty() ? "" : ", or its fields as arguments (" + String.join(", ", bodyFields.names()) + ")");
        }
        return p.description() == null ? "" : " (" + abbreviate(p.description()) + ")";
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 100 ? line : line.substring(0, 97) + "...";
    }

    private String target(String[] pathValues, StringBuilder query) {
        StringBuilder target = new StringBuilder(operation.path().length() + query.length() + 16);
        for (Object piece : pathPieces) {
            if (piece instanceof Integer index) {
                target.append(pathValues[index]);
            } else {
                target.append((String) piece);
            }
        }
        return target.append(query).toString();
    }
}
