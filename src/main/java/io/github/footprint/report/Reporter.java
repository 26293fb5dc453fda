package io.github.footprint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import io.github.footprint.findings.ReportView;

/**
 * One report of a check. Every reporter reads the same masked {@link ReportView} and nothing else; {@link Format}
 * names it. A new report is a new class and a new constant there.
 */
public interface Reporter {
    /**
     * Writes the report.
     *
     * @return the file written, or empty when the report went to the console
     * @throws IOException when the file cannot be written
     */
    Optional<Path> write(ReportView view, ReportTarget target) throws IOException;
}
