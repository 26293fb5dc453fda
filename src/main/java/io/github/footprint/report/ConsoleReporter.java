package io.github.footprint.report;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.findings.Finding;
import io.github.footprint.base.Severity;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.RuleCatalog;

/**
 * One line per finding, at the log level of its severity:
 * {@code [env] file:line: FPnnn message (doc link)}; then, per environment, a short summary and the worst-case
 * footprint table with its budgets ({@link FootprintTable}), at info.
 */
public final class ConsoleReporter {
    private final ConsoleSink sink;

    public ConsoleReporter(ConsoleSink sink) {
        this.sink = sink;
    }

    public void write(CheckResult result) {
        for (EnvironmentResult env : result.environments()) {
            for (Finding f : env.findings()) {
                String where = f.location().toString();
                String line = "[" + env.id() + "] " + (where.isEmpty() ? "" : where + ": ") + f.ruleId() + " "
                        + f.message() + " (" + RuleCatalog.docUrl(f.ruleId()) + ")";
                line = result.redactor().mask(line);
                if (f.severity() == Severity.ERROR) {
                    sink.error(line);
                } else if (f.severity() == Severity.WARNING) {
                    sink.warn(line);
                } else {
                    sink.info(line);
                }
            }
            StringBuilder daemons = new StringBuilder();
            for (DaemonGroup g : env.deployment().daemons()) {
                daemons.append(daemons.length() == 0 ? "" : ", ").append(g.name()).append(" (")
                        .append(g.processes()).append("x").append(g.threads()).append(" threads, maximum-requests=")
                        .append(g.maximumRequests()).append(")");
            }
            sink.info(result.redactor().mask("footprint [" + env.id() + "]: " + env.deployment().sources().files().size()
                    + " file(s) under " + env.deployment().sources().sourceRoot() + "; "
                    + count(env, Severity.ERROR) + " error(s), " + count(env, Severity.WARNING) + " warning(s), "
                    + count(env, Severity.INFO) + " info; daemon groups: "
                    + (daemons.length() == 0 ? "none" : daemons.toString())));
            for (String line : FootprintTable.lines(env.id(), env.deployment().footprint(),
                    env.deployment().parameters().host(), result.redactor())) {
                sink.info(line);
            }
        }
    }

    private static long count(EnvironmentResult env, Severity s) {
        return env.findings().stream().filter(f -> f.severity() == s).count();
    }
}
