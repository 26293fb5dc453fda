package io.github.footprint.mojo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenMultiPageReport;
import org.apache.maven.reporting.MavenReportException;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.RequestException;
import io.github.footprint.findings.ReportView;
import io.github.footprint.report.html.HtmlPage;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;

/**
 * The footprint page of {@code mvn site}, under "Project Reports": the same check as {@code check}, with the same
 * parameters, shown as the HTML report (the memory picture per environment, the footprint, the effective values, the
 * assumptions, the findings), each rule id linking to the rule's page, which it writes beside the report as
 * {@code footprint-rules/FPnnn.html}. It never fails the build: the verdict at {@code failOn} is shown on the page.
 * Run alone ({@code mvn footprint:report}), it writes the self-contained page, {@code footprint.html}, to the
 * reporting output folder ({@code target/site}).
 *
 * <p>A report through maven-reporting-api's interface, as the site plugin drives it (no maven-reporting-impl and its
 * site renderer: run alone, the page needs no skin).
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenMultiPageReport {
    /** The folder of the rule pages, beside the report in the site. */
    static final String RULES = "footprint-rules";

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** Where the page goes when the goal runs alone; the site plugin sets its own folder. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true)
    private File reportOutputDirectory;

    // The parameters of the check, as in check (ReportMojoTest compares the two goals' descriptors).

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

    /** The main httpd file; by default the shallowest {@code apache2.conf} or {@code httpd.conf} of the tree. */
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

    // The host parameters: one String field per Host.Parameter of the same name (HostFields), as in check.

    /** Memory an application process gains per request (its leak rate), such as {@code 40K}; 0 when unknown. */
    @Parameter(property = "footprint.requestGrowth", defaultValue = "0")
    private String requestGrowth;

    /** The address space the host allows this stack ({@code 2G}); unset by default. */
    @Parameter(property = "footprint.virtualMemory")
    private String virtualMemory;

    /** The resident memory the host gives this stack ({@code 768M}); unset by default. */
    @Parameter(property = "footprint.memory")
    private String memory;

    /** The connections the database allows this host; unset by default. */
    @Parameter(property = "footprint.databaseConnections")
    private String databaseConnections;

    /** What one loaded application adds to a process ({@code 60M}). */
    @Parameter(property = "footprint.appRss", defaultValue = "40M")
    private String appRss;

    /** Cores of the target host: glibc allows 8 malloc arenas per core, 64 MiB of address space each. */
    @Parameter(property = "footprint.cpuCores", defaultValue = "2")
    private String cpuCores;

    /** The prefixes the application's code passes to SQLAlchemy's {@code engine_from_config}, comma-separated. */
    @Parameter(property = "footprint.sqlalchemyPrefixes", defaultValue = "sqlalchemy.")
    private String sqlalchemyPrefixes;

    /** Per rule: a severity override ({@code error}, {@code warning}, {@code info}, {@code off}) and options. */
    @Parameter
    private Map<String, String> rules;

    /** The lowest severity that would fail the build in {@code check}: shown on the page, never failing here. */
    @Parameter(property = "footprint.failOn", defaultValue = "error")
    private String failOn;

    // ---- MavenReport, as the site plugin calls it

    @Override
    public String getOutputName() {
        return "footprint";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return HtmlPage.TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "Worst-case memory, address space and database connections of the Apache httpd + mod_wsgi deployment"
                + " per environment, against the host's budgets, and what is unsafe in its templates.";
    }

    @Override
    public void setReportOutputDirectory(File outputDirectory) {
        this.reportOutputDirectory = outputDirectory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    /** Not when skipped, nor for a project without deploy templates (a multi-module parent, a library). */
    @Override
    public boolean canGenerateReport() {
        return !skip && sourceDirectory().toFile().isDirectory();
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        generate(sink, null, locale);
    }

    /** The report into the site's sink, and a page per rule into sinks of the factory (or files without one). */
    @Override
    public void generate(Sink sink, SinkFactory factory, Locale locale) throws MavenReportException {
        ReportView view;
        try {
            view = view();
        } catch (RequestException e) {
            throw new MavenReportException("footprint: " + e.getMessage());
        }
        sink.head();
        sink.title();
        sink.text(HtmlPage.TITLE);
        sink.title_();
        sink.head_();
        sink.body();
        sink.rawText(HtmlPage.siteBody(view, id -> RULES + "/" + id + ".html"));
        sink.body_();
        sink.flush();
        try {
            for (Rule r : RuleCatalog.rules()) {
                String id = r.meta().id();
                if (factory == null) {
                    Path dir = reportOutputDirectory.toPath().resolve(RULES);
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve(id + ".html"), HtmlPage.ruleDocument(id, "../footprint.html"),
                            StandardCharsets.UTF_8);
                    continue;
                }
                // the site plugin renders each page with its skin once this returns (creating the sink's folder),
                // and closes it then
                Sink page = factory.createSink(new File(reportOutputDirectory, RULES), id + ".html");
                page.head();
                page.title();
                page.text(HtmlPage.ruleTitle(id));
                page.title_();
                page.head_();
                page.body();
                page.rawText(HtmlPage.ruleBody(id, "../footprint.html"));
                page.body_();
                page.flush();
            }
        } catch (IOException e) {
            throw new MavenReportException("footprint: cannot write the rule pages under " + reportOutputDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    /** Run alone: the self-contained page, {@code footprint.html}, in the reporting output folder. */
    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("footprint: skipped (footprint.skip=true)");
            return;
        }
        ReportView view;
        try {
            view = view();
        } catch (RequestException e) {
            throw new MojoExecutionException("footprint: " + e.getMessage());
        }
        Path out = reportOutputDirectory.toPath().resolve(getOutputName() + ".html");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, HtmlPage.document(view), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("footprint: cannot write " + out + ": " + e.getMessage());
        }
        getLog().info("footprint: report written to " + baseDirectory().relativize(out.toAbsolutePath()).toString()
                .replace('\\', '/'));
    }

    private ReportView view() throws RequestException {
        return new CheckEngine().run(request()).view();
    }

    private Path sourceDirectory() {
        return sourceDirectory == null ? baseDirectory().resolve("src/main/deploy") : sourceDirectory.toPath();
    }

    /** The raw values, as Maven set them, for the one parser, as check gives them; no report files. */
    private CheckRequest request() throws RequestException {
        Path base = baseDirectory();
        CheckRequest.Builder b = new CheckRequest.Builder()
                .baseDirectory(base)
                .sourceDirectory(sourceDirectory())
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
                .formats("html")
                .outputDirectory(reportOutputDirectory.toPath())
                .toolVersion(plugin == null ? "unknown" : plugin.getVersion());
        for (PathMapping p : pathMappings == null ? List.<PathMapping>of() : pathMappings) {
            b.pathMapping(p.getHost(), p.getFolder());
        }
        HostFields.of(ReportMojo.class, this).forEach(b::host);
        for (Environment e : environments == null ? List.<Environment>of() : environments) {
            b.environment(e.getId(), e.getPropertiesFile() == null ? null : e.getPropertiesFile().toPath(),
                    e.getProperties(), HostFields.of(Environment.class, e));
        }
        return b.build();
    }

    private Path baseDirectory() {
        if (project != null && project.getBasedir() != null) {
            return project.getBasedir().toPath();
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
