package dev.falconharness.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.falconharness.schema.Definitions;

/**
 * An endpoint registry: operations by ID, loaded from a JSON manifest and checked once.
 * Immutable and thread-safe; lookups are a hash-map get and exact ({@code RetrieveUser} and
 * {@code retrieveUser} are different operations).
 *
 * <pre>{@code
 * Manifest falcon = Manifest.falcon();                       // the built-in Falcon manifest
 * Manifest mine = Manifest.load(Path.of("my-api.json"));     // any API
 * Manifest both = Manifest.combine(falcon, mine);            // IDs must not collide
 * Operation op = falcon.operation("GetRoles");
 * }</pre>
 *
 * <p>The format is described by {@code endpoints/manifest.schema.json} and in the README.
 */
public final class Manifest {
    private static final String BUILT_IN = "falcon.json";

    private final String name;
    private final String title;
    private final String baseUrl;
    private final AuthSpec auth;
    private final String source;
    private final OperationTable operations;
    private final Definitions definitions;
    private final Security security;

    Manifest(String name, String title, String baseUrl, AuthSpec auth, String source, OperationTable operations,
            Definitions definitions, Security security) {
        this.security = security == null ? Security.NONE : security;
        this.name = name;
        this.title = title;
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.source = source;
        this.operations = operations;
        this.definitions = definitions;
    }

    /**
     * The CrowdStrike Falcon manifest that ships inside the jar (1,508 operations). Loaded once, on first
     * use, and cheaply: the document is indexed by operation ID and each operation is read and checked
     * the first time it is asked for (the build checks all of them), so a process that calls one
     * operation pays for one.
     */
    public static Manifest falcon() {
        return BuiltIn.FALCON;
    }

    /** Loads and checks the manifest file at {@code file}; see {@link ManifestLoader}. */
    public static Manifest load(Path file) {
        return ManifestLoader.load(file);
    }

    /**
     * A manifest made in code from built operations, checked with the loader's rules (HTTP method, path
     * placeholders against path parameters, parameter locations and types, bodies, duplicate names and
     * IDs); every problem is reported in one {@link ManifestException}, naming {@code name} as the source.
     */
    public static Manifest of(String name, List<Operation> operations) {
        OperationJson.check(name, operations);
        return combine(List.of(new Manifest(name, null, null, null, name, OperationTable.of(operations), Definitions.NONE, Security.NONE)), name);
    }

    /** Combines manifests into one registry; fails naming both sources if an ID is defined twice. */
    public static Manifest combine(Manifest... manifests) {
        return combine(List.of(manifests), null);
    }

    private static Manifest combine(List<Manifest> manifests, String name) {
        List<ManifestProblem> problems = new ArrayList<>();
        Map<String, Operation> seen = new HashMap<>();
        List<Operation> all = new ArrayList<>();
        for (Manifest manifest : manifests) {
            for (Operation op : manifest.operations()) {
                Operation earlier = seen.putIfAbsent(op.id(), op);
                if (earlier == null) {
                    all.add(op);
                } else {
                    problems.add(new ManifestProblem(String.valueOf(op.source()), op.id(), null,
                            "operation ID already defined in " + earlier.source()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(problems);
        }
        Manifest first = manifests.isEmpty() ? null : manifests.get(0);
        String combinedName = name != null ? name : first == null ? "empty" : first.name;
        boolean single = manifests.size() == 1 && first != null;
        return new Manifest(combinedName, first == null ? null : first.title, first == null ? null : first.baseUrl,
                first == null ? null : first.auth, single ? first.source : "combined manifest", OperationTable.of(all),
                single ? first.definitions : Definitions.NONE, first == null ? Security.NONE : first.security);
    }

    /**
     * The named authentication schemes and default requirement (format 2 {@code securitySchemes} and
     * {@code security}); {@link Security#NONE} when the manifest has only an {@code auth} block or nothing.
     */
    public Security security() {
        return security;
    }

    /** The operation with exactly this ID, or null. */
    public Operation operation(String id) {
        return operations.get(id);
    }

    /** All operations in manifest order. */
    public List<Operation> operations() {
        return operations.all();
    }

    /** All operation IDs (unordered). */
    public Set<String> operationIds() {
        return operations.ids();
    }

    public int size() {
        return operations.size();
    }

    /** The manifest's short name (e.g. {@code falcon}), or null. */
    public String name() {
        return name;
    }

    /** A human title for the API, or null. */
    public String title() {
        return title;
    }

    /** The API's default base URL as the manifest gives it, or null. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * How the API authenticates, as the manifest says, or null when it does not say (the harness then
     * goes by the credentials it is given: OAuth2 client credentials Falcon-style, or a bearer token).
     */
    public AuthSpec auth() {
        return auth;
    }

    /**
     * The named schemas of the manifest's {@code definitions} (format 2), compiled on first use; empty for
     * a version 1 manifest, one made in code, and a combination of several (each operation's schemas
     * still resolve against the definitions of the manifest they came from).
     */
    public Definitions definitions() {
        return definitions;
    }

    /** The file or resource the manifest came from. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Manifest{" + name + ", " + operations.size() + " operations, from " + source + "}";
    }

    /** Holder idiom: the built-in manifest is read on first use, once, without locking afterwards. */
    private static final class BuiltIn {
        static final Manifest FALCON = loadBuiltIn();

        private static Manifest loadBuiltIn() {
            try (InputStream in = Manifest.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("built-in manifest " + BUILT_IN + " is missing from the jar");
                }
                return ManifestLoader.loadDeferred(in.readAllBytes(), "falcon.json (built in)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
