package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Harness;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS on request: a fresh CA per sandbox, written as PEM for clients to trust, and nothing else trusted. */
class SandboxTlsTest {
    private static FalconSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = FalconSandbox.builder().tls().build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aTlsSandboxListensOnHttpsAndWritesItsCaCertificateAsPem() throws Exception {
        assertTrue(sandbox.baseUrl().startsWith("https://127.0.0.1:"), sandbox.baseUrl());
        assertTrue(sandbox.isTls());
        String pem = Files.readString(sandbox.caCertificate());
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n") && pem.endsWith("-----END CERTIFICATE-----\n"));
        X509Certificate ca = caCertificate();
        assertTrue(ca.getBasicConstraints() >= 0, "a CA certificate");
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal(), "self-signed");
    }

    @Test
    void theSandboxesOwnHarnessTrustsItsCaByItself() {
        try (Harness falcon = sandbox.harness()) {
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void aHarnessTrustingOnlyTheWrittenCaReachesTheSandbox() {
        try (Harness falcon = Harness.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials())
                .trustCertificates(sandbox.caCertificate()).build()) {
            assertEquals(200, falcon.command("GetAvailableRoleIds").statusCode());
        }
    }

    @Test
    void aHarnessWithoutTheCaCannotConnect() {
        try (Harness falcon = Harness.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.credentials()).build()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> falcon.command("GetAvailableRoleIds"));
            assertFalse(e.getMessage().contains(FalconSandbox.CLIENT_SECRET), "no secret in the message");
        }
    }

    @Test
    void aPlainJdkClientTrustingOnlyTheCaReachesItByLocalhostToo() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("sandbox-ca", caCertificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                + sandbox.port() + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + FalconSandbox.CLIENT_ID + "&client_secret="
                        + FalconSandbox.CLIENT_SECRET)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode());
    }

    @Test
    void eachSandboxMakesItsOwnCaAndDeletesItsFileWhenClosed() throws Exception {
        Path file;
        try (FalconSandbox other = FalconSandbox.builder().tls().build()) {
            file = other.caCertificate();
            assertFalse(Files.readString(file).equals(Files.readString(sandbox.caCertificate())));
        }
        assertFalse(Files.exists(file), "deleted on close");
    }

    @Test
    void aPlainSandboxHasNoCaCertificateAndSaysHowToGetOne() {
        try (FalconSandbox plain = FalconSandbox.start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, plain::caCertificate);
            assertTrue(e.getMessage().contains("tls()"), e.getMessage());
            assertTrue(plain.baseUrl().startsWith("http://"));
        }
    }

    private static X509Certificate caCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(sandbox.caCertificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
