package io.taskhub.bench;

import java.util.Locale;

/**
 * One measured figure, printed as {@code name: value unit (target: ...) PASS|MISS}. A figure without a target is a
 * reference the others are measured against and prints {@code INFO}; a missed one says by how much.
 */
record Figure(String name, double value, String unit, String target, Boolean pass, String shortfall) {

    static Figure info(String name, double value, String unit, String note) {
        return new Figure(name, value, unit, note, null, null);
    }

    /** Passes when the value is at least {@code min}. */
    static Figure atLeast(String name, double value, String unit, double min) {
        boolean pass = value >= min;
        return new Figure(name, value, unit, "≥ " + number(min) + " " + unit, pass,
                pass ? null : "short by " + percent(min - value, min));
    }

    /** Passes when the value is at most {@code max}. */
    static Figure atMost(String name, double value, String unit, double max) {
        boolean pass = value <= max;
        return new Figure(name, value, unit, "≤ " + number(max) + " " + unit, pass,
                pass ? null : "over by " + percent(value - max, max));
    }

    /** Passes when the value is below {@code limit}. */
    static Figure below(String name, double value, String unit, double limit) {
        boolean pass = value < limit;
        return new Figure(name, value, unit, "< " + number(limit) + " " + unit, pass,
                pass ? null : "over by " + percent(value - limit, limit));
    }

    static Figure exactly(String name, double value, String unit, double expected) {
        boolean pass = value == expected;
        return new Figure(name, value, unit, "= " + number(expected) + " " + unit, pass,
                pass ? null : "off by " + number(Math.abs(value - expected)) + " " + unit);
    }

    String line() {
        String head = name + ": " + number(value) + " " + unit;
        if (pass == null) {
            return head + " (" + (target == null ? "reference" : target) + ") INFO";
        }
        return head + " (target: " + target + ") " + (pass ? "PASS" : "MISS, " + shortfall);
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String percent(double gap, double of) {
        return of == 0 ? number(gap) : String.format(Locale.ROOT, "%.0f%%", 100 * gap / of);
    }
}
