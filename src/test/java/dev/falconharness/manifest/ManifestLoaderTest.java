package dev.falconharness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.testing.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
    @TempDir
    Path dir;

    private static ManifestException fails(String json) {
        return assertThrows(ManifestException.class, () -> TestManifests.fromJson(json));
    }

    private static String op(String id, String path, String parameters) {
        return "{'id': '" + id + "', 'method': 'GET', 'path': '" + path + "', 'parameters': [" + parameters + "]}";
    }

    @Test
    void theBuiltInManifestLoadsAllFalconOperationsOnce() {
        Manifest falcon = Manifest.falcon();
        assertEquals(1508, falcon.size());
        assertEquals("falcon", falcon.name());
        assertEquals("https://api.crowdstrike.com", falcon.baseUrl());
        assertSame(falcon, Manifest.falcon());
    }

    @Test
    void lookupIsExactAndCaseSensitive() {
        Manifest falcon = Manifest.falcon();
        Operation upper = falcon.operation("RetrieveUser");
        Operation lower = falcon.operation("retrieveUser");
        assertNotNull(upper);
        assertNotNull(lower);
        assertNotSame(upper, lower);
        assertNull(falcon.operation("retrieveuser"));
    }

    @Test
    void seedOperationsCarryTheirShapeAndDeprecation() {
        Operation grant = Manifest.falcon().operation("GrantUserRoleIds");
        assertEquals("POST", grant.method());
        assertEquals("/user-roles/entities/user-roles/v1", grant.path());
        assertEquals("user_management", grant.collection());
        assertTrue(grant.deprecated());
        assertEquals("userRolesActionV1", grant.replacedBy());
        Parameter userUuid = grant.parameter("user_uuid");
        assertEquals(Location.QUERY, userUuid.location());
        assertTrue(userUuid.required());
        assertEquals(Location.BODY, grant.parameter("body").location());
        Parameter ids = Manifest.falcon().operation("GetRoles").parameter("ids");
        assertEquals(ParamType.ARRAY, ids.type());
        assertEquals(ParamType.STRING, ids.itemType());
        assertEquals(CollectionFormat.MULTI, ids.collectionFormat());
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"operations\": [\n    {\"id\": }\n  ]\n}");
        ManifestException e = assertThrows(ManifestException.class, () -> Manifest.load(file));
        assertTrue(e.getMessage().contains(file + ": not valid JSON (line 3, column 12)"), e.getMessage());
    }

    @Test
    void aMissingFileSaysSo() {
        ManifestException e = assertThrows(ManifestException.class, () -> Manifest.load(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json: file not found"), e.getMessage());
    }

    @Test
    void duplicateIdsNameBothPlaces() {
        ManifestException e = fails("{'operations': [" + op("A", "/a", "") + ", " + op("A", "/b", "") + "]}");
        assertEquals("test.json: operation A at /operations/1/id: duplicate operation ID; first defined at /operations/0"
                + " (IDs are case-sensitive and must be unique)", e.problems().get(0).toString());
    }

    @Test
    void idsDifferingOnlyInCaseAreDistinct() {
        Manifest m = TestManifests.fromJson("{'operations': [" + op("getX", "/a", "") + ", " + op("GetX", "/b", "") + "]}");
        assertEquals("/a", m.operation("getX").path());
        assertEquals("/b", m.operation("GetX").path());
    }

    @Test
    void placeholdersAndPathParametersMustMatchBothWays() {
        ManifestException e = fails("{'operations': [" + op("A", "/a/{id}/b/{other}",
                "{'name': 'id', 'in': 'path', 'type': 'string'}, {'name': 'extra', 'in': 'path', 'type': 'string'}") + "]}");
        List<String> messages = e.problems().stream().map(ManifestProblem::message).toList();
        assertTrue(messages.contains("path parameter \"extra\" has no {extra} placeholder in path /a/{id}/b/{other}"), messages.toString());
        assertTrue(messages.contains("placeholder {other} has no parameter with \"in\": \"path\" and \"name\": \"other\""), messages.toString());
    }

    @Test
    void unknownLocationsTypesAndKeysAreNamedWithTheirPointer() {
        ManifestException e = fails("{'operations': [" + op("A", "/a",
                "{'name': 'x', 'in': 'querry'}, {'name': 'y', 'in': 'query', 'type': 'strin'}, "
                        + "{'name': 'z', 'in': 'query', 'type': 'array', 'colectionFormat': 'multi'}") + "]}");
        List<String> all = e.problems().stream().map(ManifestProblem::toString).toList();
        assertEquals(List.of(
                "test.json: operation A at /operations/0/parameters/0/in: unknown location \"querry\"; use one of query, path, header, body, formData",
                "test.json: operation A at /operations/0/parameters/1/type: unknown type \"strin\"; use one of string, integer, number, boolean, array, file, object",
                "test.json: operation A at /operations/0/parameters/2/colectionFormat: unknown key \"colectionFormat\"; did you mean \"collectionFormat\"?"),
                all);
        assertTrue(e.getMessage().startsWith("Invalid manifest: 3 problems"), e.getMessage());
    }

    @Test
    void structuralMistakesAreAllReported() {
        ManifestException e = fails("{'operations': [{'id': 'A', 'method': 'FETCH', 'path': 'a{'}, {'method': 'GET'},"
                + op("B", "/b", "{'name': 'b1', 'in': 'body'}, {'name': 'b2', 'in': 'body'}, {'name': 'f', 'in': 'formData', 'type': 'file'}") + ","
                + op("C", "/c", "{'name': 'p', 'in': 'query', 'type': 'file'}, {'name': 'p', 'in': 'query'}, {'name': 'r', 'in': 'query', 'pattern': '[a-'}") + "]}");
        String message = e.getMessage();
        for (String expected : List.of("unknown HTTP method \"FETCH\"", "must start with '/'", "unclosed '{'",
                "/operations/1/id: missing or empty \"id\"", "more than one body parameter",
                "mixes a body parameter with formData", "type file is only allowed for formData",
                "duplicate parameter name \"p\"", "not a valid regular expression")) {
            assertTrue(message.contains(expected), expected + " missing from:\n" + message);
        }
    }

    @Test
    void theDocumentMustHaveAnOperationsArray() {
        assertTrue(fails("[]").getMessage().contains("the document must be a JSON object"));
        assertTrue(fails("{'operation': []}").getMessage().contains("did you mean \"operations\"?"));
        assertTrue(fails("{'format': 'other@2', 'operations': []}").getMessage().contains("unsupported format"));
    }

    @Test
    void rangesAreAllowedOnNumericStringsButNotOnBooleans() {
        TestManifests.fromJson("{'operations': [" + op("A", "/a", "{'name': 'offset', 'in': 'query', 'type': 'string', 'minimum': 0}") + "]}");
        assertTrue(fails("{'operations': [" + op("A", "/a", "{'name': 'b', 'in': 'query', 'type': 'boolean', 'maximum': 1}") + "]}")
                .getMessage().contains("maximum only applies to integer, number and string parameters, not boolean"));
    }

    @Test
    void manifestsCombineAndRefuseCollidingIds() throws IOException {
        Path mine = Files.writeString(dir.resolve("mine.json"), "{\"name\": \"mine\", \"operations\": ["
                + "{\"id\": \"Ping\", \"method\": \"GET\", \"path\": \"/ping\"}]}");
        Manifest both = Manifest.combine(Manifest.falcon(), Manifest.load(mine));
        assertEquals(1509, both.size());
        assertEquals("/ping", both.operation("Ping").path());
        Path clash = Files.writeString(dir.resolve("clash.json"), "{\"operations\": ["
                + "{\"id\": \"GetRoles\", \"method\": \"GET\", \"path\": \"/r\"}]}");
        ManifestException e = assertThrows(ManifestException.class, () -> Manifest.combine(Manifest.falcon(), Manifest.load(clash)));
        assertTrue(e.getMessage().contains("clash.json: operation GetRoles: operation ID already defined in falcon.json (built in)"),
                e.getMessage());
    }

    @Test
    void defaultsFollowSwagger() {
        Manifest m = TestManifests.fromJson("{'operations': [" + op("A", "/a/{k}",
                "{'name': 'k', 'in': 'path'}, {'name': 'ids', 'in': 'query', 'type': 'array'}, {'name': 'body', 'in': 'body'}") + "]}");
        Operation a = m.operation("A");
        assertEquals(ParamType.STRING, a.parameter("k").type());
        assertTrue(a.parameter("k").required());
        assertEquals(CollectionFormat.CSV, a.parameter("ids").collectionFormat());
        assertEquals(ParamType.STRING, a.parameter("ids").itemType());
        assertEquals(ParamType.ANY, a.parameter("body").type());
    }

    @Test
    void suggestionsRankCloseNamesFirstAndDropFarOnes() {
        assertEquals(List.of("RetrieveUser", "retrieveUser"), Suggestions.closest("retrieveuser", List.of("RetrieveUser", "retrieveUser", "DeleteUser"), 2));
        assertEquals(List.of("ids"), Suggestions.closest("idz", List.of("ids", "user_uuid"), 3));
        assertEquals(List.of(), Suggestions.closest("zzzzzz", List.of("ids", "user_uuid"), 3));
        assertEquals(3, Suggestions.editDistance("kitten", "sitting"));
    }
}
