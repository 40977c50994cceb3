package dev.falconharness.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The attributes of a user to create with {@link UserManagement#createUser(NewUser)}. Immutable;
 * {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * new NewUser("ana@example.com", "Ana", "Lima")                  // Falcon emails an activation link
 * new NewUser("ana@example.com", "Ana", "Lima", initialPassword) // ignored when single sign-on is on
 * }</pre>
 *
 * @param uid       required: the user's email address, which is their username in Falcon
 * @param firstName the first name, or null
 * @param lastName  the last name, or null
 * @param password  an initial password, or null (the recommended choice: the user sets their own from
 *                  the activation email)
 */
public record NewUser(String uid, String firstName, String lastName, String password) {

    public NewUser {
        Objects.requireNonNull(uid, "uid");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("uid is empty: give the user's email address");
        }
    }

    /** A user without a password. */
    public NewUser(String uid, String firstName, String lastName) {
        this(uid, firstName, lastName, null);
    }

    /** The {@code CreateUser} body: {@code uid}, {@code firstName}, {@code lastName}, {@code password}; nulls left out. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uid", uid);
        putIfPresent(body, "firstName", firstName);
        putIfPresent(body, "lastName", lastName);
        putIfPresent(body, "password", password);
        return body;
    }

    static void putIfPresent(Map<String, Object> body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "NewUser{uid=" + uid + ", firstName=" + firstName + ", lastName=" + lastName
                + (password != null ? ", password=[redacted]" : "") + "}";
    }
}
