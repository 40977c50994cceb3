package dev.falconharness.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Harness;
import dev.falconharness.ValidationException;
import dev.falconharness.testing.MockFalcon;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masking in one pass: any size, any nesting, broken JSON included, and never a secret-named value shown. */
class RedactionTest {

    @Test
    void aMegabyteStringBodyIsPreviewedThroughTheHarnessWithoutOverflowing() {
        String script = "x".repeat(1 << 20);
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.harness()) {
            PreparedRequest request = harness.prepare("createUserV1", Map.of(),
                    Map.of("uid", script, "password", "hunter2-Lk3"));
            String preview = request.body().preview();
            assertTrue(preview.contains("\"uid\":\"" + script + "\""), "the long value is kept whole");
            assertTrue(preview.contains("\"password\":\"[redacted]\""), preview.substring(preview.length() - 60));
            assertFalse(preview.contains("hunter2"));
        }
    }

    @Test
    void anInvalidJsonBodyStringIsRefusedWithoutEchoingASecretNamedValue() {
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.harness()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> harness.command("createUserV1", Map.of(), "{\"uid\": \"ana\", \"password\": hunter2-Lk3}"));
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
            assertTrue(e.getMessage().contains("not valid JSON at line 1, column"), e.getMessage());
            assertEquals(0, falcon.requestCount(), "nothing was sent");
        }
    }

    @Test
    void anInvalidJsonBodyStringWithoutSecretsKeepsTheParsersDetail() {
        try (MockFalcon falcon = new MockFalcon(); Harness harness = falcon.harness()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> harness.command("createUserV1", Map.of(), "{\"uid\": ana}"));
            assertTrue(e.getMessage().contains("Unrecognized token 'ana'"), e.getMessage());
        }
    }

    @Test
    void aHundredThousandNestedArraysDoNotOverflowTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String text = "{\"data\":" + deep + ",\"client_secret\":" + deep + ",\"token\":\"t0k3n\"}";
        assertEquals("{\"data\":" + deep + ",\"client_secret\":\"[redacted]\",\"token\":\"[redacted]\"}",
                Redaction.json(text));
    }

    @Test
    void anObjectOrArrayUnderASecretNameIsMaskedWhole() {
        assertEquals("{\"credentials\": \"[redacted]\", \"uid\": \"ana\"}",
                Redaction.json("{\"credentials\": {\"user\": \"ana\", \"pw\": [1, {\"x\": \"}\"}]}, \"uid\": \"ana\"}"));
        assertEquals("{\"api_key\":\"[redacted]\"}", Redaction.json("{\"api_key\":[\"k1\",\"k2\"]}"));
    }

    @Test
    void escapedQuotesInsideStringsNeitherEndTheStringNorHideTheNextField() {
        String text = "{\"note\":\"say \\\"password\\\": \\\"x\\\"\",\"password\":\"a\\\"b\\\\\",\"n\":1}";
        assertEquals("{\"note\":\"say \\\"password\\\": \\\"x\\\"\",\"password\":\"[redacted]\",\"n\":1}",
                Redaction.json(text));
    }

    @Test
    void numbersAndLiteralsUnderSecretNamesAreMaskedToo() {
        assertEquals("{\"pin_key\" : \"[redacted]\", \"auth\":\"[redacted]\"}",
                Redaction.json("{\"pin_key\" : 123456, \"auth\":true}"));
    }

    @Test
    void invalidJsonNeverShowsASecretNamedValue() {
        assertEquals("{\"password\": \"[redacted]\"", Redaction.json("{\"password\": \"hunter2 and the rest"));
        assertEquals("{\"secret\": \"[redacted]\"", Redaction.json("{\"secret\": {\"a\": [\"hunter2\""));
        assertEquals("{\"token\": \"[redacted]\", oops}", Redaction.json("{\"token\": hunter2, oops}"));
        assertEquals("{\"client_secret\":\"[redacted]\"", Redaction.json("{\"client_secret\":"));
        assertEquals("\"unterminated", Redaction.json("\"unterminated"));
    }

    @Test
    void formFieldsAreMaskedByTheirDecodedName() {
        assertEquals("client_id=id&client_secret=[redacted]&pass%77ord=[redacted]&flag&x=1",
                Redaction.form("client_id=id&client_secret=s3cr3t&pass%77ord=hunter2&flag&x=1"));
        assertEquals("bad%zzname=v&&token=[redacted]", Redaction.form("bad%zzname=v&&token=t"));
        String many = "a&".repeat(200_000);
        assertEquals(many, Redaction.form(many));
    }

    @Test
    void aCredentialHeaderIsMaskedWholeExceptItsSchemeWord() {
        assertEquals("Bearer [redacted]", Redaction.headerValue("Authorization", "Bearer eyJ.abc.def"));
        assertEquals("basic [redacted]", Redaction.headerValue("Authorization", "basic dXNlcjpwdw=="));
        assertEquals("[redacted]", Redaction.headerValue("Cookie", "session=abc123; theme=dark"));
        assertEquals("[redacted]", Redaction.headerValue("X-Api-Key", "k3y with spaces"));
        assertEquals("[redacted]", Redaction.headerValue("Authorization", "s3cr3t-token-without-scheme"));
        assertEquals("text/plain", Redaction.headerValue("Accept", "text/plain"));
    }
}
