package io.github.footprint.model.mpm;

import io.github.footprint.base.Location;

/**
 * A sizing value httpd changes at start-up: the AH code and text {@code apache2 -t} prints, or for the run-time
 * fix-ups httpd makes without a word the kind of fix-up; the directive, both values, and where the configured
 * value is set.
 */
public final class MpmAdjustment {
    /** The fix-ups httpd makes without a message. */
    public enum Silent {
        /** Prefork: {@code MaxSpareServers} below {@code MinSpareServers + 1} is raised to it. */
        MAX_SPARE_SERVERS_RAISED,
        /** Prefork: {@code StartServers} above {@code MaxRequestWorkers} starts that many. */
        START_SERVERS_ABOVE_MAX_REQUEST_WORKERS,
        /** Worker/event: {@code MaxSpareThreads} below {@code MinSpareThreads + ThreadsPerChild + 1} is raised. */
        MAX_SPARE_THREADS_RAISED,
        /** Worker/event: {@code StartServers} above the children MaxRequestWorkers allows starts that many. */
        START_SERVERS_ABOVE_CHILDREN,
        /** httpd 2.2 worker/event: {@code MaxSpareThreads} below {@code MinSpareThreads + ThreadsPerChild}. */
        MAX_SPARE_THREADS_RAISED_22
    }

    private final String code;
    private final String text;
    private final Silent silent;
    private final MpmDirective directive;
    private final long from;
    private final long to;
    private final Location location;

    MpmAdjustment(String code, String text, MpmDirective directive, long from, long to, Location location) {
        this(code, text, null, directive, from, to, location);
    }

    MpmAdjustment(Silent silent, MpmDirective directive, long from, long to, Location location) {
        this("", null, silent, directive, from, to, location);
    }

    private MpmAdjustment(String code, String text, Silent silent, MpmDirective directive, long from, long to,
            Location location) {
        this.code = code;
        this.text = text;
        this.silent = silent;
        this.directive = directive;
        this.from = from;
        this.to = to;
        this.location = location;
    }

    /** {@code AH00316}, or the empty string for a silent adjustment. */
    public String code() {
        return code;
    }

    /** httpd's startup text after the code (the {@code WARNING: ...} form); null for a silent fix-up. */
    public String text() {
        return text;
    }

    /** The kind of a silent fix-up; null when httpd logs the change. */
    public Silent silent() {
        return silent;
    }

    public MpmDirective directive() {
        return directive;
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    /** Where the changed directive is set, or null when it is the compiled-in default. */
    public Location location() {
        return location;
    }

    public boolean isSilent() {
        return code.isEmpty();
    }

    @Override
    public String toString() {
        return silent != null ? silent + " " + directive + " " + from + " -> " + to : code + ": " + text;
    }
}
