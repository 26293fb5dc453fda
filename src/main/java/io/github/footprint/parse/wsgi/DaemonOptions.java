package io.github.footprint.parse.wsgi;

import java.util.Map;
import java.util.Optional;

import io.github.footprint.base.Atoi;
import io.github.footprint.source.template.Unknowns;

/**
 * The numbers mod_wsgi reads from a {@code WSGIDaemonProcess}'s options (the last value of each), each as written
 * and as read: {@code processes}, {@code threads}, {@code maximum-requests} and {@code stack-size} with
 * {@code atoi} (an int: glibc cuts the long to its low 32 bits), {@code memory-limit} and
 * {@code virtual-memory-limit} with {@code apr_atoi64}. Empty when the option is absent. A value a template left
 * unknown stands as mod_wsgi's default for the option (no limit for the limits), marked {@link NumberOption#unknown()}.
 */
public final class DaemonOptions {
    /** mod_wsgi's default {@code threads}. */
    public static final int DEFAULT_THREADS = 15;

    private final NumberOption processes;
    private final NumberOption threads;
    private final NumberOption maximumRequests;
    private final NumberOption stackSize;
    private final NumberOption memoryLimit;
    private final NumberOption virtualMemoryLimit;

    private DaemonOptions(Map<String, String> options) {
        this.processes = atoi(options.get("processes"), 1);
        this.threads = atoi(options.get("threads"), DEFAULT_THREADS);
        this.maximumRequests = atoi(options.get("maximum-requests"), 0);
        this.stackSize = atoi(options.get("stack-size"), 0);
        this.memoryLimit = atoi64(options.get("memory-limit"));
        this.virtualMemoryLimit = atoi64(options.get("virtual-memory-limit"));
    }

    /** The numbers of options as written, {@code name -> value}. */
    public static DaemonOptions of(Map<String, String> options) {
        return new DaemonOptions(options);
    }

    /** @param assumed what stands for a value a template left unknown: mod_wsgi's default for the option */
    private static NumberOption atoi(String v, long assumed) {
        return v == null ? null : Unknowns.contains(v) ? NumberOption.unknown(v, assumed)
                : new NumberOption(v, Atoi.parseInt(v));
    }

    /** An unknown limit is taken as none (0): nothing caps the process, the worst case. */
    private static NumberOption atoi64(String v) {
        return v == null ? null : Unknowns.contains(v) ? NumberOption.unknown(v, 0) : new NumberOption(v, Atoi.parse(v));
    }

    public Optional<NumberOption> processes() {
        return Optional.ofNullable(processes);
    }

    public Optional<NumberOption> threads() {
        return Optional.ofNullable(threads);
    }

    public Optional<NumberOption> maximumRequests() {
        return Optional.ofNullable(maximumRequests);
    }

    public Optional<NumberOption> stackSize() {
        return Optional.ofNullable(stackSize);
    }

    public Optional<NumberOption> memoryLimit() {
        return Optional.ofNullable(memoryLimit);
    }

    public Optional<NumberOption> virtualMemoryLimit() {
        return Optional.ofNullable(virtualMemoryLimit);
    }
}
