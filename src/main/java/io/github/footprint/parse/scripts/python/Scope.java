package io.github.footprint.parse.scripts.python;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.footprint.base.Location;

/**
 * Names and their values along one path through the script. A branch ({@code if}, {@code try}, a loop) reads
 * through to its parent and writes its own map, so that the paths can be merged after it; a call that may bind any
 * name ({@code exec}, {@code globals()}, {@code from m import *}) hides everything before it ({@link #clobber}).
 */
final class Scope {
    final Scope parent;
    final Map<String, PyValue> local = new LinkedHashMap<>();
    /** Set when everything bound before is hidden: the reason, and where. */
    String clobber;
    Location clobberAt;

    Scope(Scope parent) {
        this.parent = parent;
    }

    /** The value of a name on this path, an Unknown when a clobber hides it, or null when it is not bound. */
    PyValue get(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            PyValue v = s.local.get(name);
            if (v != null) {
                return v;
            }
            if (s.clobber != null) {
                return new PyValue.Unknown(name + " may have been bound by " + s.clobber, s.clobberAt, null);
            }
        }
        return null;
    }

    void set(String name, PyValue v) {
        local.put(name, v);
    }

    void clobber(String why, Location at) {
        local.clear();
        clobber = why;
        clobberAt = at;
    }
}
