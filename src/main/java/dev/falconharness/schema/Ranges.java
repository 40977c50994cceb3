package dev.falconharness.schema;

import java.math.BigDecimal;
import java.util.function.BiConsumer;

/** The numeric keywords: {@code minimum}, {@code maximum} and their exclusive forms. Stateless. */
final class Ranges {
    private Ranges() {
    }

    /** True when {@code value} is within every bound; {@code report} (null when not collecting) hears of each breach. */
    static boolean check(Schema s, Object value, ValuePath path, BiConsumer<ValuePath, String> report) {
        if (s.minimum == null && s.maximum == null && s.exclusiveMinimum == null && s.exclusiveMaximum == null) {
            return true;
        }
        boolean valid = true;
        String shown = Tree.text(value);
        if (s.minimum != null && compare(value, s.minimum) < 0) {
            valid = report(report, path, shown + " is less than the minimum " + plain(s.minimum));
        }
        if (s.maximum != null && compare(value, s.maximum) > 0) {
            valid = report(report, path, shown + " is more than the maximum " + plain(s.maximum));
        }
        if (s.exclusiveMinimum != null && compare(value, s.exclusiveMinimum) <= 0) {
            valid = report(report, path, shown + " must be greater than " + plain(s.exclusiveMinimum));
        }
        if (s.exclusiveMaximum != null && compare(value, s.exclusiveMaximum) >= 0) {
            valid = report(report, path, shown + " must be less than " + plain(s.exclusiveMaximum));
        }
        return valid;
    }

    private static int compare(Object value, Schema.Bound bound) {
        if (Tree.needsExact(value)) {
            return Tree.exact(value).compareTo(bound.exact());
        }
        return Double.compare(Tree.number(value), bound.approx());
    }

    private static String plain(Schema.Bound bound) {
        BigDecimal value = bound.exact().stripTrailingZeros();
        return value.scale() < 0 ? value.toBigInteger().toString() : value.toPlainString();
    }

    private static boolean report(BiConsumer<ValuePath, String> report, ValuePath path, String message) {
        if (report != null) {
            report.accept(path, message);
        }
        return false;
    }
}
