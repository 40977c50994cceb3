package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The newer {@code /user-management/...} operations, on the same {@link UserStore} as the legacy ones:
 * querying users with FQL and paging, retrieving, creating, updating and deleting them, role queries and
 * lookups, grant and revoke actions (with an optional {@code expires_at}), and the combined grant listing.
 * Users come back in the {@code cid}/{@code first_name} shape, grants with the user's ID in {@code uuid};
 * bodies are read by the snake_case names only, as the API reads them. Thread-safe (the stores are).
 */
final class UserManagementV1Operations {
    private static final Set<String> USER_FIELDS = Set.of("uuid", "uid", "cid", "first_name", "last_name", "name",
            "status", "created_at", "last_login_at");
    private static final Set<String> GRANT_FIELDS = Set.of("cid", "uuid", "role_id", "role_name", "grant_type",
            "expires_at");
    /** RFC 3339: a full date, "T", a time with seconds, and Z or an offset. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final String USER_UUID = "the user's ID (find it with queryUserV1)";

    private final Tenants tenants;

    UserManagementV1Operations(Tenants tenants) {
        this.tenants = tenants;
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
        handlers.put("combinedUserRolesV1", r -> combinedUserRoles(r, false));
        handlers.put("CombinedUserRolesV2", r -> combinedUserRoles(r, true));
        return handlers;
    }

    private Reply queryUsers(SandboxRequest request) {
        Paging paging = Paging.of(request, 100, 500);
        List<Map<String, String>> matches = new ArrayList<>();
        var filter = Fql.filter(request.query("filter"), USER_FIELDS);
        for (StoredUser user : tenants.of(request).users()) {
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
        UserStore store = tenants.of(request);
        return LegacyUserOperations.lookup(ids, id -> store.user(id).map(StoredUser::json), "user");
    }

    private Reply createUser(SandboxRequest request) {
        JsonNode body = request.jsonObject("{\"uid\": \"ana@example.com\", \"first_name\": \"Ana\", \"last_name\": \"Lima\"}");
        UserStore store = tenants.of(request);
        requireOwnCid(store, Bodies.text(body, "cid"));
        String uid = Bodies.text(body, "uid");
        if (request.bool("validate_only", false)) {
            store.validateNew(uid);
            // The operation documents 201 only, for a check as for a creation.
            return Reply.created(List.of());
        }
        StoredUser user = store.create(uid, Bodies.text(body, "first_name"), Bodies.text(body, "last_name"));
        return Reply.created(List.of(user.json())).withAffected(1);
    }

    private Reply updateUser(SandboxRequest request) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        JsonNode body = request.jsonObject("{\"first_name\": \"Ana\", \"last_name\": \"Lima\"}");
        StoredUser user = LegacyUserOperations.rename(tenants.of(request), uuid, Bodies.text(body, "first_name"),
                Bodies.text(body, "last_name"), "first_name and/or last_name");
        return Reply.ok(List.of(user.json())).withAffected(1);
    }

    private Reply deleteUser(SandboxRequest request) {
        tenants.of(request).delete(request.requireQuery("user_uuid", USER_UUID));
        return Reply.ok(List.of()).withAffected(1);
    }

    /**
     * Without {@code user_uuid}: every role. With it, {@code action=grant} lists the roles the user could
     * still be granted and {@code action=revoke} the roles they hold.
     */
    private Reply queryRoles(SandboxRequest request) {
        UserStore store = tenants.of(request);
        requireOwnCid(store, request.query("cid"));
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
        UserStore store = tenants.of(request);
        requireOwnCid(store, request.query("cid"));
        List<String> ids = request.requireQueryList("ids", "role IDs, e.g. ids=falcon_admin");
        return LegacyUserOperations.lookup(ids, id -> store.role(id).map(r -> r.json(store.cid())), "role");
    }

    private Reply getRolesByBody(SandboxRequest request) {
        UserStore store = tenants.of(request);
        requireOwnCid(store, request.query("cid"));
        JsonNode body = request.jsonObject("{\"ids\": [\"falcon_admin\"]}");
        List<String> ids = Bodies.requireStrings(body, "{\"ids\": [\"falcon_admin\"]}", "ids");
        return LegacyUserOperations.lookup(ids, id -> store.role(id).map(r -> r.json(store.cid())), "role");
    }

    private Reply userRolesAction(SandboxRequest request) {
        String example = "{\"uuid\": \"<user uuid>\", \"role_ids\": [\"falcon_console_guest\"], \"action\": \"grant\"}";
        JsonNode body = request.jsonObject(example);
        UserStore store = tenants.of(request);
        requireOwnCid(store, Bodies.text(body, "cid"));
        String uuid = Bodies.text(body, "uuid");
        String action = Bodies.text(body, "action");
        if (uuid == null || action == null) {
            throw SandboxError.badRequest("the body needs 'uuid', 'role_ids' and 'action' (grant or revoke), e.g. " + example);
        }
        List<String> roleIds = Bodies.requireStrings(body, example, "role_ids");
        Instant expiresAt = expiresAt(Bodies.text(body, "expires_at"));
        switch (action) {
            case "grant" -> store.grant(uuid, roleIds, expiresAt);
            case "revoke" -> store.revoke(uuid, roleIds);
            default -> throw SandboxError.badRequest("'action' must be grant or revoke, got \"" + action + "\"");
        }
        return Reply.ok(List.of()).withAffected(roleIds.size());
    }

    /** An RFC 3339 time in the future, or null for none; 400 otherwise, naming the field. */
    private Instant expiresAt(String text) {
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            if (!RFC_3339.matcher(text).matches()) {
                throw new DateTimeParseException("not RFC 3339", text, 0);
            }
            at = OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw SandboxError.badRequest("body field 'expires_at' must be an RFC 3339 date and time, e.g. "
                    + "2030-01-31T18:00:00Z, got \"" + text + "\"");
        }
        return at;
    }

    /** V1 and V2 list the same grants; only V2's resource has {@code expires_at}. */
    private Reply combinedUserRoles(SandboxRequest request, boolean withExpiry) {
        String uuid = request.requireQuery("user_uuid", USER_UUID);
        UserStore store = tenants.of(request);
        requireOwnCid(store, request.query("cid"));
        request.bool("direct_only", false);
        Paging paging = Paging.of(request, 100, 500);
        var filter = Fql.filter(request.query("filter"), GRANT_FIELDS);
        List<Map<String, String>> grants = new ArrayList<>();
        for (UserStore.Grant held : store.grantsOf(uuid)) {
            Map<String, String> grant = grant(store, uuid, held);
            if (filter.test(grant)) {
                grants.add(grant);
            }
        }
        grants.sort(Fql.sort(request.query("sort"), "role_name|asc", GRANT_FIELDS));
        return paging.reply(grants.stream().map(g -> grantJson(g, withExpiry)).toList());
    }

    /** Every grant in the sandbox is direct (no Flight Control groups); it may expire. */
    private static Map<String, String> grant(UserStore store, String uuid, UserStore.Grant held) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("cid", store.cid());
        grant.put("uuid", uuid);
        grant.put("role_id", held.roleId());
        grant.put("role_name", store.role(held.roleId()).map(Role::displayName).orElse(held.roleId()));
        grant.put("grant_type", "direct");
        grant.put("expires_at", held.expiresAt() == null ? null : held.expiresAt().toString());
        return grant;
    }

    private static Map<String, Object> grantJson(Map<String, String> grant, boolean withExpiry) {
        Map<String, Object> json = new LinkedHashMap<>(grant);
        if (!withExpiry || json.get("expires_at") == null) {
            json.remove("expires_at");
        }
        return json;
    }

    /** A token sees one customer; naming another is refused as the API refuses a CID you cannot see. */
    private static void requireOwnCid(UserStore store, String cid) {
        if (cid != null && !cid.isBlank() && !cid.strip().equalsIgnoreCase(store.cid())) {
            throw new SandboxError(403, "access denied for cid " + cid.strip() + ": the token is for customer "
                    + store.cid());
        }
    }
}
