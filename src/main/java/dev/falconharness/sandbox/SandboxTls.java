package dev.falconharness.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The sandbox's TLS material, made fresh at every start: a CA (its own key, a self-signed certificate) and
 * a server certificate it signs for {@code 127.0.0.1}, {@code ::1} and {@code localhost}. The CA
 * certificate is written as PEM to a temporary file that any client can trust ({@code REQUESTS_CA_BUNDLE},
 * {@code SSL_CERT_FILE}, {@code --ca-cert}); the file is deleted when the sandbox closes. The keys never
 * leave memory. EC P-256 keys: generated in milliseconds, where RSA-2048 takes a noticeable part of a
 * second. Not thread-safe; made once per sandbox.
 */
final class SandboxTls {
    private static final String SIGNATURE = "SHA256withECDSA";
    /** Long enough for any session; clients check validity, so "now" is pushed back for clock skew. */
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final Duration SKEW = Duration.ofHours(1);

    private final SslContextFactory.Server contextFactory;
    private final Path caCertificate;

    private SandboxTls(SslContextFactory.Server contextFactory, Path caCertificate) {
        this.contextFactory = contextFactory;
        this.caCertificate = caCertificate;
    }

    /** Makes the keys and certificates and writes the CA certificate to a new temporary file. */
    static SandboxTls generate() {
        try {
            KeyPair caKeys = ecKeys();
            KeyPair serverKeys = ecKeys();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=falcon-harness sandbox CA " + now.getEpochSecond() + ",O=falcon-harness");
            X509Certificate ca = caCertificate(caName, caKeys, now);
            X509Certificate server = serverCertificate(caName, ca, caKeys, serverKeys, now);
            char[] password = randomPassword();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sandbox", serverKeys.getPrivate(), password, new Certificate[] {server, ca});
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setKeyStore(store);
            factory.setKeyStorePassword(new String(password));
            Path file = Files.createTempFile("falcon-sandbox-ca-", ".pem");
            Files.writeString(file, pem(ca), StandardCharsets.US_ASCII);
            return new SandboxTls(factory, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's CA certificate: " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the sandbox's TLS certificate: " + e.getMessage(), e);
        }
    }

    SslContextFactory.Server contextFactory() {
        return contextFactory;
    }

    /** The PEM file holding the CA certificate. */
    Path caCertificate() {
        return caCertificate;
    }

    /** Deletes the CA certificate file. */
    void delete() {
        try {
            Files.deleteIfExists(caCertificate);
        } catch (IOException e) {
            // A temporary file the OS cleans up anyway; nothing for the caller to do.
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(X500Name name, KeyPair keys, Instant now)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(SKEW)),
                Date.from(now.plus(VALIDITY)), name, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        // Path length 0: this CA signs the server certificate and nothing that could sign further.
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys);
    }

    private static X509Certificate serverCertificate(X500Name issuer, X509Certificate ca, KeyPair caKeys,
            KeyPair keys, Instant now) throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                Date.from(now.minus(SKEW)), Date.from(now.plus(VALIDITY)), new X500Name("CN=localhost"),
                keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        // Clients match the host they dialled against these names: an IP address or "localhost".
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1"),
            new GeneralName(GeneralName.dNSName, "localhost")}));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        // Strict verifiers (OpenSSL 3's X509_STRICT, Python 3.13) want the issuer's key identified.
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
        return sign(builder, caKeys);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        // Positive and at most 20 bytes, as RFC 5280 asks.
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }

    static String pem(X509Certificate certificate) throws GeneralSecurityException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    }
}
