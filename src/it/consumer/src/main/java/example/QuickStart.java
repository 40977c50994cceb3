package example;

import dev.falconharness.ApiResponse;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import java.util.List;
import java.util.Map;

/**
 * The README's quick start as a consumer of the library writes it: {@link #main} against a real account
 * (credentials from the environment), {@link #run} with any harness, which the tests point at the sandbox.
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        try (Harness falcon = Harness.builder()
                .credentials(Credentials.fromEnvironment())   // FALCON_CLIENT_ID / FALCON_CLIENT_SECRET
                .cloud("us-2")                                // or .baseUrl("https://proxy.example:8443")
                .build()) {
            System.out.println(run(falcon));
        }
    }

    /** The quick start's two calls; returns what they answered, one line each. */
    static List<String> run(Harness falcon) {
        ApiResponse roles = falcon.command("GetRoles", Map.of("ids", List.of("falcon_admin", "falcon_console_guest")));
        ApiResponse created = falcon.command("CreateUser", Map.of(),
                Map.of("uid", "ana@example.com", "firstName", "Ana", "lastName", "Silva"));
        return List.of("GetRoles " + roles.statusCode() + " " + roles.resources().size() + " roles",
                "CreateUser " + created.statusCode() + " errors " + created.errors() + " trace id " + (created.traceId() != null));
    }
}
