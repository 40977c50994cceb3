package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The {@code action_parameters} of {@code PatchEntitiesAlertsV3}, read and checked before any alert changes:
 * each is a {@code {name, value}} pair naming one of {@link #NAMES}. Immutable.
 */
final class AlertActions {
    /** The action names the API documents for alerts. */
    static final List<String> NAMES = List.of("update_status", "assign_to_uuid", "assign_to_user_id", "assign_to_name",
            "unassign", "add_tag", "remove_tag", "remove_tags_by_prefix", "append_comment", "show_in_ui");
    static final String EXAMPLE = "{\"composite_ids\": [\"<composite id>\"], \"action_parameters\": [{\"name\":"
            + " \"update_status\", \"value\": \"in_progress\"}]}";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** One checked action. */
    record Action(String name, String value, BiConsumer<FleetAlert, Instant> change) {
        void apply(FleetAlert alert, Instant now) {
            change.accept(alert, now);
        }

        /** Tags are removed before any are added, as the API documents; otherwise the given order holds. */
        int phase() {
            return name.startsWith("remove_tag") ? 0 : 1;
        }
    }

    private AlertActions() {
    }

    /** The actions in the order they apply; a 400 naming the first that is not valid. */
    static List<Action> read(JsonNode parameters) {
        if (!parameters.isArray() || parameters.isEmpty()) {
            throw SandboxError.badRequest("the body needs 'action_parameters': a non-empty list of {name, value}, e.g. "
                    + EXAMPLE + "; names: " + String.join(", ", NAMES));
        }
        List<Action> actions = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = Bodies.text(parameter, "name");
            String value = Bodies.text(parameter, "value");
            actions.add(action(name == null ? "" : name.strip(), value == null ? "" : value.strip()));
        }
        actions.sort(Comparator.comparingInt(Action::phase));
        return actions;
    }

    private static Action action(String name, String value) {
        return switch (name) {
            case "update_status" -> new Action(name, value, status(value));
            case "assign_to_uuid" -> assign(name, value, uuid(value), FleetAlert.Assignee::uuid);
            case "assign_to_user_id" -> assign(name, required(name, value), new FleetAlert.Assignee(value, "", ""),
                    FleetAlert.Assignee::uid);
            case "assign_to_name" -> assign(name, required(name, value), new FleetAlert.Assignee("", "", value),
                    FleetAlert.Assignee::name);
            case "unassign" -> new Action(name, value, (a, now) -> a.assign(FleetAlert.Assignee.NOBODY, now));
            case "add_tag" -> new Action(name, value, textChange(required(name, value), FleetAlert::addTag));
            case "remove_tag" -> new Action(name, value, textChange(required(name, value), FleetAlert::removeTag));
            case "remove_tags_by_prefix" -> new Action(name, value,
                    textChange(required(name, value), FleetAlert::removeTagsByPrefix));
            case "append_comment" -> new Action(name, value, textChange(required(name, value), FleetAlert::appendComment));
            case "show_in_ui" -> new Action(name, value, show(value));
            default -> throw SandboxError.badRequest("unknown action \"" + name + "\" in action_parameters; the alert"
                    + " actions are " + String.join(", ", NAMES));
        };
    }

    /** Assigns the known analyst whose field matches, else an analyst known only by that field. */
    private static Action assign(String name, String value, FleetAlert.Assignee partial,
            java.util.function.Function<FleetAlert.Assignee, String> field) {
        FleetAlert.Assignee who = Alerts.ANALYSTS.stream().filter(a -> field.apply(a).equalsIgnoreCase(value))
                .findFirst().orElse(partial);
        return new Action(name, value, (alert, now) -> alert.assign(who, now));
    }

    private static FleetAlert.Assignee uuid(String value) {
        if (!UUID.matcher(value).matches()) {
            throw SandboxError.badRequest("assign_to_uuid needs a user UUID such as 00000000-0000-0000-0000-000000000000,"
                    + " got \"" + value + "\"");
        }
        return new FleetAlert.Assignee("", value.toLowerCase(Locale.ROOT), "");
    }

    private static BiConsumer<FleetAlert, Instant> status(String value) {
        String status = value.toLowerCase(Locale.ROOT);
        if (!FleetAlert.STATUSES.contains(status)) {
            throw SandboxError.badRequest("update_status must be one of " + String.join(", ", FleetAlert.STATUSES)
                    + ", got \"" + value + "\"");
        }
        return (alert, now) -> alert.updateStatus(status, now);
    }

    private static BiConsumer<FleetAlert, Instant> show(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SandboxError.badRequest("show_in_ui must be true or false, got \"" + value + "\"");
        }
        boolean shown = Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        return (alert, now) -> alert.showInUi(shown, now);
    }

    /** The action's text value, refused when blank. */
    private static String required(String name, String value) {
        if (value.isEmpty()) {
            throw SandboxError.badRequest(name + " needs a non-empty 'value'");
        }
        return value;
    }

    /** An action that passes its text value to a change of the alert. */
    private interface TextChange {
        void apply(FleetAlert alert, String value, Instant now);
    }

    private static BiConsumer<FleetAlert, Instant> textChange(String value, TextChange change) {
        return (alert, now) -> change.apply(alert, value, now);
    }
}
