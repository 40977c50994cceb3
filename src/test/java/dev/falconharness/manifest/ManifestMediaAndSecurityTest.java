package dev.falconharness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Format 2's media type lists and named security schemes, read and checked by the loader. */
class ManifestMediaAndSecurityTest {
    private static Manifest load(String json) throws Exception {
        return ManifestLoader.fromTree(new ObjectMapper().readTree(json.replace('\'', '"')), "m.json");
    }

    @Test
    void aListOfMediaTypesLoadsInFormat2AndAStringStillDoes() throws Exception {
        Manifest m = load("{'format': 'falcon-harness/manifest@2', 'name': 'm', 'operations': ["
                + "{'id': 'a', 'method': 'PUT', 'path': '/a', 'consumes': ['text/csv', 'application/json'], 'produces': 'text/plain',"
                + " 'parameters': [{'name': 'body', 'in': 'body'}]},"
                + "{'id': 'b', 'method': 'PUT', 'path': '/b', 'consumes': '*/*', 'parameters': [{'name': 'body', 'in': 'body'}]}]}");
        assertEquals(List.of("text/csv", "application/json"), m.operation("a").consumesAll());
        assertEquals("application/json", m.operation("a").consumes());
        assertEquals(List.of("text/plain"), m.operation("a").produces());
        assertNull(m.operation("b").consumes());
    }

    @Test
    void aListOfMediaTypesInFormat1IsAProblemNamingTheFormat() {
        ManifestException e = assertThrows(ManifestException.class, () -> load("{'name': 'm', 'operations': ["
                + "{'id': 'a', 'method': 'PUT', 'path': '/a', 'consumes': ['text/csv'], 'parameters': []}]}"));
        assertTrue(e.getMessage().contains("/operations/0/consumes: a list of media types is a manifest format 2 feature"),
                e.getMessage());
    }

    @Test
    void namedSchemesAndRequirementsLoadAndAnUnknownNameIsAProblem() throws Exception {
        String schemes = "'securitySchemes': {'key': {'type': 'apiKey', 'in': 'query', 'name': 'k'}, 'basic': {'type': 'basic'}},"
                + " 'security': [['key']], ";
        Manifest m = load("{'format': 'falcon-harness/manifest@2', 'name': 'm', " + schemes + "'operations': ["
                + "{'id': 'a', 'method': 'GET', 'path': '/a', 'parameters': []},"
                + "{'id': 'b', 'method': 'GET', 'path': '/b', 'security': [], 'parameters': []},"
                + "{'id': 'c', 'method': 'GET', 'path': '/c', 'security': [['key', 'basic']], 'parameters': []}]}");
        assertEquals(AuthSpec.apiKey(Location.QUERY, "k"), m.security().schemes().get("key"));
        assertEquals(List.of(Set.of("key")), m.security().requirementOf(m.operation("a")));
        assertEquals(List.of(), m.security().requirementOf(m.operation("b")));
        assertEquals(List.of(Set.of("key", "basic")), m.security().requirementOf(m.operation("c")));
        ManifestException e = assertThrows(ManifestException.class, () -> load("{'format': 'falcon-harness/manifest@2', "
                + "'name': 'm', " + schemes + "'operations': [{'id': 'a', 'method': 'GET', 'path': '/a', 'security': [['bsaic']],"
                + " 'parameters': []}]}"));
        assertTrue(e.getMessage().contains("operation a at /operations/0/security/0/0: names no scheme of \"securitySchemes\": "
                + "\"bsaic\"; did you mean \"basic\"?"), e.getMessage());
    }
}
