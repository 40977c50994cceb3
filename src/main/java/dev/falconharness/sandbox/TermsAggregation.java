package dev.falconharness.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code terms} aggregation over field maps, as the alerts' and the indicators' aggregate operations
 * answer it: one bucket per value, ordered and paged as the request asks. Stateless.
 */
final class TermsAggregation {
    /** Buckets when {@code size} is not given. */
    static final int DEFAULT_SIZE = 10;

    private TermsAggregation() {
    }

    /**
     * The buckets of {@code field}'s values over {@code records}: {@code size} (default
     * {@value #DEFAULT_SIZE}) from {@code from}, in {@code sort} order (most common first by default, then
     * by value), with {@code min_doc_count}/{@code max_doc_count} and a {@code missing} label for records
     * without a value; each value of a multi-valued field counts.
     */
    static Map<String, Object> of(JsonNode spec, String where, String name, String field,
            List<Map<String, String>> records) {
        String missing = AlertAggregates.text(spec, "missing");
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, String> record : records) {
            for (String value : AlertAggregates.values(record.get(field))) {
                String label = value.isEmpty() ? missing : value;
                if (!label.isEmpty()) {
                    counts.merge(label, 1L, Long::sum);
                }
            }
        }
        long min = spec.path("min_doc_count").asLong(0);
        long max = spec.path("max_doc_count").asLong(0);
        List<Map.Entry<String, Long>> kept = new ArrayList<>(counts.entrySet().stream()
                .filter(e -> e.getValue() >= min && (max <= 0 || e.getValue() <= max)).toList());
        kept.sort(order(AlertAggregates.text(spec, "sort"), field, where));
        int size = whole(spec, "size", where);
        size = size > 0 ? size : DEFAULT_SIZE;
        int from = whole(spec, "from", where);
        List<Object> buckets = new ArrayList<>();
        long other = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (i >= from && i < (long) from + size) {
                buckets.add(AlertAggregates.labelled(kept.get(i).getKey(), kept.get(i).getValue()));
            } else {
                other += kept.get(i).getValue();
            }
        }
        return AlertAggregates.result(name, buckets, other);
    }

    /** {@code _count|desc} (the default), {@code _count|asc}, or by the value: {@code _term|asc} or {@code <field>|asc}. */
    private static Comparator<Map.Entry<String, Long>> order(String sort, String field, String where) {
        Comparator<Map.Entry<String, Long>> byTerm = (a, b) -> Fql.compareValues(a.getKey(), b.getKey());
        String spec = sort.isEmpty() ? "_count|desc" : sort;
        int cut = spec.equals(field) ? -1 : Math.max(spec.lastIndexOf('|'), spec.lastIndexOf('.'));
        String key = cut > 0 ? spec.substring(0, cut) : spec;
        String direction = cut > 0 ? spec.substring(cut + 1) : "asc";
        boolean desc = direction.equalsIgnoreCase("desc");
        if (!(desc || direction.equalsIgnoreCase("asc")) || !(key.equals("_count") || key.equals("_term")
                || key.equals(field))) {
            throw SandboxError.badRequest(where + ".sort must be _count|desc, _count|asc, _term|asc, _term|desc or "
                    + field + "|asc / " + field + "|desc, got \"" + sort + "\"");
        }
        if (!key.equals("_count")) {
            return desc ? byTerm.reversed() : byTerm;
        }
        // Equal counts keep the value order either way, so that pages of buckets are stable.
        Comparator<Map.Entry<String, Long>> byCount = Map.Entry.comparingByValue();
        return (desc ? byCount.reversed() : byCount).thenComparing(byTerm);
    }

    /** A non-negative whole-number field that fits an int (0 when absent); a 400 naming it otherwise. */
    private static int whole(JsonNode spec, String name, String where) {
        JsonNode value = spec.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw SandboxError.badRequest(where + "." + name + " must be a whole number from 0 to " + Integer.MAX_VALUE
                    + ", got " + value);
        }
        return value.asInt();
    }
}
