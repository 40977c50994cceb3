package dev.falconharness.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
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
    /** How long closing may wait for the server's threads to end (half of it before interrupting busy ones). */
    private static final long STOP_MILLIS = 100;
    /** Long query strings (hundreds of IDs) fit; Falcon's own limit is lower, and clients batch. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /** The largest request body read, in bytes; a longer one is a 413 without reading it. */
    static final int MAX_BODY_BYTES = 8 << 20;
    /**
     * Requests whose answer is not yet written (bodies still arriving included). Bodies are read without
     * holding a worker, so slow senders cost only this count and their bytes; past it, a 503.
     */
    static final int MAX_UNFINISHED = 256;
    /** A connection with no bytes moving for this long is closed, whatever state its request is in. */
    static final long IDLE_TIMEOUT_MILLIS = 10_000;

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
    JettyServer(Dispatcher dispatcher, int port, SslContextFactory.Server tls, int threads, int maxUnfinished) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(threads + JETTY_THREADS, 1);
        pool.setName("falcon-sandbox");
        // On stop Jetty wakes idle threads so that they end (with no stop timeout it leaves them waiting out
        // their 60 s idle timeout, and a program that used the sandbox cannot exit), waits half of this for
        // busy ones, then interrupts them: a delay fault holding a worker delays close() by 50 ms at most.
        pool.setStopTimeout(STOP_MILLIS);
        pool.setReservedThreads(0);
        this.server = new Server(pool);
        this.connector = new ServerConnector(server, 1, 1, connectionFactories(tls));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);
        server.setHandler(new Adapter(dispatcher, pool, maxUnfinished));
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

    /**
     * Jetty's request in, the dispatcher's answer out: the head is judged first (token, declared length),
     * then the body is read without blocking a worker, and only then does a worker run the dispatcher.
     */
    private static final class Adapter extends Handler.Abstract {
        private final Dispatcher dispatcher;
        private final Executor workers;
        private final Semaphore unfinished;
        private final int maxUnfinished;

        Adapter(Dispatcher dispatcher, Executor workers, int maxUnfinished) {
            super(InvocationType.BLOCKING);
            this.dispatcher = dispatcher;
            this.workers = workers;
            this.maxUnfinished = maxUnfinished;
            this.unfinished = new Semaphore(maxUnfinished);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long started = System.nanoTime();
            if (!unfinished.tryAcquire()) {
                refuse(request, response, callback, new SandboxError(503, "the sandbox has " + maxUnfinished
                        + " requests in progress; retry shortly"), started);
                return true;
            }
            Callback done = Callback.from(callback, (Runnable) unfinished::release);
            SandboxRequest head;
            try {
                head = read(request, new byte[0]);
            } catch (SandboxError e) {
                refuse(request, response, done, e, started);
                return true;
            }
            Answer refusal = dispatcher.preflight(head, started);
            if (refusal != null) {
                writeClosing(request, response, refusal, done);
            } else if (request.getLength() > MAX_BODY_BYTES) {
                refuse(request, response, done, tooLarge(), started);
            } else {
                Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES).whenComplete((body, failure) ->
                        workers.execute(() -> answer(request, response, done, head, body, failure, started)));
            }
            return true;
        }

        private void answer(Request request, Response response, Callback done, SandboxRequest head, byte[] body,
                Throwable failure, long started) {
            if (failure != null) {
                if (failure instanceof IOException || failure.getCause() instanceof IOException) {
                    done.failed(failure); // the client went away or stalled past the idle timeout
                } else {
                    refuse(request, response, done, tooLarge(), started); // chunked past the cap
                }
                return;
            }
            try {
                Answer answer = dispatcher.serve(head.withBody(body), started);
                if (answer == null) {
                    drop(request, done);
                } else {
                    write(request, response, answer, done);
                }
            } catch (InterruptedException e) {
                // The sandbox is closing while a delay fault waits; the connection just closes.
                Thread.currentThread().interrupt();
                drop(request, done);
            } catch (UncheckedIOException e) {
                LOG.log(Level.DEBUG, () -> "sandbox could not answer " + request.getMethod() + ": " + e);
                done.failed(e);
            }
        }

        private static SandboxError tooLarge() {
            return new SandboxError(413, "the request body is larger than the sandbox reads (" + (MAX_BODY_BYTES >> 20)
                    + " MiB); send less per request");
        }

        /** An answer before the body was read: the connection closes after it, so no unread body lingers. */
        private void refuse(Request request, Response response, Callback done, SandboxError error, long started) {
            writeClosing(request, response, dispatcher.refuse(error, started), done);
        }

        private static void writeClosing(Request request, Response response, Answer answer, Callback done) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            write(request, response, answer, done);
        }

        private static SandboxRequest read(Request request, byte[] body) {
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
