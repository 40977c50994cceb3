package dev.falconharness.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sandbox's starting state: customer ID, role catalogue, users and their roles, and the fleet's seeded
 * hosts and host groups; built in, or read from a seed file (the format is documented on
 * {@link FalconSandbox.Builder#seed(Path)}). Reading reports every problem of a file at once, each with its
 * JSON path. Immutable.
 *
 * @param cid    the customer ID
 * @param roles  the role catalogue, in order
 * @param users  the users, in order
 * @param grants role IDs by user UUID
 * @param fleet  the seeded hosts and groups ({@link FleetSeed#GENERATED} when the file has none)
 */
record SeedData(String cid, List<Role> roles, List<StoredUser> users, Map<String, List<String>> grants, FleetSeed fleet) {
    private static final Set<String> TOP_LEVEL = Set.of("cid", "roles", "users", "hosts", "host_groups", "indicators",
            "alerts");
    private static final Set<String> USER_FIELDS = Set.of("uuid", "uid", "first_name", "last_name", "created_at",
            "last_login_at", "roles");
    private static final Set<String> ROLE_FIELDS = Set.of("id", "display_name", "description");

    SeedData {
        roles = List.copyOf(roles);
        users = List.copyOf(users);
        grants = Map.copyOf(grants);
    }

    /** The built-in state: {@link DefaultCatalogue#ROLES}, one administrator and a generated fleet. */
    static SeedData defaults() {
        StoredUser admin = new StoredUser(DefaultCatalogue.ADMIN_UUID, DefaultCatalogue.ADMIN_UID, "Sandbox", "Admin",
                FalconSandbox.CUSTOMER_ID, Instant.parse("2024-01-01T00:00:00Z"), null);
        return new SeedData(FalconSandbox.CUSTOMER_ID, DefaultCatalogue.ROLES, List.of(admin),
                Map.of(admin.uuid(), List.of("falcon_admin")), FleetSeed.GENERATED);
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
        SeedProblems problems = new SeedProblems();
        SeedData data = new Reader(problems).read(root);
        SeedProblems.refuse(n -> "sandbox seed file " + file + " has " + n + " problem(s)", problems.list());
        return data;
    }

    /** Reads the tree, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final SeedProblems problems;

        Reader(SeedProblems problems) {
            this.problems = problems;
        }

        SeedData read(JsonNode root) {
            if (root == null || !root.isObject()) {
                problems.add("$: expected a JSON object with \"cid\", \"roles\" and \"users\"");
                return defaults();
            }
            problems.fields(root, TOP_LEVEL, "$");
            SeedData base = defaults();
            String cid = root.has("cid") ? problems.text(root, "cid", "$", true) : base.cid();
            List<Role> roles = root.has("roles") ? roles(root.get("roles")) : base.roles();
            FleetSeed fleet = FleetSeed.read(root, problems);
            if (!root.has("users")) {
                return withDefaultAdmin(cid, roles, fleet);
            }
            Map<String, List<String>> grants = new LinkedHashMap<>();
            List<StoredUser> users = users(root.get("users"), cid, roles, grants);
            return new SeedData(cid, roles, users, grants, fleet);
        }

        /** The built-in administrator, keeping only the grants the catalogue still has. */
        private static SeedData withDefaultAdmin(String cid, List<Role> roles, FleetSeed fleet) {
            StoredUser admin = defaults().users().get(0);
            List<String> kept = roles.stream().map(Role::id).filter("falcon_admin"::equals).toList();
            return new SeedData(cid, roles, List.of(new StoredUser(admin.uuid(), admin.uid(), admin.firstName(),
                    admin.lastName(), cid, admin.createdAt(), null)), Map.of(admin.uuid(), kept), fleet);
        }

        private List<Role> roles(JsonNode node) {
            List<Role> roles = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            JsonNode list = problems.array(node, "$.roles");
            for (int i = 0; i < list.size(); i++) {
                String where = "$.roles[" + i + "]";
                JsonNode role = list.get(i);
                problems.fields(role, ROLE_FIELDS, where);
                String id = problems.text(role, "id", where, true);
                if (id != null && !ids.add(id)) {
                    problems.add(where + ".id: role \"" + id + "\" is defined twice");
                }
                roles.add(new Role(id, problems.text(role, "display_name", where, false),
                        problems.text(role, "description", where, false)));
            }
            return roles;
        }

        private List<StoredUser> users(JsonNode node, String cid, List<Role> roles, Map<String, List<String>> grants) {
            Set<String> roleIds = new HashSet<>();
            roles.forEach(r -> roleIds.add(r.id()));
            Set<String> uids = new HashSet<>();
            Set<String> uuids = new HashSet<>();
            List<StoredUser> users = new ArrayList<>();
            JsonNode list = problems.array(node, "$.users");
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
            problems.fields(user, USER_FIELDS, where);
            String uuid = user.has("uuid") ? problems.text(user, "uuid", where, true) : UUID.randomUUID().toString();
            Instant created = problems.instant(user, "created_at", where);
            return new StoredUser(uuid == null ? UUID.randomUUID().toString() : uuid, problems.text(user, "uid", where, true),
                    problems.text(user, "first_name", where, false), problems.text(user, "last_name", where, false), cid,
                    created == null ? Instant.parse("2024-01-01T00:00:00Z") : created,
                    problems.instant(user, "last_login_at", where));
        }

        private List<String> userRoles(JsonNode node, String where, Set<String> known) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            JsonNode list = problems.array(node, where + ".roles");
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
    }
}
