package io.github.footprint.model;

import java.util.List;

import io.github.footprint.model.memory.Calibration;
import io.github.footprint.source.PlatformChoice;

/** The user's statements about the host and the application that the model needs, given once and whole. */
public final class ModelParameters {
    /**
     * No {@code sqlalchemyPrefixes} given: each app's engines are found in its settings, one per
     * {@code PREFIXurl} key under {@code sqlalchemy.} ({@code PylonsReader.enginePrefixes}).
     */
    public static final List<String> DEFAULT_SQLALCHEMY_PREFIXES = List.of();

    private static final ModelParameters DEFAULTS = new ModelParameters("event", "2.4", "4.9", Host.defaults(),
            DEFAULT_SQLALCHEMY_PREFIXES);

    private final String assumedMpm;
    private final String apacheVersion;
    private final String modWsgiVersion;
    private final Host host;
    private final Calibration calibration;
    private final List<String> sqlalchemyPrefixes;
    private final PlatformChoice platform;
    private Branches branches;

    /**
     * @param assumedMpm the MPM assumed when no main httpd file loads one ({@code prefork}, {@code worker}, {@code event})
     * @param apacheVersion {@code 2.2} or {@code 2.4}
     * @param modWsgiVersion the mod_wsgi release whose {@code WSGIDaemonProcess} options apply ({@code 4.9},
     *        {@code 6.0.5})
     * @param host the budgets and host statements ({@code memory}, {@code appRss}, {@code cpuCores}...)
     * @param sqlalchemyPrefixes the prefixes the application's code passes to
     *        {@code engine_from_config(config, prefix)}, one call per prefix; empty when the user gave none (then
     *        each {@code PREFIXurl} key of an app's settings is an engine)
     */
    public ModelParameters(String assumedMpm, String apacheVersion, String modWsgiVersion, Host host,
            List<String> sqlalchemyPrefixes) {
        this(assumedMpm, apacheVersion, modWsgiVersion, host, Calibration.measured(), sqlalchemyPrefixes,
                PlatformChoice.ownServer(host.platform()));
    }

    private ModelParameters(String assumedMpm, String apacheVersion, String modWsgiVersion, Host host,
            Calibration calibration, List<String> sqlalchemyPrefixes, PlatformChoice platform) {
        this.platform = platform;
        this.assumedMpm = assumedMpm;
        this.apacheVersion = apacheVersion;
        this.modWsgiVersion = modWsgiVersion;
        this.host = host;
        this.calibration = calibration;
        this.sqlalchemyPrefixes = List.copyOf(sqlalchemyPrefixes);
    }

    /** The event MPM assumed, httpd 2.4, mod_wsgi 4.9, {@link Host#defaults()}, engines found in the settings. */
    public static ModelParameters defaults() {
        return DEFAULTS;
    }

    /** A copy with other {@code engine_from_config} prefixes. */
    public ModelParameters withSqlalchemyPrefixes(List<String> prefixes) {
        ModelParameters m = new ModelParameters(assumedMpm, apacheVersion, modWsgiVersion, host, calibration, prefixes,
                platform);
        m.branches = branches;
        return m;
    }

    /** A copy with another calibration of the memory model. */
    public ModelParameters withCalibration(Calibration c) {
        ModelParameters m = new ModelParameters(assumedMpm, apacheVersion, modWsgiVersion, host, c, sqlalchemyPrefixes,
                platform);
        m.branches = branches;
        return m;
    }

    /** A copy with the platform the check read the project in. */
    public ModelParameters withPlatform(PlatformChoice p) {
        ModelParameters m = new ModelParameters(assumedMpm, apacheVersion, modWsgiVersion, host, calibration,
                sqlalchemyPrefixes, p);
        m.branches = branches;
        return m;
    }

    /** Which combination of template branches a footprint counts, of how many read. */
    public static final class Branches {
        private final int count;
        private final String which;

        /** @param which the combination, as a phrase ({@code when ckan_debug is false (production.ini.j2:3)}) */
        public Branches(int count, String which) {
            this.count = count;
            this.which = which;
        }

        public int count() {
            return count;
        }

        public String which() {
            return which;
        }
    }

    /** A copy that says which combination of template branches the footprint counts; null for none. */
    public ModelParameters withBranches(Branches b) {
        ModelParameters p = new ModelParameters(assumedMpm, apacheVersion, modWsgiVersion, host, calibration,
                sqlalchemyPrefixes, platform);
        p.branches = b;
        return p;
    }

    /** Which combination of template branches the footprint counts, or null when the templates do not branch. */
    public Branches branches() {
        return branches;
    }

    /**
     * The distribution whose stock tree surrounded the project, and why ({@link PlatformChoice#applied()} false when
     * the project has its own main httpd file).
     */
    public PlatformChoice platform() {
        return platform;
    }

    /** The user's statements about the host. */
    public Host host() {
        return host;
    }

    /** The memory model's constants. */
    public Calibration calibration() {
        return calibration;
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

    /** The prefixes {@code engine_from_config} is called with, as the user gave them; empty: found in the INI. */
    public List<String> sqlalchemyPrefixes() {
        return sqlalchemyPrefixes;
    }
}
