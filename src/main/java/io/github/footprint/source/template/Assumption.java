package io.github.footprint.source.template;

/** Something a render had to assume because a value was unknown (a loop over an unknown list ran once). */
public final class Assumption {
    private final int templateLine;
    private final String text;

    public Assumption(int templateLine, String text) {
        this.templateLine = templateLine;
        this.text = text;
    }

    public int templateLine() {
        return templateLine;
    }

    /** One sentence: what was assumed and why. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return templateLine + ": " + text;
    }
}
