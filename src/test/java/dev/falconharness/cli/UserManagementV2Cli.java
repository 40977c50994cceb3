package dev.falconharness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up of command-line tests against the User Management manifest with payload schemas
 * ({@code /payloads/user-management-v2.json}) and a {@link FakeFalcon}: {@link #run} calls
 * {@code falcon --manifest <it> <words>}.
 */
abstract class UserManagementV2Cli {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final FakeFalcon falcon = new FakeFalcon();
    Path manifest;

    @TempDir
    Path dir;

    @BeforeEach
    void writeManifest() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/payloads/user-management-v2.json")) {
            manifest = Files.write(dir.resolve("user-management-v2.json"), in.readAllBytes());
        }
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    Cli.Result run(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "--manifest";
        args[1] = manifest.toString();
        System.arraycopy(words, 0, args, 2, words.length);
        return Cli.with(falcon.env()).run(args);
    }
}
