package io.github.footprint.engine;

import java.nio.file.Path;
import java.util.Properties;

import io.github.footprint.model.Host;

/** One target environment: its id, its properties file and properties, and its statements about the host. */
public final class EnvironmentSpec {
    private final String id;
    private final Path propertiesFile;
    private final Properties properties;
    private final Host.Settings host;

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
        this(id, propertiesFile, properties, new Host.Settings()
                .requestGrowth(requestGrowth >= 0 ? requestGrowth : null)
                .virtualMemory(virtualMemory > 0 ? virtualMemory : null));
    }

    /**
     * @param propertiesFile may be null
     * @param host this environment's budgets and host statements; each unset one inherits the goal's
     */
    public EnvironmentSpec(String id, Path propertiesFile, Properties properties, Host.Settings host) {
        this.id = id;
        this.propertiesFile = propertiesFile;
        this.properties = new Properties();
        this.properties.putAll(properties);
        this.host = host;
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

    /** The goal's host statements with this environment's overrides. */
    public Host host(Host goal) {
        return host.over(goal);
    }
}
