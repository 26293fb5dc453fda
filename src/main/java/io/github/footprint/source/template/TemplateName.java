package io.github.footprint.source.template;

import java.util.Locale;

/**
 * A file name read as a template name: the name with its template suffixes removed ({@code production.ini.j2} is
 * {@code production.ini}, {@code deployment.ini_tmpl_tmpl} is {@code deployment.ini}), which decides the file's kind,
 * and the dialect the suffix names, if it names one.
 */
public final class TemplateName {
    /** Template suffixes, longest first where one ends another; matched ignoring case. */
    private static final String[] SUFFIXES = {".jinja2", ".jinja", ".j2", ".mako", ".erb", ".tmpl", ".tpl",
        ".template", ".in", "_tmpl", ".example", ".dist", ".sample"};

    private final String name;
    private final String baseName;
    private final Dialect dialect;

    private TemplateName(String name, String baseName, Dialect dialect) {
        this.name = name;
        this.baseName = baseName;
        this.dialect = dialect;
    }

    /** Reads the last segment of a path ({@code /} separators). */
    public static TemplateName of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String base = name;
        Dialect dialect = null;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            String lower = base.toLowerCase(Locale.ROOT);
            for (String suffix : SUFFIXES) {
                // never strip a whole name (".in", "_tmpl")
                if (lower.endsWith(suffix) && base.length() > suffix.length()) {
                    if (dialect == null) {
                        dialect = dialectOf(suffix);
                    }
                    base = base.substring(0, base.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return new TemplateName(name, base, dialect);
    }

    private static Dialect dialectOf(String suffix) {
        switch (suffix) {
            case ".j2":
            case ".jinja":
            case ".jinja2":
                return Dialect.JINJA2;
            case ".mako":
                return Dialect.MAKO;
            case ".erb":
                return Dialect.ERB;
            case "_tmpl":
                // Paste Script's templates ($name, ${name}, {{name}}, {{if}}): Tempita's, not Jinja2's
                return Dialect.TEMPITA;
            default:
                return null;
        }
    }

    /** The name as found. */
    public String name() {
        return name;
    }

    /** The name without its template suffixes: what decides the kind. */
    public String baseName() {
        return baseName;
    }

    /** True when the name carries at least one template suffix. */
    public boolean templated() {
        return !baseName.equals(name);
    }

    /**
     * The dialect the outermost dialect suffix names ({@code .j2} JINJA2, {@code .mako}, {@code .erb}, Paste Script's
     * {@code _tmpl} TEMPITA), or null.
     */
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return name + " -> " + baseName + (dialect == null ? "" : " (" + dialect + ")");
    }
}
