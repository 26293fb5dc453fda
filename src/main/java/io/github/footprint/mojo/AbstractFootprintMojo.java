package io.github.footprint.mojo;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import io.github.footprint.engine.CheckRequest;

/**
 * What {@code check} and {@code report} share: every parameter of the check itself, and the raw request built from
 * them for the one parser ({@link CheckRequest.Builder#build()}). A goal adds what only it has (reports to write,
 * where they go) and runs the check.
 */
abstract class AbstractFootprintMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    /** What the pom configured, to tell a named {@code sourceDirectory} from the default. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    /** Skips the check entirely, saying so in one log line. */
    @Parameter(property = "footprint.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The root of the deploy templates: Apache configuration, PasteDeploy INI files, start-up scripts. A folder you
     * name here or with {@code -D} must exist; only the default may be missing, and the module is then skipped with
     * one line.
     */
    @Parameter(property = "footprint.sourceDirectory", defaultValue = "${project.basedir}/src/main/deploy")
    protected File sourceDirectory;

    /** Ant-style globs under {@code sourceDirectory} of the files to read; everything when empty. */
    @Parameter(property = "footprint.includes")
    protected List<String> includes;

    /** Ant-style globs under {@code sourceDirectory} of files to leave out. */
    @Parameter(property = "footprint.excludes")
    protected List<String> excludes;

    /**
     * The main httpd file. By default the shallowest {@code apache2.conf} or {@code httpd.conf} of the tree;
     * Apache files it does not reach are read as if included at its end (except Debian's {@code *-available}).
     */
    @Parameter(property = "footprint.apacheMain")
    protected File apacheMain;

    /** The folder relative {@code Include} paths resolve against; by default the main file's folder. */
    @Parameter(property = "footprint.serverRoot")
    protected File serverRoot;

    /** Host path prefixes and the project folders that hold what is deployed there. */
    @Parameter
    protected List<PathMapping> pathMappings;

    /** The httpd version the configuration is for: {@code 2.2} or {@code 2.4}. */
    @Parameter(property = "footprint.apacheVersion", defaultValue = "2.4")
    protected String apacheVersion;

    /** The mod_wsgi version whose {@code WSGIDaemonProcess} options apply. */
    @Parameter(property = "footprint.modWsgiVersion", defaultValue = "4.9")
    protected String modWsgiVersion;

    /**
     * The MPM assumed for a project without a main httpd file read with {@code platform} none (a distribution's
     * stock tree brings its own).
     */
    @Parameter(property = "footprint.mpm", defaultValue = "event")
    protected String mpm;

    /** Renders {@code ${name}} and {@code @name@} placeholders from properties before reading. */
    @Parameter(property = "footprint.filtering", defaultValue = "true")
    protected boolean filtering;

    /** Extra template properties; project properties and {@code -D} properties are always there, {@code -D} wins. */
    @Parameter
    protected Properties properties;

    /**
     * Template variables files for every environment, comma-separated: {@code .yml}/{@code .yaml} (Ansible vars
     * files, nested maps and lists), {@code .json} or {@code .properties}, absolute or relative to the project. They
     * beat the Ansible layout the tree has ({@code defaults/main.yml}, {@code group_vars}, {@code vars/main.yml}), a
     * later file beats an earlier one, and an environment's own {@code <variables>} beat these.
     */
    @Parameter(property = "footprint.variables")
    protected String variables;

    /**
     * The placeholder forms a deploy script fills in with {@code sed}, comma-separated, {@code NAME} standing for an
     * upper-case name: {@code %NAME%,@NAME@,__NAME__} by default. Each placeholder is an unknown value.
     */
    @Parameter(property = "footprint.sedPlaceholders")
    protected String sedPlaceholders;

    /**
     * Kind and template dialect of files the names do not tell: {@code <fileType><files>**&#47;*.cfg.tpl</files>
     * <kind>apache</kind><dialect>erb</dialect></fileType>}. Kinds: apache, ini, shell, systemd, python, other;
     * dialects: none, maven, jinja2, mako, erb, sed, tempita. The first glob that matches a file decides.
     */
    @Parameter
    protected List<FileType> fileTypes;

    /** Target environments; the whole check runs once per environment. One implicit {@code default} when empty. */
    @Parameter
    protected List<Environment> environments;

    // The host parameters, from requestGrowth to platform: one String field per Host.Parameter of the same name,
    // handed to the request parser as written (HostFields); <environment> has the same fields.

    /** Memory an application process gains per request (its leak rate), such as {@code 40K}; 0 when unknown. */
    @Parameter(property = "footprint.requestGrowth", defaultValue = "0")
    protected String requestGrowth;

    /**
     * The address space the host allows this stack ({@code 2G}, {@code 4GiB}): a VPS's virtual-memory cap, an
     * {@code ulimit -v} on the service. Unset by default: no address-space budget.
     */
    @Parameter(property = "footprint.virtualMemory")
    protected String virtualMemory;

    /**
     * The resident memory the host gives this stack ({@code 768M}, {@code 2GiB}): Apache, its children, the mod_wsgi
     * daemons and the applications together. Unset by default: the budget rules (FP105, FP106, FP501, FP502) are
     * inactive and one info finding (FP505) says so.
     */
    @Parameter(property = "footprint.memory")
    protected String memory;

    /**
     * The connections the database allows this application ({@code max_connections} less other clients), on all its
     * {@code hosts} together. Unset by default.
     */
    @Parameter(property = "footprint.databaseConnections")
    protected String databaseConnections;

    /**
     * What one loaded application adds to a process. The default, {@code 40M}, is the measured import cost of CPython
     * with SQLAlchemy, Paste and psycopg2; measure yours: the VmRSS of a daemon process after some requests, less
     * about 12 MiB.
     */
    @Parameter(property = "footprint.appRss", defaultValue = "40M")
    protected String appRss;

    /** Cores of the target host: glibc allows 8 malloc arenas per core, 64 MiB of address space each. */
    @Parameter(property = "footprint.cpuCores", defaultValue = "2")
    protected String cpuCores;

    /**
     * Identical application hosts behind a balancer, all on one database: memory budgets stay per host, database
     * connections count for all of them against {@code databaseConnections}.
     */
    @Parameter(property = "footprint.hosts", defaultValue = "1")
    protected String hosts;

    /**
     * The distribution whose stock httpd configuration surrounds a project without an httpd main file:
     * {@code debian} (Debian/Ubuntu's apache2), {@code httpd} (upstream httpd's httpd.conf), {@code none}, or
     * {@code auto}, decided from the project's layout and said in the output.
     */
    @Parameter(property = "footprint.platform", defaultValue = "auto")
    protected String platform;

    /**
     * The prefixes the application's code passes to SQLAlchemy's {@code engine_from_config(config, prefix)}, one
     * call each, comma-separated: {@code sqlalchemy.} in Pylons' stock {@code config/environment.py};
     * {@code sqlalchemy.default.,sqlalchemy.log.} for Pylons' multi-engine form. Unset: every {@code PREFIXurl} key
     * under {@code sqlalchemy.} in an application's settings is an engine at that prefix.
     */
    @Parameter(property = "footprint.sqlalchemyPrefixes")
    protected String sqlalchemyPrefixes;

    /**
     * Per rule: a severity override ({@code <FP201>error</FP201>}, {@code warning}, {@code info}, {@code off})
     * and options ({@code <FP201.threshold>500</FP201.threshold>}).
     */
    @Parameter
    protected Map<String, String> rules;

    /** The lowest severity that fails the build: {@code error}, {@code warning} or {@code never}. */
    @Parameter(property = "footprint.failOn", defaultValue = "error")
    protected String failOn;

    /**
     * Where you publish the rule pages, such as {@code https://example.org/footprint/rules/}: each finding then links
     * its rule's page, this URL with {@code FP201.md} appended, or with <code>&#123;id&#125;</code> replaced by the
     * rule id when the URL has it (<code>https://example.org/rules/&#123;id&#125;.html</code>). Unset by default: no
     * links, and the {@code rules} goal prints a page ({@code -Drule=FP201}).
     */
    @Parameter(property = "footprint.helpUrl")
    protected String helpUrl;

    /**
     * The raw values, as Maven set them, that every goal hands the one parser; the goal adds its formats and output
     * folder.
     */
    protected CheckRequest.Builder requestBuilder() {
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
                .helpUrl(helpUrl)
                .variables(variables)
                .sedPlaceholders(sedPlaceholders)
                .toolVersion(plugin == null ? "unknown" : plugin.getVersion());
        for (PathMapping p : pathMappings == null ? List.<PathMapping>of() : pathMappings) {
            b.pathMapping(p.getHost(), p.getFolder());
        }
        for (FileType t : fileTypes == null ? List.<FileType>of() : fileTypes) {
            b.fileType(t.getFiles(), t.getKind(), t.getDialect());
        }
        HostFields.of(AbstractFootprintMojo.class, this).forEach(b::host);
        for (Environment e : environments == null ? List.<Environment>of() : environments) {
            b.environment(e.getId(), e.getPropertiesFile() == null ? null : e.getPropertiesFile().toPath(),
                    e.getProperties(), HostFields.of(Environment.class, e), e.getVariables());
        }
        return b;
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
    protected static Path resolved(File f, Path base, String fallback) {
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

    protected Path baseDirectory() {
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
