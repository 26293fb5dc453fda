package io.github.footprint.base;

import java.util.Comparator;
import java.util.Objects;

/** One immutable finding: which rule, how serious, what it says and where. */
public final class Finding {
    /** Report order: file, line, rule, then message, so that same input gives the same bytes. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private final String ruleId;
    private final Severity severity;
    private final String message;
    private final Location location;

    public Finding(String ruleId, Severity severity, String message, Location location) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.message = Objects.requireNonNull(message, "message");
        this.location = Objects.requireNonNull(location, "location");
    }

    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }

    public String message() {
        return message;
    }

    public Location location() {
        return location;
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, location);
    }

    public Finding withMessage(String m) {
        return new Finding(ruleId, severity, m, location);
    }

    @Override
    public String toString() {
        return location + ": " + ruleId + " " + severity.label() + " " + message;
    }
}
