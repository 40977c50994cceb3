package dev.falconharness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.falconharness.Cloud;
import dev.falconharness.Credentials;
import dev.falconharness.http.Headers;
import dev.falconharness.http.PreparedRequest;
import dev.falconharness.http.RawResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Region discovery from {@code X-Cs-Region}, with a hand-written fake transport (no network). */
class RegionDiscoveryTest {
    /** Answers token requests from a script and records what was sent. */
    private static final class ScriptedTransport implements Stage {
        final Deque<RawResponse> answers = new ArrayDeque<>();
        final List<PreparedRequest> sent = new ArrayList<>();

        ScriptedTransport answer(int status, String region, String body) {
            answers.add(new RawResponse(null, status, region == null ? Headers.EMPTY : Headers.of("X-Cs-Region", region),
                    body.getBytes(StandardCharsets.UTF_8), Duration.ZERO));
            return this;
        }

        @Override
        public RawResponse intercept(Chain chain) {
            sent.add(chain.request());
            return answers.removeFirst();
        }
    }

    private static final String TOKEN_JSON = "{\"access_token\":\"tok\",\"expires_in\":1799}";

    private static ClientCredentialsTokenSource source(Endpoint endpoint, ScriptedTransport transport) {
        return new ClientCredentialsTokenSource(Credentials.of("id", "secret"), endpoint, List.of(transport), Headers.EMPTY,
                Clock.systemUTC(), Duration.ofSeconds(120));
    }

    @Test
    void autoFollowsTheRegionOfTheTokenResponse() throws Exception {
        Endpoint endpoint = Endpoint.cloud(Cloud.US_1, true);
        ScriptedTransport transport = new ScriptedTransport().answer(201, "eu-1", TOKEN_JSON);
        source(endpoint, transport).token();
        assertEquals("https://api.eu-1.crowdstrike.com", endpoint.baseUrl());
        assertEquals("https://api.crowdstrike.com", transport.sent.get(0).baseUrl());
    }

    @Test
    void aRedirectWithARegionIsFollowedOnce() throws Exception {
        Endpoint endpoint = Endpoint.cloud(Cloud.US_1, true);
        ScriptedTransport transport = new ScriptedTransport().answer(308, "us-gov-1", "").answer(201, "us-gov-1", TOKEN_JSON);
        assertEquals("tok", source(endpoint, transport).token().value());
        assertEquals(List.of("https://api.crowdstrike.com", "https://api.laggar.gcw.crowdstrike.com"),
                transport.sent.stream().map(PreparedRequest::baseUrl).toList());
    }

    @Test
    void anExplicitCloudOrCustomUrlStaysPut() throws Exception {
        Endpoint us2 = Endpoint.cloud(Cloud.US_2, false);
        source(us2, new ScriptedTransport().answer(201, "eu-1", TOKEN_JSON)).token();
        assertEquals("https://api.us-2.crowdstrike.com", us2.baseUrl());
        Endpoint proxy = Endpoint.fixed("https://proxy.example:8443");
        assertFalse(proxy.discover("eu-1"));
        assertEquals("https://proxy.example:8443", proxy.baseUrl());
    }

    @Test
    void unknownRegionsAreIgnored() {
        Endpoint endpoint = Endpoint.cloud(Cloud.US_1, true);
        assertFalse(endpoint.discover("mars-1"));
        assertFalse(endpoint.discover(null));
        assertTrue(endpoint.discover("US-2"));
        assertEquals("https://api.us-2.crowdstrike.com", endpoint.baseUrl());
    }
}
