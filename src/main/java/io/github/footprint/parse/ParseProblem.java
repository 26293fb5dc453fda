package io.github.footprint.parse;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/**
 * A problem a reader found, as a value with its location: never an exception. The model stage hands
 * these to the input rules (FP001 for syntax, FP003 for includes).
 */
public final class ParseProblem {
    /** What kind of problem: decides the rule that reports it. */
    public enum Kind {
        /** The file is not what httpd, PasteDeploy or the shell would accept (FP001). */
        SYNTAX,
        /** An Include that matches nothing, a cycle, too deep, or outside the project (FP003). */
        INCLUDE
    }

    private final Kind kind;
    private final Severity severity;
    private final Location location;
    private final String message;

    public ParseProblem(Kind kind, Severity severity, Location location, String message) {
        this.kind = kind;
        this.severity = severity;
        this.location = location;
        this.message = message;
    }

    public static ParseProblem syntax(Location location, String message) {
        return new ParseProblem(Kind.SYNTAX, Severity.ERROR, location, message);
    }

    public Kind kind() {
        return kind;
    }

    public Severity severity() {
        return severity;
    }

    public Location location() {
        return location;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
