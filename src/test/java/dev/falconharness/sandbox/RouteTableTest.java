package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.ManifestLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching methods and raw paths to routes, with no network. */
class RouteTableTest {
    private static final Manifest MANIFEST = ManifestLoader.load(new ByteArrayInputStream("""
            {"format": "falcon-harness/manifest@1", "name": "routes", "operations": [
              {"id": "ListThings", "method": "GET", "path": "/things/v1", "parameters": []},
              {"id": "ListThingsAgain", "method": "GET", "path": "/things/v1", "parameters": []},
              {"id": "ByVersion", "method": "GET", "path": "/c/{name}/{version}/objects", "parameters": [
                {"name": "name", "in": "path", "type": "string", "required": true},
                {"name": "version", "in": "path", "type": "string", "required": true}]},
              {"id": "ObjectsOf", "method": "GET", "path": "/c/{name}/objects/{key}", "parameters": [
                {"name": "name", "in": "path", "type": "string", "required": true},
                {"name": "key", "in": "path", "type": "string", "required": true}]},
              {"id": "Json", "method": "GET", "path": "/files/{name}.json", "parameters": [
                {"name": "name", "in": "path", "type": "string", "required": true}]}
            ]}
            """.getBytes(StandardCharsets.UTF_8)), "routes.json");

    private final RouteTable table = RouteTable.compile(MANIFEST, ops -> request -> Reply.ok(List.of()), Set.of(),
            id -> Contract.NONE);

    @Test
    void operationsSharingAMethodAndPathShareOneRoute() {
        assertEquals(List.of("ListThings", "ListThingsAgain"), table.match("GET", "/things/v1").operationIds());
        assertEquals(4, table.size());
    }

    @Test
    void theMethodIsPartOfTheMatch() {
        assertNull(table.match("POST", "/things/v1"));
    }

    @Test
    void placeholdersMatchOneNonEmptySegment() {
        assertEquals("ObjectsOf", table.match("GET", "/c/notes/objects/a%2Fb").operationIds().get(0));
        assertNull(table.match("GET", "/c//objects/key"));
        assertNull(table.match("GET", "/c/notes/objects/a/b"));
    }

    @Test
    void theTemplateWithMoreLiteralSegmentsWinsWhenBothMatch() {
        assertEquals("ObjectsOf", table.match("GET", "/c/notes/objects/objects").operationIds().get(0));
        assertEquals("ByVersion", table.match("GET", "/c/notes/v2/objects").operationIds().get(0));
    }

    @Test
    void aPlaceholderInsideASegmentKeepsTheLiteralAroundIt() {
        assertEquals("Json", table.match("GET", "/files/report.json").operationIds().get(0));
        assertNull(table.match("GET", "/files/report.xml"));
    }

    @Test
    void theMethodsOfALiteralPathAreKnownForHints() {
        assertEquals(Set.of("GET"), table.methodsFor("/things/v1"));
        assertEquals(Set.of(), table.methodsFor("/other"));
    }
}
