package io.github.footprint.parse.apache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.footprint.findings.Location;

/**
 * One directive or section of the httpd configuration as read, with its template location. A section
 * ({@code <VirtualHost>}, {@code <Directory>}, a true {@code <IfModule>}...) has children; a plain directive
 * has none. Conditional sections whose test was false are not kept: httpd never reads their bodies.
 */
public final class Directive {
    private final String name;
    private final String key;
    private final String rawArgs;
    private List<String> args;
    private final Location location;
    private final boolean section;
    private final Directive parent;
    private final List<Directive> children = new ArrayList<>();

    /** A directive whose arguments are split by {@code ap_getword_conf} when first asked for. */
    Directive(String name, String rawArgs, Location location, boolean section, Directive parent) {
        this(name, rawArgs, null, location, section, parent);
    }

    Directive(String name, String rawArgs, List<String> args, Location location, boolean section, Directive parent) {
        this.name = name;
        this.key = name.toLowerCase(Locale.ROOT);
        this.rawArgs = rawArgs;
        this.args = args == null ? null : Collections.unmodifiableList(args);
        this.location = location;
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
        return rawArgs;
    }

    /** The arguments as {@code ap_getword_conf} splits them. */
    public List<String> args() {
        List<String> a = args;
        if (a == null) {
            a = Collections.unmodifiableList(ConfWords.split(rawArgs));
            args = a;
        }
        return a;
    }

    /** The first argument, or the empty string. */
    public String arg() {
        List<String> a = args();
        return a.isEmpty() ? "" : a.get(0);
    }

    public Location location() {
        return location;
    }

    public boolean isSection() {
        return section;
    }

    /** The enclosing section, or null at server level. */
    public Directive parent() {
        return parent;
    }

    public List<Directive> children() {
        return Collections.unmodifiableList(children);
    }

    /** The children themselves, for the tree walk of this package (no wrapper per call). */
    List<Directive> childList() {
        return children;
    }

    void add(Directive child) {
        children.add(child);
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
        return location + ": " + (section ? "<" + name + " " + rawArgs + ">" : name + " " + rawArgs);
    }
}
