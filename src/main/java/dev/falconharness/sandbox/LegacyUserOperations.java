package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The twelve User Management operations of the seed ({@code /users/...} and {@code /user-roles/...}),
 * answered from the {@link UserStore}. Users come back in the legacy shape ({@code customer},
 * {@code firstName}, {@code lastName}). Thread-safe (the store is).
 */
final class LegacyUserOperations {
    private static final String USER_UUID = "the user's ID (find it with RetrieveUserUUID)";

    private final UserStore store;

    LegacyUserOperations(UserStore store) {
        this.store = store;
    }

    /** Handlers by operation ID. */
    Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("GetRoles", this::getRoles);
        handlers.put("GrantUserRoleIds", this::grantUserRoleIds);
        handlers.put("RevokeUserRoleIds", this::revokeUserRoleIds);
        handlers.put("GetAvailableRoleIds", r -> Reply.ok(store.roles().stream().map(Role::id).toList()));
        handlers.put("GetUserRoleIds", r -> Reply.ok(store.roleIdsOf(r.requireQuery("user_uuid", USER_UUID))));
        handlers.put("RetrieveUser", this::retrieveUser);
        handlers.put("CreateUser", this::createUser);
        handlers.put("DeleteUser", this::deleteUser);
        handlers.put("UpdateUser", this::updateUser);
        handlers.put("RetrieveEmailsByCID", r -> Reply.ok(store.users().stream().map(StoredUser::uid).toList()));
        handlers.put("RetrieveUserUUIDsByCID", r -> Reply.ok(store.users().stream().map(StoredUser::uuid).toList()));
        handlers.put("RetrieveUserUUID", this::retrieveUserUuid);
        return handlers;
    }

    private Reply getRoles(SandboxRequest request) {
        List<String> ids = request.requireQueryList("ids", "role IDs, e.g. ids=falcon_admin");
        return lookup(ids, id -> store.role(id).map(role -> role.json(store.cid())), "role");
    }

    private Reply grantUserRoleIds(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        JsonNode body = request.jsonObject("{\"roleIds\": [\"falcon_console_guest\"]}");
        List<String> roleIds = Bodies.requireStrings(body, "{\"roleIds\": [\"falcon_console_guest\"]}",
                "roleIds", "role_ids");
        return Reply.ok(store.grant(uuid, roleIds)).withAffected(roleIds.size());
    }

    private Reply revokeUserRoleIds(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        List<String> roleIds = request.requireQueryList("ids", "the role IDs to revoke");
        return Reply.ok(store.revoke(uuid, roleIds)).withAffected(roleIds.size());
    }

    private Reply retrieveUser(SandboxRequest request) {
        List<String> ids = request.requireQueryList("ids", "user IDs, e.g. from RetrieveUserUUIDsByCID");
        return lookup(ids, id -> store.user(id).map(StoredUser::legacyJson), "user");
    }

    private Reply createUser(SandboxRequest request) {
        JsonNode body = request.jsonObject("{\"uid\": \"ana@example.com\", \"firstName\": \"Ana\", \"lastName\": \"Lima\"}");
        StoredUser user = store.create(Bodies.text(body, "uid"), Bodies.text(body, "firstName", "first_name"),
                Bodies.text(body, "lastName", "last_name"));
        return Reply.created(List.of(user.legacyJson())).withAffected(1);
    }

    private Reply deleteUser(SandboxRequest request) {
        store.delete(request.requireQuery("user_uuid", USER_UUID));
        return Reply.ok(List.of()).withAffected(1);
    }

    private Reply updateUser(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        JsonNode body = request.jsonObject("{\"firstName\": \"Ana\", \"lastName\": \"Lima\"}");
        StoredUser user = rename(store, uuid, body);
        return Reply.ok(List.of(user.legacyJson())).withAffected(1);
    }

    /** Renames from {@code firstName}/{@code lastName} (or snake_case); 400 when the body names neither. */
    static StoredUser rename(UserStore store, String uuid, JsonNode body) {
        String first = Bodies.text(body, "firstName", "first_name");
        String last = Bodies.text(body, "lastName", "last_name");
        if (first == null && last == null) {
            throw SandboxError.badRequest("nothing to update: give firstName and/or lastName");
        }
        return store.rename(uuid, first, last);
    }

    private Reply retrieveUserUuid(SandboxRequest request) {
        List<String> uids = request.requireQueryList("uid", "usernames (email addresses), e.g. uid=ana@example.com");
        return lookup(uids, uid -> store.userByUid(uid).map(StoredUser::uuid), "user");
    }

    /** Found resources plus a 404 error per missing ID; 404 overall only when none was found. */
    static Reply lookup(List<String> ids, Function<String, Optional<?>> find, String what) {
        List<Object> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            find.apply(id).ifPresentOrElse(found::add, () -> missing.add(id));
        }
        return Reply.lookup(found, missing, what);
    }
}
