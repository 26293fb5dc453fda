package io.github.footprint.mojo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

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
public class CheckMojo extends AbstractFootprintMojo {
    /**
     * Which reports to write, comma-separated: {@code console}, {@code json}, {@code sarif}, {@code junit},
     * {@code html}.
     */
    @Parameter(property = "footprint.formats", defaultValue = "console,json,sarif,junit,html")
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
                    + shown(request.baseDirectory(), request.outputDirectory()) + ": "
                    + IoErrors.reason(e, request.baseDirectory()));
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

    /** The shared raw values, and where this goal writes which reports. */
    private CheckRequest request() throws RequestException {
        Path base = baseDirectory();
        return requestBuilder()
                .formats(formats)
                .outputDirectory(resolved(outputDirectory, base, "target/footprint"))
                .build();
    }
}
