package io.github.footprint.model.wsgi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.Location;
import io.github.footprint.parse.wsgi.DaemonLine;
import io.github.footprint.parse.wsgi.DaemonProblem;

/**
 * One {@code WSGIDaemonProcess} as mod_wsgi reads it: its options as written, the effective numbers
 * ({@code atoi} semantics, mod_wsgi's defaults where an option is absent), and what is wrong with the line for
 * the configured mod_wsgi release: what httpd refuses (with mod_wsgi's message) and what it misreads.
 */
public final class DaemonGroup {
    /** mod_wsgi's default {@code threads}. */
    public static final int DEFAULT_THREADS = 15;

    private final String name;
    private final Location location;
    private final String serverName;
    private final Map<String, String> options;
    private final List<DaemonProblem> problems;

    public DaemonGroup(String name, Location location, String serverName, Map<String, String> options) {
        this(name, location, serverName, options, List.of());
    }

    public DaemonGroup(DaemonLine line, Location location, String serverName) {
        this(line.name, location, serverName, line.options, line.problems);
    }

    private DaemonGroup(String name, Location location, String serverName, Map<String, String> options,
            List<DaemonProblem> problems) {
        this.name = name;
        this.location = location;
        this.serverName = serverName;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.problems = List.copyOf(problems);
    }

    /** The group's name; empty for a {@code WSGIDaemonProcess} without one (which httpd refuses). */
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

    /**
     * Problems of the line for the configured mod_wsgi release: first those httpd refuses it for
     * ({@link DaemonProblem#refused()}, in the order mod_wsgi meets them, so the first is the one httpd prints),
     * then values mod_wsgi accepts but reads otherwise than written.
     */
    public List<DaemonProblem> problems() {
        return problems;
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
