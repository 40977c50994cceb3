package dev.falconharness.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New names for {@link UserManagement#updateUser(String, UserUpdate)}; a null name is left as it is.
 * Immutable.
 *
 * <pre>{@code
 * new UserUpdate("Ana", "Lima-Souza")
 * UserUpdate.lastName("Lima-Souza")
 * }</pre>
 *
 * @param firstName the new first name, or null to keep it
 * @param lastName  the new last name, or null to keep it
 */
public record UserUpdate(String firstName, String lastName) {

    public UserUpdate {
        if (firstName == null && lastName == null) {
            throw new IllegalArgumentException("nothing to update: give a first name, a last name or both");
        }
    }

    public static UserUpdate firstName(String firstName) {
        return new UserUpdate(firstName, null);
    }

    public static UserUpdate lastName(String lastName) {
        return new UserUpdate(null, lastName);
    }

    /** The {@code UpdateUser} body: {@code firstName} and {@code lastName}, nulls left out. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        NewUser.putIfPresent(body, "firstName", firstName);
        NewUser.putIfPresent(body, "lastName", lastName);
        return body;
    }
}
