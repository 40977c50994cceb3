package dev.falconharness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudTest {
    @Test
    void cloudNamesMatchIgnoringCaseAndDashes() {
        assertEquals(Optional.of(Cloud.US_GOV_1), Cloud.parse("usgov1"));
        assertEquals(Optional.of(Cloud.US_GOV_1), Cloud.parse("US-GOV-1"));
        assertEquals(Optional.of(Cloud.EU_1), Cloud.parse(" eu-1 "));
        assertEquals(Optional.of(Cloud.US_1), Cloud.parse("auto"));
        assertEquals(Optional.empty(), Cloud.parse("eu-2"));
        assertEquals("https://api.us-gov-2.crowdstrike.mil", Cloud.US_GOV_2.baseUrl());
    }

    @Test
    void theHarnessSendsEachCloudToItsHost() {
        try (Harness harness = Harness.builder().cloud("us-2").build()) {
            assertEquals("https://api.us-2.crowdstrike.com", harness.baseUrl());
        }
        try (Harness harness = Harness.builder().build()) {
            assertEquals("https://api.crowdstrike.com", harness.baseUrl());
        }
        try (Harness harness = Harness.builder().credentials(Credentials.fromEnvironment(
                java.util.Map.of("FALCON_CLIENT_ID", "i", "FALCON_CLIENT_SECRET", "s", "FALCON_CLOUD", "eu1"))).build()) {
            assertEquals("https://api.eu-1.crowdstrike.com", harness.baseUrl());
        }
    }

    @Test
    void anUnknownCloudNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Harness.builder().cloud("eu-2"));
        assertEquals("unknown cloud \"eu-2\"; use one of auto, us-1, us-2, us-3, eu-1, us-gov-1, us-gov-2, or baseUrl(...) "
                + "for any other host", e.getMessage());
    }

    @Test
    void baseUrlsAreNormalized() {
        assertEquals("https://proxy.example:8443", BaseUrls.normalize("proxy.example:8443/"));
        assertEquals("http://127.0.0.1:8080/api", BaseUrls.normalize("http://127.0.0.1:8080/api//"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BaseUrls.normalize("ftp://x"));
        assertTrue(e.getMessage().startsWith("not a usable base URL: \"ftp://x\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BaseUrls.normalize(" "));
    }
}
