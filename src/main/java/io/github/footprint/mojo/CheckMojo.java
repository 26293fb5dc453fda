package io.github.footprint.mojo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.RequestException;
import io.github.footprint.base.IoErrors;
import io.github.footprint.base.Severity;
import io.github.footprint.findings.ReportView;
import io.github.footprint.report.Format;
import io.github.footprint.report.ReportTarget;
import io.github.footprint.report.Summary;

/**
 * Checks the deploy templates of an Apache httpd + mod_wsgi + Pylons stack: renders them, reads them as
 * httpd and PasteDeploy would, applies the memory rules, prints what is unsafe with file and line, writes
 * {@code footprint.json}, ends with one line of counts and the outcome, and fails the build when a finding
 * reaches {@code failOn}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class CheckMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** What the pom configured, to tell a named {@code sourceDirectory} from the default. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    /** Skips the check entirely, saying so in one log line. */
    @Parameter(property = "footprint.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The root of the deploy templates: Apache configuration, PasteDeploy INI files, start-up scripts. A folder you
     * name here or with {@code -D} must exist; only the default may be missing, and the module is then skipped with
     * one line.
     */
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

    // The host parameters, from requestGrowth to cpuCores: one String field per Host.Parameter of the same name,
    // handed to the request parser as written (HostFields); <environment> has the same fields.

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
     * What one loaded application adds to a process. The default, {@code 40M}, is the measured import cost of CPython
     * with SQLAlchemy, Paste and psycopg2; measure yours: the VmRSS of a daemon process after some requests, less
     * about 12 MiB.
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

    /**
     * Where you publish the rule pages, such as {@code https://example.org/footprint/rules/}: each finding then links
     * its rule's page, this URL with {@code FP201.md} appended, or with <code>&#123;id&#125;</code> replaced by the
     * rule id when the URL has it (<code>https://example.org/rules/&#123;id&#125;.html</code>). Unset by default: no
     * links, and the {@code rules} goal prints a page ({@code -Drule=FP201}).
     */
    @Parameter(property = "footprint.helpUrl")
    private String helpUrl;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("footprint: skipped (footprint.skip=true)");
            return;
        }
        CheckRequest request;
        try {
            request = request();
        } catch (RequestException e) {
            throw new MojoExecutionException("footprint: " + e.getMessage());
        }
        if (request.sourceMissing()) {
            getLog().info("footprint: skipped, " + request.sourceDisplay() + " does not exist (no deploy templates in"
                    + " this module; set sourceDirectory to check another folder)");
            return;
        }
        ReportView view;
        try {
            view = new CheckEngine().run(request).view();
        } catch (RequestException e) {
            throw new MojoExecutionException("footprint: " + e.getMessage());
        }
        ReportTarget target = new ReportTarget(request.outputDirectory(), new MavenConsole(getLog()));
        String report = null;
        try {
            for (Format f : request.formats()) {
                Optional<Path> written = f.reporter().write(view, target);
                if (f == Format.JSON && written.isPresent()) {
                    report = shown(request.baseDirectory(), written.get());
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("footprint: cannot write the reports to "
                    + shown(request.baseDirectory(), request.outputDirectory()) + ": " + IoErrors.reason(e));
        }
        // the check's last line: the counts and what failOn made of them
        String summary = Summary.line(view);
        Severity level = Summary.level(view);
        if (level == Severity.ERROR) {
            getLog().error(summary);
        } else if (level == Severity.WARNING) {
            getLog().warn(summary);
        } else {
            getLog().info(summary);
        }
        if (Summary.fails(view)) {
            throw new MojoFailureException(summary + (report == null ? "" : "; see " + report));
        }
    }

    /** A path relative to the project base directory, or absolute when it lies outside the project. */
    private static String shown(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            return abs.toString();
        }
        return base.relativize(abs).toString().replace('\\', '/');
    }

    /** How the user named {@code sourceDirectory}, as a message says it, or null for the default. */
    private String sourceDirectorySetBy() {
        return setBy("sourceDirectory", "footprint.sourceDirectory",
                mojoExecution == null ? null : mojoExecution.getConfiguration(),
                session == null ? null : session.getUserProperties(),
                session == null ? null : session.getSystemProperties(),
                project == null ? null : project.getProperties());
    }

    /**
     * How the user set a parameter, as a message says it, or null when it has its default. Maven hands the goal only
     * the final value, so this reads where a value can come from: the pom's configuration of this execution (merged
     * from parents and plugin management; there an unconfigured parameter holds its property expression,
     * {@code ${footprint.sourceDirectory}}), then {@code -D}, then a system property, then a project property of
     * the parameter's property name.
     *
     * @param configuration the execution's configuration as Maven merged it; null outside Maven (the test harness)
     */
    static String setBy(String parameter, String property, Xpp3Dom configuration, Properties user, Properties system,
            Properties project) {
        Xpp3Dom given = configuration == null ? null : configuration.getChild(parameter);
        String value = given == null ? null : given.getValue();
        if (value != null && !value.isBlank() && !value.strip().equals("${" + property + "}")) {
            return "the pom's <" + parameter + ">";
        }
        if (user != null && user.containsKey(property)) {
            return "-D" + property;
        }
        if (system != null && system.containsKey(property)) {
            return "the system property " + property;
        }
        if (project != null && project.containsKey(property)) {
            return "the project property " + property;
        }
        return null;
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

    /** The raw values, as Maven set them, for the one parser ({@link CheckRequest.Builder#build()}). */
    private CheckRequest request() throws RequestException {
        Path base = baseDirectory();
        CheckRequest.Builder b = new CheckRequest.Builder()
                .baseDirectory(base)
                .sourceDirectory(resolved(sourceDirectory, base, CheckRequest.DEFAULT_SOURCE_DIRECTORY),
                        sourceDirectorySetBy())
                .includes(includes)
                .excludes(excludes)
                .apacheMain(apacheMain == null ? null : apacheMain.toPath())
                .serverRoot(serverRoot == null ? null : serverRoot.toPath())
                .apacheVersion(apacheVersion)
                .modWsgiVersion(modWsgiVersion)
                .mpm(mpm)
                .filtering(filtering)
                .properties(projectProperties(base))
                .userProperties(session == null ? new Properties() : session.getUserProperties())
                .sqlalchemyPrefixes(sqlalchemyPrefixes)
                .rules(rules)
                .failOn(failOn)
                .formats(formats)
                .outputDirectory(resolved(outputDirectory, base, "target/footprint"))
                .helpUrl(helpUrl)
                .toolVersion(plugin == null ? "unknown" : plugin.getVersion());
        for (PathMapping p : pathMappings == null ? List.<PathMapping>of() : pathMappings) {
            b.pathMapping(p.getHost(), p.getFolder());
        }
        HostFields.of(CheckMojo.class, this).forEach(b::host);
        for (Environment e : environments == null ? List.<Environment>of() : environments) {
            b.environment(e.getId(), e.getPropertiesFile() == null ? null : e.getPropertiesFile().toPath(),
                    e.getProperties(), HostFields.of(Environment.class, e));
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
}
