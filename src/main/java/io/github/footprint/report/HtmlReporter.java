package io.github.footprint.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import io.github.footprint.findings.ReportView;
import io.github.footprint.report.html.HtmlPage;

/**
 * {@code index.html}: the memory picture per environment, the footprint, the effective values, the assumptions and
 * the findings with the pages of their rules, in one self-contained file ({@link HtmlPage}). Its classes, and the
 * Markdown library, load only when this report is asked for.
 */
public final class HtmlReporter implements Reporter {
    /** The file name in the output directory. */
    public static final String FILE = "index.html";

    @Override
    public Optional<Path> write(ReportView view, ReportTarget target) throws IOException {
        byte[] page = HtmlPage.document(view).getBytes(StandardCharsets.UTF_8);
        return Optional.of(ReportFiles.write(target.outputDirectory(), FILE, out -> out.write(page)));
    }
}
