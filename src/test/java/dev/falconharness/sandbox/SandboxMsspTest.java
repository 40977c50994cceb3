package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MSSP: child CIDs declared on the sandbox, tokens scoped to one of them by member_cid. */
class SandboxMsspTest {
    private static final String CHILD = "0123456789abcdef0123456789abcdef";
    private final FalconSandbox sandbox = FalconSandbox.builder().childCids(CHILD.toUpperCase()).build();
    private final RawHttp http = new RawHttp(sandbox);

    @AfterEach
    void close() {
        sandbox.close();
    }

    private String token(String memberCid) {
        HttpResponse<String> response = http.tokenRequest("client_id=" + FalconSandbox.CLIENT_ID + "&client_secret="
                + FalconSandbox.CLIENT_SECRET + "&member_cid=" + memberCid);
        assertEquals(201, response.statusCode(), response.body());
        return RawHttp.json(response).path("access_token").asText();
    }

    private List<String> emails(String token) {
        HttpResponse<String> response = http.get("/users/queries/emails-by-cid/v1", token);
        assertEquals(200, response.statusCode(), response.body());
        List<String> emails = new java.util.ArrayList<>();
        RawHttp.json(response).path("resources").forEach(e -> emails.add(e.asText()));
        return emails;
    }

    @Test
    void aTokenForAChildWorksOnTheChildsOwnUsers() {
        String child = token(CHILD);
        assertEquals(List.of(), emails(child), "a child starts without users");
        HttpResponse<String> created = http.json("POST", "/users/entities/users/v1", child, "{\"uid\": \"kid@example.com\"}");
        assertEquals(201, created.statusCode());
        assertEquals(CHILD, RawHttp.json(created).path("resources").path(0).path("customer").asText());
        assertEquals(List.of("kid@example.com"), emails(child));
        assertEquals(List.of("sandbox.admin@example.com"), emails(http.token()), "the parent does not see it");
        assertEquals(List.of("sandbox.admin@example.com"), emails(token(FalconSandbox.CUSTOMER_ID)));
    }

    @Test
    void anUnknownMemberCidIsRefusedWith403() {
        HttpResponse<String> response = http.tokenRequest("client_id=" + FalconSandbox.CLIENT_ID + "&client_secret="
                + FalconSandbox.CLIENT_SECRET + "&member_cid=ffffffffffffffffffffffffffffffff");
        assertEquals(403, response.statusCode());
        assertEquals("Failed to issue access token", RawHttp.firstError(response));
        assertTrue(response.headers().firstValue("X-Sandbox-Hint").orElseThrow().contains("member_cid"));
    }

    @Test
    void aChildTokenNamingAnotherCidInAQueryIsRefused() {
        HttpResponse<String> response = http.get("/user-management/queries/roles/v1?cid=" + FalconSandbox.CUSTOMER_ID,
                token(CHILD));
        assertEquals(403, response.statusCode());
    }

    @Test
    void resetEmptiesTheChildrenToo() {
        String child = token(CHILD);
        http.json("POST", "/users/entities/users/v1", child, "{\"uid\": \"kid@example.com\"}");
        sandbox.reset();
        assertEquals(List.of(), emails(child));
        assertEquals(List.of(CHILD), sandbox.childCids());
    }

    @Test
    void theBuilderRefusesAChildCidThatIsNotOneOrIsTheParent() {
        assertThrows(IllegalArgumentException.class, () -> FalconSandbox.builder().childCids("not-a-cid"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FalconSandbox.builder().childCids(FalconSandbox.CUSTOMER_ID).build());
        assertTrue(e.getMessage().contains("own customer ID"), e.getMessage());
    }
}
