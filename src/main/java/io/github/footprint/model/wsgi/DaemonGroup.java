package io.github.footprint.model.wsgi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.github.footprint.base.Location;
import io.github.footprint.parse.wsgi.DaemonLine;
import io.github.footprint.parse.wsgi.DaemonOptions;
import io.github.footprint.parse.wsgi.DaemonProblem;
import io.github.footprint.parse.wsgi.NumberOption;
import io.github.footprint.source.template.Unknowns;

/**
 * One {@code WSGIDaemonProcess} as mod_wsgi reads it: its options as written, the numbers mod_wsgi reads from them
 * ({@code atoi} semantics, mod_wsgi's defaults where an option is absent), and what is wrong with the line for
 * the configured mod_wsgi release: what httpd refuses (with mod_wsgi's message) and what it misreads.
 */
public final class DaemonGroup {
    /** mod_wsgi's default {@code threads}. */
    public static final int DEFAULT_THREADS = DaemonOptions.DEFAULT_THREADS;

    /** The smallest {@code stack-size} mod_wsgi applies: below it {@code pthread_attr_setstacksize} fails, ignored. */
    private static final long PTHREAD_STACK_MIN = 16384;

    private final String name;
    private final Location location;
    private final String serverName;
    private final Map<String, String> options;
    private final DaemonOptions values;
    private final List<DaemonProblem> problems;

    DaemonGroup(DaemonLine line, Location location, String serverName) {
        this.name = line.name();
        this.location = location;
        this.serverName = serverName;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(line.options()));
        this.values = line.values();
        this.problems = List.copyOf(line.problems());
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

    /** The number options as written and as mod_wsgi reads them; empty where the line does not set one. */
    public DaemonOptions values() {
        return values;
    }

    /**
     * True when an option's value is one a template left unknown ({@code threads={{ threads }}}): its number here is
     * mod_wsgi's default, assumed, and a rule that needs the number does not judge it.
     */
    public boolean unknown(String option) {
        String v = options.get(option);
        return v != null && Unknowns.contains(v);
    }

    /** {@code processes}: 1 when absent. */
    public int processes() {
        return values.processes().map(v -> (int) v.read()).orElse(1);
    }

    /** {@code threads}: 15 when absent. */
    public int threads() {
        return values.threads().map(v -> (int) v.read()).orElse(DEFAULT_THREADS);
    }

    /** {@code maximum-requests}: 0 (never recycle) when absent. */
    public long maximumRequests() {
        return values.maximumRequests().map(NumberOption::read).orElse(0L);
    }

    /** {@code stack-size} in bytes as mod_wsgi applies it; empty (the system default) when absent or below 16 KiB. */
    public OptionalLong stackSize() {
        long v = values.stackSize().map(NumberOption::read).orElse(0L);
        return v >= PTHREAD_STACK_MIN ? OptionalLong.of(v) : OptionalLong.empty();
    }

    /** {@code memory-limit} (RLIMIT_DATA) as mod_wsgi sets it; empty when absent or 0 (no limit). */
    public OptionalLong memoryLimit() {
        return limit(values.memoryLimit().map(NumberOption::read).orElse(0L));
    }

    /** {@code virtual-memory-limit} (RLIMIT_AS) as mod_wsgi sets it; empty when absent or 0 (no limit). */
    public OptionalLong virtualMemoryLimit() {
        return limit(values.virtualMemoryLimit().map(NumberOption::read).orElse(0L));
    }

    private static OptionalLong limit(long v) {
        return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
    }

    @Override
    public String toString() {
        return "WSGIDaemonProcess " + name + " " + options;
    }
}
