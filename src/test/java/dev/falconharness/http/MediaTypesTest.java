package dev.falconharness.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypesTest {
    @Test
    void jsonAndItsStructuredSyntaxSuffixAreJsonWhateverTheirParametersAndCase() {
        for (String type : new String[] {"application/json", "Application/JSON; charset=utf-8", "application/merge-patch+json",
                "application/vnd.api+json", "application/json-patch+json", "text/json"}) {
            assertTrue(MediaTypes.isJson(type), type);
        }
    }

    @Test
    void otherTypesAndNullAreNot() {
        for (String type : new String[] {"application/octet-stream", "text/plain", "application/jsonl", "*/*", "multipart/form-data", ""}) {
            assertFalse(MediaTypes.isJson(type), type);
        }
        assertFalse(MediaTypes.isJson(null));
    }
}
