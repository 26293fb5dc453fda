package io.github.footprint.source.template;

import io.github.footprint.base.Severity;

/** Something wrong with a template or a variables file, at a line of the file (0: the whole file). */
public final class TemplateProblem {
    private final int line;
    private final Severity severity;
    private final String message;

    public TemplateProblem(int line, Severity severity, String message) {
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

    @Override
    public String toString() {
        return line + ": " + severity.label() + ": " + message;
    }
}
