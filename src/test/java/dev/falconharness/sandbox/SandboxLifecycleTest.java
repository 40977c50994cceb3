package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.NetworkException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Starting, describing and stopping a sandbox. */
class SandboxLifecycleTest {

    @Test
    void aStartedSandboxListensOnLoopbackAndNamesItsBaseUrlWithoutATrailingSlash() {
        try (FalconSandbox sandbox = FalconSandbox.start()) {
            assertEquals("http://127.0.0.1:" + sandbox.port(), sandbox.baseUrl());
            assertTrue(sandbox.port() > 0);
        }
    }

    @Test
    void theHarnessOfASandboxUsesItsBaseUrlAndDocumentedCredentials() {
        try (FalconSandbox sandbox = FalconSandbox.start(); Harness falcon = sandbox.harness()) {
            assertEquals(sandbox.baseUrl(), falcon.baseUrl());
            assertEquals(Credentials.of(FalconSandbox.CLIENT_ID, FalconSandbox.CLIENT_SECRET).toString(),
                    sandbox.credentials().toString());
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void aPortInUseIsRefusedNamingThePort() {
        try (FalconSandbox first = FalconSandbox.start()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> FalconSandbox.builder().port(first.port()).build());
            assertTrue(e.getMessage().contains("127.0.0.1:" + first.port()), e.getMessage());
        }
    }

    @Test
    void closingTwiceIsHarmlessAndCallsAfterwardsFailOnTheNetwork() {
        FalconSandbox sandbox = FalconSandbox.start();
        Harness falcon = sandbox.harnessBuilder().retryPolicy(dev.falconharness.http.RetryPolicy.NONE).build();
        sandbox.close();
        sandbox.close();
        assertTrue(sandbox.toString().endsWith(", closed}"), sandbox.toString());
        assertThrows(NetworkException.class, () -> falcon.command("GetAvailableRoleIds"));
        falcon.close();
    }

    @Test
    void closingEndsTheServersThreadsSoThatAProgramUsingItCanExit() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        FalconSandbox sandbox = FalconSandbox.start();
        try (Harness falcon = sandbox.harness()) {
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
        }
        List<Thread> own = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("falcon-sandbox") && !t.isDaemon()).toList();
        assertFalse(own.isEmpty(), "the server runs on threads of its own");
        sandbox.close();
        for (Thread thread : own) {
            // Idle server threads used to wait out Jetty's 60 s idle timeout, keeping the JVM alive; the
            // bound here only keeps a failing run short.
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " outlived close()");
        }
    }

    @Test
    void theDescriptionNamesTheAddressAndCustomerButNoSecret() {
        try (FalconSandbox sandbox = FalconSandbox.start()) {
            assertEquals("FalconSandbox{" + sandbox.baseUrl() + ", customer " + FalconSandbox.CUSTOMER_ID + "}",
                    sandbox.toString());
            assertFalse(sandbox.toString().contains(FalconSandbox.CLIENT_SECRET));
        }
    }

    @Test
    void theBuilderRefusesSettingsThatCouldNeverWork() {
        assertThrows(IllegalArgumentException.class, () -> FalconSandbox.builder().port(70000));
        assertThrows(IllegalArgumentException.class, () -> FalconSandbox.builder().tokenLifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FalconSandbox.builder().threads(0));
    }
}
