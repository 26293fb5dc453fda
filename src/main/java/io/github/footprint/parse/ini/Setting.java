package io.github.footprint.parse.ini;

import io.github.footprint.base.Location;
import io.github.footprint.source.template.Unknowns;

/**
 * One value as PasteDeploy hands it on: interpolated by configparser's {@code BasicInterpolation} (or the error
 * that interpolation raises), with the line that decides it and how it got there.
 */
public final class Setting {
    /** Where a value of {@code global_conf} or {@code local_conf} comes from. */
    public enum Origin {
        /** A key of the section itself. */
        LOCAL,
        /** A key of the file's {@code [DEFAULT]}. */
        DEFAULT,
        /** {@code here} or {@code __file__}, which PasteDeploy's {@code ConfigLoader} injects into the defaults. */
        INJECTED,
        /** A global of the file that pulled this one in with {@code use = config:...} ({@code update_defaults}). */
        CALLER,
        /** {@code set KEY = VALUE}: written into {@code global_conf}. */
        SET,
        /** {@code get LOCAL = GLOBAL}: a global copied into {@code local_conf}. */
        GET
    }

    private final String key;
    private final String raw;
    private final String value;
    private final InterpolationError error;
    private final Location location;
    private final Origin origin;
    private final Location via;

    Setting(String key, String raw, String value, InterpolationError error, Location location, Origin origin,
            Location via) {
        this.key = key;
        this.raw = raw;
        this.value = value;
        this.error = error;
        this.location = location;
        this.origin = origin;
        this.via = via;
    }

    /** The key under which the value is handed on ({@code debug} for {@code set debug}). */
    public String key() {
        return key;
    }

    /** The value as written (continuations joined), before interpolation. */
    public String raw() {
        return raw;
    }

    /** The interpolated value, or null when interpolation fails ({@link #error()}). */
    public String value() {
        return value;
    }

    /**
     * True when the interpolated value holds one a template left unknown ({@code debug = {{ ckan_debug }}}): what
     * PasteDeploy hands on is not known, and a rule does not judge it.
     */
    public boolean unknown() {
        return value != null && Unknowns.contains(value);
    }

    /** What configparser raises for this value, or null. */
    public InterpolationError error() {
        return error;
    }

    public boolean ok() {
        return error == null;
    }

    /**
     * The line that decides the value: the key in its section, in {@code [DEFAULT]}, the {@code set} line, the
     * global a {@code get} copies; line 0 of the file for the injected {@code here} and {@code __file__}.
     */
    public Location location() {
        return location;
    }

    public Origin origin() {
        return origin;
    }

    /** For {@link Origin#GET}: the {@code get} line that copied the global; otherwise null. */
    public Location via() {
        return via;
    }

    Setting as(String newKey, Origin newOrigin, Location newVia) {
        return new Setting(newKey, raw, value, error, location, newOrigin, newVia);
    }

    @Override
    public String toString() {
        return key + " = " + (error == null ? value : "<" + error.type() + ">") + " (" + origin + ", " + location + ")";
    }
}
