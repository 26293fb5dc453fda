package io.github.footprint.base;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One immutable finding: which rule, how serious, what it says and where. What it says comes in two parts: the
 * message, one short line with the numbers and the fix (what a console prints), and the detail, the explanation
 * behind it (why, the derivation of the numbers, the contributors, the sources), empty when there is none. A
 * finding has one place or several: the findings stage makes one finding of identical ones from one cause (the
 * same rule, severity, message and detail), its places in order, the first being the primary one.
 */
public final class Finding {
    /**
     * The most characters a first line (the message) takes: the numbers and the fix, as compilers and checkstyle
     * print them; the why goes to the detail.
     */
    public static final int FIRST_LINE = 160;

    /**
     * Appended to the first line of a finding that holds in only some branches of a template (the detail then starts
     * with which: "Holds only when ckan_debug is true (file:line)."): beyond {@link #FIRST_LINE}, as a compiler adds
     * "(in expansion of macro ...)".
     */
    public static final String SOME_BRANCHES = " (in some branches)";

    /** Report order: the primary place (file, line), rule, then message, so that same input gives the same bytes. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(Finding::detail);

    private final String ruleId;
    private final Severity severity;
    private final String message;
    private final String detail;
    private final List<Location> locations;

    public Finding(String ruleId, Severity severity, String message, Location location) {
        this(ruleId, severity, message, "", List.of(location));
    }

    /** @param detail the explanation; null or empty for none */
    public Finding(String ruleId, Severity severity, String message, String detail, Location location) {
        this(ruleId, severity, message, detail, List.of(location));
    }

    /**
     * @param detail the explanation; null or empty for none
     * @param locations at least one; kept in the order given, the first is the primary place
     */
    public Finding(String ruleId, Severity severity, String message, String detail, List<Location> locations) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.message = Objects.requireNonNull(message, "message");
        this.detail = detail == null ? "" : detail;
        this.locations = List.copyOf(locations);
        if (this.locations.isEmpty()) {
            throw new IllegalArgumentException("a finding needs a place");
        }
    }

    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }

    /** The first line: what, the numbers and the fix. */
    public String message() {
        return message;
    }

    /** The explanation behind the first line; empty when there is none. */
    public String detail() {
        return detail;
    }

    /** True when the finding has an explanation beyond its first line. */
    public boolean hasDetail() {
        return !detail.isEmpty();
    }

    /** The primary place. */
    public Location location() {
        return locations.get(0);
    }

    /** Every place, the primary one first. */
    public List<Location> locations() {
        return locations;
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, detail, locations);
    }

    public Finding withMessage(String m) {
        return new Finding(ruleId, severity, m, detail, locations);
    }

    public Finding withDetail(String d) {
        return new Finding(ruleId, severity, message, d, locations);
    }

    /** This finding at these places, in place order without repeats (the first becomes the primary place). */
    public Finding at(List<Location> places) {
        List<Location> sorted = new ArrayList<>(new TreeSet<>(places));
        return new Finding(ruleId, severity, message, detail, sorted);
    }

    @Override
    public String toString() {
        return location() + ": " + ruleId + " " + severity.label() + " " + message
                + (locations.size() > 1 ? " (" + locations.size() + " places)" : "");
    }
}
