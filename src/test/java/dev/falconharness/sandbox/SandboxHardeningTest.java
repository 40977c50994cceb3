package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as a server facing slow and hostile clients on loopback: they cannot starve a normal caller,
 * nothing is read for a caller without a token, and sizes are capped with the API's envelope. The time
 * bound is a generous cap on what used to take minutes, not a measurement.
 */
class SandboxHardeningTest {
    private static final Duration CAP = Duration.ofSeconds(3);
    private static final String USERS = "/user-management/entities/users/v1";

    private FalconSandbox sandbox;
    private Harness harness;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = FalconSandbox.start();
        harness = sandbox.harness();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        harness.close();
        sandbox.close();
    }

    private Socket open(String head) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
        sockets.add(socket);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private String token() {
        return new RawHttp(sandbox).token();
    }

    @Test
    void slowBodiesIdleRequestsAndSlowlorisHeadsDoNotStopANormalAnswer() throws IOException {
        String bearer = "Authorization: Bearer " + token() + "\r\n";
        for (int i = 0; i < 16; i++) {
            open("POST " + USERS + " HTTP/1.1\r\nHost: x\r\n" + bearer + "Content-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"uid\":");
        }
        for (int i = 0; i < 8; i++) {
            open("POST " + USERS + " HTTP/1.1\r\nHost: x\r\n" + bearer + "Content-Length: 10\r\n\r\n");
        }
        for (int i = 0; i < 1_000; i++) {
            open("GET /user-management/queries/users/v1 HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        }
        ApiResponse answer = assertTimeoutPreemptively(CAP, () -> harness.command("GetAvailableRoleIds"));
        assertEquals(200, answer.statusCode());
    }

    @Test
    void pastTheCapOnUnfinishedRequestsANewOneIsA503UntilSomeFinish() throws Exception {
        // A small cap of its own: 256 stalled connections depend on how fast a loaded machine accepts them.
        harness.close();
        sandbox.close();
        sandbox = FalconSandbox.builder().maxUnfinishedRequests(8).build();
        harness = sandbox.harness();
        String bearer = "Authorization: Bearer " + token() + "\r\n";
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            slow.add(open("POST " + USERS + " HTTP/1.1\r\nHost: x\r\n" + bearer + "Content-Length: 10\r\n\r\n"));
        }
        RawHttp http = new RawHttp(sandbox);
        // Without a token: 503 while the cap is reached, the usual 401 once the server takes requests again.
        assertEquals(503, statusOnceSettled(http, 503));
        assertTrue(RawHttp.firstError(http.get("/user-management/queries/roles/v1", "none")).contains("in progress"));
        for (Socket socket : slow) {
            socket.close();
        }
        assertEquals(401, statusOnceSettled(http, 401));
    }

    /** Polls (a bounded number of times) until the server reaches the wanted state; the last status seen. */
    private static int statusOnceSettled(RawHttp http, int wanted) throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 200 && status != wanted; attempt++) {
            status = http.get("/user-management/queries/roles/v1", "none").statusCode();
            if (status != wanted) {
                Thread.sleep(25);
            }
        }
        return status;
    }

    @Test
    void anUnauthenticatedHugePostIsRefusedBeforeItsBodyIsRead() throws IOException {
        Socket socket = open("POST " + USERS + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (100L << 20) + "\r\n\r\n");
        socket.getOutputStream().write(new byte[4096]); // 4 KiB of the promised 100 MiB, then nothing
        String answer = assertTimeoutPreemptively(CAP, () -> readAnswer(socket));
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.contains("access denied, invalid bearer token"), answer);
    }

    @Test
    void aDeclaredBodyPastTheCapIsA413InTheApisEnvelope() throws IOException {
        Socket socket = open("POST " + USERS + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (JettyServer.MAX_BODY_BYTES + 1L) + "\r\n\r\n");
        String answer = assertTimeoutPreemptively(CAP, () -> readAnswer(socket));
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        JsonNode body = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(413, body.path("errors").get(0).path("code").asInt());
        assertTrue(body.path("meta").path("trace_id").isTextual());
    }

    @Test
    void aChunkedBodyPastTheCapIsA413() throws IOException {
        Socket socket = open("POST " + USERS + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int sent = 0; sent <= JettyServer.MAX_BODY_BYTES; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException closedByTheServer) {
            // The server may answer and close before the client has finished sending.
        }
        String answer = readAnswer(socket);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    }

    @Test
    void aStoredFieldPastItsCapIsA400NamingTheField() {
        ApiResponse response = harness.command("CreateUser", Map.of(), Map.of("uid", "long@example.com",
                "firstName", "x".repeat(BodyShape.MAX_FIELD_CHARS + 1)));
        assertEquals(400, response.statusCode());
        assertTrue(response.errors().get(0).message().contains("'firstName'"), response.errors().toString());
    }

    /** The status line, headers and body of one answer (closed or delimited by Content-Length). */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            bytes.write(b);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                int length = contentLength(text.substring(0, end));
                if (text.length() >= end + 4 + length) {
                    return text;
                }
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }
}
