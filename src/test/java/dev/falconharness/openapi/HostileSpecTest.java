package dev.falconharness.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Specs built to exhaust the importer are refused with a clear error, quickly and in little memory. */
class HostileSpecTest {

    /** Nine levels of ten aliases each: a billion "lol"s once expanded, in under a kilobyte of YAML. */
    private static String aliasBomb(int levels) {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.0\ninfo: {title: bomb, version: '1'}\nx-lol:\n");
        yaml.append("  l0: &l0 [").append("lol,".repeat(9)).append("lol]\n");
        for (int i = 1; i < levels; i++) {
            yaml.append("  l").append(i).append(": &l").append(i).append(" [")
                    .append(("*l" + (i - 1) + ",").repeat(9)).append("*l").append(i - 1).append("]\n");
        }
        return yaml.append("""
                paths:
                  /things:
                    get:
                      operationId: listThings
                      parameters:
                        - name: tags
                          in: query
                          schema: {type: array, items: {type: string}, default: *l%d}
                      responses: {'200': {description: ok}}
                """.formatted(levels - 1)).toString();
    }

    private static ImportResult importYaml(String yaml) {
        return SpecImporter.importSpec(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bomb.yaml");
    }

    @Test
    void aBillionLaughsAliasBombInADefaultIsRefused() {
        ImportException e = assertThrows(ImportException.class, () -> importYaml(aliasBomb(9)));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith("Cannot import bomb.yaml: at /: not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());
    }

    @Test
    void modestAliasReuseStillImports() {
        ImportResult result = importYaml(aliasBomb(3));
        JsonNode tags = result.manifest().operation("listThings").parameter("tags").defaultValue();
        assertEquals(10, tags.size());
        assertEquals(10, tags.get(9).size());
        assertEquals("lol", tags.get(9).get(9).get(9).asText());
    }
}
