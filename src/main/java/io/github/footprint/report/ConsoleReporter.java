package io.github.footprint.report;

import java.nio.file.Path;
import java.util.Optional;

import io.github.footprint.base.Severity;
import io.github.footprint.findings.DaemonView;
import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;

/**
 * One line per finding, at the log level of its severity: {@code [env] file:line: FPnnn message}, with
 * {@code (link)} to the rule's page when the user published the pages ({@code helpUrl}); then, per environment, a
 * short summary and the worst-case footprint table with its budgets ({@link FootprintTable}), at info. Without
 * {@code helpUrl}, one line at the end says how to print a rule's page from the plugin.
 */
public final class ConsoleReporter implements Reporter {
    /** The plugin's coordinates, for commands that work outside a project too. */
    public static final String COORDINATES = "io.github.footprint:footprint-maven-plugin";

    @Override
    public Optional<Path> write(ReportView view, ReportTarget target) {
        ConsoleSink sink = target.console();
        // the page the hint names: the first finding of the most severe level, the one a reader looks up first
        ReportedFinding example = null;
        for (EnvironmentView env : view.environments()) {
            for (ReportedFinding f : env.findings()) {
                String where = f.where();
                Optional<String> link = view.helpUrl(f.ruleId());
                String line = "[" + env.id() + "] " + (where.isEmpty() ? "" : where + ": ") + f.ruleId() + " "
                        + f.message() + link.map(l -> " (" + l + ")").orElse("");
                if (example == null || (f.severity().atLeast(example.severity()) && f.severity() != example.severity())) {
                    example = f;
                }
                if (f.severity() == Severity.ERROR) {
                    sink.error(line);
                } else if (f.severity() == Severity.WARNING) {
                    sink.warn(line);
                } else {
                    sink.info(line);
                }
            }
            StringBuilder daemons = new StringBuilder();
            for (DaemonView g : env.daemons()) {
                daemons.append(daemons.length() == 0 ? "" : ", ").append(g.name()).append(" (")
                        .append(g.processes()).append("x").append(g.threads()).append(" threads, maximum-requests=")
                        .append(g.maximumRequests()).append(")");
            }
            sink.info("footprint [" + env.id() + "]: " + env.files() + " file(s) under "
                    + view.sourceFolder().orElse(env.sourceRoot()) + "; "
                    + count(env, Severity.ERROR) + " error(s), " + count(env, Severity.WARNING) + " warning(s), "
                    + count(env, Severity.INFO) + " info; daemon groups: "
                    + (daemons.length() == 0 ? "none" : daemons.toString()));
            for (String line : FootprintTable.lines(env.id(), env.footprint())) {
                sink.info(line);
            }
        }
        if (example != null && view.helpUrl(example.ruleId()).isEmpty()) {
            sink.info("footprint: each rule's page (what, why, the fix) is in the plugin: mvn " + pageCommand(view,
                    example.ruleId()));
        }
        return Optional.empty();
    }

    /** {@code io.github.footprint:footprint-maven-plugin:VERSION:rules -Drule=FP201}: works offline, anywhere. */
    public static String pageCommand(ReportView view, String ruleId) {
        String v = view.toolVersion();
        return COORDINATES + (v == null || v.isEmpty() || "unknown".equals(v) ? "" : ":" + v) + ":rules -Drule="
                + ruleId;
    }

    private static long count(EnvironmentView env, Severity s) {
        return env.findings().stream().filter(f -> f.severity() == s).count();
    }
}
