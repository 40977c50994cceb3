package dev.falconharness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.falconharness.manifest.Manifest;
import org.junit.jupiter.api.Test;

class PrewarmTest {
    @Test
    void aCallPreparesTheManifestAndTls() {
        assertEquals(new Prewarm.Plan(true, true), Prewarm.plan("GetRoles", "ids=falcon_admin"));
        assertEquals(new Prewarm.Plan(true, true), Prewarm.plan("--sandbox", "-q", "GetAvailableRoleIds"));
    }

    @Test
    void anotherManifestOrNoNetworkPreparesLess() {
        assertEquals(new Prewarm.Plan(false, true), Prewarm.plan("--manifest", "api.json", "ListThings"));
        assertEquals(new Prewarm.Plan(false, true), Prewarm.plan("--manifest=api.json", "ListThings"));
        assertEquals(new Prewarm.Plan(false, true), Prewarm.plan("-m", "api.json", "ListThings"));
        assertEquals(new Prewarm.Plan(true, true), Prewarm.plan("--dry-run", "GetRoles", "ids=a"));
        assertEquals(new Prewarm.Plan(true, false), Prewarm.plan("describe", "GetRoles"));
        assertEquals(new Prewarm.Plan(true, false), Prewarm.plan("operations", "--search", "role"));
    }

    @Test
    void helpAndVersionStartNothing() {
        assertNull(Prewarm.start("--version"));
        assertNull(Prewarm.start("GetRoles", "--help"));
        assertNull(Prewarm.start("completion", "bash"));
        assertFalse(Prewarm.plan("-h").any());
    }

    @Test
    void theBackgroundWorkEndsAndLeavesTheSameManifest() throws InterruptedException {
        Thread thread = Prewarm.start("GetRoles", "ids=a");
        assertNotNull(thread);
        thread.join(60_000);
        assertFalse(thread.isAlive());
        assertEquals(1508, Manifest.falcon().size());
    }
}
