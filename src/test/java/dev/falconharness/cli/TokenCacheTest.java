package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token cache: single invocations share a token, privately stored, dropped on 401, managed by 'falcon auth'. */
class TokenCacheTest {
    private final FakeFalcon falcon = new FakeFalcon();

    @TempDir
    Path cacheHome;

    @AfterEach
    void stop() {
        falcon.close();
    }

    private Cli cli() {
        Map<String, String> env = new HashMap<>(falcon.env());
        env.put("XDG_CACHE_HOME", cacheHome.toString());
        env.put("FALCON_NO_TOKEN_CACHE", "0");
        return Cli.with(env);
    }

    private List<Path> cacheFiles() throws IOException {
        Path dir = cacheHome.resolve("falcon-harness/tokens");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void fiveInvocationsShareOneTokenAndNoneRevokesIt() {
        for (int i = 0; i < 5; i++) {
            Cli.Result result = cli().run("GetRoles", "ids=a");
            assertEquals(0, result.exitCode(), result.err());
        }
        assertEquals(5, falcon.calls().size());
        assertEquals(1, falcon.tokenRequests(), "one token request for five invocations");
        assertEquals(0, falcon.revokes(), "a cached token is kept for the next invocation");
        falcon.calls().forEach(call -> assertEquals("Bearer " + FakeFalcon.TOKEN, call.getHeader("Authorization")));
    }

    @Test
    void theCacheFileIsPrivateAndHoldsNoSecret() throws IOException {
        cli().run("GetRoles", "ids=a");
        List<Path> files = cacheFiles();
        assertEquals(1, files.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0).getParent())));
        String content = Files.readString(files.get(0));
        assertFalse(content.contains(FakeFalcon.CLIENT_SECRET), content);
        assertFalse(files.get(0).getFileName().toString().contains(FakeFalcon.CLIENT_ID), "the file name hides the client ID");
    }

    @Test
    void aRefusedTokenIsDroppedAndReplaced() {
        cli().run("GetRoles", "ids=a");
        falcon.enqueue(FakeFalcon.envelope(401, "[]"));
        Cli.Result result = cli().run("GetRoles", "ids=a");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(2, falcon.tokenRequests(), "the 401 made the cached token go and a new one come");
        cli().run("GetRoles", "ids=a");
        assertEquals(2, falcon.tokenRequests(), "the new token is cached in turn");
    }

    @Test
    void anotherClientOrBaseUrlGetsItsOwnToken() throws IOException {
        cli().run("GetRoles", "ids=a");
        cli().env("FALCON_CLIENT_ID", "another-client").run("GetRoles", "ids=a");
        assertEquals(2, falcon.tokenRequests());
        assertEquals(2, cacheFiles().size());
    }

    @Test
    void optingOutRequestsAndRevokesPerInvocation() throws IOException {
        cli().run("GetRoles", "ids=a", "--no-token-cache");
        cli().env("FALCON_NO_TOKEN_CACHE", "1").run("GetRoles", "ids=a");
        assertEquals(2, falcon.tokenRequests());
        assertEquals(2, falcon.revokes());
        assertTrue(cacheFiles().isEmpty());
    }

    @Test
    void authLoginStatusAndLogoutShowAndClearTheCache() throws IOException {
        Cli.Result login = cli().run("auth", "login");
        assertEquals(0, login.exitCode(), login.toString());
        assertTrue(login.err().startsWith("Logged in at " + falcon.baseUrl()), login.err());

        Cli.Result status = cli().run("auth", "status");
        assertTrue(status.out().startsWith(FakeFalcon.CLIENT_ID + " at " + falcon.baseUrl() + ", expires "), status.out());
        assertTrue(status.err().contains("1 cached token"), status.err());

        Cli.Result logout = cli().run("auth", "logout");
        assertEquals(0, logout.exitCode(), logout.toString());
        assertEquals("Logged out: the token was revoked\n", logout.err());
        assertEquals(1, falcon.revokes());
        assertTrue(cacheFiles().isEmpty());
        assertTrue(cli().run("auth", "status").err().startsWith("No cached tokens"));
    }

    @Test
    void refusedCredentialsAtLoginAreAnAuthenticationFailure() {
        falcon.refuseTokens();
        Cli.Result login = cli().run("auth", "login");
        assertEquals(ExitCodes.AUTH, login.exitCode(), login.toString());
        assertTrue(login.err().contains("the token endpoint answered HTTP 401"), login.err());
    }

    @Test
    void verboseShowsTheTokenRequestMaskedAndThenTheCacheInUse() {
        Cli.Result first = cli().run("GetRoles", "ids=a", "--verbose");
        assertTrue(first.err().contains("--> POST " + falcon.baseUrl() + "/oauth2/token"), first.err());
        assertTrue(first.err().contains("client_secret=[redacted]"), first.err());
        Cli.Result second = cli().run("GetRoles", "ids=a", "--verbose");
        assertTrue(second.err().contains("*** access token from the cache in " + cacheHome.resolve("falcon-harness/tokens")),
                second.err());
        assertFalse(second.err().contains("/oauth2/token"), second.err());
    }
}
