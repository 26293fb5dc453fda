package io.github.footprint.model.mpm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MPM sizing directives footprint computes, by their httpd 2.4 name and, where 2.4 renamed one, the 2.2 name
 * it still accepts as an alias ({@code MaxClients}, {@code MaxRequestsPerChild}).
 */
public enum MpmDirective {
    SERVER_LIMIT("ServerLimit", null),
    THREAD_LIMIT("ThreadLimit", null),
    THREADS_PER_CHILD("ThreadsPerChild", null),
    MAX_REQUEST_WORKERS("MaxRequestWorkers", "MaxClients"),
    START_SERVERS("StartServers", null),
    MIN_SPARE_SERVERS("MinSpareServers", null),
    MAX_SPARE_SERVERS("MaxSpareServers", null),
    MIN_SPARE_THREADS("MinSpareThreads", null),
    MAX_SPARE_THREADS("MaxSpareThreads", null),
    MAX_CONNECTIONS_PER_CHILD("MaxConnectionsPerChild", "MaxRequestsPerChild"),
    THREAD_STACK_SIZE("ThreadStackSize", null);

    private static final Map<String, MpmDirective> BY_KEY = new HashMap<>();

    static {
        for (MpmDirective d : values()) {
            BY_KEY.put(d.name24.toLowerCase(Locale.ROOT), d);
            if (d.alias22 != null) {
                BY_KEY.put(d.alias22.toLowerCase(Locale.ROOT), d);
            }
        }
    }

    private final String name24;
    private final String alias22;

    MpmDirective(String name24, String alias22) {
        this.name24 = name24;
        this.alias22 = alias22;
    }

    /** The httpd 2.4 name, as the configuration and httpd's messages write it: {@code MaxRequestWorkers}. */
    public String directiveName() {
        return name24;
    }

    /** The httpd 2.2 name 2.4 still reads for it ({@code MaxClients}), if it has one. */
    public Optional<String> alias22() {
        return Optional.ofNullable(alias22);
    }

    /** The directive of a name as httpd reads it (any case, 2.4 name or 2.2 alias). */
    public static Optional<MpmDirective> byName(String name) {
        return Optional.ofNullable(BY_KEY.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The 2.4 name. */
    @Override
    public String toString() {
        return name24;
    }
}
