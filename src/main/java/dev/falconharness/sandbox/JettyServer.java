package dev.falconharness.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The sandbox on the wire: an embedded Jetty (core API, no servlets) on loopback, plain HTTP/1.1 or TLS,
 * handing each request to the {@link Dispatcher} and writing its {@link Answer} with the header names
 * exactly as given. Jetty sets {@code TCP_NODELAY} on accepted sockets, so small answers are not held back
 * waiting for the client's delayed ACK. Thread-safe.
 */
final class JettyServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JettyServer.class.getName());
    /** Jetty's own threads besides the workers: one acceptor and one selector. */
    private static final int JETTY_THREADS = 2;
    /** Long query strings (hundreds of IDs) fit; Falcon's own limit is lower, and clients batch. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        // Unless told, Jetty asks the platform MBean server whether compressed oops are on, to pad its queues
        // against false sharing: that starts JMX (some 200 classes), which was most of the sandbox's start
        // time. 16 is the answer for compressed oops, the JVM's default below 32 GB of heap; any positive
        // value is correct, only padding differs. An application's own setting is left alone.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private final Server server;
    private final ServerConnector connector;

    /**
     * Starts listening.
     *
     * @param tls     the server's key and certificate, or null for plain HTTP
     * @param threads worker threads answering requests
     * @throws IOException when the port cannot be bound
     */
    JettyServer(Dispatcher dispatcher, int port, SslContextFactory.Server tls, int threads) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(threads + JETTY_THREADS, 1);
        pool.setName("falcon-sandbox");
        // A delay fault holds a worker; closing interrupts it instead of waiting for it.
        pool.setStopTimeout(0);
        pool.setReservedThreads(0);
        this.server = new Server(pool);
        this.connector = new ServerConnector(server, 1, 1, connectionFactories(tls));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Adapter(dispatcher));
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IOException(e.getMessage(), e);
        }
    }

    private static ConnectionFactory[] connectionFactories(SslContextFactory.Server tls) {
        HttpConfiguration config = new HttpConfiguration();
        // Falcon answers with no Server header naming the software; nor does the sandbox.
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        // The router, not Jetty, decides about odd paths (encoded slashes in a placeholder, "..").
        config.setUriCompliance(UriCompliance.UNSAFE);
        HttpConnectionFactory http = new HttpConnectionFactory(config);
        if (tls == null) {
            return new ConnectionFactory[] {http};
        }
        return new ConnectionFactory[] {new SslConnectionFactory(tls, http.getProtocol()), http};
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Stops at once: requests in flight are cut off. */
    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, () -> "sandbox server did not stop cleanly: " + e);
        }
    }

    /** Jetty's request in, the dispatcher's answer out. */
    private static final class Adapter extends Handler.Abstract {
        private final Dispatcher dispatcher;

        Adapter(Dispatcher dispatcher) {
            super(InvocationType.BLOCKING);
            this.dispatcher = dispatcher;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long started = System.nanoTime();
            try {
                Answer answer = answer(request, started);
                if (answer == null) {
                    drop(request, callback);
                } else {
                    write(request, response, answer, callback);
                }
            } catch (InterruptedException e) {
                // The sandbox is closing while a delay fault waits; the connection just closes.
                Thread.currentThread().interrupt();
                drop(request, callback);
            } catch (IOException | UncheckedIOException e) {
                // The client went away mid-request; there is no one left to tell.
                LOG.log(Level.DEBUG, () -> "sandbox could not answer " + request.getMethod() + ": " + e);
                callback.failed(e);
            }
            return true;
        }

        private Answer answer(Request request, long started) throws IOException, InterruptedException {
            SandboxRequest read;
            try {
                read = read(request);
            } catch (SandboxError e) {
                return dispatcher.refuse(e, started);
            }
            return dispatcher.serve(read, started);
        }

        /** Reads the whole body, so the connection can be reused. */
        private static SandboxRequest read(Request request) throws IOException {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readAllBytes();
            }
            String path = request.getHttpURI().getPath();
            return new SandboxRequest(request.getMethod(), path == null || path.isEmpty() ? "/" : path,
                    SandboxRequest.decodeForm(request.getHttpURI().getQuery()), headers(request), body);
        }

        private static Map<String, List<String>> headers(Request request) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
            }
            return headers;
        }

        private static void write(Request request, Response response, Answer answer, Callback callback) {
            response.setStatus(answer.status());
            answer.headers().forEach(response.getHeaders()::put);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            boolean head = HttpMethod.HEAD.is(request.getMethod());
            response.write(true, head ? null : ByteBuffer.wrap(answer.body()), callback);
        }

        /** A drop fault: the connection closes with no answer at all. */
        private static void drop(Request request, Callback callback) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new IOException("connection dropped by an injected fault"));
        }
    }
}
