package io.github.footprint.mojo;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One target environment in the pom:
 * {@code <environment><id>prod</id><propertiesFile>…</propertiesFile><properties>…</properties></environment>}.
 * The whole check runs once per environment; every finding names its environment. The host parameters are plain
 * fields, one per {@code Host.Parameter} of the same name, which Maven sets and {@link HostFields} reads.
 */
public class Environment {
    /** The environment's name, as findings and reports print it. */
    private String id;

    /** A properties file whose values render the templates for this environment. */
    private File propertiesFile;

    /** Properties for this environment; they override the file's. */
    private Properties properties = new Properties();

    /**
     * Template variables files of this environment ({@code <variables><variable>group_vars/prod.yml</variable>
     * </variables>}), absolute or relative to the project; they beat the goal's {@code variables}.
     */
    private List<String> variables = new ArrayList<>();

    /** Memory an application process gains per request in this environment, overriding the goal's. */
    private String requestGrowth;

    /** The address-space budget in this environment ({@code 2G}), overriding the goal's {@code virtualMemory}. */
    private String virtualMemory;

    /** Resident memory of this environment's host ({@code 1G}), overriding the goal's {@code memory}. */
    private String memory;

    /** Connections the database allows this environment's hosts together, overriding the goal's. */
    private String databaseConnections;

    /** What one loaded application adds to a process here, overriding the goal's {@code appRss}. */
    private String appRss;

    /** Cores of this environment's host, overriding the goal's {@code cpuCores}. */
    private String cpuCores;

    /** Identical application hosts of this environment behind a balancer, overriding the goal's {@code hosts}. */
    private String hosts;

    /** The distribution around a project without a main httpd file here, overriding the goal's {@code platform}. */
    private String platform;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public File getPropertiesFile() {
        return propertiesFile;
    }

    public void setPropertiesFile(File propertiesFile) {
        this.propertiesFile = propertiesFile;
    }

    public List<String> getVariables() {
        return variables;
    }

    public void setVariables(List<String> variables) {
        this.variables = variables;
    }

    public Properties getProperties() {
        return properties;
    }

    public void setProperties(Properties properties) {
        this.properties = properties;
    }
}
