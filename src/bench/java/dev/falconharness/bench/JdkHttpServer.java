package dev.falconharness.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark {@link Routes} on the JDK's own {@code com.sun.net.httpserver}, with a fixed pool and
 * {@code sun.net.httpserver.nodelay=true} (without it, Nagle's algorithm adds up to 40 ms to small
 * answers). Kept to compare with {@link RawHttpServer}: see the README's Performance section for which
 * one the benchmarks use and why. Thread-safe.
 */
final class JdkHttpServer implements BenchServer {
    /** Enough handler threads for the 64-calls-in-flight benchmark. */
    private static final int THREADS = 64;

    private final HttpServer server;
    private final ExecutorService pool;

    private JdkHttpServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    static JdkHttpServer start(Routes routes, int port) {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // Read once, when the server class loads: set it before the first server starts.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "bench-jdk-server");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(pool);
            server.createContext("/", exchange -> handle(routes, exchange));
            server.start();
            return new JdkHttpServer(server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(Routes routes, HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
            Routes.Answer answer = routes.answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() != null ? "?" + exchange.getRequestURI().getRawQuery() : ""));
            for (int i = 0; i < Routes.HEADERS.length; i += 2) {
                exchange.getResponseHeaders().add(Routes.HEADERS[i], Routes.HEADERS[i + 1]);
            }
            exchange.sendResponseHeaders(answer.status(), answer.length());
            try (OutputStream out = exchange.getResponseBody()) {
                answer.write(out);
            }
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
