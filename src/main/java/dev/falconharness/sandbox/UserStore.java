package dev.falconharness.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The User Management data: users, the role catalogue and grants, in memory. Every operation holds a
 * read or write lock, so checks and changes (a uid's uniqueness and the create it guards) are atomic.
 * Refusals are {@link SandboxError}s with the status and message the API would give. Thread-safe.
 */
final class UserStore {
    /** Something@something.tld, no spaces: what the API takes as a username. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final SeedData initial;
    private final Clock clock;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, StoredUser> users = new LinkedHashMap<>();
    private final Map<String, String> uuidByUid = new HashMap<>();
    /** Per user: role ID to when the grant expires (null: never), in grant order. */
    private final Map<String, Map<String, Instant>> grants = new HashMap<>();

    /** One role a user holds, and until when (null: no expiry). */
    record Grant(String roleId, Instant expiresAt) {
    }

    UserStore(SeedData initial, Clock clock) {
        this.initial = initial;
        this.clock = clock;
        initial.roles().forEach(r -> roles.put(r.id(), r));
        reset();
    }

    /** Back to the seeded users and grants. */
    void reset() {
        write(() -> {
            users.clear();
            uuidByUid.clear();
            grants.clear();
            for (StoredUser user : initial.users()) {
                put(user);
                Map<String, Instant> held = new LinkedHashMap<>();
                initial.grants().getOrDefault(user.uuid(), List.of()).forEach(role -> held.put(role, null));
                grants.put(user.uuid(), held);
            }
            return null;
        });
    }

    String cid() {
        return initial.cid();
    }

    /** Creates a user, or refuses with 400 (a uid that is not an email address, or is taken). */
    StoredUser create(String uid, String firstName, String lastName) {
        String username = validUid(uid);
        return write(() -> {
            requireFreeUid(username);
            StoredUser user = new StoredUser(UUID.randomUUID().toString(), username, firstName, lastName, cid(),
                    clock.instant(), null);
            put(user);
            grants.put(user.uuid(), new LinkedHashMap<>());
            return user;
        });
    }

    /** Checks what {@link #create} would check, without creating (for {@code validate_only}). */
    void validateNew(String uid) {
        String username = validUid(uid);
        read(() -> {
            requireFreeUid(username);
            return null;
        });
    }

    /** Renames a user; a null name is left as it was. */
    StoredUser rename(String uuid, String firstName, String lastName) {
        return write(() -> {
            StoredUser user = require(uuid);
            StoredUser renamed = user.withNames(firstName != null ? firstName : user.firstName(),
                    lastName != null ? lastName : user.lastName());
            users.put(uuid, renamed);
            return renamed;
        });
    }

    void delete(String uuid) {
        write(() -> {
            StoredUser user = require(uuid);
            users.remove(uuid);
            uuidByUid.remove(key(user.uid()));
            grants.remove(uuid);
            return null;
        });
    }

    Optional<StoredUser> user(String uuid) {
        return read(() -> Optional.ofNullable(users.get(uuid)));
    }

    Optional<StoredUser> userByUid(String uid) {
        return read(() -> Optional.ofNullable(uuidByUid.get(key(uid))).map(users::get));
    }

    /** Every user, in creation order. */
    List<StoredUser> users() {
        return read(() -> List.copyOf(users.values()));
    }

    List<Role> roles() {
        return List.copyOf(roles.values());
    }

    Optional<Role> role(String id) {
        return Optional.ofNullable(roles.get(id));
    }

    /** The role IDs a user holds now (expired grants left out), in grant order; 404 for an unknown user. */
    List<String> roleIdsOf(String uuid) {
        return grantsOf(uuid).stream().map(Grant::roleId).toList();
    }

    /** The grants a user holds now (expired ones left out), in grant order; 404 for an unknown user. */
    List<Grant> grantsOf(String uuid) {
        return read(() -> {
            require(uuid);
            return current(uuid);
        });
    }

    private List<Grant> current(String uuid) {
        Instant now = clock.instant();
        return grants.get(uuid).entrySet().stream()
                .filter(e -> e.getValue() == null || now.isBefore(e.getValue()))
                .map(e -> new Grant(e.getKey(), e.getValue())).toList();
    }

    /** Grants roles for good; returns the user's role IDs afterwards. 404 for the user, 400 for unknown roles. */
    List<String> grant(String uuid, Collection<String> roleIds) {
        return grant(uuid, roleIds, null);
    }

    /**
     * Grants roles until {@code expiresAt} (null: for good), replacing the expiry of roles already held;
     * returns the user's role IDs afterwards. 404 for the user, 400 for unknown roles.
     */
    List<String> grant(String uuid, Collection<String> roleIds, Instant expiresAt) {
        requireKnownRoles(roleIds);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw SandboxError.badRequest("body field 'expires_at' must be in the future, got " + expiresAt);
        }
        return write(() -> {
            require(uuid);
            roleIds.forEach(role -> grants.get(uuid).put(role, expiresAt));
            return current(uuid).stream().map(Grant::roleId).toList();
        });
    }

    /** Revokes roles (ones not granted are ignored); returns the user's role IDs afterwards. */
    List<String> revoke(String uuid, Collection<String> roleIds) {
        requireKnownRoles(roleIds);
        return write(() -> {
            require(uuid);
            grants.get(uuid).keySet().removeAll(roleIds);
            return current(uuid).stream().map(Grant::roleId).toList();
        });
    }

    private void requireKnownRoles(Collection<String> roleIds) {
        List<String> unknown = new ArrayList<>();
        for (String id : roleIds) {
            if (!roles.containsKey(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw SandboxError.badRequest("unknown role ID(s): " + String.join(", ", unknown)
                    + "; GetAvailableRoleIds lists the roles of this customer");
        }
    }

    private StoredUser require(String uuid) {
        StoredUser user = users.get(uuid);
        if (user == null) {
            throw SandboxError.notFound("user not found: " + uuid);
        }
        return user;
    }

    private void requireFreeUid(String uid) {
        String existing = uuidByUid.get(key(uid));
        if (existing != null) {
            // The API documents no 409 for this: a taken uid is a 400 like any other bad input.
            throw SandboxError.badRequest("a user with uid " + uid + " already exists (uuid " + existing + ")");
        }
    }

    private static String validUid(String uid) {
        if (uid == null || uid.isBlank()) {
            throw SandboxError.badRequest("uid is required: the user's email address, which is their username");
        }
        String username = uid.strip();
        if (username.length() > 256 || !EMAIL.matcher(username).matches()) {
            throw SandboxError.badRequest("uid \"" + username + "\" is not a valid username: it must be an email "
                    + "address, e.g. ana@example.com (at most 256 characters)");
        }
        return username;
    }

    private void put(StoredUser user) {
        users.put(user.uuid(), user);
        uuidByUid.put(key(user.uid()), user.uuid());
    }

    /** Usernames are email addresses: matched without regard to case. */
    private static String key(String uid) {
        return uid.toLowerCase(Locale.ROOT);
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
