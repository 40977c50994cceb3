package dev.falconharness.sandbox.junit;

import dev.falconharness.Harness;
import dev.falconharness.sandbox.FalconSandbox;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test class one {@link FalconSandbox}: started before the class's first
 * test, {@linkplain FalconSandbox#reset() reset} before each test (so tests do not see each other's users,
 * grants or faults), and closed after the class. Test and lifecycle methods may take a {@link FalconSandbox}
 * parameter (the class's sandbox) and a {@link Harness} parameter (a harness connected to it, made for that
 * method and closed after it).
 *
 * <pre>{@code
 * @ExtendWith(FalconSandboxExtension.class)
 * class OffboardingTest {
 *     @Test
 *     void offboardingRemovesTheUser(Harness falcon) {
 *         String uuid = falcon.command("CreateUser", Map.of(), Map.of("uid", "leaver@example.com"))
 *                 .orThrow().resources().get(0).path("uuid").asText();
 *         new Offboarding(falcon).run("leaver@example.com");
 *         assertEquals(404, falcon.command("RetrieveUser", Map.of("ids", List.of(uuid))).statusCode());
 *     }
 * }
 * }</pre>
 *
 * <p>For another configuration (HTTPS, a seed file, faults, child CIDs), register an instance:
 * {@code @RegisterExtension static FalconSandboxExtension sandbox = new FalconSandboxExtension(
 * FalconSandbox.builder().tls());}. Nested test classes share their enclosing class's sandbox.
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} and Jetty on the test class path (the library
 * declares both optional). Thread-safe as JUnit uses it: the sandbox itself takes concurrent tests, but a
 * reset before each test affects tests running in parallel in the same class.
 */
public final class FalconSandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            FalconSandboxExtension.class);
    private static final String SANDBOX = "sandbox";
    private static final String HARNESS = "harness";

    private final FalconSandbox.Builder builder;

    /** A sandbox with the defaults ({@link FalconSandbox#start()}). */
    public FalconSandboxExtension() {
        this(FalconSandbox.builder());
    }

    /** A sandbox built by this builder; it is built once per test class, when the class starts. */
    public FalconSandboxExtension(FalconSandbox.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FalconSandbox.class || type == Harness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FalconSandbox sandbox = sandbox(context);
        if (parameter.getParameter().getType() == FalconSandbox.class) {
            return sandbox;
        }
        // One harness per method (and per parameter), closed with the method's context: it revokes its token.
        String key = HARNESS + "#" + parameter.getIndex();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> {
            Harness harness = sandbox.harness();
            return new Closing(harness, harness::close);
        }, Closing.class).value();
    }

    /** The class's sandbox, started on first use; JUnit closes it when the class's context ends. */
    private FalconSandbox sandbox(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return (FalconSandbox) classContext.getStore(NAMESPACE).getOrComputeIfAbsent(SANDBOX, k -> {
            FalconSandbox sandbox = builder.build();
            return new Closing(sandbox, sandbox::close);
        }, Closing.class).value();
    }

    /** The outermost class context, so nested classes share their enclosing class's sandbox. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        ExtensionContext outermost = context;
        while (current != null && current.getParent().isPresent()) {
            if (current.getTestClass().isPresent() && current.getTestMethod().isEmpty()) {
                outermost = current;
            }
            current = current.getParent().orElse(null);
        }
        return outermost;
    }

    /** Something JUnit closes when the context that stores it ends. */
    private record Closing(Object value, Runnable closer) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            closer.run();
        }
    }
}
