package dev.falconharness.sandbox;

import java.util.List;

/**
 * The built-in role catalogue and administrator: role IDs as Falcon names them, with short descriptions
 * written for the sandbox. A seed file can replace both.
 */
final class DefaultCatalogue {
    /** The UUID of the built-in administrator. */
    static final String ADMIN_UUID = "5f0c1a2e-7b3d-4e8f-9a6b-0c1d2e3f4a5b";
    /** The username of the built-in administrator. */
    static final String ADMIN_UID = "sandbox.admin@example.com";

    static final List<Role> ROLES = List.of(
            new Role("falcon_admin", "Falcon Administrator",
                    "Full access: manage users, roles, API clients and every Falcon setting."),
            new Role("falcon_console_guest", "Falcon Analyst - Read Only",
                    "View detections, hosts and dashboards without changing anything."),
            new Role("falconhost_admin", "Falcon Security Lead",
                    "Manage prevention policies, detections, host groups and response actions."),
            new Role("falconhost_investigator", "Falcon Investigator",
                    "Search event data and investigate detections and incidents."),
            new Role("endpoint_manager", "Endpoint Manager",
                    "Manage hosts, host groups and sensor update policies."),
            new Role("custom_ioas_manager", "Custom IOA Manager",
                    "Create and manage custom indicators of attack and their rule groups."),
            new Role("prevention_hashes_manager", "Prevention Hashes Manager",
                    "Manage custom IOCs and the hashes allowed or blocked on hosts."),
            new Role("remote_responder_one", "Real Time Responder - Read Only Analyst",
                    "Open Real Time Response sessions and run read-only commands."),
            new Role("remote_responder_two", "Real Time Responder - Active Responder",
                    "Run Real Time Response commands that change a host, such as kill and rm."),
            new Role("remote_responder_three", "Real Time Responder - Administrator",
                    "Run every Real Time Response command, including custom scripts and put files."),
            new Role("dashboard_admin", "Dashboard Admin",
                    "Create, edit and share custom dashboards."),
            new Role("firewall_manager", "Firewall Manager",
                    "Manage firewall policies and rule groups."),
            new Role("device_control_manager", "Device Control Manager",
                    "Manage USB device control policies."));

    private DefaultCatalogue() {
    }
}
