package dev.falconharness.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falconharness.manifest.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contracts without the network: status moves, body checks, and the hand-written table's IDs. */
class ContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final UserManagementContracts contracts = new UserManagementContracts();

    @Test
    void everyHandWrittenContractNamesAnOperationOfTheBuiltInManifest() {
        Manifest manifest = Manifest.falcon();
        for (String id : contracts.operationIds()) {
            assertNotNull(manifest.operation(id), id);
        }
        assertSame(Contract.NONE, contracts.of("QueryDevicesByFilter"));
    }

    @Test
    void anUndocumentedClientErrorMovesTo400AndTheEnvelopesOwnErrorFollows() {
        Reply moved = contracts.of("GetUserRoleIds").documented(Reply.error(404, "user not found: x"));
        assertEquals(400, moved.status());
        assertEquals(400, moved.errors().get(0).get("code"));
    }

    @Test
    void perIdErrorsKeepTheirCodesWhenTheStatusMoves() {
        Reply moved = contracts.of("retrieveUsersGETV1").documented(Reply.lookup(List.of(), List.of("a"), "user"));
        assertEquals(400, moved.status());
        assertEquals(404, moved.errors().get(0).get("code"));
    }

    @Test
    void aDocumentedStatusIsLeftAloneAndAnUndocumentedSuccessMovesToTheDocumentedOne() {
        assertEquals(404, contracts.of("DeleteUser").documented(Reply.error(404, "gone")).status());
        assertEquals(201, contracts.of("createUserV1").documented(Reply.ok(List.of())).status());
        assertEquals(409, Contract.NONE.documented(Reply.error(409, "any status without a contract")).status());
    }

    @Test
    void aBodyShapeKeepsOnlyKnownNonNullFields() throws Exception {
        BodyShape shape = BodyShape.of("domain.UserCreateRequest").string("uid", "firstName");
        assertEquals(MAPPER.readTree("{\"uid\": \"a@b.co\"}"),
                shape.check(MAPPER.readTree("{\"uid\": \"a@b.co\", \"firstName\": null, \"first_name\": \"A\"}")));
    }

    @Test
    void aWrongItemTypeInAnArrayNamesItsIndex() {
        BodyShape shape = BodyShape.of("msaspec.IdsRequest").strings("ids").require("ids");
        SandboxError e = org.junit.jupiter.api.Assertions.assertThrows(SandboxError.class,
                () -> shape.check(MAPPER.readTree("{\"ids\": [\"a\", 2]}")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("body field 'ids[1]' (msaspec.IdsRequest) must be a string, got a number"),
                e.getMessage());
    }
}
