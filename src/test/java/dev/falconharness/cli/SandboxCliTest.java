package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.sandbox.FalconSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line against the embedded sandbox: {@code --sandbox}, {@code falcon sandbox}, and the seed's user lifecycle. */
class SandboxCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReadmeCommandWorksWithNothingConfigured() {
        Cli.Result result = Cli.with(Map.of()).run("--sandbox", "GetAvailableRoleIds");

        assertEquals(0, result.exitCode(), result.toString());
        List<String> roles = strings(json(result).path("resources"));
        assertTrue(roles.containsAll(List.of("falcon_admin", "falcon_console_guest")), roles.toString());
        assertTrue(result.err().contains("HTTP 200 OK (GetAvailableRoleIds, "), result.err());
        assertNoSandboxSecret(result);
    }

    @Test
    void sandboxRefusesOptionsThatWouldPointElsewhere() {
        Cli.Result result = Cli.with(Map.of()).run("--sandbox", "--base-url", "http://example.com", "GetAvailableRoleIds");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--sandbox brings its own URL and credentials; drop --base-url"), result.err());
    }

    @Test
    void theSeedsUserLifecycleWorksThroughTheCommandLine() {
        try (FalconSandbox sandbox = FalconSandbox.start()) {
            Cli cli = Cli.with(Map.of("FALCON_BASE_URL", sandbox.baseUrl(), "FALCON_CLIENT_ID", FalconSandbox.CLIENT_ID,
                    "FALCON_CLIENT_SECRET", FalconSandbox.CLIENT_SECRET));

            JsonNode created = ok(cli.run("CreateUser", "--body", "{\"uid\":\"ana@example.com\",\"firstName\":\"Ana\",\"lastName\":\"Lima\"}"));
            String uuid = created.path("resources").path(0).path("uuid").asText();
            assertFalse(uuid.isEmpty(), created.toString());

            assertEquals(List.of(uuid), strings(ok(cli.run("RetrieveUserUUID", "uid=ana@example.com")).path("resources")));
            assertTrue(strings(ok(cli.run("RetrieveEmailsByCID")).path("resources")).contains("ana@example.com"));
            assertTrue(strings(ok(cli.run("RetrieveUserUUIDsByCID")).path("resources")).contains(uuid));

            ok(cli.run("GrantUserRoleIds", "user_uuid=" + uuid, "--body", "{\"roleIds\":[\"falcon_console_guest\",\"remote_responder_one\"]}"));
            assertEquals(List.of("falcon_console_guest", "remote_responder_one"),
                    sorted(strings(ok(cli.run("GetUserRoleIds", "user_uuid=" + uuid)).path("resources"))));

            ok(cli.run("RevokeUserRoleIds", "user_uuid=" + uuid, "ids=remote_responder_one"));
            assertEquals(List.of("falcon_console_guest"), strings(ok(cli.run("GetUserRoleIds", "user_uuid=" + uuid)).path("resources")));

            ok(cli.run("UpdateUser", "user_uuid=" + uuid, "--body", "{\"firstName\":\"Anna\"}"));
            JsonNode user = ok(cli.run("RetrieveUser", "ids=" + uuid)).path("resources").path(0);
            assertEquals("Anna", user.path("firstName").asText(), user.toString());
            assertEquals("Lima", user.path("lastName").asText(), user.toString());

            JsonNode role = ok(cli.run("GetRoles", "ids=falcon_console_guest")).path("resources").path(0);
            assertEquals("falcon_console_guest", role.path("id").asText());

            ok(cli.run("DeleteUser", "user_uuid=" + uuid));
            Cli.Result gone = cli.run("RetrieveUser", "ids=" + uuid);
            assertEquals(ExitCodes.API_ERROR, gone.exitCode(), gone.toString());
            assertTrue(gone.err().contains("HTTP 404 Not Found (RetrieveUser, "), gone.err());
            assertNoSandboxSecret(gone);
        }
    }

    @Test
    void sandboxCommandServesUntilStoppedAndPrintsHowToUseIt() throws Exception {
        CommandLine sandboxLine = FalconCommand.commandLine();
        StringWriter out = new StringWriter();
        sandboxLine.setOut(new PrintWriter(out, true));
        sandboxLine.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> sandboxLine.execute("sandbox"));
        String baseUrl = awaitBaseUrl(out);

        Cli.Result call = Cli.with(Map.of("FALCON_BASE_URL", baseUrl, "FALCON_CLIENT_ID", FalconSandbox.CLIENT_ID,
                "FALCON_CLIENT_SECRET", FalconSandbox.CLIENT_SECRET)).run("GetAvailableRoleIds");
        ((SandboxCommand) sandboxLine.getSubcommands().get("sandbox").getCommand()).stop();

        assertEquals(0, call.exitCode(), call.toString());
        assertEquals(0, running.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("  export FALCON_CLIENT_ID=" + FalconSandbox.CLIENT_ID + "\n"), out.toString());
    }

    @Test
    void sandboxCommandWithHostsAndFleetSeedServesThatFleet() throws Exception {
        CommandLine sandboxLine = FalconCommand.commandLine();
        StringWriter out = new StringWriter();
        sandboxLine.setOut(new PrintWriter(out, true));
        sandboxLine.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> sandboxLine.execute("sandbox",
                "--hosts", "1234", "--fleet-seed", "7"));
        String baseUrl = awaitBaseUrl(out);

        Cli.Result call = Cli.with(Map.of("FALCON_BASE_URL", baseUrl, "FALCON_CLIENT_ID", FalconSandbox.CLIENT_ID,
                "FALCON_CLIENT_SECRET", FalconSandbox.CLIENT_SECRET)).run("QueryDevicesByFilter", "limit=1");
        ((SandboxCommand) sandboxLine.getSubcommands().get("sandbox").getCommand()).stop();

        assertEquals(0, call.exitCode(), call.toString());
        assertTrue(call.out().replace(" ", "").contains("\"total\":1234"), call.out());
        assertEquals(0, running.get(10, TimeUnit.SECONDS));
        try (FalconSandbox same = FalconSandbox.builder().hosts(1234).fleetSeed(7).build();
             dev.falconharness.Harness falcon = same.harness()) {
            String first = falcon.command("QueryDevicesByFilter", Map.of("limit", 1)).orThrow().resources().get(0).asText();
            assertTrue(call.out().contains(first), "the CLI's fleet is the builder's fleet of the same seed: " + call.out());
        }
    }

    @Test
    void sandboxCommandWithTlsPrintsTheCaCertificateThatTheCaCertOptionThenTrusts() throws Exception {
        CommandLine sandboxLine = FalconCommand.commandLine();
        StringWriter out = new StringWriter();
        sandboxLine.setOut(new PrintWriter(out, true));
        sandboxLine.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> sandboxLine.execute("sandbox", "--tls",
                "--region", "us-2", "--child-cid", "0123456789abcdef0123456789abcdef"));
        String baseUrl = awaitBaseUrl(out);
        Matcher ca = Pattern.compile("export REQUESTS_CA_BUNDLE=(\\S+)").matcher(out.toString());
        assertTrue(ca.find(), out.toString());
        Map<String, String> env = Map.of("FALCON_BASE_URL", baseUrl, "FALCON_CLIENT_ID", FalconSandbox.CLIENT_ID,
                "FALCON_CLIENT_SECRET", FalconSandbox.CLIENT_SECRET);

        Cli.Result trusted = Cli.with(env).run("--ca-cert", ca.group(1), "GetAvailableRoleIds");
        Cli.Result untrusted = Cli.with(env).run("--retries", "0", "GetAvailableRoleIds");
        ((SandboxCommand) sandboxLine.getSubcommands().get("sandbox").getCommand()).stop();

        assertTrue(baseUrl.startsWith("https://"), baseUrl);
        assertEquals(0, trusted.exitCode(), trusted.toString());
        assertTrue(untrusted.exitCode() != 0, untrusted.toString());
        assertEquals(0, running.get(10, TimeUnit.SECONDS));
        assertTrue(out.toString().contains("falcon --ca-cert " + ca.group(1)), out.toString());
    }

    @Test
    void sandboxCommandReportsAPortInUse() throws Exception {
        try (FalconSandbox taken = FalconSandbox.start()) {
            Cli.Result result = Cli.with(Map.of()).run("sandbox", "--port", String.valueOf(taken.port()));

            assertEquals(ExitCodes.ERROR, result.exitCode(), result.toString());
            assertTrue(result.err().contains("cannot start the Falcon sandbox on 127.0.0.1:" + taken.port()), result.err());
        }
    }

    private static String awaitBaseUrl(StringWriter out) throws InterruptedException {
        Pattern listening = Pattern.compile("listening on (https?://\\S+)");
        for (int i = 0; i < 200; i++) {
            Matcher m = listening.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sandbox did not start: " + out);
    }

    private static JsonNode ok(Cli.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        assertNoSandboxSecret(result);
        return json(result);
    }

    private static JsonNode json(Cli.Result result) {
        try {
            return JSON.readTree(result.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("stdout is not JSON: " + result, e);
        }
    }

    private static void assertNoSandboxSecret(Cli.Result result) {
        assertFalse((result.out() + result.err()).contains(FalconSandbox.CLIENT_SECRET), result.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    @Test
    void allFollowsTheAfterCursorOfABodyPagedOperationWhateverWayTheBodyIsGiven() {
        try (FalconSandbox sandbox = FalconSandbox.builder().hosts(100).build()) {
            Cli cli = Cli.with(Map.of("FALCON_BASE_URL", sandbox.baseUrl(), "FALCON_CLIENT_ID", FalconSandbox.CLIENT_ID,
                    "FALCON_CLIENT_SECRET", FalconSandbox.CLIENT_SECRET));
            for (List<String> args : List.of(List.of("PostCombinedAlertsV1", "limit:=5", "--all"),
                    List.of("PostCombinedAlertsV1", "--body", "{\"limit\": 5}", "--all"))) {
                Cli.Result call = cli.run(args.toArray(String[]::new));
                assertEquals(0, call.exitCode(), call.toString());
                assertEquals(20, call.out().lines().filter(l -> !l.isBlank()).count(), "20 alerts, 4 pages: " + call);
            }
        }
    }
}
