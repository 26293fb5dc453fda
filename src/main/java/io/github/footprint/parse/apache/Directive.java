package io.github.footprint.parse.apache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.footprint.base.Location;

/**
 * One directive or section of the httpd configuration as read, with its template location. A section
 * ({@code <VirtualHost>}, {@code <Directory>}, a true {@code <IfModule>}...) has children; a plain directive
 * has none. Conditional sections whose test was false are not kept: httpd never reads their bodies.
 */
public final class Directive {
    private final String name;
    private final String key;
    /** The argument text is {@code text.substring(from, to)}: a stretch of the line, cut out when asked for. */
    private final String text;
    private final int from;
    private final int to;
    private List<String> args;
    private final String file;
    private final int line;
    private final boolean section;
    private final Directive parent;
    /** The children as a chain (most directives have none): no list object per section. */
    private Directive firstChild;
    private Directive lastChild;
    private Directive next;
    /** Where a mod_macro Use made this directive from, or null for a directive of a file. */
    private MacroLine macro;

    /** A directive whose arguments are split by {@code ap_getword_conf} when first asked for. */
    Directive(String name, String rawArgs, Location location, boolean section, Directive parent) {
        this(name, rawArgs, null, location, section, parent);
    }

    Directive(String name, String rawArgs, List<String> args, Location location, boolean section, Directive parent) {
        this(name, name.toLowerCase(Locale.ROOT), rawArgs, 0, rawArgs.length(), location.file(), location.line(),
                section, parent);
        this.args = args == null ? null : Collections.unmodifiableList(args);
    }

    /**
     * A directive read from {@code text}: its arguments are {@code text.substring(from, to)}, its place line
     * {@code line} of {@code file}; {@code key} is the lower-case name.
     */
    Directive(String name, String key, String text, int from, int to, String file, int line, boolean section,
            Directive parent) {
        this.name = name;
        this.key = key;
        this.text = text;
        this.from = from;
        this.to = to;
        this.file = file;
        this.line = line;
        this.section = section;
        this.parent = parent;
    }

    /** The name as written, without {@code <} for sections. */
    public String name() {
        return name;
    }

    /** True when this directive's name is {@code other}, ignoring case as httpd does. */
    public boolean is(String other) {
        return name.length() == other.length() && (key.equals(other) || name.equalsIgnoreCase(other));
    }

    /** The argument text after the name, after {@code ${VAR}} expansion (what RAW_ARGS handlers see). */
    public String rawArgs() {
        return text.substring(from, to);
    }

    /** The arguments as {@code ap_getword_conf} splits them. */
    public List<String> args() {
        List<String> a = args;
        if (a == null) {
            a = Collections.unmodifiableList(ConfWords.split(text, from, to));
            args = a;
        }
        return a;
    }

    /** The first argument, or the empty string. */
    public String arg() {
        List<String> a = args();
        return a.isEmpty() ? "" : a.get(0);
    }

    /**
     * Where the directive stands (made when asked for: most are never asked). For a directive a mod_macro
     * {@code Use} made, the Use line (the outermost one in a file): httpd reads the expansion there; the location
     * then carries the macro body line it was written at and the words naming the Use and the macro
     * ({@link Location#written()}, {@link Location#expansion()}, from {@link MacroLine}).
     */
    public Location location() {
        Location at = new Location(file, line);
        MacroLine m = macro;
        return m == null ? at : at.writtenAt(m.written(), m::describe);
    }

    /** Where a mod_macro {@code Use} made this directive from (the Use and the macro line), or null. */
    public MacroLine macroLine() {
        return macro;
    }

    void macroLine(MacroLine m) {
        this.macro = m;
    }

    /**
     * {@link #location()} for messages: {@code FILE:LINE}, or for a directive a Use made
     * {@code FILE:LINE (Use vhost, macro 'vhost' at FILE:LINE)}, the Use line then the macro line.
     */
    public String where() {
        return macro == null ? location().toString() : macro.toString();
    }

    public boolean isSection() {
        return section;
    }

    /** The enclosing section, or null at server level. */
    public Directive parent() {
        return parent;
    }

    public List<Directive> children() {
        if (firstChild == null) {
            return List.of();
        }
        List<Directive> out = new ArrayList<>();
        for (Directive c = firstChild; c != null; c = c.next) {
            out.add(c);
        }
        return Collections.unmodifiableList(out);
    }

    /** The first child, or null; {@link #nextSibling()} leads to the others (the tree walk of this package). */
    Directive firstChild() {
        return firstChild;
    }

    /** The next child of the same parent, or null. */
    Directive nextSibling() {
        return next;
    }

    void add(Directive child) {
        if (firstChild == null) {
            firstChild = child;
        } else {
            lastChild.next = child;
        }
        lastChild = child;
    }

    /** The nearest enclosing section of this name (ignoring case), or null. */
    public Directive enclosing(String sectionName) {
        for (Directive p = parent; p != null; p = p.parent) {
            if (p.is(sectionName)) {
                return p;
            }
        }
        return null;
    }

    private static final java.util.Set<String> READ_TIME = java.util.Set.of("ifmodule", "ifdefine", "ifversion",
            "iffile", "ifdirective", "ifsection");

    /**
     * The nearest enclosing section that gives a context ({@code <VirtualHost>}, {@code <Directory>},
     * {@code <Location>}...), skipping the read-time conditionals; null at server level.
     */
    public Directive context() {
        for (Directive p = parent; p != null && p.parent != null; p = p.parent) {
            if (!READ_TIME.contains(p.key)) {
                return p;
            }
        }
        return null;
    }

    /** Lower-case name, for maps. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return where() + ": " + (section ? "<" + name + " " + rawArgs() + ">" : name + " " + rawArgs());
    }
}
