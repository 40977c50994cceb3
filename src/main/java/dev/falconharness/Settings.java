package dev.falconharness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.auth.TokenSource;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.http.Sleeper;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Manifest;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * Everything a {@link HarnessBuilder} was told, copied when {@link HarnessBuilder#build()} runs: changing
 * the builder afterwards changes no harness. Immutable (the trust-store password is a copy, cleared by no
 * one else).
 */
record Settings(Credentials credentials, TokenSource tokenSource, String cloud, String baseUrl, List<Manifest> manifests,
        HttpClient httpClient, Duration connectTimeout, Duration requestTimeout, Duration callTimeout, long maxBufferedBody, BodyValidation bodyValidation, Duration refreshWindow,
        String userAgentPrefix, Clock clock, ObjectMapper mapper, RetryPolicy retryPolicy, boolean pacing,
        CallListener listener, Sleeper sleeper, DoubleSupplier jitter, List<Path> trustedCertificates, Path trustStore,
        char[] trustStorePassword, ProxySelector proxy, Executor executor, AuthSpec auth,
        java.util.Map<String, Credentials> schemeCredentials) {

    Settings {
        manifests = List.copyOf(manifests);
        schemeCredentials = schemeCredentials == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schemeCredentials));
        trustedCertificates = List.copyOf(trustedCertificates);
        trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
    }

    /** The manifest calls are looked up in: the built-in Falcon one unless others were added. */
    Manifest manifest() {
        if (manifests.isEmpty()) {
            return Manifest.falcon();
        }
        return manifests.size() == 1 ? manifests.get(0) : Manifest.combine(manifests.toArray(new Manifest[0]));
    }

    @Override
    public String toString() {
        // Never the credentials' secrets nor the trust-store password: Credentials masks itself.
        return "Settings{" + (credentials == null ? "no credentials" : credentials) + ", cloud=" + cloud + ", baseUrl=" + baseUrl + "}";
    }
}
