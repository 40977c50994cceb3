package dev.falconharness.bench;

/**
 * A local HTTP server answering the benchmark {@link Routes} on 127.0.0.1. Two kinds:
 * {@code raw} (the default), a minimal HTTP/1.1 keep-alive server on plain sockets, and {@code jdk},
 * {@code com.sun.net.httpserver} with a fixed pool. Both answer with the same bytes and headers.
 *
 * <pre>{@code
 * try (BenchServer server = BenchServer.start("raw")) {
 *     String url = server.baseUrl();   // http://127.0.0.1:<free port>
 * }
 * }</pre>
 */
interface BenchServer extends AutoCloseable {

    /** {@code http://127.0.0.1:<port>}. */
    String baseUrl();

    @Override
    void close();

    /** Starts a server of {@code kind} ({@code raw} or {@code jdk}) on a free loopback port. */
    static BenchServer start(String kind) {
        return start(kind, 0);
    }

    /** Starts a server of {@code kind} on {@code port} of 127.0.0.1 (0: any free port). */
    static BenchServer start(String kind, int port) {
        Routes routes = new Routes();
        return switch (kind) {
            case "raw" -> RawHttpServer.start(routes, port);
            case "jdk" -> JdkHttpServer.start(routes, port);
            default -> throw new IllegalArgumentException("unknown server kind \"" + kind + "\"; use raw or jdk");
        };
    }
}
