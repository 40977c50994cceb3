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
 * answered from the {@link UserStore} of the token's customer. Users come back in the legacy shape
 * ({@code customer}, {@code firstName}, {@code lastName}); bodies are read by the legacy names only
 * ({@code firstName}, {@code roleIds}), as the API reads them. Thread-safe (the stores are).
 */
final class LegacyUserOperations {
    private static final String USER_UUID = "the user's ID (find it with RetrieveUserUUID)";

    private final Tenants tenants;

    LegacyUserOperations(Tenants tenants) {
        this.tenants = tenants;
    }

    /** Handlers by operation ID. */
    Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("GetRoles", this::getRoles);
        handlers.put("GrantUserRoleIds", this::grantUserRoleIds);
        handlers.put("RevokeUserRoleIds", this::revokeUserRoleIds);
        handlers.put("GetAvailableRoleIds", r -> Reply.ok(tenants.of(r).roles().stream().map(Role::id).toList()));
        handlers.put("GetUserRoleIds", r -> Reply.ok(tenants.of(r).roleIdsOf(r.requireQuery("user_uuid", USER_UUID))));
        handlers.put("RetrieveUser", this::retrieveUser);
        handlers.put("CreateUser", this::createUser);
        handlers.put("DeleteUser", this::deleteUser);
        handlers.put("UpdateUser", this::updateUser);
        handlers.put("RetrieveEmailsByCID", r -> Reply.ok(tenants.of(r).users().stream().map(StoredUser::uid).toList()));
        handlers.put("RetrieveUserUUIDsByCID",
                r -> Reply.ok(tenants.of(r).users().stream().map(StoredUser::uuid).toList()));
        handlers.put("RetrieveUserUUID", this::retrieveUserUuid);
        return handlers;
    }

    private Reply getRoles(SandboxRequest request) {
        UserStore store = tenants.of(request);
        List<String> ids = request.requireQueryList("ids", "role IDs, e.g. ids=falcon_admin");
        return lookup(ids, id -> store.role(id).map(role -> role.json(store.cid())), "role");
    }

    private Reply grantUserRoleIds(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        String example = "{\"roleIds\": [\"falcon_console_guest\"]}";
        List<String> roleIds = Bodies.requireStrings(request.jsonObject(example), example, "roleIds");
        return Reply.ok(tenants.of(request).grant(uuid, roleIds)).withAffected(roleIds.size());
    }

    private Reply revokeUserRoleIds(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        List<String> roleIds = request.requireQueryList("ids", "the role IDs to revoke");
        return Reply.ok(tenants.of(request).revoke(uuid, roleIds)).withAffected(roleIds.size());
    }

    private Reply retrieveUser(SandboxRequest request) {
        UserStore store = tenants.of(request);
        List<String> ids = request.requireQueryList("ids", "user IDs, e.g. from RetrieveUserUUIDsByCID");
        return lookup(ids, id -> store.user(id).map(StoredUser::legacyJson), "user");
    }

    private Reply createUser(SandboxRequest request) {
        JsonNode body = request.jsonObject("{\"uid\": \"ana@example.com\", \"firstName\": \"Ana\", \"lastName\": \"Lima\"}");
        StoredUser user = tenants.of(request).create(Bodies.text(body, "uid"), Bodies.text(body, "firstName"),
                Bodies.text(body, "lastName"));
        return Reply.created(List.of(user.legacyJson())).withAffected(1);
    }

    private Reply deleteUser(SandboxRequest request) {
        tenants.of(request).delete(request.requireQuery("user_uuid", USER_UUID));
        return Reply.ok(List.of()).withAffected(1);
    }

    private Reply updateUser(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        JsonNode body = request.jsonObject("{\"firstName\": \"Ana\", \"lastName\": \"Lima\"}");
        StoredUser user = rename(tenants.of(request), uuid, Bodies.text(body, "firstName"),
                Bodies.text(body, "lastName"), "firstName and/or lastName");
        return Reply.ok(List.of(user.legacyJson())).withAffected(1);
    }

    /** Renames; 400 when the body names neither field ({@code fields} says which the operation takes). */
    static StoredUser rename(UserStore store, String uuid, String first, String last, String fields) {
        if (first == null && last == null) {
            throw SandboxError.badRequest("nothing to update: give " + fields);
        }
        return store.rename(uuid, first, last);
    }

    private Reply retrieveUserUuid(SandboxRequest request) {
        UserStore store = tenants.of(request);
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
