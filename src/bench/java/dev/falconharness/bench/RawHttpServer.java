package dev.falconharness.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smallest HTTP/1.1 server that serves the benchmarks: one thread per keep-alive connection,
 * request heads read in bulk, bodies skipped, each answer written with one flush and
 * {@code TCP_NODELAY}. It is fast because it does almost nothing: the benchmarks measure the
 * client. Not a general server (no chunked uploads, no pipelining). Thread-safe.
 */
final class RawHttpServer implements BenchServer {
    /** Longest request head accepted; benchmark requests are well under 1 KB. */
    private static final int MAX_HEAD = 16 * 1024;

    private final Routes routes;
    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(RawHttpServer::daemon);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private RawHttpServer(Routes routes, ServerSocket socket) {
        this.routes = routes;
        this.socket = socket;
    }

    static RawHttpServer start(Routes routes, int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            RawHttpServer server = new RawHttpServer(routes, socket);
            Thread acceptor = daemon(server::acceptLoop);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                open.add(connection);
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                // Closed by close(), or a failed accept: either way, go round (the loop ends when closed).
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            HeadReader in = new HeadReader(connection.getInputStream());
            // Head and body parts go out together on flush: one answer, as few segments as possible.
            OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 64 * 1024);
            while (true) {
                String head = in.readHead();
                if (head == null) {
                    return;
                }
                Request request = Request.parse(head);
                in.skip(request.contentLength());
                Routes.Answer answer = routes.answer(request.method(), request.target());
                out.write(answer.head());
                answer.write(out);
                out.flush();
                if (request.close()) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away: nothing to do.
        } finally {
            open.remove(connection);
        }
    }

    /** Reads request heads from a stream in bulk, keeping what follows a head for the next read. */
    private static final class HeadReader {
        private final InputStream in;
        private final byte[] buffer = new byte[MAX_HEAD];
        private int start;
        private int end;

        HeadReader(InputStream in) {
            this.in = in;
        }

        /** The next head up to and including its blank line, or null at a clean end of stream. */
        String readHead() throws IOException {
            int checked = 0;
            while (true) {
                // Offsets are from start, which fill() may move; the blank line needs 4 bytes.
                for (int i = start + Math.max(checked, 3); i < end; i++) {
                    if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                        String head = new String(buffer, start, i + 1 - start, StandardCharsets.ISO_8859_1);
                        start = i + 1;
                        return head;
                    }
                }
                checked = end - start;
                if (!fill()) {
                    if (start == end) {
                        return null;
                    }
                    throw new IOException("connection closed inside a request head");
                }
            }
        }

        /** Skips a request body of {@code length} bytes. */
        void skip(long length) throws IOException {
            long left = length;
            while (left > 0) {
                if (start == end && !fill()) {
                    throw new IOException("connection closed inside a request body");
                }
                int n = (int) Math.min(left, end - start);
                start += n;
                left -= n;
            }
        }

        private boolean fill() throws IOException {
            if (start == end) {
                start = 0;
                end = 0;
            } else if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                throw new IOException("request head longer than " + MAX_HEAD + " bytes");
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                return false;
            }
            end += n;
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket connection : open) {
            try {
                connection.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        connections.shutdownNow();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "bench-server");
        thread.setDaemon(true);
        return thread;
    }

    /** What the server needs of a request head. */
    private record Request(String method, String target, long contentLength, boolean close) {
        static Request parse(String head) throws IOException {
            int firstSpace = head.indexOf(' ');
            int secondSpace = head.indexOf(' ', firstSpace + 1);
            if (firstSpace < 0 || secondSpace < 0) {
                throw new IOException("bad request line");
            }
            long length = 0;
            boolean close = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(line.substring("content-length:".length()).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            return new Request(head.substring(0, firstSpace), head.substring(firstSpace + 1, secondSpace), length, close);
        }
    }
}
