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
 * same rule, severity, message and detail), its places in order, the first being the primary one. A place that
 * stands for a line written elsewhere (a directive a mod_macro {@code Use} made, written in the macro body:
 * {@link Location#written()}) brings that line as a further place ({@link #places()}), after the places where
 * the cause stands.
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

    /**
     * Every place a report names: each location, the primary one first, then each line they were written at
     * elsewhere ({@link Location#written()}: the macro body line of a directive a Use made) that is not among them.
     */
    public List<Location> places() {
        List<Location> out = null;
        for (Location at : locations) {
            Location w = at.written();
            if (w != null) {
                if (out == null) {
                    out = new ArrayList<>(locations);
                }
                if (!out.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out == null ? locations : List.copyOf(out);
    }

    /**
     * What a detail starts with for a place that stands for a line written elsewhere (a directive a mod_macro
     * {@code Use} made): {@code Made by a mod_macro Use (Use vhost, macro 'vhost' at FILE:LINE): ...}, naming the
     * Use and the macro line; empty for a place written where it stands. The first line keeps the rule's words
     * ({@link #FIRST_LINE}); the macro line is also a place of the finding ({@link #places()}).
     */
    public static String expansionNote(Location at) {
        return at.expansion() == null ? "" : "Made by a mod_macro Use (" + at.expansion() + "): the Use line gives"
                + " this instance's values, the macro line the text every Use shares.";
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
