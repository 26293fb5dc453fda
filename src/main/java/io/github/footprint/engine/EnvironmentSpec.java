package io.github.footprint.engine;

import java.nio.file.Path;
import java.util.Properties;

/** One target environment: its id, its properties file and properties, and its statements about the host. */
public final class EnvironmentSpec {
    private final String id;
    private final Path propertiesFile;
    private final Properties properties;
    private final long requestGrowth;
    private final long virtualMemory;

    /**
     * @param propertiesFile may be null
     * @param requestGrowth bytes per request; -1 to inherit the goal's value
     */
    public EnvironmentSpec(String id, Path propertiesFile, Properties properties, long requestGrowth) {
        this(id, propertiesFile, properties, requestGrowth, -1);
    }

    /**
     * @param propertiesFile may be null
     * @param requestGrowth bytes per request; -1 to inherit the goal's value
     * @param virtualMemory the address-space budget in bytes; -1 to inherit the goal's value
     */
    public EnvironmentSpec(String id, Path propertiesFile, Properties properties, long requestGrowth,
            long virtualMemory) {
        this.id = id;
        this.propertiesFile = propertiesFile;
        this.properties = new Properties();
        this.properties.putAll(properties);
        this.requestGrowth = requestGrowth;
        this.virtualMemory = virtualMemory;
    }

    public String id() {
        return id;
    }

    public Path propertiesFile() {
        return propertiesFile;
    }

    public Properties properties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    public long requestGrowth() {
        return requestGrowth;
    }

    /** The address-space budget in bytes, or -1 to inherit the goal's. */
    public long virtualMemory() {
        return virtualMemory;
    }
}
