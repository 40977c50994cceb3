package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named profiles in $XDG_CONFIG_HOME/falcon/config: where calls go and who makes them, never the secret. */
class ProfilesTest {
    private static final String TICKETS = Path.of("src/test/resources/openapi/ticketing-openapi.manifest.json").toAbsolutePath().toString();
    private final FakeFalcon falcon = new FakeFalcon();

    @TempDir
    Path config;

    @AfterEach
    void stop() {
        falcon.close();
    }

    private void write(String text) throws IOException {
        Files.createDirectories(config.resolve("falcon"));
        Files.writeString(config.resolve("falcon/config"), text);
    }

    /** No FALCON_* credentials in the environment: they must come from the profile. */
    private Cli cli() {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", config.toString());
        env.put("MY_SECRET", FakeFalcon.CLIENT_SECRET);
        return Cli.with(env);
    }

    @Test
    void aNamedProfileSaysWhereAndWhoWithTheSecretFromAVariable() throws IOException {
        write("# test\n[lab]\nbase_url = " + falcon.baseUrl() + "\nclient_id = " + FakeFalcon.CLIENT_ID
                + "\nclient_secret_env = MY_SECRET\nmember_cid = child-1\n");
        Cli.Result result = cli().run("GetRoles", "ids=a", "--profile", "lab");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(1, falcon.calls().size());
        Cli.Result fromEnv = cli().env("FALCON_PROFILE", "lab").run("GetRoles", "ids=a");
        assertEquals(0, fromEnv.exitCode(), fromEnv.toString());
    }

    @Test
    void theSecretCanComeFromAFileOrACommand() throws IOException {
        Path secret = Files.writeString(config.resolve("secret.txt"), FakeFalcon.CLIENT_SECRET + "\n");
        write("[file]\nbase_url = " + falcon.baseUrl() + "\nclient_id = " + FakeFalcon.CLIENT_ID + "\nclient_secret_file = " + secret
                + "\n[command]\nbase_url = " + falcon.baseUrl() + "\nclient_id = " + FakeFalcon.CLIENT_ID
                + "\nclient_secret_command = cat " + secret + "\n");
        assertEquals(0, cli().run("GetRoles", "ids=a", "--profile", "file").exitCode());
        assertEquals(0, cli().run("--profile", "command", "call", "GetRoles", "ids=a").exitCode());
        assertEquals(2, falcon.calls().size());
    }

    @Test
    void theDefaultProfileFillsInWhatTheEnvironmentLeavesOpen() throws IOException {
        write("[default]\nbase_url = http://127.0.0.1:1\nclient_id = " + FakeFalcon.CLIENT_ID + "\nclient_secret_env = MY_SECRET\n");
        Cli.Result result = cli().env("FALCON_BASE_URL", falcon.baseUrl()).run("GetRoles", "ids=a");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(1, falcon.calls().size(), "the environment's base URL wins over [default]");
    }

    @Test
    void aProfilesManifestIsTheOneListedAndDescribed() throws IOException {
        write("[tickets]\nmanifest = " + TICKETS + "\n");
        Cli.Result list = cli().run("--profile", "tickets", "operations");
        assertTrue(list.out().startsWith("listTickets "), list.toString());
        Cli.Result describe = cli().env("FALCON_PROFILE", "tickets").run("describe", "listTickets");
        assertEquals(0, describe.exitCode(), describe.toString());
    }

    @Test
    void aSecretInTheFileIsRefusedWithWhereToPutItInstead() throws IOException {
        write("[lab]\nclient_id = x\nclient_secret = hunter2\n");
        Cli.Result result = cli().run("GetRoles", "ids=a", "--profile", "lab");
        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("config:3: client_secret is not allowed: the config file must not hold the secret"),
                result.err());
        assertTrue(!result.err().contains("hunter2"), result.err());
        assertEquals(0, falcon.requestCount());
    }

    @Test
    void anUnknownProfileOrKeySaysWhatExists() throws IOException {
        write("[lab]\nclient_id = x\n[prod]\nclodu = eu-1\n");
        Cli.Result key = cli().run("GetRoles", "ids=a", "--profile", "lab");
        assertTrue(key.err().contains("unknown key \"clodu\"; did you mean cloud?"), key.err());
        write("[lab]\nclient_id = x\n");
        Cli.Result profile = cli().run("GetRoles", "ids=a", "--profile", "staging");
        assertEquals(ExitCodes.USAGE, profile.exitCode());
        assertTrue(profile.err().contains("no profile \"staging\" in " + config.resolve("falcon/config") + "; it has lab"), profile.err());
    }
}
