package dev.falconharness.sandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.Harness;
import dev.falconharness.sandbox.FalconSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** The extension as a user's test class sees it, and what it leaves behind once the class is done. */
class FalconSandboxExtensionTest {
    /** What the fixtures saw, read after they ran. */
    static final List<FalconSandbox> SEEN = new ArrayList<>();
    static final List<Harness> HARNESSES = new ArrayList<>();

    /** A user's test class; run by the tests below through the JUnit launcher, not by Surefire directly. */
    @ExtendWith(FalconSandboxExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class UsersFixture {
        @Test
        @Order(1)
        void first(FalconSandbox sandbox, Harness falcon) {
            SEEN.add(sandbox);
            HARNESSES.add(falcon);
            assertEquals(201, falcon.command("CreateUser", Map.of(), Map.of("uid", "ana@example.com")).statusCode());
        }

        @Test
        @Order(2)
        void secondSeesAFreshStateOnTheSameSandbox(FalconSandbox sandbox, Harness falcon) {
            SEEN.add(sandbox);
            HARNESSES.add(falcon);
            assertEquals(201, falcon.command("CreateUser", Map.of(), Map.of("uid", "ana@example.com")).statusCode());
        }

        @Nested
        class Inner {
            @Test
            void sharesTheEnclosingSandbox(FalconSandbox sandbox) {
                SEEN.add(sandbox);
            }
        }
    }

    /** A user's test class with its own configuration. */
    static class TlsFixture {
        @RegisterExtension
        static final FalconSandboxExtension SANDBOX = new FalconSandboxExtension(FalconSandbox.builder().tls());

        @Test
        void reachesTheSandboxOverHttps(FalconSandbox sandbox, Harness falcon) {
            SEEN.add(sandbox);
            assertTrue(sandbox.baseUrl().startsWith("https://"));
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
        }
    }

    /** The README's example, as written there. */
    @ExtendWith(FalconSandboxExtension.class)
    static class OffboardingTest {
        /** The code under test: removes a leaver's account. */
        static void offboard(Harness falcon, String uid) {
            String uuid = falcon.command("RetrieveUserUUID", Map.of("uid", uid)).orThrow().resources().get(0).asText();
            falcon.command("DeleteUser", Map.of("user_uuid", uuid)).orThrow();
        }

        @Test
        void removesTheLeaversAccount(Harness falcon) {
            falcon.command("CreateUser", Map.of(), Map.of("uid", "bo@example.com")).orThrow();
            offboard(falcon, "bo@example.com");
            assertEquals(404, falcon.command("RetrieveUserUUID", Map.of("uid", "bo@example.com")).statusCode());
        }

        @Test
        void startsFromTheSeededStateEveryTime(FalconSandbox sandbox, Harness falcon) {
            // Whatever other tests created is gone: the extension resets the sandbox before each test.
            List<String> emails = falcon.command("RetrieveEmailsByCID").orThrow().resources().stream()
                    .map(JsonNode::asText).toList();
            assertEquals(List.of("sandbox.admin@example.com"), emails);
            assertEquals("5a4d3c2b1e0f4a9b8c7d6e5f4a3b2c1d", sandbox.customerId());
        }
    }

    @Test
    void theReadmesExampleRunsAndPasses() {
        SummaryGeneratingListener listener = run(OffboardingTest.class);
        assertEquals(2, listener.getSummary().getTestsSucceededCount(), () -> failures(listener));
    }

    private static SummaryGeneratingListener run(Class<?> fixture) {
        SEEN.clear();
        HARNESSES.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                .build(), listener);
        return listener;
    }

    @Test
    void oneSandboxServesTheClassResetBetweenTestsAndClosedAfterIt() {
        SummaryGeneratingListener listener = run(UsersFixture.class);
        assertEquals(3, listener.getSummary().getTestsSucceededCount(), () -> failures(listener));
        assertEquals(3, SEEN.size());
        assertSame(SEEN.get(0), SEEN.get(1));
        assertSame(SEEN.get(0), SEEN.get(2), "nested classes share it");
        assertTrue(SEEN.get(0).toString().endsWith(", closed}"), SEEN.get(0).toString());
        assertTrue(HARNESSES.get(0) != HARNESSES.get(1), "a harness per test");
        assertThrows(RuntimeException.class, () -> HARNESSES.get(0).command("GetAvailableRoleIds"),
                "each test's harness is closed after it");
    }

    @Test
    void aRegisteredInstanceBuildsItsSandboxFromItsBuilder() {
        SummaryGeneratingListener listener = run(TlsFixture.class);
        assertEquals(1, listener.getSummary().getTestsSucceededCount(), () -> failures(listener));
        assertTrue(SEEN.get(0).toString().endsWith(", closed}"));
    }

    private static String failures(SummaryGeneratingListener listener) {
        StringBuilder text = new StringBuilder();
        listener.getSummary().getFailures().forEach(f -> text.append(f.getTestIdentifier().getDisplayName())
                .append(": ").append(f.getException()).append('\n'));
        return text.toString();
    }
}
