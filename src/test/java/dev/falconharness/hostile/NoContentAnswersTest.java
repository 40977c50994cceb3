package dev.falconharness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers that must carry no body but do: a validating mock answering 204 with a JSON body made the JDK
 * client throw ("unexpected content length header with 204 response"), which surfaced as a network error.
 * MockWebServer will not send a body with 204, so a raw socket server on 127.0.0.1 answers instead.
 */
class NoContentAnswersTest {
    private ServerSocket server;
    private Thread acceptor;

    /** Answers every request on every connection with {@code answer}, sent as written. */
    private String start(String answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> serve(socket, answer));
                    connection.setDaemon(true);
                    connection.start();
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private static void serve(Socket socket, String answer) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            }
        } catch (SocketException reset) {
            // The client closed the connection.
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Harness harness(String baseUrl) {
        return Harness.builder().baseUrl(baseUrl)
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()).build();
    }

    @Test
    void a204WithAJsonBodyIsAnAnswerNotANetworkError() throws IOException {
        String url = start("HTTP/1.1 204 No Content\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
        try (Harness harness = harness(url)) {
            ApiResponse first = harness.request("DELETE", "/things/1", Map.of(), null);
            assertEquals(204, first.statusCode());
            assertEquals(0, first.bytes().length);
            // The connection the bad answer came on must not poison the next call.
            assertEquals(204, harness.request("DELETE", "/things/2", Map.of(), null).statusCode());
        }
    }

    @Test
    void a204WithAChunkedBodyIsAnAnswerToo() throws IOException {
        String url = start("HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        try (Harness harness = harness(url)) {
            assertEquals(204, harness.request("PUT", "/things/1", Map.of(), Map.of("a", 1)).statusCode());
        }
    }

    @Test
    void a205WithABodyIsReadAsAnAnswer() throws IOException {
        String url = start("HTTP/1.1 205 Reset Content\r\nContent-Length: 5\r\n\r\nhello");
        try (Harness harness = harness(url)) {
            assertEquals(205, harness.request("POST", "/forms/1", Map.of(), Map.of("a", 1)).statusCode());
        }
    }

    @Test
    void aHeadAnswerWithAContentLengthHasNoBodyToWaitFor() throws IOException {
        String url = start("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n");
        try (Harness harness = harness(url)) {
            ApiResponse head = harness.request("HEAD", "/things/1", Map.of(), null);
            assertEquals(200, head.statusCode());
            assertEquals("4096", head.headers().value("Content-Length").orElseThrow());
        }
    }
}
