package io.github.footprint.source;

import io.github.footprint.base.Severity;

/** Something wrong with a file as bytes or text (binary, not UTF-8, unreadable), at a template line. */
public final class SourceProblem {
    private final int line;
    private final Severity severity;
    private final String message;

    public SourceProblem(int line, Severity severity, String message) {
        this.line = line;
        this.severity = severity;
        this.message = message;
    }

    public int line() {
        return line;
    }

    public Severity severity() {
        return severity;
    }

    public String message() {
        return message;
    }
}
