package dev.falconharness.service;

import dev.falconharness.ApiResponse;
import dev.falconharness.Harness;
import dev.falconharness.manifest.Operation;
import dev.falconharness.schema.Schema;
import dev.falconharness.schema.SchemaProblem;
import dev.falconharness.schema.SchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The User Management operations as typed Java methods: one per operation, each a thin call to
 * {@link Harness#command(String, Map, Object)} with the same operation ID, so this style and
 * {@code command()} cannot drift apart. Answers are {@link ApiResponse}s exactly as {@code command()}
 * returns them (HTTP errors are returned, not thrown; call {@link ApiResponse#orThrow()} to throw).
 *
 * <pre>{@code
 * UserManagement users = new UserManagement(falcon);
 * String uuid = users.createUser(new NewUser("ana@example.com", "Ana", "Lima")).orThrow()
 *         .resources().get(0).path("uuid").asText();
 * users.grantUserRoleIds(uuid, "falcon_console_guest");
 * users.getUserRoleIds(uuid).resources();      // ["falcon_console_guest"]
 * }</pre>
 *
 * <p>Falcon marks these operations deprecated in favour of the {@code /user-management/} ones
 * ({@code queryUserV1}, {@code userRolesActionV1}...), which {@code command()} calls too; they still
 * work, and they are what the published examples use. Thread-safe, as the harness is.
 *
 * <p>Bodies are built as maps and checked against the operation's body schema in the harness's manifest
 * (format 2) before the call, whatever {@code BodyValidation} the harness uses: a field name here that
 * the API's schema does not know is a bug in this class, and fails loudly as one.
 */
public final class UserManagement {
    /** The operation IDs this class calls, in the order of its methods. */
    public static final List<String> OPERATION_IDS = List.of("GetRoles", "GrantUserRoleIds", "RevokeUserRoleIds",
            "GetAvailableRoleIds", "GetUserRoleIds", "RetrieveUser", "CreateUser", "DeleteUser", "UpdateUser",
            "RetrieveEmailsByCID", "RetrieveUserUUIDsByCID", "RetrieveUserUUID");

    private final Harness harness;

    /** User Management on {@code harness}, which must carry the Falcon manifest. */
    public UserManagement(Harness harness) {
        this.harness = Objects.requireNonNull(harness, "harness");
    }

    /**
     * Get info about a role ({@code GetRoles}).
     *
     * @param ids ID of a role. Find a role ID from {@code /customer/queries/roles/v1} or
     *            {@code /users/queries/roles/v1}.
     */
    public ApiResponse getRoles(List<String> ids) {
        return harness.command("GetRoles", Map.of("ids", Objects.requireNonNull(ids, "ids")));
    }

    /** Get info about a role ({@code GetRoles}). */
    public ApiResponse getRoles(String... ids) {
        return getRoles(List.of(ids));
    }

    /**
     * Assign one or more roles to a user ({@code GrantUserRoleIds}).
     *
     * @param userUuid ID of a user. Find a user's ID from {@code /users/entities/user/v1}.
     * @param roleIds  Role ID(s) of the role you want to assign; sent as {@code {"roleIds": [...]}}
     */
    public ApiResponse grantUserRoleIds(String userUuid, List<String> roleIds) {
        Map<String, Object> body = Map.of("roleIds", List.copyOf(Objects.requireNonNull(roleIds, "roleIds")));
        return harness.command("GrantUserRoleIds", Map.of("user_uuid", required(userUuid, "userUuid")),
                body("GrantUserRoleIds", body));
    }

    /** Assign one or more roles to a user ({@code GrantUserRoleIds}). */
    public ApiResponse grantUserRoleIds(String userUuid, String... roleIds) {
        return grantUserRoleIds(userUuid, List.of(roleIds));
    }

    /**
     * Revoke one or more roles from a user ({@code RevokeUserRoleIds}).
     *
     * @param userUuid ID of a user. Find a user's ID from {@code /users/entities/user/v1}.
     * @param roleIds  One or more role IDs to revoke. Find a role's ID from {@code /users/queries/roles/v1}.
     */
    public ApiResponse revokeUserRoleIds(String userUuid, List<String> roleIds) {
        return harness.command("RevokeUserRoleIds", Map.of("user_uuid", required(userUuid, "userUuid"),
                "ids", Objects.requireNonNull(roleIds, "roleIds")));
    }

    /** Revoke one or more roles from a user ({@code RevokeUserRoleIds}). */
    public ApiResponse revokeUserRoleIds(String userUuid, String... roleIds) {
        return revokeUserRoleIds(userUuid, List.of(roleIds));
    }

    /**
     * Show role IDs for all roles available in your customer account ({@code GetAvailableRoleIds}). For
     * more information on each role, provide the role ID to {@link #getRoles(List)}.
     */
    public ApiResponse getAvailableRoleIds() {
        return harness.command("GetAvailableRoleIds");
    }

    /**
     * Show role IDs of roles assigned to a user ({@code GetUserRoleIds}). For more information on each
     * role, provide the role ID to {@link #getRoles(List)}.
     *
     * @param userUuid ID of a user. Find a user's ID from {@code /users/entities/user/v1}.
     */
    public ApiResponse getUserRoleIds(String userUuid) {
        return harness.command("GetUserRoleIds", Map.of("user_uuid", required(userUuid, "userUuid")));
    }

    /**
     * Get info about a user ({@code RetrieveUser}).
     *
     * @param ids ID of a user. Find a user's ID from {@code /users/entities/user/v1}.
     */
    public ApiResponse retrieveUser(List<String> ids) {
        return harness.command("RetrieveUser", Map.of("ids", Objects.requireNonNull(ids, "ids")));
    }

    /** Get info about a user ({@code RetrieveUser}). */
    public ApiResponse retrieveUser(String... ids) {
        return retrieveUser(List.of(ids));
    }

    /**
     * Create a new user ({@code CreateUser}). After creating a user, assign one or more roles with
     * {@link #grantUserRoleIds(String, List)}.
     *
     * <p>{@code uid} (required) is the user's email address, which is their username in Falcon. If
     * single sign-on is enabled for your customer account, the password is ignored. If single sign-on is
     * not enabled, Falcon sends a user activation request to their email address when you create the
     * user with no password; the user should use the activation email to set their own password.
     */
    public ApiResponse createUser(NewUser user) {
        return harness.command("CreateUser", Map.of(), body("CreateUser", Objects.requireNonNull(user, "user").toBody()));
    }

    /**
     * Delete a user permanently ({@code DeleteUser}).
     *
     * @param userUuid ID of a user. Find a user's ID from {@code /users/entities/user/v1}.
     */
    public ApiResponse deleteUser(String userUuid) {
        return harness.command("DeleteUser", Map.of("user_uuid", required(userUuid, "userUuid")));
    }

    /**
     * Modify an existing user's first or last name ({@code UpdateUser}).
     *
     * @param userUuid ID of a user. Find a user's ID from {@code /users/entities/user/v1}.
     * @param update   the new names; all attributes are optional
     */
    public ApiResponse updateUser(String userUuid, UserUpdate update) {
        return harness.command("UpdateUser", Map.of("user_uuid", required(userUuid, "userUuid")),
                body("UpdateUser", Objects.requireNonNull(update, "update").toBody()));
    }

    /**
     * List the usernames (usually an email address) for all users in your customer account
     * ({@code RetrieveEmailsByCID}).
     */
    public ApiResponse retrieveEmailsByCid() {
        return harness.command("RetrieveEmailsByCID");
    }

    /**
     * List user IDs for all users in your customer account ({@code RetrieveUserUUIDsByCID}). For more
     * information on each user, provide the user ID to {@link #retrieveUser(List)}.
     */
    public ApiResponse retrieveUserUuidsByCid() {
        return harness.command("RetrieveUserUUIDsByCID");
    }

    /**
     * Get a user's ID by providing a username, usually an email address ({@code RetrieveUserUUID}).
     *
     * @param uids A username. This is usually the user's email address, but may vary based on your
     *             configuration.
     */
    public ApiResponse retrieveUserUuid(List<String> uids) {
        return harness.command("RetrieveUserUUID", Map.of("uid", Objects.requireNonNull(uids, "uids")));
    }

    /** Get a user's ID by providing a username, usually an email address ({@code RetrieveUserUUID}). */
    public ApiResponse retrieveUserUuid(String... uids) {
        return retrieveUserUuid(List.of(uids));
    }

    /**
     * {@code body}, checked against {@code operationId}'s schema when the manifest has one.
     *
     * @throws IllegalStateException if a field name or type this class writes is not the schema's
     */
    Map<String, Object> body(String operationId, Map<String, Object> body) {
        Operation op = harness.manifest().operation(operationId);
        Schema schema = op == null ? null : op.bodySchema().orElse(null);
        if (schema != null && !SchemaValidator.standard().isValid(schema, body)) {
            List<SchemaProblem> problems = SchemaValidator.standard().validate(schema, body, "body", operationId + "'s body");
            throw new IllegalStateException("UserManagement builds a " + operationId + " body the manifest's schema refuses"
                    + " (a bug in UserManagement, or a manifest from another API version): " + problems);
        }
        return body;
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return "UserManagement{" + harness + "}";
    }
}
