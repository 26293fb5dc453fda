package io.github.footprint.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
        return Optional.of(ReportFiles.write(target.outputDirectory(), FILE, out -> {
            // streamed: the page is encoded and written as it is made, never held whole
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            HtmlPage.document(view, w);
            w.flush();
        }));
    }
}
