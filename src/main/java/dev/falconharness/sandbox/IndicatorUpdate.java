package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One {@code indicator_update_v1} request: the listed indicators (by {@code id}) and, with a
 * {@code bulk_update} filter, every indicator it selects, each checked as create checks it (merged with
 * what the indicator already has). All or nothing: a single problem refuses the request and changes no
 * indicator. Type and value never change. Runs under the fleet's lock.
 */
final class IndicatorUpdate {
    private IndicatorUpdate() {
    }

    static Reply apply(Fleet fleet, JsonNode items, JsonNode bulk, Predicate<Map<String, String>> selected, Instant now) {
        Indicators store = fleet.indicators();
        Set<String> groupIds = IndicatorOperations.groupIds(fleet);
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<Indicator, IndicatorRules.Settings> changes = new LinkedHashMap<>();
        boolean onlyMissing = true;
        for (int i = 0; i < (items.isArray() ? items.size() : 0); i++) {
            JsonNode item = items.get(i);
            String id = Bodies.text(item, "id");
            List<String> problems = new ArrayList<>();
            IndicatorRules.Settings settings = IndicatorRules.read(item, problems);
            Indicator indicator = store.get(id);
            String label = "indicators[" + i + "]";
            if (id == null || id.isBlank()) {
                problems.add("id: required; give the ID of the indicator to change (indicator_search_v1 finds it)");
            } else if (indicator == null) {
                errors.add(Reply.error(404, label + ".id: no indicator has ID \"" + IndicatorRules.abbreviate(id)
                        + "\"; indicator_search_v1 lists them", id));
                continue;
            } else if (settings.isEmpty()) {
                problems.add("nothing to change; give at least one field to set, such as severity or tags");
            } else {
                IndicatorRules.checkSettings(indicator.type, settings, indicator, groupIds, now, problems);
            }
            onlyMissing &= problems.isEmpty();
            problems.forEach(p -> errors.add(Reply.error(400, label + "." + p, null)));
            if (problems.isEmpty()) {
                changes.put(indicator, settings);
            }
        }
        if (selected != null) {
            onlyMissing &= bulk(store, bulk, selected, groupIds, now, changes, errors);
        }
        if (!errors.isEmpty()) {
            return new Reply(onlyMissing ? 404 : 400, List.of(), errors, null, null, Map.of(), null);
        }
        List<Object> updated = new ArrayList<>();
        changes.forEach((indicator, settings) -> {
            indicator.apply(settings);
            indicator.touched(FalconSandbox.CLIENT_ID, now.toString());
            updated.add(indicator.json(now, false));
        });
        return Reply.ok(updated);
    }

    /**
     * Adds the bulk change to each indicator the filter selects (an indicator also listed by ID gets only its
     * listed change); the first indicator the change does not fit names the problem. True when there was none.
     */
    private static boolean bulk(Indicators store, JsonNode bulk, Predicate<Map<String, String>> selected,
            Set<String> groupIds, Instant now, Map<Indicator, IndicatorRules.Settings> changes,
            List<Map<String, Object>> errors) {
        List<String> read = new ArrayList<>();
        IndicatorRules.Settings settings = IndicatorRules.read(bulk, read);
        if (settings.isEmpty() && read.isEmpty()) {
            read.add("nothing to change; give bulk_update the fields to set besides its filter, such as severity or tags");
        }
        if (!read.isEmpty()) {
            read.forEach(p -> errors.add(Reply.error(400, "bulk_update." + p, null)));
            return false;
        }
        for (Indicator indicator : store.select(selected, (a, b) -> 0, now, false)) {
            List<String> problems = new ArrayList<>();
            IndicatorRules.checkSettings(indicator.type, settings, indicator, groupIds, now, problems);
            if (!problems.isEmpty()) {
                problems.forEach(p -> errors.add(Reply.error(400, "bulk_update (indicator " + indicator.id + ", "
                        + indicator.type + " " + indicator.value + ")." + p, null)));
                return false;
            }
            changes.putIfAbsent(indicator, settings);
        }
        return true;
    }
}
