package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer's bytes as a raw socket sees them: header names spelt exactly as Falcon spells them, for
 * clients that copy headers into a plain dictionary and look them up by exact spelling.
 */
class SandboxWireTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The status line, the headers by their exact names, and the body of one HTTP/1.1 exchange. */
    private record Raw(String statusLine, Map<String, String> headers, String body) {
    }

    private static Raw exchange(FalconSandbox sandbox, String requestHead, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "Host: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
            }
            return new Raw(lines[0], headers, text.substring(end + 4));
        }
    }

    private static String tokenForm() {
        return "client_id=" + FalconSandbox.CLIENT_ID + "&client_secret=" + FalconSandbox.CLIENT_SECRET;
    }

    private static Raw token(FalconSandbox sandbox) throws IOException {
        return exchange(sandbox, "POST /oauth2/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                tokenForm());
    }

    @Test
    void everyAnswerSpellsTheFalconHeaderNamesExactlyAndTheTraceIdMatchesTheBody() throws IOException {
        try (FalconSandbox sandbox = FalconSandbox.start()) {
            String token = MAPPER.readTree(token(sandbox).body()).path("access_token").asText();
            Raw raw = exchange(sandbox, "GET /user-roles/queries/user-role-ids-by-cid/v1 HTTP/1.1\r\nAuthorization: "
                    + "Bearer " + token + "\r\n", "");
            assertEquals("HTTP/1.1 200 OK", raw.statusLine());
            assertEquals("application/json", raw.headers().get("Content-Type"));
            assertEquals("6000", raw.headers().get("X-Ratelimit-Limit"));
            assertTrue(raw.headers().get("X-Ratelimit-Remaining").matches("\\d+"), raw.headers().toString());
            JsonNode body = MAPPER.readTree(raw.body());
            assertEquals(body.path("meta").path("trace_id").asText(), raw.headers().get("X-Cs-Traceid"));
            assertFalse(raw.headers().containsKey("X-Cs-Region"), "no region unless one is configured");
            assertFalse(raw.headers().containsKey("Server"), "no server software named");
        }
    }

    @Test
    void refusalsAndTheTokenAnswerSpellThemExactlyToo() throws IOException {
        try (FalconSandbox sandbox = FalconSandbox.start()) {
            Raw refused = exchange(sandbox, "GET /user-roles/queries/user-role-ids-by-cid/v1 HTTP/1.1\r\n", "");
            assertEquals("HTTP/1.1 401 Unauthorized", refused.statusLine());
            assertEquals("15", refused.headers().get("X-Ratelimit-Limit"));
            assertTrue(refused.headers().containsKey("X-Ratelimit-Remaining"), refused.headers().toString());
            assertTrue(refused.headers().containsKey("X-Cs-Traceid"), refused.headers().toString());
            Raw token = token(sandbox);
            assertEquals("HTTP/1.1 201 Created", token.statusLine());
            assertEquals("application/json", token.headers().get("Content-Type"));
            assertTrue(token.headers().containsKey("X-Cs-Traceid"), token.headers().toString());
            assertFalse(token.headers().containsKey("X-Cs-Region"));
        }
    }

    @Test
    void aConfiguredRegionIsSentAsXCsRegionOnEveryAnswer() throws IOException {
        try (FalconSandbox sandbox = FalconSandbox.builder().region("US-2").build()) {
            assertEquals("us-2", token(sandbox).headers().get("X-Cs-Region"));
            Raw refused = exchange(sandbox, "GET /user-roles/queries/user-role-ids-by-cid/v1 HTTP/1.1\r\n", "");
            assertEquals("us-2", refused.headers().get("X-Cs-Region"));
        }
    }

    @Test
    void anUnknownRegionIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().region("mars-1"));
        assertTrue(e.getMessage().contains("mars-1") && e.getMessage().contains("us-gov-2"), e.getMessage());
    }

    @Test
    void aHeadRequestGetsTheHeadersAndNoBody() throws IOException {
        try (FalconSandbox sandbox = FalconSandbox.start()) {
            Raw raw = exchange(sandbox, "HEAD /user-roles/queries/user-role-ids-by-cid/v1 HTTP/1.1\r\n", "");
            assertTrue(raw.headers().containsKey("X-Cs-Traceid"));
            assertEquals("", raw.body());
        }
    }
}
