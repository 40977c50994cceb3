package dev.falconharness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.falconharness.Credentials;
import dev.falconharness.Harness;
import java.util.List;
import java.util.Map;

/** The call every benchmark makes, and the harness and baseline that make it. */
final class Calls {
    /** The example: {@code GetRoles} with two ids. */
    static final List<String> IDS = List.of("falcon_admin", "falcon_console_guest");
    static final Map<String, Object> PARAMS = Map.of("ids", IDS);
    static final String OPERATION = "GetRoles";

    private Calls() {
    }

    /** A harness with its defaults, pointed at {@code baseUrl}, its token already fetched. */
    static Harness harness(String baseUrl) {
        Harness harness = Harness.builder()
                .baseUrl(baseUrl)
                .credentials(Credentials.of(Target.clientId(), Target.clientSecret()))
                .build();
        expectTwoRoles(harness.command(OPERATION, PARAMS).orThrow().body(), "harness");
        return harness;
    }

    /** The hand-written baseline with the harness's {@code User-Agent}, its token already fetched. */
    static RawClient raw(String baseUrl, Harness harness) {
        RawClient raw = RawClient.connect(baseUrl, harness.userAgent());
        expectTwoRoles(raw.getRoles(IDS), "raw client");
        return raw;
    }

    /** Both sides must decode the same answer, or the comparison means nothing. */
    static void expectTwoRoles(JsonNode body, String who) {
        if (body.path("resources").size() != 2) {
            throw new IllegalStateException(who + " did not get the two roles from the server: " + body);
        }
    }
}
