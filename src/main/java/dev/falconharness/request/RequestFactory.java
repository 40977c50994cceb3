package dev.falconharness.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.BodyValidation;
import dev.falconharness.UnknownOperationException;
import dev.falconharness.ValidationException;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.ParamType;
import dev.falconharness.manifest.Parameter;
import dev.falconharness.manifest.Suggestions;
import dev.falconharness.schema.SchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an operation ID and arguments into a validated {@link PreparedRequest}, with no network I/O.
 * Each operation is compiled into a template on first use and reused; building is then a map lookup
 * and one pass over the parameters. Thread-safe.
 *
 * <pre>{@code
 * RequestFactory factory = new RequestFactory(Manifest.falcon(), new ObjectMapper());
 * PreparedRequest r = factory.prepare("GetRoles", Map.of("ids", List.of("a", "b")), null);
 * r.target();   // /user-roles/entities/user-roles/v1?ids=a&ids=b
 * }</pre>
 *
 * <p>Routing: every parameter goes where the manifest puts it; arrays follow their collection format
 * and a comma-separated string given for an array is split; the body argument is the JSON body (or
 * raw bytes for a {@code byte[]}, {@code Path} or {@link FilePart}); form data with files is multipart.
 * Validation reports every problem at once in a {@link ValidationException}; nothing is built then.
 *
 * <p>Bodies (manifest format 2): a JSON body is checked against the operation's schema, at any depth,
 * each problem with its pointer ({@link BodyValidation} decides whether problems refuse the call, are
 * logged, or are not looked for). When the operation's body is a JSON object and no body is given,
 * arguments that are not parameters but name top-level body fields build it, converted to the fields'
 * types: {@code prepare("CreateUser", Map.of("uid", "ana@example.com", "firstName", "Ana"), null)}
 * sends {@code {"uid":"ana@example.com","firstName":"Ana"}}.
 */
public final class RequestFactory {
    private static final Set<String> METHODS = dev.falconharness.http.HttpMethods.ALL;

    private final Manifest manifest;
    private final BodyEncoder bodyEncoder;
    private final BodyCheck bodyCheck;
    private final Map<String, OperationTemplate> templates = new ConcurrentHashMap<>();

    /** A factory that refuses bodies that do not match their schemas ({@link BodyValidation#REFUSE}). */
    public RequestFactory(Manifest manifest, ObjectMapper mapper) {
        this(manifest, mapper, BodyValidation.REFUSE);
    }

    /** A factory that treats body problems as {@code bodyValidation} says. */
    public RequestFactory(Manifest manifest, ObjectMapper mapper, BodyValidation bodyValidation) {
        this.manifest = manifest;
        this.bodyEncoder = new BodyEncoder(mapper);
        this.bodyCheck = new BodyCheck(SchemaValidator.forRequests(mapper), mapper.reader(),
                java.util.Objects.requireNonNull(bodyValidation, "bodyValidation"));
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * Builds the request for {@code operationId}.
     *
     * @param params arguments by parameter name (null or empty for none); null values are skipped
     * @param body   the body, or null; may also be given in {@code params} under the body parameter's name
     * @throws UnknownOperationException if the manifest has no such operation
     * @throws ValidationException       listing every problem with the arguments
     */
    public PreparedRequest prepare(String operationId, Map<String, ?> params, Object body) {
        return template(operationId).build(params, body);
    }

    /** The operation, or an {@link UnknownOperationException} naming the closest IDs. */
    public Operation operation(String operationId) {
        return template(operationId).operation();
    }

    private OperationTemplate template(String operationId) {
        OperationTemplate template = templates.get(operationId);
        if (template != null) {
            return template;
        }
        Operation op = operationId == null ? null : manifest.operation(operationId);
        if (op == null) {
            String id = String.valueOf(operationId);
            throw new UnknownOperationException(id, Suggestions.closest(id, manifest.operationIds(), 5), manifest.size());
        }
        return templates.computeIfAbsent(operationId, id -> new OperationTemplate(op, bodyEncoder, bodyCheck));
    }

    /**
     * Builds a request for a path the manifest does not describe: every parameter goes in the query
     * (lists repeat the name), the body is JSON unless it is binary.
     *
     * @param path the path, starting with {@code /}, with any path values already in place
     */
    public PreparedRequest raw(String method, String path, Map<String, ?> params, Object body) {
        String verb = method == null ? "" : method.toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(verb) || path == null || !path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new ValidationException(null, List.of(new ValidationException.Problem(null, null,
                    "expected a method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS) and a path starting with '/' "
                            + "and no query; got " + method + " " + path + " (pass query values in params)")));
        }
        Operation.Builder op = Operation.builder("raw request", verb, "/");
        if (params != null) {
            for (String name : params.keySet()) {
                op.parameter(Parameter.builder(name, Location.QUERY).type(ParamType.ARRAY)
                        .collectionFormat(dev.falconharness.manifest.CollectionFormat.MULTI).build());
            }
        }
        op.parameter(Parameter.builder("body", Location.BODY).build());
        PreparedRequest built = new OperationTemplate(op.build(), bodyEncoder, bodyCheck).build(asLists(params), body);
        return new PreparedRequest(null, verb, null, path + built.target().substring(1), built.headers(),
                built.body(), null);
    }

    /** Raw query values are never split on commas: a string is one value. */
    private static Map<String, ?> asLists(Map<String, ?> params) {
        if (params == null) {
            return null;
        }
        Map<String, Object> lists = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> lists.put(name, value instanceof CharSequence ? List.of(value) : value));
        return lists;
    }
}
