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
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.RequestException;
import io.github.footprint.base.Severity;
import io.github.footprint.findings.FailOn;
import io.github.footprint.findings.ReportView;
import io.github.footprint.report.Format;
import io.github.footprint.report.ReportTarget;

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

    /**
     * The MPM assumed for a project without a main httpd file read with {@code platform} none (a distribution's
     * stock tree brings its own).
     */
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

    // The host parameters, from requestGrowth to platform: one String field per Host.Parameter of the same name,
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

    /**
     * The connections the database allows this application ({@code max_connections} less other clients), on all its
     * {@code hosts} together. Unset by default.
     */
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
     * Identical application hosts behind a balancer, all on one database: memory budgets stay per host, database
     * connections count for all of them against {@code databaseConnections}.
     */
    @Parameter(property = "footprint.hosts", defaultValue = "1")
    private String hosts;

    /**
     * The distribution whose stock httpd configuration surrounds a project without an httpd main file:
     * {@code debian} (Debian/Ubuntu's apache2), {@code httpd} (upstream httpd's httpd.conf), {@code none}, or
     * {@code auto}, decided from the project's layout and said in the output.
     */
    @Parameter(property = "footprint.platform", defaultValue = "auto")
    private String platform;

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
        ReportView view;
        try {
            request = request();
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
                    report = request.baseDirectory().relativize(written.get()).toString().replace('\\', '/');
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("footprint: cannot write the reports to " + request.outputDirectory()
                    + ": " + e.getMessage());
        }
        FailOn threshold = view.failOn();
        String counts = view.count(Severity.ERROR) + " error(s), " + view.count(Severity.WARNING) + " warning(s)";
        if (view.failing() > 0) {
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

    /** The raw values, as Maven set them, for the one parser ({@link CheckRequest.Builder#build()}). */
    private CheckRequest request() throws RequestException {
        Path base = baseDirectory();
        CheckRequest.Builder b = new CheckRequest.Builder()
                .baseDirectory(base)
                .sourceDirectory(resolved(sourceDirectory, base, "src/main/deploy"))
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
