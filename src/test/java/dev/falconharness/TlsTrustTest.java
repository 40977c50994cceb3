package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.http.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates are always verified; a private CA is trusted only when given. */
class TlsTrustTest {
    private final MockWebServer server = new MockWebServer();
    private HeldCertificate ca;

    @TempDir
    Path dir;

    @BeforeEach
    void startHttpsServer() throws IOException {
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("falcon-harness test CA").build();
        HeldCertificate serverCertificate = new HeldCertificate.Builder().signedBy(ca)
                .addSubjectAlternativeName("localhost").build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCertificate).build().sslSocketFactory(), false);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private HarnessBuilder builder() {
        return Harness.builder().baseUrl("https://localhost:" + server.getPort()).retryPolicy(RetryPolicy.NONE)
                .credentials(Credentials.bearerToken("tls-test-token"));
    }

    @Test
    void aServerSignedByAnUnknownCaIsRefused() {
        try (Harness harness = builder().build()) {
            NetworkException e = assertThrows(NetworkException.class, () -> harness.command("GetAvailableRoleIds"));
            assertTrue(e.getCause() instanceof SSLHandshakeException, String.valueOf(e.getCause()));
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aCaFromAPemFileIsTrustedBesidesTheJdkDefaults() throws IOException {
        Path pem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\":[\"secure\"]}"));
        try (Harness harness = builder().trustCertificates(pem).build()) {
            assertEquals("secure", harness.command("GetAvailableRoleIds").resources().get(0).asText());
        }
    }

    @Test
    void aFileWithoutCertificatesIsAClearError() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().trustCertificates(empty).build());
        assertTrue(e.getMessage().startsWith("cannot set up TLS trust") || e.getMessage().contains("no certificate found"), e.getMessage());
    }
}
