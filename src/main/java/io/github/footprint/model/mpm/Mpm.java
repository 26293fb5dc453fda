package io.github.footprint.model.mpm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.parse.apache.Directive;

/**
 * The MPM httpd will run and the sizing values it will really use: compiled-in defaults, the last value of
 * each directive in include order, then httpd's own start-up checks ({@code *_check_config}) and run-time
 * fix-ups, each change recorded with its AH code.
 */
public final class Mpm {
    /** The MPMs httpd 2.4 ships. */
    public enum Kind {
        PREFORK,
        WORKER,
        EVENT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean threaded() {
            return this != PREFORK;
        }
    }

    private final Kind kind;
    private final boolean assumed;
    private final List<Directive> loads;
    private final Map<MpmDirective, MpmValue> values;
    private final List<MpmAdjustment> adjustments;
    private final List<Directive> foreign;
    private final List<Directive> inVirtualHost;
    private final List<Directive> deprecated;

    Mpm(Kind kind, boolean assumed, List<Directive> loads, Map<MpmDirective, MpmValue> values, List<MpmAdjustment> adjustments,
            List<Directive> foreign, List<Directive> inVirtualHost, List<Directive> deprecated) {
        this.kind = kind;
        this.assumed = assumed;
        this.loads = List.copyOf(loads);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.adjustments = List.copyOf(adjustments);
        this.foreign = List.copyOf(foreign);
        this.inVirtualHost = List.copyOf(inVirtualHost);
        this.deprecated = List.copyOf(deprecated);
    }

    private List<Directive> unknownValues = List.of();

    /** The same MPM with the sizing directives whose value a template left unknown. */
    Mpm withUnknownValues(List<Directive> unknown) {
        this.unknownValues = List.copyOf(unknown);
        return this;
    }

    /**
     * The sizing directives whose value a template left unknown ({@code MaxRequestWorkers {{ workers }}}), the last
     * of each: the MPM's compiled-in default stands for each in {@link #values()}.
     */
    public List<Directive> unknownValues() {
        return unknownValues;
    }

    /** The MPM that runs, or null when none or several are loaded (httpd refuses to start: AH00534). */
    public Kind kind() {
        return kind;
    }

    /** True when no main file names the MPM and the {@code mpm} parameter was assumed. */
    public boolean assumed() {
        return assumed;
    }

    /** The {@code LoadModule mpm_*} directives, in reading order. */
    public List<Directive> loads() {
        return loads;
    }

    /** The sizing values of the running MPM by directive, in a fixed order (the compiled-in defaults' order). */
    public Map<MpmDirective, MpmValue> values() {
        return values;
    }

    /** The value of a directive, empty when this MPM has no such directive. */
    public Optional<MpmValue> value(MpmDirective directive) {
        return Optional.ofNullable(values.get(directive));
    }

    /** The effective value of a directive, or 0 when this MPM has no such directive. */
    public long effective(MpmDirective directive) {
        MpmValue v = values.get(directive);
        return v == null ? 0 : v.effective();
    }

    /** What httpd changes, in the order it checks. */
    public List<MpmAdjustment> adjustments() {
        return adjustments;
    }

    /** Directives of an MPM that is not loaded, outside a matching {@code <IfModule>}: "Invalid command". */
    public List<Directive> foreign() {
        return foreign;
    }

    /**
     * MPM directives inside a {@code <VirtualHost>} ("cannot occur within &lt;VirtualHost&gt; section") or a
     * {@code <Directory>}, {@code <Location>}... ("not allowed in &lt;Directory&gt; context"): httpd refuses both.
     */
    public List<Directive> inVirtualHost() {
        return inVirtualHost;
    }

    /** 2.2 names ({@code MaxClients}, {@code MaxRequestsPerChild}) used on 2.4. */
    public List<Directive> deprecated() {
        return deprecated;
    }

    /** Child processes at most: prefork MaxRequestWorkers; worker/event MaxRequestWorkers / ThreadsPerChild. */
    public long maxChildren() {
        if (kind == null) {
            return 0;
        }
        if (kind == Kind.PREFORK) {
            return effective(MpmDirective.MAX_REQUEST_WORKERS);
        }
        long tpc = Math.max(1, effective(MpmDirective.THREADS_PER_CHILD));
        return effective(MpmDirective.MAX_REQUEST_WORKERS) / tpc;
    }

    /**
     * Child processes httpd keeps when the server is idle: prefork {@code max(StartServers, MinSpareServers)},
     * worker/event {@code max(StartServers, ceil(MinSpareThreads / ThreadsPerChild))}, at most
     * {@link #maxChildren()} and {@code ServerLimit}; effective values throughout.
     */
    public long idleChildren() {
        if (kind == null) {
            return 0;
        }
        long idle;
        if (kind == Kind.PREFORK) {
            idle = Math.max(effective(MpmDirective.START_SERVERS), effective(MpmDirective.MIN_SPARE_SERVERS));
        } else {
            long tpc = Math.max(1, effective(MpmDirective.THREADS_PER_CHILD));
            idle = Math.max(effective(MpmDirective.START_SERVERS), (effective(MpmDirective.MIN_SPARE_THREADS) + tpc - 1) / tpc);
        }
        return Math.max(0, Math.min(idle, Math.min(maxChildren(), effective(MpmDirective.SERVER_LIMIT))));
    }

    /**
     * The {@code MaxRequestWorkers} that gives {@code children} child processes: prefork the same number,
     * worker/event {@code children x ThreadsPerChild}.
     */
    public long maxRequestWorkersFor(long children) {
        return kind == Kind.PREFORK ? children : children * Math.max(1, effective(MpmDirective.THREADS_PER_CHILD));
    }
}
