package dev.falconharness.cli;

import dev.falconharness.Harness;
import dev.falconharness.HarnessBuilder;
import dev.falconharness.sandbox.FalconSandbox;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a session against an embedded sandbox started for one command ({@code --sandbox}); the
 * session stops it when closed. The sandbox brings its own URL and credentials, so options that set
 * either are refused rather than silently ignored.
 */
final class SandboxConnector {
    private SandboxConnector() {
    }

    static Session open(ConnectionOptions c, ManifestOptions manifests, PrintWriter verboseLog) {
        refuseConflicts(c);
        FalconSandbox sandbox = FalconSandbox.start();
        try {
            HarnessBuilder builder = sandbox.harnessBuilder();
            if (!manifests.builtIn()) {
                builder.manifest(manifests.load());
            }
            Connector.finish(builder, c, verboseLog);
            return new Session(builder.build(), sandbox, Session.Auth.CREDENTIALS);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private static void refuseConflicts(ConnectionOptions c) {
        List<String> given = new ArrayList<>();
        addIf(given, c.clientId != null, "--client-id");
        addIf(given, c.clientSecretEnv != null, "--client-secret-env");
        addIf(given, c.clientSecretFile != null, "--client-secret-file");
        addIf(given, c.memberCid != null, "--member-cid");
        addIf(given, c.cloud != null, "--cloud");
        addIf(given, c.baseUrl != null, "--base-url");
        addIf(given, c.proxy != null, "--proxy");
        if (!given.isEmpty()) {
            throw CommandFailure.usage("--sandbox brings its own URL and credentials; drop " + String.join(", ", given)
                    + " (FALCON_* variables are ignored with --sandbox)");
        }
    }

    private static void addIf(List<String> list, boolean condition, String option) {
        if (condition) {
            list.add(option);
        }
    }
}
