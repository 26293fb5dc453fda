package io.github.footprint.model;

import java.util.List;

/** The user's statements about the host and the application that the model needs. */
public final class ModelParameters {
    /** What Pylons' stock {@code config/environment.py} passes to {@code engine_from_config}. */
    public static final List<String> DEFAULT_SQLALCHEMY_PREFIXES = List.of("sqlalchemy.");

    private final long requestGrowth;
    private final String assumedMpm;
    private final String apacheVersion;
    private final String modWsgiVersion;
    private final long virtualMemory;
    private final List<String> sqlalchemyPrefixes;

    /**
     * @param requestGrowth bytes an application process gains per request (0: unknown)
     * @param assumedMpm the MPM assumed when no main httpd file loads one ({@code prefork}, {@code worker}, {@code event})
     * @param apacheVersion {@code 2.2} or {@code 2.4}
     */
    public ModelParameters(long requestGrowth, String assumedMpm, String apacheVersion) {
        this(requestGrowth, assumedMpm, apacheVersion, "4.9", -1);
    }

    /**
     * @param modWsgiVersion the mod_wsgi release whose {@code WSGIDaemonProcess} options apply ({@code 4.9},
     *        {@code 6.0.5})
     * @param virtualMemory the address-space budget in bytes ({@code virtualMemory}: a VPS cap, {@code ulimit -v}),
     *     or -1 when unset
     */
    public ModelParameters(long requestGrowth, String assumedMpm, String apacheVersion, String modWsgiVersion,
            long virtualMemory) {
        this(requestGrowth, assumedMpm, apacheVersion, modWsgiVersion, virtualMemory, DEFAULT_SQLALCHEMY_PREFIXES);
    }

    private ModelParameters(long requestGrowth, String assumedMpm, String apacheVersion, String modWsgiVersion,
            long virtualMemory, List<String> sqlalchemyPrefixes) {
        this.requestGrowth = requestGrowth;
        this.assumedMpm = assumedMpm;
        this.apacheVersion = apacheVersion;
        this.modWsgiVersion = modWsgiVersion;
        this.virtualMemory = virtualMemory;
        this.sqlalchemyPrefixes = List.copyOf(sqlalchemyPrefixes);
    }

    public static ModelParameters defaults() {
        return new ModelParameters(0, "event", "2.4");
    }

    /**
     * A copy with the prefixes the application's code passes to {@code engine_from_config(config, prefix)}, one
     * call per prefix ({@code sqlalchemy.} in Pylons' stock {@code environment.py}).
     */
    public ModelParameters withSqlalchemyPrefixes(List<String> prefixes) {
        return new ModelParameters(requestGrowth, assumedMpm, apacheVersion, modWsgiVersion, virtualMemory, prefixes);
    }

    public long requestGrowth() {
        return requestGrowth;
    }

    public String apacheVersion() {
        return apacheVersion;
    }

    public String assumedMpm() {
        return assumedMpm;
    }

    /** The mod_wsgi release whose options apply, as the user wrote it. */
    public String modWsgiVersion() {
        return modWsgiVersion;
    }

    /** The address-space budget in bytes, or -1 when the user set none. */
    public long virtualMemory() {
        return virtualMemory;
    }

    /** The prefixes {@code engine_from_config} is called with. */
    public List<String> sqlalchemyPrefixes() {
        return sqlalchemyPrefixes;
    }
}
