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
    private final String detail;

    public ParseProblem(Kind kind, Severity severity, Location location, String message) {
        this(kind, severity, location, message, "");
    }

    /**
     * @param message the first line of the finding: what the program says and the fix, about 160 characters at most
     *        (quotations of the file marked with {@link io.github.footprint.base.Excerpt#of})
     * @param detail the explanation behind it; empty for none
     */
    public ParseProblem(Kind kind, Severity severity, Location location, String message, String detail) {
        this.kind = kind;
        this.severity = severity;
        this.location = location;
        this.message = message;
        this.detail = detail == null ? "" : detail;
    }

    public static ParseProblem syntax(Location location, String message) {
        return new ParseProblem(Kind.SYNTAX, Severity.ERROR, location, message);
    }

    public static ParseProblem syntax(Location location, String message, String detail) {
        return new ParseProblem(Kind.SYNTAX, Severity.ERROR, location, message, detail);
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

    /** The message, every quotation of the file whole. */
    public String message() {
        return io.github.footprint.base.Excerpt.whole(message);
    }

    /**
     * The message as a finding reports it: quotations of the file marked ({@link io.github.footprint.base.Excerpt}),
     * for the findings stage to shorten once secrets are masked.
     */
    public String reported() {
        return message;
    }

    /** The explanation behind the message; empty when there is none. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return location + ": " + message();
    }
}
