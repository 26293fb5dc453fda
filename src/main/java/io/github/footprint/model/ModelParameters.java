package io.github.footprint.model;

/** The user's statements about the host that the model needs (more come with the memory model). */
public final class ModelParameters {
    /** The prefix Pylons' stock {@code config/environment.py} passes to {@code engine_from_config}. */
    public static final java.util.List<String> DEFAULT_SQLALCHEMY_PREFIXES = java.util.List.of("sqlalchemy.");

    private final long requestGrowth;
    private final String assumedMpm;
    private final String apacheVersion;
    /** Set only by {@link #withSqlalchemyPrefixes} on a fresh copy. */
    private java.util.List<String> sqlalchemyPrefixes = DEFAULT_SQLALCHEMY_PREFIXES;

    /**
     * @param requestGrowth bytes an application process gains per request (0: unknown)
     * @param apacheVersion {@code 2.2} or {@code 2.4}
     * @param assumedMpm the MPM assumed when no main httpd file loads one ({@code prefork}, {@code worker}, {@code event})
     */
    public ModelParameters(long requestGrowth, String assumedMpm, String apacheVersion) {
        this.requestGrowth = requestGrowth;
        this.assumedMpm = assumedMpm;
        this.apacheVersion = apacheVersion;
    }

    public static ModelParameters defaults() {
        return new ModelParameters(0, "event", "2.4");
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

    /**
     * A copy with the prefixes the application's code passes to {@code engine_from_config(config, prefix)}, one
     * call per prefix ({@code sqlalchemy.} in Pylons' stock {@code environment.py}).
     */
    public ModelParameters withSqlalchemyPrefixes(java.util.List<String> prefixes) {
        ModelParameters p = new ModelParameters(requestGrowth, assumedMpm, apacheVersion);
        p.sqlalchemyPrefixes = java.util.List.copyOf(prefixes);
        return p;
    }

    /** The prefixes {@code engine_from_config} is called with. */
    public java.util.List<String> sqlalchemyPrefixes() {
        return sqlalchemyPrefixes;
    }
}
