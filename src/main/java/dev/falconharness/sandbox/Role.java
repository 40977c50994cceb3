package dev.falconharness.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A role of the catalogue: an ID such as {@code falcon_admin}, a display name and a description.
 *
 * @param id          the role ID
 * @param displayName the name the console shows
 * @param description what the role allows
 */
record Role(String id, String displayName, String description) {

    /** The shape of {@code GetRoles} and {@code entitiesRolesV1}. */
    Map<String, Object> json(String cid) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("cid", cid);
        json.put("display_name", displayName);
        json.put("description", description);
        json.put("is_global", false);
        return json;
    }
}
