package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.request.FilePart;
import dev.falconharness.testing.MockFalcon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips through MockWebServer for every parameter location and response shape. */
class RoundTripTest {
    private MockFalcon falcon;
    private Harness harness;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        falcon = new MockFalcon();
        harness = falcon.harness();
        falcon.enqueueToken();
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    @Test
    void csvArraysAreSentAsOneCommaJoinedValue() {
        falcon.enqueueEnvelope(200, "[]");
        harness.command("DescribeCollections", Map.of("names", List.of("alpha", "beta gamma")));
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("PUT /customobjects/v1/collections?names=alpha,beta%20gamma", call.getMethod() + " " + call.getPath());
        assertEquals(0, call.getBodySize());
    }

    @Test
    void aSortWhoseEnumListsFieldsTakesADirectionAsTheApiDoes() {
        // indicator_search_v1 documents sort as the fields (created_on, value, ...); the API takes created_on.desc.
        boolean first = true;
        for (String sort : List.of("created_on.desc", "value|asc", "metadata.filename.raw.desc", "created_on")) {
            falcon.enqueueEnvelope(200, "[]");
            harness.command("indicator_search_v1", Map.of("sort", sort)).orThrow();
            String path = (first ? falcon.takeAfterToken() : falcon.take()).getPath();
            first = false;
            assertTrue(path.endsWith("sort=" + sort.replace("|", "%7C")), path);
        }
        ValidationException wrongField = assertThrows(ValidationException.class,
                () -> harness.prepare("indicator_search_v1", Map.of("sort", "colour.desc"), null));
        assertTrue(wrongField.getMessage().contains("\"colour.desc\" is not one of the allowed values: action,"),
                wrongField.getMessage());
        assertTrue(wrongField.getMessage().contains("each may end in .asc, .desc, |asc or |desc"), wrongField.getMessage());
        assertThrows(ValidationException.class,
                () -> harness.prepare("indicator_search_v1", Map.of("sort", "created_on.sideways"), null));
    }

    @Test
    void aSortWhoseEnumListsDirectionsKeepsToThem() {
        // queryPinnableContentVersions lists deployed_timestamp.asc and .desc only: nothing else passes.
        assertThrows(ValidationException.class,
                () -> harness.prepare("queryPinnableContentVersions", Map.of("category", "system_critical", "sort", "deployed_timestamp"), null));
        harness.prepare("queryPinnableContentVersions", Map.of("category", "system_critical", "sort", "deployed_timestamp.asc"),
                null);
    }

    @Test
    void pathParametersArePercentEncodedAsOneSegmentAndBinaryDownloadsKeepTheirBytes() {
        byte[] object = {0, (byte) 0xFF, 7, 42};
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody(new Buffer().write(object)));
        ApiResponse response = harness.command("GetObject", Map.of("collection_name", "my coll", "object_key", "a/b?c"));
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("GET /customobjects/v1/collections/my%20coll/objects/a%2Fb%3Fc", call.getMethod() + " " + call.getPath());
        assertEquals(200, response.statusCode());
        assertFalse(response.isJson());
        assertArrayEquals(object, response.bytes());
        Path saved = response.saveTo(dir.resolve("object.bin"));
        assertArrayEquals(object, readAll(saved));
    }

    @Test
    void headerParametersAreSentAsHeadersAndOverrideTheDefaultAccept() {
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/zip").setBody("PK.."));
        harness.command("GetLatestIntelRuleFile", Map.of("type", "snort-suricata-master", "Accept", "application/zip",
                "If-None-Match", "\"v1\""));
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("/intel/entities/rules-latest-files/v1?type=snort-suricata-master", call.getPath());
        assertEquals(List.of("application/zip"), call.getHeaders().values("Accept"));
        assertEquals("\"v1\"", call.getHeader("If-None-Match"));
    }

    @Test
    void multipartUploadsCarryTheFileAndTheFields() throws IOException {
        Path sample = Files.write(dir.resolve("sample.exe"), "MZ\u0000payload".getBytes(StandardCharsets.ISO_8859_1));
        falcon.enqueueEnvelope(200, "[{\"sha256\":\"abc\"}]");
        harness.command("UploadSampleV2", Map.of("sample", sample, "file_name", "sample.exe", "comment", "from test",
                "is_confidential", true));
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("POST /samples/entities/samples/v2", call.getMethod() + " " + call.getPath());
        String type = call.getHeader("Content-Type");
        assertTrue(type.startsWith("multipart/form-data; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        String body = call.getBody().readString(StandardCharsets.ISO_8859_1);
        assertTrue(body.startsWith("--" + boundary + "\r\n"), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"sample\"; filename=\"sample.exe\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nMZ\u0000payload\r\n"), body);
        assertTrue(body.contains("name=\"file_name\"\r\n\r\nsample.exe\r\n"), body);
        assertTrue(body.contains("name=\"comment\"\r\n\r\nfrom test\r\n"), body);
        assertTrue(body.contains("name=\"is_confidential\"\r\n\r\ntrue\r\n"), body);
        assertTrue(body.endsWith("--" + boundary + "--\r\n"), body);
        assertEquals(String.valueOf(call.getBodySize()), call.getHeader("Content-Length"));
    }

    @Test
    void bytesBodiesGoAsOctetStream() {
        byte[] archive = {'P', 'K', 3, 4, 0, 1};
        falcon.enqueueEnvelope(200, "[]");
        harness.command("ArchiveUploadV1", Map.of("name", "a.zip"), archive);
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("POST /archives/entities/archives/v1?name=a.zip", call.getMethod() + " " + call.getPath());
        assertEquals("application/octet-stream", call.getHeader("Content-Type"));
        assertArrayEquals(archive, call.getBody().readByteArray());
    }

    @Test
    void inMemoryFilePartsUploadToo() {
        falcon.enqueueEnvelope(200, "[]");
        harness.command("UploadSampleV3", Map.of("sample", FilePart.of("notes.txt", "hi".getBytes(StandardCharsets.UTF_8)),
                "file_name", "notes.txt"));
        String body = falcon.takeAfterToken().getBody().readUtf8();
        assertTrue(body.contains("filename=\"notes.txt\"\r\nContent-Type: application/octet-stream\r\n\r\nhi\r\n"), body);
    }

    @Test
    void anHtmlGatewayErrorKeepsItsStatusAndBytes() {
        String html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        falcon.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(html));
        ApiResponse response = harness.command("GetAvailableRoleIds");
        assertEquals(502, response.statusCode());
        assertFalse(response.isSuccessful());
        assertFalse(response.isJson());
        assertEquals(html, response.text());
        assertEquals(List.of(), response.errors());
        ApiException e = assertThrows(ApiException.class, response::orThrow);
        assertEquals("HTTP 502 from GetAvailableRoleIds (text/html, " + html.length() + " bytes)", e.getMessage());
    }

    @Test
    void apiErrorsAreReturnedAndOrThrowNamesStatusCodeMessageAndTraceId() {
        falcon.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setHeader("X-Cs-Traceid", "t-404")
                .setBody("{\"meta\":{\"trace_id\":\"t-404\"},\"resources\":[],\"errors\":[{\"code\":40401,\"message\":\"user not found\",\"id\":\"u-9\"}]}"));
        ApiResponse response = harness.command("RetrieveUser", Map.of("ids", "u-9"));
        assertEquals(404, response.statusCode());
        assertEquals(List.of(new ApiResponse.ApiError(40401, "user not found", "u-9")), response.errors());
        ApiException e = assertThrows(ApiException.class, response::orThrow);
        assertEquals("HTTP 404 from RetrieveUser: 40401 user not found (u-9) [trace id t-404]", e.getMessage());
        assertEquals(404, e.statusCode());
        assertEquals("t-404", e.traceId());
    }

    @Test
    void envelopeHelpersReadMetaPaginationAndRateLimits() {
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("x-ratelimit-limit", "6000").setHeader("X-RateLimit-Remaining", "5999")
                .setBody("{\"meta\":{\"query_time\":0.1,\"powered_by\":\"users\",\"trace_id\":\"m-1\","
                        + "\"pagination\":{\"offset\":100,\"limit\":100,\"total\":250}},\"resources\":[\"a\",\"b\"],\"errors\":null}"));
        ApiResponse response = harness.command("queryUserV1", Map.of("offset", 100, "limit", 100));
        assertEquals("m-1", response.traceId());
        assertEquals("users", response.meta().path("powered_by").asText());
        assertEquals(2, response.resources().size());
        assertEquals(List.of(), response.errors());
        assertEquals("100", response.pagination().offset().orElseThrow());
        assertEquals(250, response.pagination().total().getAsLong());
        assertEquals(6000, response.rateLimit().limit().getAsLong());
        assertEquals(5999, response.rateLimit().remaining().getAsLong());
        assertEquals(response, response.orThrow());
    }

    @Test
    void anEmptyBodyAndMalformedJsonAreNotErrors() {
        falcon.enqueue(new MockResponse().setResponseCode(200));
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"resources\": [1,"));
        ApiResponse empty = harness.command("GetAvailableRoleIds");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().isMissingNode());
        assertEquals(List.of(), empty.resources());
        ApiResponse malformed = harness.command("GetAvailableRoleIds");
        assertFalse(malformed.isJson());
        assertEquals("{\"resources\": [1,", malformed.text());
    }

    @Test
    void gzipBodiesAreDecoded() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write("{\"resources\":[\"z\"]}".getBytes(StandardCharsets.UTF_8));
        }
        falcon.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
                .setBody(new Buffer().write(zipped.toByteArray())));
        assertEquals("z", harness.command("GetAvailableRoleIds").resources().get(0).asText());
    }

    @Test
    void rawRequestsUseTheSameAuthAndDecoding() {
        falcon.enqueueEnvelope(200, "[\"raw\"]");
        ApiResponse response = harness.request("GET", "/not/in/manifest/v1", Map.of("ids", List.of("a", "b")), null);
        RecordedRequest call = falcon.takeAfterToken();
        assertEquals("GET /not/in/manifest/v1?ids=a&ids=b", call.getMethod() + " " + call.getPath());
        assertEquals("Bearer " + MockFalcon.TOKEN, call.getHeader("Authorization"));
        assertEquals("raw", response.resources().get(0).asText());
        assertEquals(null, response.operationId());
    }

    @Test
    void aValidationFailureSendsNothingAtAll() {
        assertThrows(ValidationException.class, () -> harness.command("GetRoles", Map.of()));
        assertThrows(UnknownOperationException.class, () -> harness.command("GetRole"));
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void aCustomBaseUrlIsNeverMovedByTheRegionHeaderOfTheTokenResponse() {
        falcon.enqueueEnvelope(200, "[]");
        harness.command("GetAvailableRoleIds");
        assertEquals(falcon.baseUrl(), harness.baseUrl());
        assertEquals(2, falcon.requestCount());
    }

    @Test
    void theUserAgentNamesTheHarnessAfterTheCallersPrefix() {
        try (Harness custom = falcon.builder().userAgent("my-app/2.1").build()) {
            falcon.enqueueEnvelope(200, "[]");
            custom.command("GetAvailableRoleIds");
            String agent = falcon.takeAfterToken().getHeader("User-Agent");
            assertTrue(agent.matches("my-app/2\\.1 falcon-harness/\\S+ \\(Java \\d+\\)"), agent);
        }
    }

    @Test
    void prepareShowsTheRequestWithoutSendingIt() {
        var request = harness.prepare("GetRoles", Map.of("ids", List.of("a")), null);
        assertEquals(falcon.baseUrl() + "/user-roles/entities/user-roles/v1?ids=a", request.uri().toString());
        assertEquals(0, falcon.requestCount());
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
