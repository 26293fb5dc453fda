package io.github.footprint.model;

/** The user's statements about the host that the model needs (more come with the memory model). */
public final class ModelParameters {
    private final long requestGrowth;
    private final String assumedMpm;
    private final String apacheVersion;
    private final String modWsgiVersion;

    /**
     * @param requestGrowth bytes an application process gains per request (0: unknown)
     * @param apacheVersion {@code 2.2} or {@code 2.4}
     * @param assumedMpm the MPM assumed when no main httpd file loads one ({@code prefork}, {@code worker}, {@code event})
     */
    public ModelParameters(long requestGrowth, String assumedMpm, String apacheVersion) {
        this(requestGrowth, assumedMpm, apacheVersion, "4.9");
    }

    /**
     * @param modWsgiVersion the mod_wsgi release whose {@code WSGIDaemonProcess} options apply ({@code 4.9},
     *        {@code 6.0.5})
     */
    public ModelParameters(long requestGrowth, String assumedMpm, String apacheVersion, String modWsgiVersion) {
        this.requestGrowth = requestGrowth;
        this.assumedMpm = assumedMpm;
        this.apacheVersion = apacheVersion;
        this.modWsgiVersion = modWsgiVersion;
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

    /** The mod_wsgi release whose options apply, as the user wrote it. */
    public String modWsgiVersion() {
        return modWsgiVersion;
    }
}
