package dev.falconharness.sandbox;

import dev.falconharness.manifest.Manifest;
import dev.falconharness.manifest.Suggestions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Wires the built-in manifest's operations to the sandbox's handlers and contracts. */
final class SandboxRoutes {
    private static final Set<String> OPEN_OPERATIONS = Set.of("oauth2AccessToken", "oauth2RevokeToken");

    private SandboxRoutes() {
    }

    /** The route table of the built-in manifest, modelled operations on these tenants. */
    static RouteTable compile(Tenants tenants, Fleets fleets, OAuthEndpoints oauth) {
        Map<String, Handler> handlers = handlers(tenants, oauth);
        Map<String, Handler> fleet = FleetOperations.handlers(fleets);
        handlers.putAll(fleet);
        GeneratedCollections generated = GeneratedCollections.of(Manifest.falcon());
        return RouteTable.compile(Manifest.falcon(), ops -> ops.stream().map(op -> handlers.get(op.id()))
                .filter(Objects::nonNull).findFirst().orElseGet(() -> GenericOperations.handler(ops, generated)),
                OPEN_OPERATIONS, new ManifestContracts(Manifest.falcon(), new UserManagementContracts(), fleet.keySet()));
    }

    /** The modelled operations by ID; every other manifest operation gets a generated answer. */
    static Map<String, Handler> handlers(Tenants tenants, OAuthEndpoints oauth) {
        Map<String, Handler> handlers = new HashMap<>();
        handlers.putAll(new LegacyUserOperations(tenants).handlers());
        handlers.putAll(new UserManagementV1Operations(tenants).handlers());
        handlers.put("oauth2AccessToken", oauth::token);
        handlers.put("oauth2RevokeToken", oauth::revoke);
        return handlers;
    }

    /** A typo in a fault's operation ID would silently never fire; refuse it with the closest IDs. */
    static void checkOperations(List<Fault> list) {
        Manifest manifest = Manifest.falcon();
        for (Fault fault : list) {
            String id = Objects.requireNonNull(fault, "fault").operationId();
            if (id != null && manifest.operation(id) == null) {
                List<String> close = Suggestions.closest(id, manifest.operationIds(), 3);
                throw new IllegalArgumentException("fault for unknown operation " + id
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?"));
            }
        }
    }
}
