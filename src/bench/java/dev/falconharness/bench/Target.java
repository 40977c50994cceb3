package dev.falconharness.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where the network benchmarks send their calls: an in-process {@link BenchServer}, or any server on
 * loopback named by the system property {@code bench.url} (it must answer the {@link Routes}: Falcon's
 * token endpoint, {@code GetRoles}, and for paging {@code QueryDevicesByFilterScroll}), with the client
 * ID and secret in {@code bench.clientId} and {@code bench.clientSecret}. The property
 * {@code bench.server} picks the in-process kind: {@code raw} (default) or {@code jdk}.
 *
 * <pre>{@code
 * java -cp target/bench/benchmarks.jar dev.falconharness.bench.Serve 8089 &     # the same server, alone
 * java -Dbench.url=http://127.0.0.1:8089 -jar target/bench/benchmarks.jar e2e async
 * }</pre>
 *
 * Only loopback addresses are accepted: a benchmark must never load a real API.
 */
final class Target implements AutoCloseable {
    private static final String CLIENT_ID = "bench-client-id";
    private static final String CLIENT_SECRET = "bench-client-secret";

    private final String baseUrl;
    private final BenchServer server;

    private Target(String baseUrl, BenchServer server) {
        this.baseUrl = baseUrl;
        this.server = server;
    }

    /** The server named by {@code bench.url}, else a new in-process one of kind {@code bench.server}. */
    static Target start() {
        String url = System.getProperty("bench.url");
        if (url != null && !url.isBlank()) {
            return new Target(loopbackOnly(url.strip().replaceAll("/+$", "")), null);
        }
        BenchServer server = BenchServer.start(System.getProperty("bench.server", "raw"));
        return new Target(server.baseUrl(), server);
    }

    String baseUrl() {
        return baseUrl;
    }

    static String clientId() {
        return System.getProperty("bench.clientId", CLIENT_ID);
    }

    static String clientSecret() {
        return System.getProperty("bench.clientSecret", CLIENT_SECRET);
    }

    /** What the report says about the server. */
    static String describe() {
        String url = System.getProperty("bench.url");
        return url != null && !url.isBlank() ? url : "in-process " + System.getProperty("bench.server", "raw") + " server";
    }

    private static String loopbackOnly(String url) {
        URI uri = URI.create(url);
        try {
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null
                    || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("bench.url must be http:// on loopback (127.0.0.1, localhost), got " + url);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bench.url has an unknown host: " + url, e);
        }
        return url;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
