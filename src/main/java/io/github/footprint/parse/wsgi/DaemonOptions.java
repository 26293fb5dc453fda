package io.github.footprint.parse.wsgi;

import java.util.Map;
import java.util.Optional;

import io.github.footprint.base.Atoi;

/**
 * The numbers mod_wsgi reads from a {@code WSGIDaemonProcess}'s options (the last value of each), each as written
 * and as read: {@code processes}, {@code threads}, {@code maximum-requests} and {@code stack-size} with
 * {@code atoi} (an int: glibc cuts the long to its low 32 bits), {@code memory-limit} and
 * {@code virtual-memory-limit} with {@code apr_atoi64}. Empty when the option is absent.
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
        this.processes = atoi(options.get("processes"));
        this.threads = atoi(options.get("threads"));
        this.maximumRequests = atoi(options.get("maximum-requests"));
        this.stackSize = atoi(options.get("stack-size"));
        this.memoryLimit = atoi64(options.get("memory-limit"));
        this.virtualMemoryLimit = atoi64(options.get("virtual-memory-limit"));
    }

    /** The numbers of options as written, {@code name -> value}. */
    public static DaemonOptions of(Map<String, String> options) {
        return new DaemonOptions(options);
    }

    private static NumberOption atoi(String v) {
        return v == null ? null : new NumberOption(v, Atoi.parseInt(v));
    }

    private static NumberOption atoi64(String v) {
        return v == null ? null : new NumberOption(v, Atoi.parse(v));
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
