package dev.falconharness.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sandbox's starting state: customer ID, role catalogue, users and their roles; built in, or read
 * from a seed file (the format is documented on {@link FalconSandbox.Builder#seed(Path)}). Reading
 * reports every problem of a file at once, each with its JSON path. Immutable.
 *
 * @param cid    the customer ID
 * @param roles  the role catalogue, in order
 * @param users  the users, in order
 * @param grants role IDs by user UUID
 */
record SeedData(String cid, List<Role> roles, List<StoredUser> users, Map<String, List<String>> grants) {
    private static final Set<String> TOP_LEVEL = Set.of("cid", "roles", "users");
    private static final Set<String> USER_FIELDS = Set.of("uuid", "uid", "first_name", "last_name", "created_at",
            "last_login_at", "roles");
    private static final Set<String> ROLE_FIELDS = Set.of("id", "display_name", "description");

    SeedData {
        roles = List.copyOf(roles);
        users = List.copyOf(users);
        grants = Map.copyOf(grants);
    }

    /** The built-in state: {@link DefaultCatalogue#ROLES} and one administrator. */
    static SeedData defaults() {
        StoredUser admin = new StoredUser(DefaultCatalogue.ADMIN_UUID, DefaultCatalogue.ADMIN_UID, "Sandbox", "Admin",
                FalconSandbox.CUSTOMER_ID, Instant.parse("2024-01-01T00:00:00Z"), null);
        return new SeedData(FalconSandbox.CUSTOMER_ID, DefaultCatalogue.ROLES, List.of(admin),
                Map.of(admin.uuid(), List.of("falcon_admin")));
    }

    /**
     * Reads a seed file.
     *
     * @throws IllegalArgumentException listing every problem, each with its place in the file
     * @throws UncheckedIOException     if the file cannot be read
     */
    static SeedData load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sandbox seed file " + file + " is not valid JSON: "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox seed file " + file + ": " + e.getMessage(), e);
        }
        Reader reader = new Reader();
        SeedData data = reader.read(root);
        if (!reader.problems.isEmpty()) {
            throw new IllegalArgumentException("sandbox seed file " + file + " has " + reader.problems.size()
                    + " problem(s):\n  - " + String.join("\n  - ", reader.problems));
        }
        return data;
    }

    /** Reads the tree, collecting problems instead of stopping at the first. */
    private static final class Reader {
        final List<String> problems = new ArrayList<>();

        SeedData read(JsonNode root) {
            if (root == null || !root.isObject()) {
                problems.add("$: expected a JSON object with \"cid\", \"roles\" and \"users\"");
                return defaults();
            }
            unknownFields(root, TOP_LEVEL, "$");
            SeedData base = defaults();
            String cid = root.has("cid") ? text(root, "cid", "$", true) : base.cid();
            List<Role> roles = root.has("roles") ? roles(root.get("roles")) : base.roles();
            if (!root.has("users")) {
                return withDefaultAdmin(cid, roles);
            }
            Map<String, List<String>> grants = new LinkedHashMap<>();
            List<StoredUser> users = users(root.get("users"), cid, roles, grants);
            return new SeedData(cid, roles, users, grants);
        }

        /** The built-in administrator, keeping only the grants the catalogue still has. */
        private static SeedData withDefaultAdmin(String cid, List<Role> roles) {
            StoredUser admin = defaults().users().get(0);
            List<String> kept = roles.stream().map(Role::id).filter("falcon_admin"::equals).toList();
            return new SeedData(cid, roles, List.of(new StoredUser(admin.uuid(), admin.uid(), admin.firstName(),
                    admin.lastName(), cid, admin.createdAt(), null)), Map.of(admin.uuid(), kept));
        }

        private List<Role> roles(JsonNode node) {
            List<Role> roles = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            JsonNode list = array(node, "$.roles");
            for (int i = 0; i < list.size(); i++) {
                String where = "$.roles[" + i + "]";
                JsonNode role = list.get(i);
                unknownFields(role, ROLE_FIELDS, where);
                String id = text(role, "id", where, true);
                if (id != null && !ids.add(id)) {
                    problems.add(where + ".id: role \"" + id + "\" is defined twice");
                }
                roles.add(new Role(id, text(role, "display_name", where, false), text(role, "description", where, false)));
            }
            return roles;
        }

        private List<StoredUser> users(JsonNode node, String cid, List<Role> roles, Map<String, List<String>> grants) {
            Set<String> roleIds = new HashSet<>();
            roles.forEach(r -> roleIds.add(r.id()));
            Set<String> uids = new HashSet<>();
            Set<String> uuids = new HashSet<>();
            List<StoredUser> users = new ArrayList<>();
            JsonNode list = array(node, "$.users");
            for (int i = 0; i < list.size(); i++) {
                String where = "$.users[" + i + "]";
                StoredUser user = user(list.get(i), where, cid);
                if (user.uid() != null && !uids.add(user.uid().toLowerCase(Locale.ROOT))) {
                    problems.add(where + ".uid: \"" + user.uid() + "\" is used by an earlier user");
                }
                if (!uuids.add(user.uuid())) {
                    problems.add(where + ".uuid: \"" + user.uuid() + "\" is used by an earlier user");
                }
                grants.put(user.uuid(), userRoles(list.get(i).path("roles"), where, roleIds));
                users.add(user);
            }
            return users;
        }

        private StoredUser user(JsonNode user, String where, String cid) {
            unknownFields(user, USER_FIELDS, where);
            String uuid = user.has("uuid") ? text(user, "uuid", where, true) : UUID.randomUUID().toString();
            Instant created = instant(user, "created_at", where);
            return new StoredUser(uuid == null ? UUID.randomUUID().toString() : uuid, text(user, "uid", where, true),
                    text(user, "first_name", where, false), text(user, "last_name", where, false), cid,
                    created == null ? Instant.parse("2024-01-01T00:00:00Z") : created,
                    instant(user, "last_login_at", where));
        }

        private List<String> userRoles(JsonNode node, String where, Set<String> known) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            JsonNode list = array(node, where + ".roles");
            for (int i = 0; i < list.size(); i++) {
                String id = list.get(i).asText();
                if (!list.get(i).isTextual() || !known.contains(id)) {
                    problems.add(where + ".roles[" + i + "]: unknown role " + list.get(i) + "; the catalogue has "
                            + String.join(", ", known.stream().sorted().toList()));
                } else if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }

        private JsonNode array(JsonNode node, String where) {
            if (!node.isArray()) {
                problems.add(where + ": expected an array");
                return new ObjectMapper().createArrayNode();
            }
            return node;
        }

        private void unknownFields(JsonNode node, Set<String> allowed, String where) {
            if (!node.isObject()) {
                problems.add(where + ": expected an object");
                return;
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!allowed.contains(name)) {
                    problems.add(where + "." + name + ": unknown field; allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            });
        }

        private String text(JsonNode node, String field, String where, boolean required) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                if (required) {
                    problems.add(where + "." + field + ": required");
                }
                return null;
            }
            if (!value.isTextual() || (required && value.asText().isBlank())) {
                problems.add(where + "." + field + ": expected a non-empty string, got " + value);
                return null;
            }
            return value.asText();
        }

        private Instant instant(JsonNode node, String field, String where) {
            String text = text(node, field, where, false);
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(where + "." + field + ": expected an ISO-8601 instant such as 2024-05-01T12:00:00Z, got \""
                        + text + "\"");
                return null;
            }
        }
    }
}
