package io.github.footprint.model;

import java.util.List;

import io.github.footprint.model.memory.Calibration;

/** The user's statements about the host and the application that the model needs. */
public final class ModelParameters {
    /** What Pylons' stock {@code config/environment.py} passes to {@code engine_from_config}. */
    public static final List<String> DEFAULT_SQLALCHEMY_PREFIXES = List.of("sqlalchemy.");

    private final String assumedMpm;
    private final String apacheVersion;
    private final String modWsgiVersion;
    private final Host host;
    private final Calibration calibration;
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
        this(assumedMpm, apacheVersion, modWsgiVersion,
                Host.defaults().withRequestGrowth(requestGrowth).withVirtualMemory(virtualMemory),
                Calibration.measured(), DEFAULT_SQLALCHEMY_PREFIXES);
    }

    private ModelParameters(String assumedMpm, String apacheVersion, String modWsgiVersion, Host host,
            Calibration calibration, List<String> sqlalchemyPrefixes) {
        this.assumedMpm = assumedMpm;
        this.apacheVersion = apacheVersion;
        this.modWsgiVersion = modWsgiVersion;
        this.host = host;
        this.calibration = calibration;
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
        return new ModelParameters(assumedMpm, apacheVersion, modWsgiVersion, host, calibration, prefixes);
    }

    /** A copy with the user's statements about the host (budgets, {@code appRss}, {@code cpuCores}...). */
    public ModelParameters withHost(Host h) {
        return new ModelParameters(assumedMpm, apacheVersion, modWsgiVersion, h, calibration, sqlalchemyPrefixes);
    }

    /** A copy with another calibration of the memory model. */
    public ModelParameters withCalibration(Calibration c) {
        return new ModelParameters(assumedMpm, apacheVersion, modWsgiVersion, host, c, sqlalchemyPrefixes);
    }

    /** The user's statements about the host. */
    public Host host() {
        return host;
    }

    /** The memory model's constants. */
    public Calibration calibration() {
        return calibration;
    }

    public long requestGrowth() {
        return host.requestGrowth();
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
        return host.virtualMemory();
    }

    /** The prefixes {@code engine_from_config} is called with. */
    public List<String> sqlalchemyPrefixes() {
        return sqlalchemyPrefixes;
    }
}
