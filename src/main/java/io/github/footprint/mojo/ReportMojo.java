package io.github.footprint.mojo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
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
public class ReportMojo extends AbstractFootprintMojo implements MavenMultiPageReport {
    /** The folder of the rule pages, beside the report in the site. */
    static final String RULES = "footprint-rules";

    /** Where the page goes when the goal runs alone; the site plugin sets its own folder. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true)
    private File reportOutputDirectory;

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
            try (java.io.Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                HtmlPage.document(view, w);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("footprint: cannot write " + out + ": " + e.getMessage());
        }
        getLog().info("footprint: report written to " + baseDirectory().relativize(out.toAbsolutePath()).toString()
                .replace('\\', '/'));
    }

    private ReportView view() throws RequestException {
        // the same check as check's, its findings shown on the page (html), no report files of its own
        return new CheckEngine().run(requestBuilder().formats("html").outputDirectory(reportOutputDirectory.toPath())
                .build()).view();
    }

    private Path sourceDirectory() {
        return resolved(sourceDirectory, baseDirectory(), CheckRequest.DEFAULT_SOURCE_DIRECTORY);
    }
}
