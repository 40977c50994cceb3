package dev.falconharness.engine;

import dev.falconharness.Cloud;
import java.util.Optional;

/**
 * The base URL calls go to, which region discovery may change once: a client configured for
 * {@code auto} (or us-1) follows the {@code X-Cs-Region} header of the token response to its real
 * region. A custom base URL (a proxy, a test server) is never rewritten. Thread-safe.
 */
public final class Endpoint {
    private final boolean discovery;
    private volatile String baseUrl;

    private Endpoint(String baseUrl, boolean discovery) {
        this.baseUrl = baseUrl;
        this.discovery = discovery;
    }

    /** A fixed base URL: never moved by discovery. */
    public static Endpoint fixed(String baseUrl) {
        return new Endpoint(baseUrl, false);
    }

    /** A Falcon cloud; {@code discovery} lets the token response move it to another region. */
    public static Endpoint cloud(Cloud cloud, boolean discovery) {
        return new Endpoint(cloud.baseUrl(), discovery);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public boolean discovers() {
        return discovery;
    }

    /**
     * Moves to the region named by an {@code X-Cs-Region} header, where discovery is on and the region
     * is known. Returns true if the base URL changed.
     */
    public boolean discover(String region) {
        if (!discovery || region == null) {
            return false;
        }
        Optional<Cloud> cloud = Cloud.parse(region);
        if (cloud.isEmpty() || cloud.get().baseUrl().equals(baseUrl)) {
            return false;
        }
        baseUrl = cloud.get().baseUrl();
        return true;
    }

    @Override
    public String toString() {
        return "Endpoint{" + baseUrl + (discovery ? ", region discovery on" : "") + "}";
    }
}
