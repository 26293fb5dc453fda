package io.github.footprint.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.github.footprint.findings.FailOn;
import io.github.footprint.findings.SeverityPolicy;
import io.github.footprint.model.Host;
import io.github.footprint.report.Format;
import io.github.footprint.parse.wsgi.WsgiOptions;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.source.FileTypes;
import io.github.footprint.source.template.SedForms;

/**
 * Everything the mojo knows, read, checked and frozen. The mojo gives the raw values to a {@link Builder} as Maven
 * gives them (strings, files); {@link Builder#build()} hands them to the {@link RequestParser}, the one place that
 * reads them and throws {@link RequestException} with what to fix when one is wrong.
 */
public final class CheckRequest {
    /** The source folder when none is named, relative to the project base directory. */
    public static final String DEFAULT_SOURCE_DIRECTORY = "src/main/deploy";

    private final Path baseDirectory;
    private final Path sourceDirectory;
    private final boolean sourceMissing;
    private final List<String> includes;
    private final List<String> excludes;
    private final String apacheMain;
    private final String serverRoot;
    private final Map<String, String> pathMappings;
    private final String apacheVersion;
    private final String modWsgiVersion;
    private final String mpm;
    private final boolean filtering;
    private final Properties properties;
    private final Properties userProperties;
    private final Host host;
    private final List<EnvironmentSpec> environments;
    private final List<String> sqlalchemyPrefixes;
    private final Map<String, String> severities;
    private final Map<String, Map<String, String>> ruleOptions;
    private final FailOn failOn;
    private final Set<Format> formats;
    private final Path outputDirectory;
    private final String toolVersion;
    private final String helpUrl;
    private final SedForms sedForms;
    private final FileTypes fileTypes;

    CheckRequest(RequestParser p) {
        this.baseDirectory = p.baseDirectory;
        this.sourceDirectory = p.sourceDirectory;
        this.sourceMissing = p.sourceMissing;
        this.includes = List.copyOf(p.raw.includes);
        this.excludes = List.copyOf(p.raw.excludes);
        this.apacheMain = p.apacheMain;
        this.serverRoot = p.serverRoot;
        this.pathMappings = Map.copyOf(p.pathMappings);
        this.apacheVersion = p.raw.apacheVersion;
        this.modWsgiVersion = p.raw.modWsgiVersion;
        this.mpm = p.mpm;
        this.filtering = p.raw.filtering;
        this.properties = copy(p.raw.properties);
        this.userProperties = copy(p.raw.userProperties);
        this.host = p.host;
        this.environments = List.copyOf(p.environments);
        this.sqlalchemyPrefixes = List.copyOf(p.sqlalchemyPrefixes);
        this.severities = Map.copyOf(p.severities);
        this.ruleOptions = Map.copyOf(p.ruleOptions);
        this.failOn = p.failOn;
        this.formats = Collections.unmodifiableSet(EnumSet.copyOf(p.formats));
        this.outputDirectory = p.outputDirectory;
        this.toolVersion = p.raw.toolVersion;
        this.helpUrl = p.helpUrl;
        this.sedForms = p.sedForms;
        this.fileTypes = p.fileTypes;
    }

    /** The placeholder forms a deploy script fills in with sed ({@code sedPlaceholders}). */
    public SedForms sedForms() {
        return sedForms;
    }

    /** The user's kind and dialect of files by glob ({@code fileTypes}). */
    public FileTypes fileTypes() {
        return fileTypes;
    }

    private static Properties copy(Properties p) {
        Properties c = new Properties();
        c.putAll(p);
        return c;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    public Path sourceDirectory() {
        return sourceDirectory;
    }

    /**
     * True when the source folder is the default one and does not exist: a module without deploy templates, which
     * the goal skips with one line. A folder the user named must exist ({@link RequestParser} refuses it).
     */
    public boolean sourceMissing() {
        return sourceMissing;
    }

    /**
     * The source folder as the console names it: relative to the project base directory, or absolute when it lies
     * outside the project (then the files' paths are relative to it). File reports never carry absolute paths.
     */
    public String sourceDisplay() {
        if (!sourceDirectory.startsWith(baseDirectory)) {
            return sourceDirectory.toString();
        }
        String s = baseDirectory.relativize(sourceDirectory).toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * What the files' paths in the reports are relative to: the project base directory, or the source folder when
     * it lies outside the project (never {@code ../../x}).
     */
    public Path displayBase() {
        return sourceDirectory.startsWith(baseDirectory) ? baseDirectory : sourceDirectory;
    }

    public List<String> includes() {
        return includes;
    }

    public List<String> excludes() {
        return excludes;
    }

    /** The main httpd file as a tree path, or null for auto. */
    public String apacheMain() {
        return apacheMain;
    }

    /** The Apache root as a tree path, or null for auto. */
    public String serverRoot() {
        return serverRoot;
    }

    /** Host prefix to tree path prefix. */
    public Map<String, String> pathMappings() {
        return pathMappings;
    }

    public String apacheVersion() {
        return apacheVersion;
    }

    public String modWsgiVersion() {
        return modWsgiVersion;
    }

    /** {@code prefork}, {@code worker} or {@code event}. */
    public String mpm() {
        return mpm;
    }

    public boolean filtering() {
        return filtering;
    }

    /** Project and plugin properties (lowest precedence). */
    public Properties properties() {
        return copy(properties);
    }

    /** {@code -D} properties (highest precedence). */
    public Properties userProperties() {
        return copy(userProperties);
    }

    /** The goal's budgets and host statements; each environment's {@link EnvironmentSpec#host()} starts from them. */
    public Host host() {
        return host;
    }

    /** The environments in the order given; one {@code default} environment when none is given. */
    public List<EnvironmentSpec> environments() {
        return environments;
    }

    /** The prefixes the application's code passes to {@code engine_from_config}, in the order given. */
    public List<String> sqlalchemyPrefixes() {
        return sqlalchemyPrefixes;
    }

    public SeverityPolicy severityPolicy() {
        return new SeverityPolicy(severities);
    }

    /** The options the user set for one rule. */
    public Map<String, String> ruleOptions(String id) {
        return ruleOptions.getOrDefault(id, Map.of());
    }

    public FailOn failOn() {
        return failOn;
    }

    /** The reports to write, in {@link Format}'s order. */
    public Set<Format> formats() {
        return formats;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public String toolVersion() {
        return toolVersion;
    }

    /** The base URL of the published rule pages ({@code helpUrl}), or null: no links then. */
    public String helpUrl() {
        return helpUrl;
    }

    /**
     * The raw parameters, as Maven gives them: strings (a size as the user wrote it, {@code 768M}), files, lists and
     * maps; nothing is read or checked before {@link #build()}. A parameter not given keeps the goal's default.
     */
    public static final class Builder {
        Path baseDirectory;
        Path sourceDirectory;
        String sourceDirectorySetBy;
        List<String> includes = List.of();
        List<String> excludes = List.of();
        Path apacheMain;
        Path serverRoot;
        final List<String[]> pathMappings = new ArrayList<>();
        String apacheVersion = "2.4";
        String modWsgiVersion = "4.9";
        String mpm = "event";
        boolean filtering = true;
        Properties properties = new Properties();
        Properties userProperties = new Properties();
        final Map<Host.Parameter, String> host = new EnumMap<>(Host.Parameter.class);
        final List<Environment> environments = new ArrayList<>();
        String sqlalchemyPrefixes;
        Map<String, String> rules = Map.of();
        String failOn = "error";
        String formats = "console,json,sarif,junit,html";
        Path outputDirectory;
        String toolVersion = "unknown";
        String helpUrl;
        String variables;
        String sedPlaceholders;
        final List<String[]> fileTypes = new ArrayList<>();

        /** One {@code <environment>} as written. */
        static final class Environment {
            final String id;
            final Path propertiesFile;
            final Properties properties;
            final Map<Host.Parameter, String> host;
            final List<String> variables;

            Environment(String id, Path propertiesFile, Properties properties, Map<Host.Parameter, String> host,
                    List<String> variables) {
                this.id = id;
                this.propertiesFile = propertiesFile;
                this.properties = properties;
                this.host = host;
                this.variables = variables;
            }
        }

        public Builder baseDirectory(Path p) {
            baseDirectory = p;
            return this;
        }

        /** The source folder as the default gives it: when it does not exist the goal skips. */
        public Builder sourceDirectory(Path p) {
            return sourceDirectory(p, null);
        }

        /**
         * The source folder.
         *
         * @param setBy how the user named it, as a message says it ({@code -Dfootprint.sourceDirectory}, {@code the
         *     pom's <sourceDirectory>}); null for the default. A named folder that does not exist is an error.
         */
        public Builder sourceDirectory(Path p, String setBy) {
            sourceDirectory = p;
            sourceDirectorySetBy = setBy;
            return this;
        }

        public Builder includes(List<String> v) {
            includes = v == null ? List.of() : v;
            return this;
        }

        public Builder excludes(List<String> v) {
            excludes = v == null ? List.of() : v;
            return this;
        }

        public Builder apacheMain(Path p) {
            apacheMain = p;
            return this;
        }

        public Builder serverRoot(Path p) {
            serverRoot = p;
            return this;
        }

        /**
         * One {@code <pathMapping>}: a host path prefix and the project folder (absolute, or relative to the base
         * directory) that holds what is deployed there; either may be null when the pom leaves it out.
         */
        public Builder pathMapping(String hostPrefix, String folder) {
            pathMappings.add(new String[] {hostPrefix, folder});
            return this;
        }

        /** {@link #pathMapping} for each entry: host prefix to project folder. */
        public Builder pathMappings(Map<String, String> v) {
            if (v != null) {
                v.forEach(this::pathMapping);
            }
            return this;
        }

        public Builder apacheVersion(String v) {
            apacheVersion = v;
            return this;
        }

        public Builder modWsgiVersion(String v) {
            modWsgiVersion = v;
            return this;
        }

        public Builder mpm(String v) {
            mpm = v;
            return this;
        }

        public Builder filtering(boolean v) {
            filtering = v;
            return this;
        }

        public Builder properties(Properties v) {
            properties = v == null ? new Properties() : v;
            return this;
        }

        public Builder userProperties(Properties v) {
            userProperties = v == null ? new Properties() : v;
            return this;
        }

        /**
         * A host parameter of the goal as the user wrote it ({@code memory -> 768M}); null leaves its default.
         *
         * @param name a {@link Host.Parameter}'s pom name
         * @throws IllegalArgumentException when no host parameter has that name
         */
        public Builder host(String name, String text) {
            host.put(parameter(name), text);
            return this;
        }

        /**
         * One target environment.
         *
         * @param propertiesFile may be null
         * @param hostValues its host parameters as written ({@code memory -> 1G}); each one absent, null or blank
         *     inherits the goal's value
         * @throws IllegalArgumentException when no host parameter has one of the names
         */
        public Builder environment(String id, Path propertiesFile, Properties properties,
                Map<String, String> hostValues) {
            return environment(id, propertiesFile, properties, hostValues, List.of());
        }

        /**
         * One target environment with its own variables files ({@code <variables>}: paths absolute or relative to the
         * base directory), read after the goal's.
         */
        public Builder environment(String id, Path propertiesFile, Properties properties,
                Map<String, String> hostValues, List<String> variables) {
            Map<Host.Parameter, String> h = new EnumMap<>(Host.Parameter.class);
            hostValues.forEach((name, text) -> h.put(parameter(name), text));
            Properties p = new Properties();
            if (properties != null) {
                p.putAll(properties);
            }
            environments.add(new Environment(id, propertiesFile, p, h, variables == null ? List.of()
                    : new ArrayList<>(variables)));
            return this;
        }

        /** {@link #host(String, String)} with a number, written as a pom would: bytes for a size, a count as is. */
        public Builder host(String name, long value) {
            return host(name, Long.toString(value));
        }

        private static Host.Parameter parameter(String name) {
            return Host.Parameter.byPomName(name)
                    .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a host parameter"));
        }

        /**
         * Comma-separated prefixes passed to {@code engine_from_config}; null (the default): each {@code PREFIXurl} key
         * of an app's settings is an engine.
         */
        public Builder sqlalchemyPrefixes(String v) {
            sqlalchemyPrefixes = v;
            return this;
        }

        /** {@code FPnnn -> severity|off} and {@code FPnnn.option -> number}. */
        public Builder rules(Map<String, String> v) {
            rules = v == null ? Map.of() : new LinkedHashMap<>(v);
            return this;
        }

        public Builder failOn(String v) {
            failOn = v;
            return this;
        }

        /** Comma-separated report formats. */
        public Builder formats(String v) {
            formats = v;
            return this;
        }

        public Builder outputDirectory(Path p) {
            outputDirectory = p;
            return this;
        }

        public Builder toolVersion(String v) {
            toolVersion = v;
            return this;
        }

        /**
         * The base URL of the published rule pages, such as {@code https://example.org/footprint/rules/}: a rule's
         * link is it with {@code FP201.md} appended, or with {@code {id}} replaced by the rule id when it has one.
         * Null or blank: no links.
         */
        public Builder helpUrl(String v) {
            helpUrl = v;
            return this;
        }

        /**
         * The template variables files of every environment, comma-separated ({@code -Dfootprint.variables}):
         * {@code .yml}/{@code .yaml}, {@code .json} or {@code .properties}, absolute or relative to the base directory;
         * each beats the Ansible layout of the tree and the files before it.
         */
        public Builder variables(String v) {
            variables = v;
            return this;
        }

        /** Comma-separated sed placeholder forms ({@code %NAME%,@NAME@}); null for the default set. */
        public Builder sedPlaceholders(String v) {
            sedPlaceholders = v;
            return this;
        }

        /** One {@code <fileType>}: an Ant-style glob under the source folder, a kind and a dialect (either may be null). */
        public Builder fileType(String glob, String kind, String dialect) {
            fileTypes.add(new String[] {glob, kind, dialect});
            return this;
        }

        /** Reads and checks every value. */
        public CheckRequest build() throws RequestException {
            return RequestParser.parse(this);
        }
    }
}
