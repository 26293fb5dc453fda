package io.github.footprint.source;

import io.github.footprint.base.Severity;

/** Something wrong with a file as bytes or text (binary, not UTF-8, unreadable), at a template line. */
public final class SourceProblem {
    private final int line;
    private final Severity severity;
    private final String message;
    private final String detail;

    public SourceProblem(int line, Severity severity, String message) {
        this(line, severity, message, "");
    }

    /** @param detail the explanation behind the message; empty for none */
    public SourceProblem(int line, Severity severity, String message, String detail) {
        this.line = line;
        this.severity = severity;
        this.message = message;
        this.detail = detail == null ? "" : detail;
    }

    public int line() {
        return line;
    }

    public Severity severity() {
        return severity;
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
}
