package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.ValidationException;
import dev.falconharness.request.FilePart;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Import a spec, load its manifest into a harness, call operations through {@code command()} against
 * MockWebServer and check the exact requests. No credentials, so no authentication traffic.
 */
class ImportRoundTripTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** A harness on the imported manifest, with the spec's base path on the mock server. */
    private Harness harness(ImportResult result, String basePath) {
        return Harness.builder()
                .manifest(result.manifest())
                .baseUrl(server.url(basePath).toString())
                .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
                .build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(request != null, "no request reached the server");
        return request;
    }

    /**
     * Every header but Host (it carries the random port) and User-Agent (the harness version), as
     * lower-case "name: value" lines in alphabetical order: the order is the transport's business.
     */
    private static List<String> headers(RecordedRequest request) {
        assertTrue(request.getHeader("User-Agent").startsWith("falcon-harness/"), request.getHeader("User-Agent"));
        List<String> lines = new ArrayList<>();
        Headers headers = request.getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i).toLowerCase(Locale.ROOT);
            if (!name.equals("host") && !name.equals("user-agent")) {
                lines.add(name + ": " + headers.value(i));
            }
        }
        Collections.sort(lines);
        return lines;
    }

    @Test
    void swaggerListItemsSendsSharedQueryParametersMultiAndCsvArraysAndTheHeader() throws Exception {
        try (Harness api = harness(LargeSpecImportTest.inventory(), "/v2")) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"items\":[],\"total\":0}"));
            ApiResponse response = api.command("listItems", Map.of("limit", 10, "tag", List.of("red", "blue green"),
                    "status", List.of("in_stock", "reserved"), "X-Request-Id", "req-7"));
            RecordedRequest call = take();
            assertEquals("GET /v2/items?limit=10&tag=red&tag=blue%20green&status=in_stock,reserved",
                    call.getMethod() + " " + call.getPath());
            assertEquals(List.of("accept: application/json", "content-length: 0", "x-request-id: req-7"), headers(call));
            assertEquals(0, call.getBodySize());
            assertEquals(200, response.statusCode());
        }
    }

    @Test
    void swaggerPhotoUploadIsMultipartWithTheFileAndTheFields() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        try (Harness api = harness(LargeSpecImportTest.inventory(), "/v2")) {
            server.enqueue(new MockResponse().setResponseCode(201));
            api.command("uploadItemPhoto", Map.of("itemId", "itm_0a1b2c3d",
                    "photo", FilePart.of("front.png", png).withContentType("image/png"), "caption", "Front view", "primary", true));
            RecordedRequest call = take();
            assertEquals("POST /v2/items/itm_0a1b2c3d/photos", call.getMethod() + " " + call.getPath());
            String type = call.getHeader("Content-Type");
            String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
            assertEquals(List.of("accept: application/json", "content-length: " + call.getBodySize(),
                    "content-type: multipart/form-data; boundary=" + boundary), headers(call));
            String file = new String(png, StandardCharsets.ISO_8859_1);
            assertEquals("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"photo\"; filename=\"front.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n" + file + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"caption\"\r\n\r\nFront view\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"primary\"\r\n\r\ntrue\r\n"
                    + "--" + boundary + "--\r\n", call.getBody().readString(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void openApiListTicketsMapsEveryStyleToItsWireForm() throws Exception {
        try (Harness api = harness(LargeSpecImportTest.ticketing(), "/api/v2")) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"tickets\":[]}"));
            api.command("listTickets", Map.of("page_size", 50, "status", List.of("open", "pending"),
                    "assignee", List.of("ana", "bo"), "labels", List.of("vip", "billing"), "sort", List.of("-updated", "priority")));
            RecordedRequest call = take();
            assertEquals("GET /api/v2/tickets?page_size=50&status=open,pending&assignee=ana&assignee=bo"
                    + "&labels=vip%20billing&sort=-updated%7Cpriority", call.getMethod() + " " + call.getPath());
            assertEquals(List.of("accept: application/json", "content-length: 0"), headers(call));
        }
    }

    @Test
    void openApiCreateTicketSendsTheJsonBodyAndTheHeader() throws Exception {
        try (Harness api = harness(LargeSpecImportTest.ticketing(), "/api/v2")) {
            server.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json").setBody("{\"id\":42}"));
            ApiResponse created = api.command("createTicket", Map.of("Idempotency-Key", "k-20240611-01"),
                    Map.of("subject", "Printer on fire"));
            RecordedRequest call = take();
            assertEquals("POST /api/v2/tickets", call.getMethod() + " " + call.getPath());
            assertEquals(List.of("accept: application/json", "content-length: 29", "content-type: application/json",
                    "idempotency-key: k-20240611-01"), headers(call));
            assertEquals("{\"subject\":\"Printer on fire\"}", call.getBody().readUtf8());
            assertEquals(201, created.statusCode());
        }
    }

    @Test
    void openApiOctetStreamUploadUnderItsDerivedIdSendsTheRawBytes() throws Exception {
        byte[] content = "%PDF-1.7 \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        try (Harness api = harness(LargeSpecImportTest.ticketing(), "/api/v2")) {
            server.enqueue(new MockResponse().setResponseCode(204));
            api.command("put_tickets_by_ticket_id_attachments_by_attachment_id_content",
                    Map.of("ticketId", 42, "attachmentId", "6f1c2e4a-0b7d-4c55-9a8e-1f2d3c4b5a69"), content);
            RecordedRequest call = take();
            assertEquals("PUT /api/v2/tickets/42/attachments/6f1c2e4a-0b7d-4c55-9a8e-1f2d3c4b5a69/content",
                    call.getMethod() + " " + call.getPath());
            assertEquals(List.of("accept: application/json", "content-length: " + content.length,
                    "content-type: application/octet-stream"), headers(call));
            assertArrayEquals(content, call.getBody().readByteArray());
        }
    }

    @Test
    void importedConstraintsAreCheckedBeforeAnythingIsSent() {
        try (Harness api = harness(LargeSpecImportTest.ticketing(), "/api/v2")) {
            ValidationException e = assertThrows(ValidationException.class, () -> api.command("listTickets",
                    Map.of("status", List.of("open", "archived"), "page_size", 500)));
            assertTrue(e.getMessage().contains("\"archived\" is not one of the allowed values: open, pending, solved, closed"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("page_size"), e.getMessage());
            assertEquals(0, server.getRequestCount());
        }
    }
}
