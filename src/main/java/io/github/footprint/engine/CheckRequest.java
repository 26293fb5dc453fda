package io.github.footprint.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import io.github.footprint.findings.FailOn;
import io.github.footprint.findings.SeverityPolicy;
import io.github.footprint.model.Host;
import io.github.footprint.parse.wsgi.WsgiOptions;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;

/**
 * Everything the mojo knows, validated and frozen. Built with {@link Builder}; {@link Builder#build()} throws
 * {@link RequestException} with what to fix when a parameter is wrong.
 */
public final class CheckRequest {
    /** Report formats this version writes. */
    public static final List<String> FORMATS = List.of("console", "json", "sarif", "junit");
    private static final Set<String> MPMS = Set.of("prefork", "worker", "event");

    private final Path baseDirectory;
    private final Path sourceDirectory;
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
    private final List<EnvironmentSpec> environments;
    private final Host host;
    private final List<String> sqlalchemyPrefixes;
    private final Map<String, String> severities;
    private final Map<String, Map<String, String>> ruleOptions;
    private final FailOn failOn;
    private final Set<String> formats;
    private final Path outputDirectory;
    private final String toolVersion;

    private CheckRequest(Builder b, Map<String, String> severities, Map<String, Map<String, String>> ruleOptions,
            FailOn failOn, Set<String> formats, String apacheMain, String serverRoot, Map<String, String> mappings) {
        this.baseDirectory = b.baseDirectory.toAbsolutePath().normalize();
        this.sourceDirectory = b.sourceDirectory.toAbsolutePath().normalize();
        this.includes = List.copyOf(b.includes);
        this.excludes = List.copyOf(b.excludes);
        this.apacheMain = apacheMain;
        this.serverRoot = serverRoot;
        this.pathMappings = Map.copyOf(mappings);
        this.apacheVersion = b.apacheVersion;
        this.modWsgiVersion = b.modWsgiVersion;
        this.mpm = b.mpm;
        this.filtering = b.filtering;
        this.properties = copy(b.properties);
        this.userProperties = copy(b.userProperties);
        this.environments = List.copyOf(b.environments);
        this.host = Host.defaults().withMemory(b.memory).withVirtualMemory(b.virtualMemory)
                .withDatabaseConnections(b.databaseConnections).withAppRss(b.appRss).withCpuCores(b.cpuCores)
                .withRequestGrowth(b.requestGrowth);
        this.sqlalchemyPrefixes = prefixes(b.sqlalchemyPrefixes);
        this.severities = Map.copyOf(severities);
        this.ruleOptions = Map.copyOf(ruleOptions);
        this.failOn = failOn;
        this.formats = Set.copyOf(formats);
        this.outputDirectory = b.outputDirectory.toAbsolutePath().normalize();
        this.toolVersion = b.toolVersion;
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

    public List<EnvironmentSpec> environments() {
        return environments;
    }

    public long requestGrowth() {
        return host.requestGrowth();
    }

    /** The address-space budget ({@code virtualMemory}) in bytes, or -1 when unset. */
    public long virtualMemory() {
        return host.virtualMemory();
    }

    /** The goal's budgets and host statements ({@code memory}, {@code appRss}, {@code cpuCores}...). */
    public Host host() {
        return host;
    }

    /** The prefixes the application's code passes to {@code engine_from_config}, in the order given. */
    public List<String> sqlalchemyPrefixes() {
        return sqlalchemyPrefixes;
    }

    private static List<String> prefixes(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.trim().isEmpty() && !out.contains(p.trim())) {
                out.add(p.trim());
            }
        }
        return List.copyOf(out);
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

    public Set<String> formats() {
        return formats;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public String toolVersion() {
        return toolVersion;
    }

    /** Collects parameters; {@link #build()} validates them. */
    public static final class Builder {
        private Path baseDirectory;
        private Path sourceDirectory;
        private List<String> includes = List.of();
        private List<String> excludes = List.of();
        private Path apacheMain;
        private Path serverRoot;
        private Map<String, String> pathMappings = Map.of();
        private String apacheVersion = "2.4";
        private String modWsgiVersion = "4.9";
        private String mpm = "event";
        private boolean filtering = true;
        private Properties properties = new Properties();
        private Properties userProperties = new Properties();
        private List<EnvironmentSpec> environments = new ArrayList<>();
        private long requestGrowth;
        private long virtualMemory = -1;
        private long memory = -1;
        private long databaseConnections = -1;
        private long appRss = Host.DEFAULT_APP_RSS;
        private int cpuCores = Host.DEFAULT_CPU_CORES;
        private String sqlalchemyPrefixes = "sqlalchemy.";
        private Map<String, String> rules = Map.of();
        private String failOn = "error";
        private String formats = "console,json,sarif,junit";
        private Path outputDirectory;
        private String toolVersion = "unknown";

        public Builder baseDirectory(Path p) {
            baseDirectory = p;
            return this;
        }

        public Builder sourceDirectory(Path p) {
            sourceDirectory = p;
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

        /** Host prefix to project folder (an absolute path or one relative to the base directory). */
        public Builder pathMappings(Map<String, String> v) {
            pathMappings = v == null ? Map.of() : v;
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

        public Builder environment(EnvironmentSpec e) {
            environments.add(e);
            return this;
        }

        public Builder requestGrowth(long v) {
            requestGrowth = v;
            return this;
        }

        /** The address-space budget in bytes; -1 (the default) for none. */
        /** Resident memory the host gives the stack, bytes; -1 for no budget. */
        public Builder memory(long v) {
            memory = v;
            return this;
        }

        /** Connections the database allows this host; -1 for no budget. */
        public Builder databaseConnections(long v) {
            databaseConnections = v;
            return this;
        }

        /** Bytes one loaded application adds to a process. */
        public Builder appRss(long v) {
            appRss = v;
            return this;
        }

        /** Cores of the target host. */
        public Builder cpuCores(int v) {
            cpuCores = v;
            return this;
        }

        public Builder virtualMemory(long v) {
            virtualMemory = v;
            return this;
        }

        /** Comma-separated prefixes passed to {@code engine_from_config}; {@code sqlalchemy.} by default. */
        public Builder sqlalchemyPrefixes(String v) {
            sqlalchemyPrefixes = v == null ? "sqlalchemy." : v;
            return this;
        }

        /** {@code FPnnn -> severity|off} and {@code FPnnn.option -> number}. */
        public Builder rules(Map<String, String> v) {
            rules = v == null ? Map.of() : v;
            return this;
        }

        public Builder failOn(String v) {
            failOn = v;
            return this;
        }

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

        public CheckRequest build() throws RequestException {
            if (baseDirectory == null || sourceDirectory == null || outputDirectory == null) {
                throw new RequestException("baseDirectory, sourceDirectory and outputDirectory are required");
            }
            Path src = sourceDirectory.toAbsolutePath().normalize();
            if (Files.exists(src) && !Files.isDirectory(src)) {
                throw new RequestException("sourceDirectory " + src + " is a file, not a directory: point"
                        + " footprint.sourceDirectory at the folder that holds the deploy templates");
            }
            if (Files.isDirectory(src) && !Files.isReadable(src)) {
                throw new RequestException("sourceDirectory " + src + " cannot be read: check its permissions");
            }
            if (!"2.2".equals(apacheVersion) && !"2.4".equals(apacheVersion)) {
                throw new RequestException("apacheVersion '" + apacheVersion + "' is not supported: use 2.2 or 2.4");
            }
            try {
                WsgiOptions.Version.parse(modWsgiVersion);
            } catch (IllegalArgumentException e) {
                throw new RequestException("modWsgiVersion '" + modWsgiVersion + "' is not a version such as 4.9 or 5.0");
            }
            if (mpm == null || !MPMS.contains(mpm.toLowerCase(Locale.ROOT))) {
                throw new RequestException("mpm '" + mpm + "' is not one of prefork, worker, event");
            }
            mpm = mpm.toLowerCase(Locale.ROOT);
            FailOn f = FailOn.parse(failOn);
            if (f == null) {
                throw new RequestException("failOn '" + failOn + "' is not one of error, warning, never");
            }
            Set<String> fmts = new LinkedHashSet<>();
            for (String s : (formats == null ? "" : formats).split(",")) {
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                if (!FORMATS.contains(t)) {
                    throw new RequestException("formats: '" + t + "' is not a report format of this version; use "
                            + String.join(", ", FORMATS));
                }
                fmts.add(t);
            }
            if (requestGrowth < 0) {
                throw new RequestException("requestGrowth must not be negative");
            }
            if (virtualMemory == 0 || virtualMemory < -1) {
                throw new RequestException("virtualMemory must be a positive size (or unset for no budget)");
            }
            if (memory == 0 || memory < -1) {
                throw new RequestException("memory must be a positive size (or unset for no budget)");
            }
            if (databaseConnections == 0 || databaseConnections < -1) {
                throw new RequestException("databaseConnections must be a positive number (or unset for no budget)");
            }
            if (appRss < 0) {
                throw new RequestException("appRss must not be negative");
            }
            if (cpuCores < 1) {
                throw new RequestException("cpuCores must be at least 1");
            }
            if (prefixes(sqlalchemyPrefixes).isEmpty()) {
                throw new RequestException("sqlalchemyPrefixes '" + sqlalchemyPrefixes + "' names no prefix; use the"
                        + " prefix your environment.py passes to engine_from_config, such as sqlalchemy.");
            }
            Map<String, String> severities = new TreeMap<>();
            Map<String, Map<String, String>> options = new TreeMap<>();
            for (Map.Entry<String, String> e : rules.entrySet()) {
                String key = e.getKey().trim();
                String value = e.getValue() == null ? "" : e.getValue().trim();
                int dot = key.indexOf('.');
                String id = dot < 0 ? key : key.substring(0, dot);
                Rule rule = RuleCatalog.byId(id).orElseThrow(() -> new RequestException("rules: " + id
                        + " is not a rule id; 'mvn footprint:rules' lists them"));
                if (dot < 0) {
                    if (!SeverityPolicy.isValidOverride(value)) {
                        throw new RequestException("rules: " + id + " = '" + value
                                + "' is not error, warning, info or off");
                    }
                    severities.put(id, SeverityPolicy.normalise(value));
                } else {
                    String option = key.substring(dot + 1);
                    if (!Arrays.asList(rule.meta().options()).contains(option)) {
                        throw new RequestException("rules: " + id + " has no option '" + option + "'"
                                + (rule.meta().options().length == 0 ? "" : "; its options are "
                                        + String.join(", ", rule.meta().options())));
                    }
                    if (!value.matches("\\d{1,15}")) {
                        throw new RequestException("rules: " + key + " = '" + value + "' is not a whole number");
                    }
                    options.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(option, value);
                }
            }
            Set<String> ids = new HashSet<>();
            for (EnvironmentSpec e : environments) {
                if (e.id() == null || !e.id().matches("[A-Za-z0-9_.\\-]+")) {
                    throw new RequestException("environments: every environment needs an <id> of letters, digits,"
                            + " '.', '_' or '-' (got '" + e.id() + "')");
                }
                if (!ids.add(e.id())) {
                    throw new RequestException("environments: id '" + e.id() + "' is used twice");
                }
                Path pf = e.propertiesFile();
                if (pf != null && (!Files.isRegularFile(pf) || !Files.isReadable(pf))) {
                    throw new RequestException("environment " + e.id() + ": propertiesFile " + pf
                            + (Files.isDirectory(pf) ? " is a directory, not a properties file"
                                    : " does not exist or cannot be read"));
                }
            }
            if (environments.isEmpty()) {
                environments.add(new EnvironmentSpec("default", null, new Properties(), -1));
            }
            String main = apacheMain == null ? null : treePath(src, apacheMain, "apacheMain");
            if (apacheMain != null && Files.isDirectory(apacheMain)) {
                throw new RequestException("apacheMain " + apacheMain + " is a directory; name the main httpd file"
                        + " (apache2.conf or httpd.conf)");
            }
            String root = serverRoot == null ? null : treePath(src, serverRoot, "serverRoot");
            Map<String, String> mappings = new TreeMap<>();
            for (Map.Entry<String, String> e : pathMappings.entrySet()) {
                if (!e.getKey().startsWith("/")) {
                    throw new RequestException("pathMappings: '" + e.getKey() + "' is not an absolute host path");
                }
                Path folder = baseDirectory.resolve(e.getValue().trim());
                mappings.put(e.getKey(), treePath(src, folder, "pathMappings " + e.getKey()));
            }
            return new CheckRequest(this, severities, options, f, fmts, main, root, mappings);
        }

        private static String treePath(Path src, Path p, String what) throws RequestException {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(src)) {
                throw new RequestException(what + " " + p + " is not inside sourceDirectory " + src);
            }
            return src.relativize(abs).toString().replace('\\', '/');
        }
    }
}
