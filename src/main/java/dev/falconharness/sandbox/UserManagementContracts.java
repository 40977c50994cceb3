package dev.falconharness.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * The contracts of the User Management and OAuth2 operations, written by hand from the API's published
 * specification: each body's schema (field names and JSON types as the two API generations spell them:
 * {@code firstName} for {@code CreateUser}, {@code first_name} for {@code createUserV1}) and each
 * operation's documented status codes. Stands in until contracts come from the manifest's schemas.
 * Immutable and thread-safe.
 */
final class UserManagementContracts implements OperationContracts {
    private static final BodyShape IDS = BodyShape.of("msaspec.IdsRequest").strings("ids").require("ids");
    private static final Integer[] READ = {200, 400, 403, 429, 500};
    private static final Integer[] READ_OR_404 = {200, 400, 403, 404, 429, 500};
    private static final Integer[] CREATE = {201, 400, 403, 429, 500};

    private final Map<String, Contract> contracts = new HashMap<>();

    UserManagementContracts() {
        legacy();
        userManagement();
        contracts.put("oauth2AccessToken", Contract.of(null, CREATE));
        contracts.put("oauth2RevokeToken", Contract.of(null, READ));
    }

    /** The {@code /users/...} and {@code /user-roles/...} operations: camelCase bodies. */
    private void legacy() {
        contracts.put("CreateUser", Contract.of(BodyShape.of("domain.UserCreateRequest")
                .string("uid", "firstName", "lastName", "password"), CREATE));
        contracts.put("UpdateUser", Contract.of(BodyShape.of("domain.UpdateUserFields")
                .string("firstName", "lastName"), READ_OR_404));
        contracts.put("GrantUserRoleIds", Contract.of(BodyShape.of("domain.RoleIDs").strings("roleIds")
                .require("roleIds"), READ));
        contracts.put("DeleteUser", Contract.of(null, READ_OR_404));
        contracts.put("RetrieveUser", Contract.of(null, READ_OR_404));
        contracts.put("retrieveUser", Contract.of(null, READ_OR_404));
        contracts.put("RetrieveUserUUID", Contract.of(null, READ_OR_404));
        contracts.put("GetRoles", Contract.of(null, READ_OR_404));
        contracts.put("GetAvailableRoleIds", Contract.of(null, 200, 403, 404, 429, 500));
        for (String id : new String[] {"GetUserRoleIds", "RevokeUserRoleIds", "RetrieveEmailsByCID",
            "RetrieveUserUUIDsByCID"}) {
            contracts.put(id, Contract.of(null, READ));
        }
    }

    /** The {@code /user-management/...} operations: snake_case bodies. */
    private void userManagement() {
        contracts.put("createUserV1", Contract.of(BodyShape.of("domain.CreateUserRequest")
                .string("uid", "first_name", "last_name", "cid", "password"), CREATE));
        contracts.put("updateUserV1", Contract.of(BodyShape.of("domain.UpdateUserRequest")
                .string("first_name", "last_name"), READ));
        contracts.put("retrieveUsersGETV1", Contract.of(IDS, READ));
        contracts.put("entitiesRolesGETV2", Contract.of(IDS, READ_OR_404));
        contracts.put("entitiesRolesV1", Contract.of(null, READ_OR_404));
        contracts.put("userRolesActionV1", Contract.of(BodyShape.of("flightcontrolapi.grantInput")
                .string("action", "cid", "expires_at", "uuid").strings("role_ids"), READ));
        contracts.put("userActionV1", Contract.of(BodyShape.of("domain.UserActionRequest")
                .object("action", BodyShape.of("domain.UserAction").string("action_name", "action_value")
                        .require("action_name"))
                .strings("ids").require("action", "ids"), READ));
        contracts.put("aggregateUsersV1", Contract.of(null, 200, 403, 429, 500));
        for (String id : new String[] {"queryUserV1", "deleteUserV1", "queriesRolesV1", "combinedUserRolesV1",
            "CombinedUserRolesV2"}) {
            contracts.put(id, Contract.of(null, READ));
        }
    }

    @Override
    public Contract of(String operationId) {
        return contracts.getOrDefault(operationId, Contract.NONE);
    }

    /** The operation IDs with a contract, for tests and documentation. */
    java.util.Set<String> operationIds() {
        return java.util.Collections.unmodifiableSet(contracts.keySet());
    }
}
