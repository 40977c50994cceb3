package dev.falconharness.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.falconharness.schema.Definitions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest document and checks all of it before anything is used. Every problem found is
 * collected and reported together in one {@link ManifestException}.
 *
 * <p>Checked: JSON syntax (with line and column), the top-level shape, unknown keys (with the closest
 * known key), duplicate operation IDs, HTTP methods, path templates against path parameters (both
 * ways), parameter locations, types, collection formats, enums, ranges, patterns, duplicate parameter
 * names, and body/form-data conflicts. Thread-safe; stateless.
 */
public final class ManifestLoader {
    /** The format identifier of version 1 manifests (operations and parameters only). */
    public static final String FORMAT = "falcon-harness/manifest@1";
    /**
     * The format identifier of version 2 manifests: version 1 plus {@code definitions}, body schemas,
     * {@code responses} and {@code unpublished}. Both versions load.
     */
    public static final String FORMAT_V2 = "falcon-harness/manifest@2";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ROOT_KEYS =
            Set.of("$schema", "format", "name", "title", "source", "baseUrl", "auth", "securitySchemes", "security", "definitions", "operations");
    private static final Set<String> METHODS = dev.falconharness.http.HttpMethods.ALL;

    private ManifestLoader() {
    }

    /** Loads and checks the manifest file at {@code file}. */
    public static Manifest load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ManifestException(List.of(new ManifestProblem(file.toString(), null, null,
                    "file not found (working directory: " + Path.of("").toAbsolutePath() + ")")));
        } catch (IOException e) {
            throw new ManifestException(new ManifestProblem(file.toString(), null, null, "cannot be read: " + e.getMessage()), e);
        }
    }

    /** Loads and checks a manifest from {@code in}; {@code source} names it in error messages. */
    public static Manifest load(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ManifestException(new ManifestProblem(source, null, null,
                    "not valid JSON" + where + ": " + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ManifestException(new ManifestProblem(source, null, null, "cannot be read: " + e.getMessage()), e);
        }
        return fromTree(root, source);
    }

    /**
     * Reads a manifest whose operations are read and checked one at a time, when first asked for (see
     * {@link DeferredOperations}); only for documents a build has already checked in full, like the
     * built-in one. The top-level fields are checked now. A document that is not shaped like a checked
     * manifest is read the checking way instead, so its problems are all reported as {@link #load} would.
     */
    static Manifest loadDeferred(byte[] document, String source) {
        DeferredOperations.Indexed indexed = DeferredOperations.index(document, source, MAPPER);
        if (indexed == null) {
            return load(new ByteArrayInputStream(document), source);
        }
        ObjectNode header = indexed.header();
        Reader reader = new Reader(source);
        reader.readHeader(header);
        reader.definitions = indexed.definitions();
        AuthSpec auth = new AuthSpecReader(reader).read(header.get("auth"));
        Security security = SecurityReader.read(reader, header);
        if (!reader.problems.isEmpty()) {
            throw new ManifestException(reader.problems);
        }
        indexed.operations().readWith(reader.definitions, reader.v2);
        return new Manifest(text(header, "name"), text(header, "title"), text(header, "baseUrl"), auth, source,
                indexed.operations(), reader.definitions, security);
    }

    /** Reads and checks the operation at {@code /operations/position}, held in {@code length} bytes at {@code offset}. */
    static Operation readOperation(byte[] document, int offset, int length, int position, String source,
            Definitions definitions, boolean v2) {
        Reader reader = new Reader(source);
        reader.definitions = definitions;
        reader.v2 = v2;
        Operation op;
        try {
            op = new OperationReader(reader, MAPPER.readTree(document, offset, length), "/operations/" + position).read();
        } catch (IOException e) {
            throw new ManifestException(new ManifestProblem(source, null, "/operations/" + position,
                    "not valid JSON: " + e.getMessage()), e);
        }
        if (op == null || !reader.problems.isEmpty()) {
            throw new ManifestException(reader.problems);
        }
        return op;
    }

    /** Checks an already parsed manifest document. */
    public static Manifest fromTree(JsonNode root, String source) {
        Reader reader = new Reader(source);
        List<Operation> operations = reader.readRoot(root);
        AuthSpec auth = root != null && root.isObject() ? new AuthSpecReader(reader).read(root.get("auth")) : null;
        if (!reader.problems.isEmpty()) {
            throw new ManifestException(reader.problems);
        }
        return new Manifest(text(root, "name"), text(root, "title"), text(root, "baseUrl"), auth, source,
                OperationTable.of(operations), reader.definitions, reader.security);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** One pass over one document, collecting problems as it goes. */
    static final class Reader {
        private final String source;
        private final List<ManifestProblem> problems = new ArrayList<>();
        /** Version 2 allows payload keys; a version 1 manifest that uses them is told to say so. */
        boolean v2;
        Definitions definitions = Definitions.NONE;
        /** The names of the manifest's securitySchemes, to check operations' requirements; null when unknown. */
        Set<String> schemeNames;
        Security security = Security.NONE;

        Reader(String source) {
            this.source = source;
        }

        List<Operation> readRoot(JsonNode root) {
            List<Operation> operations = new ArrayList<>();
            if (root == null || !root.isObject()) {
                problem(null, "", "the document must be a JSON object with an \"operations\" array");
                return operations;
            }
            readHeader(root);
            security = SecurityReader.read(this, root);
            schemeNames = security.schemes().keySet();
            if (root.has("definitions")) {
                requireV2(null, "/definitions");
                definitions = PayloadReader.definitions(this, root.get("definitions"));
            }
            JsonNode ops = root.get("operations");
            if (ops == null || !ops.isArray()) {
                problem(null, "/operations", "missing: the manifest needs an \"operations\" array");
                return operations;
            }
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < ops.size(); i++) {
                Operation op = new OperationReader(this, ops.get(i), "/operations/" + i).read();
                if (op == null) {
                    continue;
                }
                Integer earlier = firstIndex.putIfAbsent(op.id(), i);
                if (earlier != null) {
                    problem(op.id(), "/operations/" + i + "/id", "duplicate operation ID; first defined at /operations/"
                            + earlier + " (IDs are case-sensitive and must be unique)");
                } else {
                    operations.add(op);
                }
            }
            return operations;
        }

        /** Checks the top-level fields other than the operations. */
        void readHeader(JsonNode root) {
            checkKeys(root, ROOT_KEYS, null, "");
            JsonNode format = root.get("format");
            v2 = format != null && FORMAT_V2.equals(format.asText());
            if (format != null && !FORMAT.equals(format.asText()) && !v2) {
                problem(null, "/format", "unsupported format " + format + "; this version reads \"" + FORMAT_V2
                        + "\" and \"" + FORMAT + "\"");
            }
            for (String field : List.of("name", "title", "source", "baseUrl")) {
                if (root.has(field) && !root.get(field).isTextual()) {
                    problem(null, "/" + field, "must be a string");
                }
            }
        }

        void checkKeys(JsonNode node, Set<String> known, String operationId, String pointer) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    List<String> close = Suggestions.closest(name, known, 1);
                    problem(operationId, pointer + "/" + name, "unknown key \"" + name + "\""
                            + (close.isEmpty() ? "; known keys: " + String.join(", ", known.stream().sorted().toList())
                            : "; did you mean \"" + close.get(0) + "\"?"));
                }
            }
        }

        List<ManifestProblem> problems() {
            return problems;
        }

        void problem(String operationId, String pointer, String message) {
            problems.add(new ManifestProblem(source, operationId, pointer, message));
        }

        /** Records a problem when a version 2 key is used in a version 1 manifest. */
        void requireV2(String operationId, String pointer) {
            if (!v2) {
                problem(operationId, pointer, "is a manifest format 2 key; declare \"format\": \"" + FORMAT_V2 + "\"");
            }
        }

        static boolean isMethod(String method) {
            return METHODS.contains(method);
        }
    }

    /** Reads one operation object; returns null when it is too broken to build. */
    static final class OperationReader {
        private static final Set<String> KEYS = Set.of("id", "method", "path", "collection", "summary",
                "description", "deprecated", "replacedBy", "consumes", "parameters", "unpublished", "responses", "produces", "security");

        private final Reader reader;
        private final JsonNode node;
        private final String pointer;
        private String id;

        OperationReader(Reader reader, JsonNode node, String pointer) {
            this.reader = reader;
            this.node = node;
            this.pointer = pointer;
        }

        Operation read() {
            if (node == null || !node.isObject()) {
                reader.problem(null, pointer, "each operation must be a JSON object");
                return null;
            }
            id = requiredText("id");
            String method = requiredText("method");
            String path = requiredText("path");
            reader.checkKeys(node, KEYS, id, pointer);
            if (id == null || method == null || path == null) {
                return null;
            }
            if (!Reader.isMethod(method)) {
                problem("/method", "unknown HTTP method \"" + method + "\"; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (upper-case)");
            }
            List<Parameter> parameters = readParameters();
            new PathTemplateCheck(this).check(path, parameters);
            checkBodies(parameters);
            for (String key : List.of("unpublished", "responses", "produces", "security")) {
                if (node.has(key)) {
                    reader.requireV2(id, pointer + "/" + key);
                }
            }
            if (node.has("unpublished") && !node.get("unpublished").isBoolean()) {
                problem("/unpublished", "must be true or false");
            }
            Operation.Builder built = Operation.builder(id, method, path)
                    .collection(optionalText("collection"))
                    .summary(optionalText("summary"))
                    .description(optionalText("description"))
                    .deprecated(node.path("deprecated").asBoolean(false))
                    .replacedBy(optionalText("replacedBy"))
                    .consumes(MediaTypeReader.read(this, node.get("consumes"), "consumes", reader.v2))
                    .produces(MediaTypeReader.read(this, node.get("produces"), "produces", reader.v2))
                    .security(node.has("security") ? SecurityReader.requirement(reader, id, node.get("security"),
                            pointer + "/security", reader.schemeNames) : null)
                    .parameters(parameters)
                    .source(reader.source)
                    .unpublished(node.path("unpublished").asBoolean(false));
            PayloadReader.responses(this, reader.definitions, node.get("responses"), pointer + "/responses")
                    .forEach(built::response);
            return built.build();
        }

        private List<Parameter> readParameters() {
            List<Parameter> parameters = new ArrayList<>();
            JsonNode list = node.get("parameters");
            if (list == null) {
                return parameters;
            }
            if (!list.isArray()) {
                problem("/parameters", "must be an array of parameter objects");
                return parameters;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "/parameters/" + i;
                Parameter p = new ParameterReader(this, list.get(i), at).read();
                if (p == null) {
                    continue;
                }
                Integer earlier = seen.putIfAbsent(p.name(), i);
                if (earlier != null) {
                    problem(at + "/name", "duplicate parameter name \"" + p.name() + "\"; first at " + pointer
                            + "/parameters/" + earlier + " (names must be unique within an operation)");
                } else {
                    parameters.add(p);
                }
            }
            return parameters;
        }

        private void checkBodies(List<Parameter> parameters) {
            long bodies = parameters.stream().filter(p -> p.location() == Location.BODY).count();
            if (bodies > 1) {
                problem("/parameters", "more than one body parameter; an operation has at most one JSON body");
            }
            if (bodies > 0 && parameters.stream().anyMatch(p -> p.location() == Location.FORM_DATA)) {
                problem("/parameters", "mixes a body parameter with formData parameters; a request has one or the other");
            }
        }

        private String requiredText(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                problem("/" + field, "missing or empty \"" + field + "\" (a non-empty string is required)");
                return null;
            }
            return value.asText();
        }

        private String optionalText(String field) {
            JsonNode value = node.get(field);
            if (value != null && !value.isTextual()) {
                problem("/" + field, "must be a string");
                return null;
            }
            return value == null ? null : value.asText();
        }

        String id() {
            return id;
        }

        void problem(String relative, String message) {
            reader.problem(id, pointer + relative, message);
        }

        void checkKeys(JsonNode parameter, Set<String> known, String at) {
            reader.checkKeys(parameter, known, id, pointer + at);
        }

        /** A problem at an absolute pointer (schema problems carry their own). */
        void problemAt(String absolute, String message) {
            reader.problem(id, absolute, message);
        }

        void checkKeysAt(JsonNode node, Set<String> known, String absolute) {
            reader.checkKeys(node, known, id, absolute);
        }

        Definitions definitions() {
            return reader.definitions;
        }

        /** The operation's own pointer, e.g. {@code /operations/3}. */
        String pointer() {
            return pointer;
        }

        void requireV2(String absolute) {
            reader.requireV2(id, absolute);
        }
    }
}
