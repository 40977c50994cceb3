package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newer {@code /user-management/...} operations, on the same {@link UserStore} as the legacy ones:
 * querying users with FQL and paging, retrieving, creating, updating and deleting them, role queries and
 * lookups, grant and revoke actions, and the combined grant listing. Users come back in the
 * {@code cid}/{@code first_name} shape. Thread-safe (the store is).
 */
final class UserManagementV1Operations {
    private static final Set<String> USER_FIELDS = Set.of("uuid", "uid", "cid", "first_name", "last_name", "name",
            "status", "created_at", "last_login_at");
    private static final Set<String> GRANT_FIELDS = Set.of("cid", "user_uuid", "role_id", "role_name", "type",
            "expires_at");
    private static final String USER_UUID = "the user's ID (find it with queryUserV1)";

    private final UserStore store;

    UserManagementV1Operations(UserStore store) {
        this.store = store;
    }

    /** Handlers by operation ID. */
    Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("queryUserV1", this::queryUsers);
        handlers.put("retrieveUsersGETV1", this::retrieveUsers);
        handlers.put("createUserV1", this::createUser);
        handlers.put("updateUserV1", this::updateUser);
        handlers.put("deleteUserV1", this::deleteUser);
        handlers.put("queriesRolesV1", this::queryRoles);
        handlers.put("entitiesRolesV1", this::getRoles);
        handlers.put("entitiesRolesGETV2", this::getRolesByBody);
        handlers.put("userRolesActionV1", this::userRolesAction);
        handlers.put("combinedUserRolesV1", this::combinedUserRoles);
        handlers.put("CombinedUserRolesV2", this::combinedUserRoles);
        return handlers;
    }

    private Reply queryUsers(SandboxRequest request) {
        Paging paging = Paging.of(request, 100, 500);
        List<Map<String, String>> matches = new ArrayList<>();
        var filter = Fql.filter(request.query("filter"), USER_FIELDS);
        for (StoredUser user : store.users()) {
            if (filter.test(user.fields())) {
                matches.add(user.fields());
            }
        }
        matches.sort(Fql.sort(request.query("sort"), "uid|asc", USER_FIELDS));
        return paging.reply(matches.stream().map(m -> m.get("uuid")).toList());
    }

    private Reply retrieveUsers(SandboxRequest request) {
        JsonNode body = request.jsonObject("{\"ids\": [\"<user uuid>\"]}");
        List<String> ids = Bodies.requireStrings(body, "{\"ids\": [\"<user uuid>\"]}", "ids");
        return LegacyUserOperations.lookup(ids, id -> store.user(id).map(StoredUser::json), "user");
    }

    private Reply createUser(SandboxRequest request) {
        JsonNode body = request.jsonObject("{\"uid\": \"ana@example.com\", \"first_name\": \"Ana\", \"last_name\": \"Lima\"}");
        requireOwnCid(Bodies.text(body, "cid"));
        String uid = Bodies.text(body, "uid");
        if (request.bool("validate_only", false)) {
            store.validateNew(uid);
            return Reply.ok(List.of());
        }
        StoredUser user = store.create(uid, Bodies.text(body, "first_name", "firstName"),
                Bodies.text(body, "last_name", "lastName"));
        return Reply.created(List.of(user.json())).withAffected(1);
    }

    private Reply updateUser(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        JsonNode body = request.jsonObject("{\"first_name\": \"Ana\", \"last_name\": \"Lima\"}");
        StoredUser user = LegacyUserOperations.rename(store, uuid, body);
        return Reply.ok(List.of(user.json())).withAffected(1);
    }

    private Reply deleteUser(SandboxRequest request) {
        store.delete(request.requireQuery("user_uuid", USER_UUID));
        return Reply.ok(List.of()).withAffected(1);
    }

    /**
     * Without {@code user_uuid}: every role. With it, {@code action=grant} lists the roles the user could
     * still be granted and {@code action=revoke} the roles they hold.
     */
    private Reply queryRoles(SandboxRequest request) {
        requireOwnCid(request.query("cid"));
        List<String> all = store.roles().stream().map(Role::id).toList();
        String uuid = request.query("user_uuid");
        String action = request.query("action") == null ? "grant" : request.query("action");
        if (!action.equals("grant") && !action.equals("revoke")) {
            throw SandboxError.badRequest("query parameter 'action' must be grant or revoke, got \"" + action + "\"");
        }
        if (uuid == null) {
            return Reply.ok(all);
        }
        List<String> held = store.roleIdsOf(uuid);
        return Reply.ok(action.equals("revoke") ? held : all.stream().filter(id -> !held.contains(id)).toList());
    }

    private Reply getRoles(SandboxRequest request) {
        requireOwnCid(request.query("cid"));
        List<String> ids = request.requireQueryList("ids", "role IDs, e.g. ids=falcon_admin");
        return LegacyUserOperations.lookup(ids, id -> store.role(id).map(r -> r.json(store.cid())), "role");
    }

    private Reply getRolesByBody(SandboxRequest request) {
        requireOwnCid(request.query("cid"));
        JsonNode body = request.jsonObject("{\"ids\": [\"falcon_admin\"]}");
        List<String> ids = Bodies.requireStrings(body, "{\"ids\": [\"falcon_admin\"]}", "ids");
        return LegacyUserOperations.lookup(ids, id -> store.role(id).map(r -> r.json(store.cid())), "role");
    }

    private Reply userRolesAction(SandboxRequest request) {
        String example = "{\"uuid\": \"<user uuid>\", \"role_ids\": [\"falcon_console_guest\"], \"action\": \"grant\"}";
        JsonNode body = request.jsonObject(example);
        requireOwnCid(Bodies.text(body, "cid"));
        String uuid = Bodies.text(body, "uuid");
        String action = Bodies.text(body, "action");
        if (uuid == null || action == null) {
            throw SandboxError.badRequest("the body needs 'uuid', 'role_ids' and 'action' (grant or revoke), e.g. " + example);
        }
        List<String> roleIds = Bodies.requireStrings(body, example, "role_ids", "roleIds");
        switch (action) {
            case "grant" -> store.grant(uuid, roleIds);
            case "revoke" -> store.revoke(uuid, roleIds);
            default -> throw SandboxError.badRequest("'action' must be grant or revoke, got \"" + action + "\"");
        }
        return Reply.ok(List.of()).withAffected(roleIds.size());
    }

    private Reply combinedUserRoles(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        requireOwnCid(request.query("cid"));
        request.bool("direct_only", false);
        Paging paging = Paging.of(request, 100, 500);
        var filter = Fql.filter(request.query("filter"), GRANT_FIELDS);
        List<Map<String, String>> grants = new ArrayList<>();
        for (String roleId : store.roleIdsOf(uuid)) {
            Map<String, String> grant = grant(uuid, roleId);
            if (filter.test(grant)) {
                grants.add(grant);
            }
        }
        grants.sort(Fql.sort(request.query("sort"), "role_name|asc", GRANT_FIELDS));
        return paging.reply(grants.stream().map(UserManagementV1Operations::grantJson).toList());
    }

    /** Every grant in the sandbox is direct and permanent: no Flight Control, no expiry. */
    private Map<String, String> grant(String uuid, String roleId) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("cid", store.cid());
        grant.put("user_uuid", uuid);
        grant.put("role_id", roleId);
        grant.put("role_name", store.role(roleId).map(Role::displayName).orElse(roleId));
        grant.put("type", "direct");
        grant.put("expires_at", null);
        return grant;
    }

    private static Map<String, Object> grantJson(Map<String, String> grant) {
        Map<String, Object> json = new LinkedHashMap<>(grant);
        json.put("grant_type", json.remove("type"));
        return json;
    }

    /** The sandbox has one customer; naming another is refused as the API refuses a CID you cannot see. */
    private void requireOwnCid(String cid) {
        if (cid != null && !cid.isBlank() && !cid.strip().equalsIgnoreCase(store.cid())) {
            throw new SandboxError(403, "access denied for cid " + cid.strip() + ": this sandbox has one customer, "
                    + store.cid());
        }
    }
}
