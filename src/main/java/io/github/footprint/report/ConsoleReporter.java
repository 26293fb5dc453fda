package io.github.footprint.report;

import java.nio.file.Path;
import java.util.Optional;

import io.github.footprint.base.Severity;
import io.github.footprint.findings.DaemonView;
import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;
import io.github.footprint.rules.RuleCatalog;

/**
 * One line per finding, at the log level of its severity:
 * {@code [env] file:line: FPnnn message (doc link)}; then, per environment, a short summary and the worst-case
 * footprint table with its budgets ({@link FootprintTable}), at info.
 */
public final class ConsoleReporter implements Reporter {
    @Override
    public Optional<Path> write(ReportView view, ReportTarget target) {
        ConsoleSink sink = target.console();
        for (EnvironmentView env : view.environments()) {
            for (ReportedFinding f : env.findings()) {
                String where = f.where();
                String line = "[" + env.id() + "] " + (where.isEmpty() ? "" : where + ": ") + f.ruleId() + " "
                        + f.message() + " (" + RuleCatalog.docUrl(f.ruleId()) + ")";
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
            sink.info("footprint [" + env.id() + "]: " + env.files() + " file(s) under " + env.sourceRoot() + "; "
                    + count(env, Severity.ERROR) + " error(s), " + count(env, Severity.WARNING) + " warning(s), "
                    + count(env, Severity.INFO) + " info; daemon groups: "
                    + (daemons.length() == 0 ? "none" : daemons.toString()));
            for (String line : FootprintTable.lines(env.id(), env.footprint())) {
                sink.info(line);
            }
        }
        return Optional.empty();
    }

    private static long count(EnvironmentView env, Severity s) {
        return env.findings().stream().filter(f -> f.severity() == s).count();
    }
}
