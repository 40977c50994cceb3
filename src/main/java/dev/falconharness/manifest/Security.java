package dev.falconharness.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A manifest's named authentication schemes and the requirement operations follow unless they state
 * their own (manifest format 2 {@code securitySchemes} and {@code security}, after OpenAPI's). Immutable.
 *
 * <pre>{@code
 * "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
 *                     "oauth": {"type": "oauth2ClientCredentials", "tokenUrl": "/oauth/token"}},
 * "security": [["apiKey"], ["oauth"]]                  // either scheme will do
 * ...  {"id": "getHealth", ..., "security": []}         // no credentials for this one
 * }</pre>
 *
 * <p>A requirement is a list of alternatives; each alternative is a set of scheme names that are all
 * applied together. An empty list means "no credentials". A manifest with only the older single
 * {@code auth} block has no named schemes ({@link #NONE}) and the harness applies that block to every
 * operation.
 *
 * @param schemes     the named schemes, in manifest order
 * @param requirement the default requirement, or null when the manifest states none (every operation
 *                    then needs one of the schemes, the first alternative being the first scheme)
 */
public record Security(Map<String, AuthSpec> schemes, List<Set<String>> requirement) {
    /** No named schemes: the manifest uses its {@code auth} block, if any. */
    public static final Security NONE = new Security(Map.of(), null);

    public Security {
        schemes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(schemes, "schemes")));
        requirement = requirement == null ? null : copy(requirement);
    }

    /** True when the manifest names schemes, so requests are signed per operation. */
    public boolean perOperation() {
        return !schemes.isEmpty();
    }

    /**
     * What {@code op} needs: its own requirement, else the manifest's, else any one of the schemes, each
     * alone, in manifest order.
     */
    public List<Set<String>> requirementOf(Operation op) {
        if (op != null && op.security() != null) {
            return op.security();
        }
        if (requirement != null) {
            return requirement;
        }
        List<Set<String>> any = new ArrayList<>();
        schemes.keySet().forEach(name -> any.add(Set.of(name)));
        return any;
    }

    static List<Set<String>> copy(List<Set<String>> requirement) {
        List<Set<String>> copy = new ArrayList<>();
        requirement.forEach(alternative -> copy.add(Collections.unmodifiableSet(new LinkedHashSet<>(alternative))));
        return Collections.unmodifiableList(copy);
    }
}
