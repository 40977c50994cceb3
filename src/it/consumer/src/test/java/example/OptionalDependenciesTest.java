package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.openapi.ImportResult;
import dev.falconharness.openapi.SpecImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What works without the optional dependencies, and what a missing one says. */
class OptionalDependenciesTest {
    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "servers": [{"url": "http://127.0.0.1:9/api"}],
             "paths": {"/things": {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok"}}}}}}
            """;

    @TempDir
    Path dir;

    @Test
    void picocliAndSnakeYamlAreNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.yaml.snakeyaml.Yaml"));
    }

    @Test
    void aJsonSpecImportsWithoutSnakeYaml() throws IOException {
        ImportResult result = SpecImporter.importSpec(Files.writeString(dir.resolve("spec.json"), SPEC));
        assertEquals(1, result.manifest().operations().size());
    }

    @Test
    void aYamlSpecNamesTheDependencyToAdd() throws IOException {
        Path yaml = Files.writeString(dir.resolve("spec.yaml"), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpecImporter.importSpec(yaml));
        assertTrue(e.getMessage().contains("org.yaml:snakeyaml:2.3"), e.getMessage());
    }
}
