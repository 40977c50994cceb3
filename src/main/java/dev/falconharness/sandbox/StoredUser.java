package dev.falconharness.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user account in the sandbox. Immutable; renaming makes a copy.
 *
 * @param uuid        the user's ID
 * @param uid         the username, usually an email address
 * @param firstName   the first name, or null
 * @param lastName    the last name, or null
 * @param cid         the customer ID the user belongs to
 * @param createdAt   when the user was created
 * @param lastLoginAt when the user last signed in, or null for never
 */
record StoredUser(String uuid, String uid, String firstName, String lastName, String cid, Instant createdAt,
        Instant lastLoginAt) {

    StoredUser withNames(String first, String last) {
        return new StoredUser(uuid, uid, first, last, cid, createdAt, lastLoginAt);
    }

    /** The legacy {@code /users/...} shape: {@code customer}, camelCase names. */
    Map<String, Object> legacyJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("uuid", uuid);
        json.put("uid", uid);
        json.put("customer", cid);
        json.put("firstName", firstName);
        json.put("lastName", lastName);
        json.put("status", "active");
        return json;
    }

    /** The {@code /user-management/...} shape: {@code cid}, snake_case names, timestamps. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("uuid", uuid);
        json.put("uid", uid);
        json.put("cid", cid);
        json.put("first_name", firstName);
        json.put("last_name", lastName);
        json.put("status", "active");
        json.put("created_at", createdAt.toString());
        json.put("last_login_at", lastLoginAt == null ? null : lastLoginAt.toString());
        return json;
    }

    /** Field values for filters and sorting, by their FQL names. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("uuid", uuid);
        fields.put("uid", uid);
        fields.put("cid", cid);
        fields.put("first_name", firstName);
        fields.put("last_name", lastName);
        fields.put("name", ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip());
        fields.put("status", "active");
        fields.put("created_at", createdAt.toString());
        fields.put("last_login_at", lastLoginAt == null ? null : lastLoginAt.toString());
        return fields;
    }
}
