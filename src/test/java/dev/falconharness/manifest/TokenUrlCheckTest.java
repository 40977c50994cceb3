package dev.falconharness.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.testing.TestManifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token endpoint that cannot be a URL is a manifest mistake found at load, not at the first call. */
class TokenUrlCheckTest {

    private static Manifest withTokenUrl(String url) {
        return TestManifests.fromJson("{'auth': {'type': 'oauth2ClientCredentials', 'tokenUrl': '" + url + "'},"
                + " 'operations': [{'id': 'Ping', 'method': 'GET', 'path': '/ping'}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://exa mple.com/token", "http://", "https:///token", "/oauth2/to ken", "https://[::1/token",
            "https://example.com/token#frag"})
    void aTokenUrlThatIsNotAUsableUrlIsRefusedAtLoad(String url) {
        ManifestException e = assertThrows(ManifestException.class, () -> withTokenUrl(url));
        assertEquals("/auth/tokenUrl", e.problems().get(0).pointer(), e.getMessage());
        assertTrue(e.getMessage().contains("is not a usable URL"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/token", "https://auth.example.com/oauth/token?audience=api", "http://127.0.0.1:8080/t"})
    void aGoodTokenUrlLoads(String url) {
        assertEquals(url, withTokenUrl(url).auth().tokenUrl());
    }
}
