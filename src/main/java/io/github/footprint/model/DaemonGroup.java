package io.github.footprint.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.footprint.findings.Location;

/**
 * One {@code WSGIDaemonProcess} as mod_wsgi reads it: its options as written, and the effective numbers
 * ({@code atoi} semantics, mod_wsgi's defaults where an option is absent).
 */
public final class DaemonGroup {
    /** mod_wsgi's default {@code threads}. */
    public static final int DEFAULT_THREADS = 15;

    private final String name;
    private final Location location;
    private final String serverName;
    private final Map<String, String> options;

    DaemonGroup(String name, Location location, String serverName, Map<String, String> options) {
        this.name = name;
        this.location = location;
        this.serverName = serverName;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public String name() {
        return name;
    }

    /** Where the {@code WSGIDaemonProcess} line is. */
    public Location location() {
        return location;
    }

    /** The ServerName of the enclosing {@code <VirtualHost>}, or null for a server-level group. */
    public String serverName() {
        return serverName;
    }

    /** Options as written, {@code name -> value}, in line order (a repeated option keeps its last value). */
    public Map<String, String> options() {
        return options;
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** {@code processes}: 1 when absent. */
    public int processes() {
        return has("processes") ? Atoi.parseInt(options.get("processes")) : 1;
    }

    /** {@code threads}: 15 when absent. */
    public int threads() {
        return has("threads") ? Atoi.parseInt(options.get("threads")) : DEFAULT_THREADS;
    }

    /** {@code maximum-requests}: 0 (never recycle) when absent. */
    public long maximumRequests() {
        return has("maximum-requests") ? Atoi.parseInt(options.get("maximum-requests")) : 0;
    }

    /** {@code stack-size} in bytes as mod_wsgi applies it: 0 (system default) when absent or below 16 KiB. */
    public long stackSize() {
        long v = has("stack-size") ? Atoi.parseInt(options.get("stack-size")) : 0;
        return v >= 16384 ? v : 0;
    }

    @Override
    public String toString() {
        return "WSGIDaemonProcess " + name + " " + options;
    }
}
