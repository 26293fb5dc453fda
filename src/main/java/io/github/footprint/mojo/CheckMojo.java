package io.github.footprint.mojo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentSpec;
import io.github.footprint.engine.RequestException;
import io.github.footprint.findings.FailOn;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Host;
import io.github.footprint.base.Sizes;
import io.github.footprint.report.ConsoleReporter;
import io.github.footprint.report.JUnitReporter;
import io.github.footprint.report.JsonReporter;
import io.github.footprint.report.SarifReporter;

/**
 * Checks the deploy templates of an Apache httpd + mod_wsgi + Pylons stack: renders them, reads them as
 * httpd and PasteDeploy would, applies the memory rules, prints what is unsafe with file and line, writes
 * {@code footprint.json}, and fails the build when a finding reaches {@code failOn}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** Skips the check entirely, saying so in one log line. */
    @Parameter(property = "footprint.skip", defaultValue = "false")
    private boolean skip;

    /** The root of the deploy templates: Apache configuration, PasteDeploy INI files, start-up scripts. */
    @Parameter(property = "footprint.sourceDirectory", defaultValue = "${project.basedir}/src/main/deploy")
    private File sourceDirectory;

    /** Ant-style globs under {@code sourceDirectory} of the files to read; everything when empty. */
    @Parameter(property = "footprint.includes")
    private List<String> includes;

    /** Ant-style globs under {@code sourceDirectory} of files to leave out. */
    @Parameter(property = "footprint.excludes")
    private List<String> excludes;

    /**
     * The main httpd file. By default the shallowest {@code apache2.conf} or {@code httpd.conf} of the tree;
     * Apache files it does not reach are read as if included at its end (except Debian's {@code *-available}).
     */
    @Parameter(property = "footprint.apacheMain")
    private File apacheMain;

    /** The folder relative {@code Include} paths resolve against; by default the main file's folder. */
    @Parameter(property = "footprint.serverRoot")
    private File serverRoot;

    /** Host path prefixes and the project folders that hold what is deployed there. */
    @Parameter
    private List<PathMapping> pathMappings;

    /** The httpd version the configuration is for: {@code 2.2} or {@code 2.4}. */
    @Parameter(property = "footprint.apacheVersion", defaultValue = "2.4")
    private String apacheVersion;

    /** The mod_wsgi version whose {@code WSGIDaemonProcess} options apply. */
    @Parameter(property = "footprint.modWsgiVersion", defaultValue = "4.9")
    private String modWsgiVersion;

    /** The MPM assumed when no {@code LoadModule mpm_*} is found (vhost-only projects). */
    @Parameter(property = "footprint.mpm", defaultValue = "event")
    private String mpm;

    /** Renders {@code ${name}} and {@code @name@} placeholders from properties before reading. */
    @Parameter(property = "footprint.filtering", defaultValue = "true")
    private boolean filtering;

    /** Extra template properties; project properties and {@code -D} properties are always there, {@code -D} wins. */
    @Parameter
    private Properties properties;

    /** Target environments; the whole check runs once per environment. One implicit {@code default} when empty. */
    @Parameter
    private List<Environment> environments;

    /** Memory an application process gains per request (its leak rate), such as {@code 40K}; 0 when unknown. */
    @Parameter(property = "footprint.requestGrowth", defaultValue = "0")
    private String requestGrowth;

    /**
     * The address space the host allows this stack ({@code 2G}, {@code 4GiB}): a VPS's virtual-memory cap, an
     * {@code ulimit -v} on the service. Unset by default: no address-space budget.
     */
    @Parameter(property = "footprint.virtualMemory")
    private String virtualMemory;

    /**
     * The resident memory the host gives this stack ({@code 768M}, {@code 2GiB}): Apache, its children, the mod_wsgi
     * daemons and the applications together. Unset by default: the budget rules (FP105, FP106, FP501, FP502) are
     * inactive and one info finding (FP505) says so.
     */
    @Parameter(property = "footprint.memory")
    private String memory;

    /** The connections the database allows this host ({@code max_connections} less other clients). Unset by default. */
    @Parameter(property = "footprint.databaseConnections")
    private String databaseConnections;

    /**
     * What one loaded application adds to a process ({@code 60M}): measure yours (VmRSS of a daemon process after
     * requests, less about 12 MiB). The default is the measured import cost of CPython with SQLAlchemy, Paste and
     * psycopg2.
     */
    @Parameter(property = "footprint.appRss", defaultValue = "40M")
    private String appRss;

    /** Cores of the target host: glibc allows 8 malloc arenas per core, 64 MiB of address space each. */
    @Parameter(property = "footprint.cpuCores", defaultValue = "2")
    private String cpuCores;

    /**
     * The prefixes the application's code passes to SQLAlchemy's {@code engine_from_config(config, prefix)}, one
     * call each, comma-separated: {@code sqlalchemy.} in Pylons' stock {@code config/environment.py};
     * {@code sqlalchemy.default.,sqlalchemy.log.} for Pylons' multi-engine form.
     */
    @Parameter(property = "footprint.sqlalchemyPrefixes", defaultValue = "sqlalchemy.")
    private String sqlalchemyPrefixes;

    /**
     * Per rule: a severity override ({@code <FP201>error</FP201>}, {@code warning}, {@code info}, {@code off})
     * and options ({@code <FP201.threshold>500</FP201.threshold>}).
     */
    @Parameter
    private Map<String, String> rules;

    /** The lowest severity that fails the build: {@code error}, {@code warning} or {@code never}. */
    @Parameter(property = "footprint.failOn", defaultValue = "error")
    private String failOn;

    /** Which reports to write, comma-separated: {@code console}, {@code json}, {@code sarif}, {@code junit}. */
    @Parameter(property = "footprint.formats", defaultValue = "console,json,sarif,junit")
    private String formats;

    /** Where reports go. */
    @Parameter(property = "footprint.outputDirectory", defaultValue = "${project.build.directory}/footprint")
    private File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("footprint: skipped (footprint.skip=true)");
            return;
        }
        CheckRequest request;
        CheckResult result;
        try {
            request = request();
            result = new CheckEngine().run(request);
        } catch (RequestException e) {
            throw new MojoExecutionException("footprint: " + e.getMessage());
        }
        if (request.formats().contains("console")) {
            new ConsoleReporter(new MavenConsole(getLog())).write(result);
        }
        String report = null;
        try {
            if (request.formats().contains("json")) {
                Path p = new JsonReporter().write(result, request.outputDirectory());
                report = request.baseDirectory().relativize(p).toString().replace('\\', '/');
            }
            if (request.formats().contains("sarif")) {
                new SarifReporter().write(result, request.outputDirectory());
            }
            if (request.formats().contains("junit")) {
                new JUnitReporter(request.failOn(), request.severityPolicy()::isOff).write(result,
                        request.outputDirectory());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("footprint: cannot write the reports to " + request.outputDirectory()
                    + ": " + e.getMessage());
        }
        FailOn threshold = request.failOn();
        String counts = result.count(Severity.ERROR) + " error(s), " + result.count(Severity.WARNING) + " warning(s)";
        if (result.failing(threshold) > 0) {
            throw new MojoFailureException("footprint: " + counts + " (failOn=" + threshold.name().toLowerCase(
                    java.util.Locale.ROOT) + ")" + (report == null ? "; see the log above" : "; see " + report));
        }
    }

    /**
     * Without a pom, Maven 3's stand-in project leaves {@code ${project.basedir}} and
     * {@code ${project.build.directory}} unresolved in defaults: resolve them against the working directory.
     */
    private static Path resolved(File f, Path base, String fallback) {
        String p = f == null ? fallback : f.getPath();
        int i = p.indexOf("${");
        if (i < 0) {
            return f.toPath();
        }
        String tail = p.substring(p.indexOf('}', i) + 1).replace('\\', '/');
        while (tail.startsWith("/")) {
            tail = tail.substring(1);
        }
        String expr = p.substring(i);
        Path root = expr.startsWith("${project.build.directory}") ? base.resolve("target") : base;
        return tail.isEmpty() ? root : root.resolve(tail);
    }

    private CheckRequest request() throws RequestException {
        Path base = baseDirectory();
        CheckRequest.Builder b = new CheckRequest.Builder()
                .baseDirectory(base)
                .sourceDirectory(resolved(sourceDirectory, base, "src/main/deploy"))
                .includes(includes)
                .excludes(excludes)
                .apacheMain(apacheMain == null ? null : apacheMain.toPath())
                .serverRoot(serverRoot == null ? null : serverRoot.toPath())
                .pathMappings(mappings())
                .apacheVersion(apacheVersion)
                .modWsgiVersion(modWsgiVersion)
                .mpm(mpm)
                .filtering(filtering)
                .properties(projectProperties(base))
                .userProperties(session == null ? new Properties() : session.getUserProperties())
                .requestGrowth(size("requestGrowth", requestGrowth))
                .virtualMemory(budget("virtualMemory", virtualMemory))
                .memory(budget("memory", memory))
                .databaseConnections(count("databaseConnections", databaseConnections, -1))
                .appRss(size("appRss", appRss))
                .cpuCores((int) count("cpuCores", cpuCores, 2))
                .sqlalchemyPrefixes(sqlalchemyPrefixes)
                .rules(rules)
                .failOn(failOn)
                .formats(formats)
                .outputDirectory(resolved(outputDirectory, base, "target/footprint"))
                .toolVersion(plugin == null ? "unknown" : plugin.getVersion());
        if (environments != null) {
            for (Environment e : environments) {
                String where = "environment " + e.getId() + " ";
                Host.Settings host = new Host.Settings()
                        .requestGrowth(blank(e.getRequestGrowth()) ? null : size(where + "requestGrowth", e.getRequestGrowth()))
                        .virtualMemory(blank(e.getVirtualMemory()) ? null : budget(where + "virtualMemory", e.getVirtualMemory()))
                        .memory(blank(e.getMemory()) ? null : budget(where + "memory", e.getMemory()))
                        .databaseConnections(blank(e.getDatabaseConnections()) ? null
                                : count(where + "databaseConnections", e.getDatabaseConnections(), -1))
                        .appRss(blank(e.getAppRss()) ? null : size(where + "appRss", e.getAppRss()))
                        .cpuCores(blank(e.getCpuCores()) ? null : (int) count(where + "cpuCores", e.getCpuCores(), 2));
                b.environment(new EnvironmentSpec(e.getId(),
                        e.getPropertiesFile() == null ? null : e.getPropertiesFile().toPath(),
                        e.getProperties() == null ? new Properties() : e.getProperties(), host));
            }
        }
        return b.build();
    }

    private Path baseDirectory() {
        if (project != null && project.getFile() != null) {
            return project.getBasedir().toPath();
        }
        if (session != null && session.getExecutionRootDirectory() != null) {
            return new File(session.getExecutionRootDirectory()).toPath();
        }
        return new File("").getAbsoluteFile().toPath();
    }

    private Map<String, String> mappings() throws RequestException {
        Map<String, String> m = new LinkedHashMap<>();
        for (PathMapping p : pathMappings == null ? new ArrayList<PathMapping>() : pathMappings) {
            if (p.getHost() == null || p.getFolder() == null) {
                throw new RequestException("pathMappings: every <pathMapping> needs a <host> and a <folder>");
            }
            m.put(p.getHost().trim(), p.getFolder().trim());
        }
        return m;
    }

    private Properties projectProperties(Path base) {
        Properties p = new Properties();
        if (project != null) {
            p.putAll(project.getProperties());
            p.setProperty("project.groupId", String.valueOf(project.getGroupId()));
            p.setProperty("project.artifactId", String.valueOf(project.getArtifactId()));
            p.setProperty("project.version", String.valueOf(project.getVersion()));
        }
        p.setProperty("project.basedir", base.toString());
        p.setProperty("basedir", base.toString());
        if (properties != null) {
            p.putAll(properties);
        }
        return p;
    }

    /** A budget: -1 when unset or blank, else a positive size. */
    private static long budget(String parameter, String text) throws RequestException {
        if (text == null || text.isBlank()) {
            return -1;
        }
        long v = size(parameter, text);
        if (v == 0) {
            throw new RequestException(parameter + " '" + text + "' is zero: give the budget, or leave it unset");
        }
        return v;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A positive whole number; {@code dflt} when unset or blank. */
    private static long count(String parameter, String text, long dflt) throws RequestException {
        if (blank(text)) {
            return dflt;
        }
        String t = text.trim();
        if (!t.matches("\\d{1,9}") || Long.parseLong(t) == 0) {
            throw new RequestException(parameter + " '" + text + "' is not a positive whole number: use a count such as "
                    + (parameter.endsWith("cpuCores") ? "2" : "100"));
        }
        return Long.parseLong(t);
    }

    private static long size(String parameter, String text) throws RequestException {
        long v = Sizes.parse(text);
        if (v < 0) {
            throw new RequestException(parameter + " '" + text + "' is not a size: use " + Sizes.FORMS);
        }
        return v;
    }
}
