package io.github.footprint.source;

/** A template placeholder that no property resolved; its literal text stays in the rendered file. */
public final class Placeholder {
    /** The two placeholder forms Maven filtering knows. */
    public enum Form {
        /** {@code ${name}}: also httpd's own variable syntax, so it may still resolve later. */
        DOLLAR,
        /** {@code @name@}: Maven-only; unresolved is always an error. */
        AT,
        /** {@code @@Name@@}: httpd's build placeholders in its {@code .conf.in} templates; unresolved is an error. */
        AT_AT;

        /** The placeholder as written. */
        public String render(String name) {
            switch (this) {
                case DOLLAR:
                    return "${" + name + "}";
                case AT_AT:
                    return "@@" + name + "@@";
                default:
                    return "@" + name + "@";
            }
        }
    }

    private final String name;
    private final Form form;
    private final int line;

    public Placeholder(String name, Form form, int line) {
        this.name = name;
        this.form = form;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public Form form() {
        return form;
    }

    /** Template line (1-based). */
    public int line() {
        return line;
    }
}
