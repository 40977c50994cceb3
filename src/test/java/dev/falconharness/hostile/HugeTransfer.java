package dev.falconharness.hostile;

import dev.falconharness.ApiResponse;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.http.RetryPolicy;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.manifest.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run in a JVM of its own with a small heap ({@code -Xmx128m}): downloads a 1 GiB answer to a file and
 * uploads a 1 GiB file, each through the harness against a loopback server made of a bare socket, and
 * prints what arrived. Exit 0 when both sizes are right; an {@link OutOfMemoryError} fails the process.
 */
public final class HugeTransfer {
    static final long SIZE = 1L << 30;

    private HugeTransfer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            long[] uploaded = new long[1];
            Thread serving = new Thread(() -> serve(server, uploaded));
            serving.setDaemon(true);
            serving.start();
            Manifest manifest = Manifest.of("blobs", List.of(
                    Operation.builder("getBlob", "GET", "/blob").build(),
                    Operation.builder("putBlob", "POST", "/blob").consumes("application/octet-stream")
                            .parameter(Parameter.builder("body", Location.BODY).required(true).build()).build()));
            try (Harness harness = Harness.builder().manifest(manifest).baseUrl("http://127.0.0.1:" + server.getLocalPort())
                    .credentials(Credentials.bearerToken("t0ken")).retryPolicy(RetryPolicy.NONE).build()) {
                Path target = dir.resolve("blob.bin");
                ApiResponse got = harness.download("getBlob", Map.of(), target);
                System.out.println("download " + got.statusCode() + " " + Files.size(target));
                Path source = dir.resolve("upload.bin");
                try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
                    file.setLength(SIZE);
                }
                ApiResponse sent = harness.command("putBlob", Map.of(), source);
                System.out.println("upload " + sent.statusCode() + " " + uploaded[0]);
                Files.delete(target);
                Files.delete(source);
            }
        }
    }

    /** Answers GET with {@link #SIZE} bytes and counts what a POST sends. */
    private static void serve(ServerSocket server, long[] uploaded) {
        while (true) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                String head = readHead(in);
                OutputStream out = socket.getOutputStream();
                if (head.startsWith("GET")) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + SIZE
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[1 << 16];
                    for (long sent = 0; sent < SIZE; sent += chunk.length) {
                        out.write(chunk);
                    }
                } else {
                    long length = Long.parseLong(head.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
                    byte[] chunk = new byte[1 << 16];
                    long read = 0;
                    for (int n; read < length && (n = in.read(chunk)) > 0; ) {
                        read += n;
                    }
                    uploaded[0] = read;
                    out.write("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int previous = 0;
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
            previous = c;
        }
        return head.toString();
    }
}
