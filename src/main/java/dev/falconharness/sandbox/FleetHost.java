package dev.falconharness.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One host of the {@link Fleet}: the fields derived from the seed, which never change, and the state
 * the API changes (containment status, hidden, tags). Guarded by the fleet's lock; {@link #fields()} is
 * cached until the next change because an FQL query reads every host.
 */
final class FleetHost {
    /** Fields that never change after generation. */
    record Identity(String deviceId, String hostname, String platform, String osVersion, String osBuild,
            String productTypeDesc, String agentVersion, String firstSeen, String lastSeen, String externalIp,
            String localIp, String macAddress, String systemManufacturer, String machineDomain,
            String preventionPolicyId, String sensorUpdatePolicyId) {
    }

    /** The names of {@link #fields()}, in order. */
    static final FqlRecord.Columns COLUMNS = new FqlRecord.Columns(List.of("device_id", "cid", "hostname",
            "platform_name", "os_version", "os_build", "product_type_desc", "agent_version", "first_seen", "last_seen",
            "external_ip", "local_ip", "mac_address", "system_manufacturer", "machine_domain", "status",
            "host_hidden_status", "tags", "groups", "device_policies.prevention.policy_id",
            "device_policies.sensor_update.policy_id", "platform_id", "product_type", "os_product_name",
            "kernel_version", "system_product_name", "serial_number", "last_reboot", "modified_timestamp",
            "connection_ip", "connection_mac_address", "config_id_base", "reduced_functionality_mode",
            "provision_status"));
    private static final String CONFIG_ID_BASE = "65994763";

    private final Identity id;
    private final String cid;
    private String status = "normal";
    private boolean hidden;
    private final List<String> tags;
    private final List<String> groups = new ArrayList<>();
    /** When a containment change was asked for and whether a read has shown it pending, for settling. */
    private Instant pendingSince;
    private boolean pendingShown;
    private FqlRecord fields;

    FleetHost(Identity id, String cid, List<String> tags) {
        this.id = id;
        this.cid = cid;
        this.tags = new ArrayList<>(tags);
    }

    String deviceId() {
        return id.deviceId();
    }

    Identity identity() {
        return id;
    }

    /** For a seeded host that starts contained. */
    void startContained() {
        status = "contained";
        changed();
    }

    String status() {
        return status;
    }

    boolean hidden() {
        return hidden;
    }

    List<String> tags() {
        return List.copyOf(tags);
    }

    List<String> groups() {
        return List.copyOf(groups);
    }

    void hide(boolean value) {
        hidden = value;
        changed();
    }

    /** Starts a move to {@code contained} or {@code normal} through the matching pending status. */
    void requestContainment(boolean contain, Instant now) {
        if (contain ? status.equals("contained") || status.equals("containment_pending")
                : status.equals("normal") || status.equals("lift_containment_pending")) {
            return;
        }
        status = contain ? "containment_pending" : "lift_containment_pending";
        pendingSince = now;
        pendingShown = false;
        changed();
    }

    /**
     * A pending status settles once a read has shown it, or once the clock has moved a second past the
     * request, whichever comes first; so a client sees {@code containment_pending} once, then
     * {@code contained}, as on a real sensor that acknowledges quickly.
     */
    void settle(Instant now, boolean reading) {
        if (pendingSince == null) {
            return;
        }
        if (pendingShown || !now.isBefore(pendingSince.plusSeconds(1))) {
            status = status.equals("containment_pending") ? "contained" : "normal";
            pendingSince = null;
            changed();
        } else if (reading) {
            pendingShown = true;
        }
    }

    boolean addTag(String tag) {
        if (tags.stream().anyMatch(tag::equalsIgnoreCase)) {
            return false;
        }
        tags.add(tag);
        changed();
        return true;
    }

    boolean removeTag(String tag) {
        boolean removed = tags.removeIf(tag::equalsIgnoreCase);
        if (removed) {
            changed();
        }
        return removed;
    }

    void setGroups(List<String> groupIds) {
        if (!groups.equals(groupIds)) {
            groups.clear();
            groups.addAll(groupIds);
            changed();
        }
    }

    private void changed() {
        fields = null;
    }

    /**
     * The fields FQL filters and sorts on, in this order; multi-valued ones joined by {@link Fql#MULTI}.
     * Unmodifiable; it also keeps its values lower-cased, for {@link Fql#filter}.
     */
    Map<String, String> fields() {
        if (fields == null) {
            fields = new FqlRecord(COLUMNS, new String[] {id.deviceId(), cid, id.hostname(), id.platform(),
                id.osVersion(), id.osBuild(), id.productTypeDesc(), id.agentVersion(), id.firstSeen(), id.lastSeen(),
                id.externalIp(), id.localIp(), id.macAddress(), id.systemManufacturer(), id.machineDomain(), status,
                hidden ? "hidden" : "visible", String.join(Fql.MULTI, tags), String.join(Fql.MULTI, groups),
                id.preventionPolicyId(), id.sensorUpdatePolicyId(), platformId(), productType(), osProductName(),
                kernelVersion(), systemProductName(), serialNumber(), lastReboot(), id.lastSeen(), id.localIp(),
                id.macAddress(), CONFIG_ID_BASE, "no", "Provisioned"});
        }
        return fields;
    }

    /** The host as {@code GetDeviceDetailsV2} returns it ({@code deviceapi.DeviceSwagger}). */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device_id", id.deviceId());
        json.put("cid", cid);
        json.put("agent_version", id.agentVersion());
        json.put("config_id_base", CONFIG_ID_BASE);
        json.put("external_ip", id.externalIp());
        json.put("connection_ip", id.localIp());
        json.put("mac_address", id.macAddress());
        json.put("connection_mac_address", id.macAddress());
        json.put("hostname", id.hostname());
        json.put("first_seen", id.firstSeen());
        json.put("last_seen", id.lastSeen());
        json.put("last_reboot", lastReboot());
        json.put("local_ip", id.localIp());
        json.put("machine_domain", id.machineDomain());
        json.put("os_version", id.osVersion());
        json.put("os_build", id.osBuild());
        json.put("os_product_name", osProductName());
        if (kernelVersion() != null) {
            json.put("kernel_version", kernelVersion());
        }
        json.put("platform_id", platformId());
        json.put("platform_name", id.platform());
        json.put("product_type", productType());
        json.put("product_type_desc", id.productTypeDesc());
        json.put("provision_status", "Provisioned");
        json.put("reduced_functionality_mode", "no");
        json.put("serial_number", serialNumber());
        json.put("status", status);
        json.put("host_hidden_status", hidden ? "hidden" : "visible");
        json.put("system_manufacturer", id.systemManufacturer());
        json.put("system_product_name", systemProductName());
        json.put("groups", List.copyOf(groups));
        json.put("tags", List.copyOf(tags));
        json.put("device_policies", Reply.object(
                "prevention", policy("prevention", id.preventionPolicyId()),
                "sensor_update", policy("sensor-update", id.sensorUpdatePolicyId())));
        json.put("modified_timestamp", id.lastSeen());
        return json;
    }

    private String platformId() {
        return switch (id.platform()) {
            case "Windows" -> "0";
            case "Mac" -> "1";
            default -> "3";
        };
    }

    /** 1 workstation, 2 domain controller, 3 server, as the API numbers them. */
    private String productType() {
        return switch (id.productTypeDesc()) {
            case "Workstation" -> "1";
            case "Domain Controller" -> "2";
            default -> "3";
        };
    }

    private String osProductName() {
        return switch (id.platform()) {
            case "Windows" -> id.osVersion() + (id.productTypeDesc().equals("Workstation") ? " Enterprise" : " Datacenter");
            case "Mac" -> "macOS";
            default -> id.osVersion();
        };
    }

    /** Linux hosts report their kernel; the others leave it out. */
    private String kernelVersion() {
        return id.platform().equals("Linux") ? id.osBuild() : null;
    }

    private String systemProductName() {
        return switch (id.systemManufacturer()) {
            case "Dell Inc." -> id.productTypeDesc().equals("Workstation") ? "Latitude 7440" : "PowerEdge R650";
            case "LENOVO" -> id.productTypeDesc().equals("Workstation") ? "ThinkPad T14 Gen 4" : "ThinkSystem SR650 V2";
            case "HP" -> id.productTypeDesc().equals("Workstation") ? "EliteBook 840 G10" : "ProLiant DL380 Gen10";
            case "Apple Inc." -> "MacBookPro18,3";
            case "Amazon EC2" -> "t3.large";
            default -> "VMware Virtual Platform";
        };
    }

    /** Derived from the device ID, so it is as unique and as repeatable. */
    private String serialNumber() {
        return id.deviceId().substring(0, 12).toUpperCase(java.util.Locale.ROOT);
    }

    /** One to fourteen days before the host was last seen, from its device ID; never before it was first seen. */
    private String lastReboot() {
        int days = 1 + Integer.parseInt(id.deviceId().substring(12, 14), 16) % 14;
        Instant reboot = Instant.parse(id.lastSeen()).minusSeconds(86_400L * days);
        Instant first = Instant.parse(id.firstSeen());
        return (reboot.isBefore(first) ? first : reboot).toString();
    }

    private static Map<String, Object> policy(String type, String policyId) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("policy_type", type);
        policy.put("policy_id", policyId);
        policy.put("applied", true);
        return policy;
    }
}
