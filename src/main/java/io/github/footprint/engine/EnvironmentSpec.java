package io.github.footprint.engine;

import java.nio.file.Path;
import java.util.Properties;

import io.github.footprint.model.Host;

/** One target environment, read: its id, its properties file and properties, and its host (the goal's, overridden). */
public final class EnvironmentSpec {
    private final String id;
    private final Path propertiesFile;
    private final Properties properties;
    private final Host host;
    private final java.util.List<Path> variableFiles;

    EnvironmentSpec(String id, Path propertiesFile, Properties properties, Host host) {
        this(id, propertiesFile, properties, host, java.util.List.of());
    }

    EnvironmentSpec(String id, Path propertiesFile, Properties properties, Host host,
            java.util.List<Path> variableFiles) {
        this.variableFiles = java.util.List.copyOf(variableFiles);
        this.id = id;
        this.propertiesFile = propertiesFile;
        this.properties = new Properties();
        this.properties.putAll(properties);
        this.host = host;
    }

    public String id() {
        return id;
    }

    /** The properties file, or null. */
    public Path propertiesFile() {
        return propertiesFile;
    }

    public Properties properties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    /** The template variables files, absolute, lowest precedence first: the goal's, then the environment's. */
    public java.util.List<Path> variableFiles() {
        return variableFiles;
    }

    /** The goal's host statements with this environment's own values over them. */
    public Host host() {
        return host;
    }
}
