package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code name:=JSON} words give raw JSON values; {@code --body-check} decides what a bad body does. */
class JsonWordsAndBodyCheckTest extends UserManagementV2Cli {
    private String onlyBody() {
        return falcon.onlyCall().getBody().readString(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonArrayWordBecomesTheFieldsArray() throws IOException {
        Cli.Result result = run("GrantUserRoleIds", "user_uuid=u-1", "roleIds:=[\"a\",\"b\"]");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(MAPPER.readTree("{\"roleIds\": [\"a\", \"b\"]}"), MAPPER.readTree(onlyBody()));
    }

    @Test
    void jsonObjectsAndTextWordsMixInOneBody() throws IOException {
        Cli.Result result = run("PerformActionV2", "action_name=contain", "ids=h1,h2",
                "action_parameters:=[{\"name\": \"note\", \"value\": \"incident 42\"}]");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(MAPPER.readTree("{\"ids\": [\"h1\", \"h2\"], \"action_parameters\": [{\"name\": \"note\", \"value\": \"incident 42\"}]}"),
                MAPPER.readTree(onlyBody()));
    }

    @Test
    void aJsonValueOfTheWrongTypeIsCheckedLikeAnyBodyAndNothingIsSent() {
        Cli.Result result = run("GrantUserRoleIds", "user_uuid=u-1", "roleIds:=5");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("roleIds"), result.err());
        assertTrue(falcon.calls().isEmpty());
    }

    @Test
    void badJsonAfterColonEqualsIsAUsageErrorNamingTheWord() {
        Cli.Result result = run("GrantUserRoleIds", "user_uuid=u-1", "roleIds:=[a");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("\"roleIds:=[a\": the value after := must be JSON"), result.err());
        assertTrue(falcon.calls().isEmpty());
    }

    @Test
    void twoJsonValuesAfterColonEqualsAreRefusedToo() {
        Cli.Result result = run("GrantUserRoleIds", "user_uuid=u-1", "roleIds:=[\"a\"] [\"b\"]");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.err().contains("the value after := must be JSON"), result.err());
    }

    @Test
    void aBodyThatBreaksTheSchemaIsRefusedByDefaultAndWithRefuse() {
        for (String[] extra : new String[][] {{}, {"--body-check=refuse"}}) {
            String[] words = concat(new String[] {"GrantUserRoleIds", "user_uuid=u-1", "--body", "{\"roleIds\": \"a\"}"}, extra);
            Cli.Result result = run(words);
            assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
            assertTrue(result.err().contains("roleIds"), result.err());
        }
        assertTrue(falcon.calls().isEmpty());
    }

    @Test
    void warnSendsTheBodyAndPrintsEachProblemAsAWarning() {
        Cli.Result result = run("GrantUserRoleIds", "user_uuid=u-1", "--body", "{\"roleIds\": \"a\"}", "--body-check=warn");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("{\"roleIds\": \"a\"}", onlyBody());
        assertTrue(result.err().contains("warning: GrantUserRoleIds: sending the body anyway (--body-check=warn): "), result.err());
    }

    @Test
    void offSendsTheBodyUncheckedAndSilently() {
        Cli.Result result = run("GrantUserRoleIds", "user_uuid=u-1", "--body", "{\"roleIds\": \"a\"}", "--body-check", "OFF");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("{\"roleIds\": \"a\"}", onlyBody());
        assertFalse(result.err().contains("sending the body anyway"), result.err());
    }

    @Test
    void anUnknownBodyCheckModeIsAUsageErrorListingTheModes() {
        Cli.Result result = run("GrantUserRoleIds", "user_uuid=u-1", "roleIds=a", "--body-check=maybe");

        assertEquals(ExitCodes.USAGE, result.exitCode());
        assertTrue(result.err().contains("--body-check must be one of refuse, warn, off, got \"maybe\""), result.err());
        assertTrue(falcon.calls().isEmpty());
    }

    @Test
    void batchHonoursBodyCheck() {
        String line = "{\"op\": \"GrantUserRoleIds\", \"params\": {\"user_uuid\": \"u-1\"}, \"body\": {\"roleIds\": \"a\"}}\n";

        Cli.Result refused = Cli.with(falcon.env()).stdin(line).run("--manifest", manifest.toString(), "batch");
        assertTrue(falcon.calls().isEmpty(), refused.toString());
        assertTrue(refused.exitCode() != 0, refused.toString());

        Cli.Result sent = Cli.with(falcon.env()).stdin(line).run("--manifest", manifest.toString(), "batch", "--body-check=off");
        assertEquals(0, sent.exitCode(), sent.toString());
        assertEquals(1, falcon.calls().size());
    }

    @Test
    void helpBodyDescribesBothWordFormsAndTheBodyCheck() {
        String help = Cli.with(java.util.Map.of()).run("help", "body").out();

        assertTrue(help.contains("name:=JSON"), help);
        assertTrue(help.contains("--body-check=warn"), help);
        assertTrue(help.contains("--body-template"), help);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
