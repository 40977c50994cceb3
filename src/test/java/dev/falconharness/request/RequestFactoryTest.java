package dev.falconharness.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.falconharness.UnknownOperationException;
import dev.falconharness.ValidationException;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RequestBody;
import dev.falconharness.manifest.Manifest;
import dev.falconharness.testing.TestManifests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request building with no network: exact targets, headers and bodies for every location and format. */
class RequestFactoryTest {
    private final RequestFactory shapes = new RequestFactory(TestManifests.shapes(), new ObjectMapper());
    private final RequestFactory falcon = new RequestFactory(Manifest.falcon(), new ObjectMapper());

    @TempDir
    Path dir;

    private static String text(RequestBody body) throws IOException {
        try (InputStream in = body.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void multiArraysRepeatTheName() {
        PreparedRequest r = falcon.prepare("GetRoles", Map.of("ids", List.of("falcon_admin", "falcon_console_guest")), null);
        assertEquals("GET", r.method());
        assertEquals("/user-roles/entities/user-roles/v1?ids=falcon_admin&ids=falcon_console_guest", r.target());
        assertNull(r.body());
    }

    @Test
    void aCommaSeparatedStringForAnArrayIsSplit() {
        PreparedRequest r = falcon.prepare("RetrieveUser", Map.of("ids", "ID1, ID2,ID3"), null);
        assertEquals("/users/entities/users/v1?ids=ID1&ids=ID2&ids=ID3", r.target());
    }

    @Test
    void csvArraysAreJoinedWithEncodedValues() {
        PreparedRequest r = shapes.prepare("CsvIds", Map.of("ids", new String[] {"a b", "c&d", "é"}), null);
        assertEquals("/things/v1?ids=a%20b,c%26d,%C3%A9", r.target());
    }

    @Test
    void queryValuesAreEncodedSoTheyCannotBreakOut() {
        PreparedRequest r = shapes.prepare("Query", params("filter", "name:'x+y'&limit=1#frag"), null);
        assertEquals("/things/queries/v1?filter=name%3A%27x%2By%27%26limit%3D1%23frag", r.target());
    }

    @Test
    void queryParametersFollowManifestOrderNotMapOrder() {
        PreparedRequest r = shapes.prepare("Query", params("expand", true, "limit", 10, "filter", "a"), null);
        assertEquals("/things/queries/v1?filter=a&limit=10&expand=true", r.target());
    }

    @Test
    void booleansAndNumbersFromStringsAreNormalized() {
        PreparedRequest r = shapes.prepare("Query", params("expand", "TRUE", "limit", "25"), null);
        assertEquals("/things/queries/v1?limit=25&expand=true", r.target());
    }

    @Test
    void nullAndEmptyOptionalArgumentsAreSkipped() {
        PreparedRequest r = shapes.prepare("Query", params("filter", null, "limit", Optional.empty(), "sort", Optional.of("name.asc")), null);
        assertEquals("/things/queries/v1?sort=name.asc", r.target());
    }

    @Test
    void pathValuesAreEncodedAsOneSegment() {
        PreparedRequest r = shapes.prepare("GetObject", params("collection_name", "my coll/../x", "object_key", "k?e#y"), null);
        assertEquals("/collections/my%20coll%2F..%2Fx/objects/k%3Fe%23y", r.target());
    }

    @Test
    void dotSegmentsAndEmptyPathValuesAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> shapes.prepare("GetObject", params("collection_name", "..", "object_key", "."), null));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("collection_name (path): \"..\" cannot be a path segment"), e.getMessage());
        ValidationException empty = assertThrows(ValidationException.class,
                () -> shapes.prepare("GetObject", params("collection_name", "", "object_key", "k"), null));
        assertTrue(empty.getMessage().contains("cannot be a path segment"), empty.getMessage());
    }

    @Test
    void missingPathParametersAreReportedAndNoPlaceholderIsEverSent() {
        ValidationException e = assertThrows(ValidationException.class, () -> shapes.prepare("GetObject", Map.of(), null));
        assertEquals(List.of("collection_name", "object_key"), e.problems().stream().map(ValidationException.Problem::parameter).toList());
        assertTrue(e.getMessage().contains("missing required parameter"));
    }

    @Test
    void integerPathParametersAreCheckedAgainstTypeAndPattern() {
        assertEquals("/nodes/42", shapes.prepare("GetNode", Map.of("ID", 42), null).target());
        ValidationException e = assertThrows(ValidationException.class, () -> shapes.prepare("GetNode", Map.of("ID", "4x"), null));
        assertTrue(e.getMessage().contains("expected an integer, got \"4x\""), e.getMessage());
    }

    @Test
    void headerParametersBecomeHeaders() {
        PreparedRequest r = shapes.prepare("GetRuleFile", params("id", 7, "Accept", "application/zip", "If-None-Match", "\"etag\""), null);
        assertEquals("/rules/v1?id=7", r.target());
        assertEquals(Optional.of("application/zip"), r.headers().value("accept"));
        assertEquals(Optional.of("\"etag\""), r.headers().value("If-None-Match"));
    }

    @Test
    void headerValuesWithLineBreaksAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> shapes.prepare("GetRuleFile", params("id", 1, "If-None-Match", "x\r\nX-Evil: 1"), null));
        assertTrue(e.getMessage().contains("If-None-Match (header): header values must not contain CR, LF or NUL"), e.getMessage());
    }

    @Test
    void aRequiredAuthorizationHeaderIsLeftToTheHarnessAuthentication() {
        PreparedRequest r = shapes.prepare("Releases", Map.of(), null);
        assertEquals("/releases/v1", r.target());
        assertFalse(r.headers().contains("Authorization"));
    }

    @Test
    void unknownOperationsSuggestTheClosestIds() {
        UnknownOperationException e = assertThrows(UnknownOperationException.class,
                () -> falcon.prepare("retrieveuser", Map.of(), null));
        assertTrue(e.suggestions().containsAll(List.of("RetrieveUser", "retrieveUser")), e.suggestions().toString());
        assertTrue(e.getMessage().contains("unknown operation \"retrieveuser\""), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void operationIdsAreExactAndCaseSensitive() {
        assertEquals("RetrieveUser", falcon.operation("RetrieveUser").id());
        assertEquals("retrieveUser", falcon.operation("retrieveUser").id());
        assertThrows(UnknownOperationException.class, () -> falcon.operation("RETRIEVEUSER"));
    }

    @Test
    void unknownParametersNameTheClosestAndTheValidList() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> falcon.prepare("GetRoles", Map.of("idz", List.of("a")), null));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("idz: unknown parameter; did you mean ids? GetRoles takes: ids"), e.getMessage());
        assertTrue(e.getMessage().contains("ids (query): missing required parameter"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedInOneException() {
        ValidationException e = assertThrows(ValidationException.class, () -> shapes.prepare("Query",
                params("limit", 0, "sort", "size.asc", "expand", "maybe", "code", "abcd", "filtr", "x"), null));
        List<String> names = e.problems().stream().map(ValidationException.Problem::parameter).toList();
        assertEquals(List.of("filtr", "limit", "sort", "expand", "code", "code"), names, e.getMessage());
        assertTrue(e.getMessage().contains("limit (query): \"0\" is out of range; allowed: 1 to 500"), e.getMessage());
        assertTrue(e.getMessage().contains("\"size.asc\" is not one of the allowed values: name.asc, name.desc"), e.getMessage());
        assertTrue(e.getMessage().contains("expected true or false, got \"maybe\""), e.getMessage());
        assertTrue(e.getMessage().contains("too long: 4 characters, at most 3 allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("does not match the pattern ^[A-Z]{3}$"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid call to Query: 6 problems"), e.getMessage());
    }

    @Test
    void tooManyItemsIsRefusedWithAHint() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> shapes.prepare("CsvIds", Map.of("ids", List.of("a", "b", "c", "d")), null));
        assertTrue(e.getMessage().contains("too many items: 4 given, at most 3 allowed"), e.getMessage());
    }

    @Test
    void wrongValueTypesAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> shapes.prepare("Query", params("filter", Map.of("a", 1), "limit", 2.5), null));
        assertTrue(e.getMessage().contains("filter (query): expected a string value, got a map of 1 entries"), e.getMessage());
        assertTrue(e.getMessage().contains("limit (query): expected an integer, got 2.5"), e.getMessage());
    }

    @Test
    void aMapBodyIsEncodedAsJson() throws IOException {
        PreparedRequest r = falcon.prepare("CreateUser", Map.of(), Map.of("uid", "ana@example.com"));
        assertEquals("POST", r.method());
        assertEquals("/users/entities/users/v1", r.target());
        assertEquals("application/json", r.body().contentType());
        assertEquals("{\"uid\":\"ana@example.com\"}", text(r.body()));
    }

    @Test
    void jsonNodesPojosAndJsonStringsAreBodiesToo() throws IOException {
        var node = JsonNodeFactory.instance.objectNode().put("firstName", "Ana");
        assertEquals("{\"firstName\":\"Ana\"}", text(falcon.prepare("UpdateUser", Map.of("user_uuid", "u1"), node).body()));
        record Grant(List<String> roleIds) { }
        assertEquals("{\"roleIds\":[\"r1\"]}",
                text(falcon.prepare("GrantUserRoleIds", Map.of("user_uuid", "u1"), new Grant(List.of("r1"))).body()));
        assertEquals("{\"uid\": \"x\"}", text(falcon.prepare("CreateUser", Map.of(), "{\"uid\": \"x\"}").body()));
    }

    @Test
    void theBodyMayBeGivenAsAParameterNamedLikeIt() throws IOException {
        PreparedRequest r = falcon.prepare("CreateUser", Map.of("body", Map.of("uid", "a@b.c")), null);
        assertEquals("{\"uid\":\"a@b.c\"}", text(r.body()));
        ValidationException twice = assertThrows(ValidationException.class,
                () -> falcon.prepare("CreateUser", Map.of("body", Map.of()), Map.of()));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
    }

    @Test
    void anInvalidJsonStringBodySaysWhere() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> falcon.prepare("CreateUser", Map.of(), "{\"uid\": }"));
        assertTrue(e.getMessage().contains("the body string is not valid JSON at line 1, column 9"), e.getMessage());
    }

    @Test
    void aMissingRequiredBodyIsReported() {
        ValidationException e = assertThrows(ValidationException.class, () -> falcon.prepare("CreateUser", Map.of(), null));
        assertTrue(e.getMessage().contains("body (body): missing required parameter; pass the JSON body as the body argument"),
                e.getMessage());
    }

    @Test
    void getHeadAndDeleteCarryNoBodyUnlessTheCallerGivesOne() throws IOException {
        assertNull(falcon.prepare("DeleteUser", Map.of("user_uuid", "u1"), null).body());
        assertNull(shapes.prepare("DeleteWithBody", Map.of(), null).body());
        assertEquals("{\"ids\":[\"g\"]}", text(shapes.prepare("DeleteWithBody", Map.of(), Map.of("ids", List.of("g"))).body()));
    }

    @Test
    void aBodyForAnOperationWithoutOneIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> falcon.prepare("GetAvailableRoleIds", Map.of(), Map.of("x", 1)));
        assertTrue(e.getMessage().contains("GetAvailableRoleIds takes no body"), e.getMessage());
    }

    @Test
    void bytesAndPathsGoAsOctetStream() throws IOException {
        PreparedRequest bytes = shapes.prepare("UploadArchive", Map.of("name", "a.zip"), new byte[] {1, 2, 3});
        assertEquals("application/octet-stream", bytes.body().contentType());
        assertEquals(3, bytes.body().contentLength());
        Path file = Files.write(dir.resolve("a.zip"), new byte[] {9, 8});
        PreparedRequest path = shapes.prepare("UploadArchive", Map.of("name", "a.zip"), file);
        assertEquals(2, path.body().contentLength());
        ValidationException e = assertThrows(ValidationException.class,
                () -> shapes.prepare("UploadArchive", Map.of("name", "a.zip"), Map.of("not", "binary")));
        assertTrue(e.getMessage().contains("takes application/octet-stream content"), e.getMessage());
    }

    @Test
    void structuredJsonMediaTypesAreEncodedAsJsonAndKeepTheirType() throws IOException {
        RequestFactory patch = new RequestFactory(TestManifests.fromJson("{'operations': [{'id': 'Patch', 'method': 'PATCH',"
                + " 'path': '/t', 'consumes': 'application/merge-patch+json', 'parameters': [{'name': 'body', 'in': 'body'}]}]}"),
                new ObjectMapper());
        PreparedRequest r = patch.prepare("Patch", Map.of(), Map.of("title", "x"));
        assertEquals("application/merge-patch+json", r.body().contentType());
        assertEquals("{\"title\":\"x\"}", text(r.body()));
    }

    @Test
    void formDataWithoutFilesIsUrlEncoded() throws IOException {
        PreparedRequest r = shapes.prepare("TokenForm", params("token", "a b&c", "client_id", "id"), null);
        assertEquals("application/x-www-form-urlencoded", r.body().contentType());
        assertEquals("token=a%20b%26c&client_id=id", text(r.body()));
        assertTrue(r.body().preview().contains("token=[redacted]"), r.body().preview());
    }

    @Test
    void formDataWithAFileIsMultipart() throws IOException {
        Path sample = Files.writeString(dir.resolve("sample.bin"), "MZ-binary");
        PreparedRequest r = shapes.prepare("UploadSample",
                params("sample", sample, "file_name", "sample.bin", "is_confidential", false, "tag", List.of("t1", "t2")), null);
        assertTrue(r.body().contentType().matches("multipart/form-data; boundary=[-_0-9A-Za-z]+"), r.body().contentType());
        String content = text(r.body());
        assertTrue(content.contains("name=\"sample\"; filename=\"sample.bin\""), content);
        assertTrue(content.contains("MZ-binary"), content);
        assertTrue(content.contains("name=\"file_name\""), content);
        assertTrue(content.contains("name=\"is_confidential\"\r\n\r\nfalse\r\n"), content);
        assertEquals(2, content.split("name=\"tag\"", -1).length - 1, content);
        assertEquals(content.length(), r.body().contentLength());
    }

    @Test
    void aMissingUploadFileFailsValidationNotTheUpload() {
        ValidationException e = assertThrows(ValidationException.class, () -> shapes.prepare("UploadSample",
                params("sample", dir.resolve("nope.bin"), "file_name", "x"), null));
        assertTrue(e.getMessage().contains("cannot read file"), e.getMessage());
    }

    @Test
    void inMemoryFilePartsKeepTheirNameAndType() throws IOException {
        FilePart part = FilePart.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)).withContentType("text/plain");
        String content = text(shapes.prepare("UploadSample", params("sample", part, "file_name", "notes.txt"), null).body());
        assertTrue(content.contains("filename=\"notes.txt\"\r\nContent-Type: text/plain"), content);
    }

    @Test
    void secretValuesNeverAppearInValidationMessages() {
        ValidationException e = assertThrows(ValidationException.class, () -> falcon.prepare("oauth2AccessToken",
                params("client_id", "id", "client_secret", List.of("s3cr3t-value")), null));
        assertFalse(e.getMessage().contains("s3cr3t-value"), e.getMessage());
    }

    @Test
    void rawRequestsPutEveryParameterInTheQuery() throws IOException {
        PreparedRequest r = falcon.raw("post", "/custom/v1", params("ids", List.of("a", "b"), "q", "x,y"), Map.of("k", 1));
        assertEquals("POST", r.method());
        assertEquals("/custom/v1?ids=a&ids=b&q=x%2Cy", r.target());
        assertEquals("{\"k\":1}", text(r.body()));
        assertThrows(ValidationException.class, () -> falcon.raw("GET", "custom?x=1", null, null));
    }

    @Test
    void arraysOfPrimitivesAndJsonArraysAreAccepted() {
        var json = JsonNodeFactory.instance.arrayNode().add("x").add("y");
        assertEquals("/things/v1?ids=x,y", shapes.prepare("CsvIds", Map.of("ids", json), null).target());
        assertEquals("/things/v1?ids=1,2", shapes.prepare("CsvIds", Map.of("ids", new int[] {1, 2}), null).target());
        assertEquals(Arrays.asList("a"), List.of("a"));
    }
}
