package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.openapi.SpecImporter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One {@code catch (FalconHarnessException e)} covers what the library throws on purpose. */
class ExceptionHierarchyTest {

    @Test
    void aBrokenManifestIsAFalconHarnessException(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"operations\": [");
        assertThrows(FalconHarnessException.class, () -> Manifest.load(file));
    }

    @Test
    void aSpecThatCannotBeImportedIsAFalconHarnessException() {
        byte[] notASpec = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        assertThrows(FalconHarnessException.class,
                () -> SpecImporter.importSpec(new ByteArrayInputStream(notASpec), "hello.json"));
    }
}
