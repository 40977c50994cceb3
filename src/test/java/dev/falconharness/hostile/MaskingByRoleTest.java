package dev.falconharness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.ApiResponse;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import dev.falconharness.http.CallListener;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import dev.falconharness.manifest.AuthSpec;
import dev.falconharness.manifest.Location;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Operation;
import dev.falconharness.testing.LogCapture;
import dev.falconharness.testing.MockFalcon;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A credential is masked because of the part it plays, not because of its name: an API key the manifest
 * sends as {@code ?code=} or {@code X-Access-Code} is hidden in listener events, logs and toString().
 */
class MaskingByRoleTest {
    private static final String KEY = "k3y-Zx81-qq";
    private static final Manifest TICKETS = Manifest.of("tickets", List.of(Operation.builder("listTickets", "GET", "/tickets").build()));

    private static String everythingShown(AuthSpec auth) {
        List<String> shown = new CopyOnWriteArrayList<>();
        try (MockFalcon server = new MockFalcon(); LogCapture logs = new LogCapture();
                Harness harness = Harness.builder().manifest(TICKETS).baseUrl(server.baseUrl()).httpClient(MockFalcon.http11())
                        .credentials(Credentials.apiKey(KEY)).auth(auth).listener(new CallListener() {
                            @Override
                            public void requestSent(PreparedRequest request) {
                                shown.add(request.toString());
                                shown.add(request.redactedUrl());
                                for (int i = 0; i < request.headers().size(); i++) {
                                    String name = request.headers().name(i);
                                    shown.add(name + ": " + request.maskedHeaderValue(name, request.headers().value(i)));
                                }
                            }

                            @Override
                            public void responseReceived(RawResponse response) {
                                shown.add(response.toString());
                            }
                        }).build()) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\":[]}"));
            ApiResponse answer = harness.command("listTickets");
            RecordedRequest sent = server.take();
            assertTrue(sent.getPath().contains(KEY) || KEY.equals(sent.getHeader("X-Access-Code")), "the key was sent");
            shown.add(answer.toString());
            shown.add(answer.request().toString());
            shown.add(logs.text());
        }
        return String.join("\n", shown);
    }

    @Test
    void anApiKeyInAnInnocentlyNamedQueryParameterIsMaskedEverywhere() {
        String shown = everythingShown(AuthSpec.apiKey(Location.QUERY, "code"));
        assertFalse(shown.contains(KEY), shown);
        assertTrue(shown.contains("code=[redacted]"), shown);
    }

    @Test
    void anApiKeyInAnInnocentlyNamedHeaderIsMaskedWholly() {
        String shown = everythingShown(AuthSpec.apiKey(Location.HEADER, "X-Access-Code"));
        assertFalse(shown.contains(KEY), shown);
        assertFalse(shown.contains("Zx81"), "no part of it either: " + shown);
    }

    @Test
    void aRequestMarkedAsCarryingACredentialKeepsTheMarkThroughCopies() {
        PreparedRequest request = new PreparedRequest("op", "GET", "http://h", "/x?pin=1234", null, null, null)
                .withCredentialIn("pin").withHeader("X-Pin", "1234").withCredentialIn("X-Pin");
        String shown = request.withTimeout(java.time.Duration.ofSeconds(1)).withBaseUrl("http://other").toString();
        assertFalse(shown.contains("1234"), shown);
        assertEquals("[redacted]", request.maskedHeaderValue("x-pin", "1234"));
    }
}
