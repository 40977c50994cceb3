package dev.falconharness.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** The handlers of every fleet collection (hosts, host groups, alerts, indicators), by operation ID. */
final class FleetOperations {
    private FleetOperations() {
    }

    static Map<String, Handler> handlers(Fleets fleets) {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.putAll(new HostOperations(fleets).handlers());
        handlers.putAll(new HostGroupOperations(fleets).handlers());
        handlers.putAll(new AlertOperations(fleets).handlers());
        handlers.putAll(new IndicatorOperations(fleets).handlers());
        return handlers;
    }
}
