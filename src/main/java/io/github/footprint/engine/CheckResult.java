package io.github.footprint.engine;

import java.util.List;

import io.github.footprint.findings.ReportView;

/**
 * The outcome of a check: every environment's findings (final severities, masked, in report order) with its model,
 * for tests and tools that look inside; and the one masked {@link ReportView} that every report reads.
 */
public final class CheckResult {
    private final List<EnvironmentResult> environments;
    private final ReportView view;

    CheckResult(List<EnvironmentResult> environments, ReportView view) {
        this.environments = List.copyOf(environments);
        this.view = view;
    }

    public List<EnvironmentResult> environments() {
        return environments;
    }

    /** What every report reads: the findings and the footprint with every text masked. */
    public ReportView view() {
        return view;
    }
}
