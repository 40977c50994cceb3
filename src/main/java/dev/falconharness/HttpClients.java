package dev.falconharness;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Makes the harness's pooled {@link HttpClient}: connect timeout, no automatic redirects (a 3xx is the
 * API's answer to read), HTTP/1.1 for plain-HTTP servers, the proxy selector, and trust. Certificate and
 * host name verification are always on; extra CA certificates are trusted in addition to the JDK's.
 */
final class HttpClients {
    private HttpClients() {
    }

    static HttpClient create(Settings b, String baseUrl) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain-HTTP servers (the sandbox, local proxies) get HTTP/1.1 rather than an h2c upgrade.
                .version(baseUrl.startsWith("http://") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2);
        if (b.proxy() != null) {
            client.proxy(b.proxy());
        }
        if (!b.trustedCertificates().isEmpty() || b.trustStore() != null) {
            client.sslContext(sslContext(b));
        }
        return client.build();
    }

    private static SSLContext sslContext(Settings b) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            addJdkDefaults(trusted);
            for (Path pem : b.trustedCertificates()) {
                addPem(trusted, pem);
            }
            if (b.trustStore() != null) {
                addStore(trusted, b.trustStore(), b.trustStorePassword());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static void addJdkDefaults(KeyStore trusted) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        int n = 0;
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    trusted.setCertificateEntry("jdk-" + n++, ca);
                }
            }
        }
    }

    private static void addPem(KeyStore trusted, Path pem) throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry(pem.getFileName() + "-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("no certificate found in " + pem + " (expected PEM or DER X.509)");
            }
        }
    }

    private static void addStore(KeyStore trusted, Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        for (String alias : java.util.Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (certificate != null) {
                trusted.setCertificateEntry("store-" + alias, certificate);
            }
        }
    }
}
