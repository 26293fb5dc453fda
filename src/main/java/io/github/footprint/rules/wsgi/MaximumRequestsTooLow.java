package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.wsgi.NumberOption;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP203: a daemon recycled so often that it spends its time restarting and re-importing the application. */
@RuleMeta(id = "FP203", name = "maximum-requests-too-low", severity = Severity.WARNING,
        summary = "A mod_wsgi daemon's maximum-requests is so low that processes restart all the time",
        options = {"minimum"})
public final class MaximumRequestsTooLow implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        long minimum = ctx.option("minimum", 50);
        for (DaemonGroup g : d.daemons()) {
            long max = g.maximumRequests();
            if (max <= 0 || max >= minimum) {
                continue;
            }
            String raw = g.values().maximumRequests().map(NumberOption::written).orElse(null);
            boolean lenient = raw != null && !raw.strip().equals(Long.toString(max));
            ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + ": maximum-requests=" + max
                    + " restarts each process after " + max + " request(s); use at least " + minimum
                    + ", typically 100-1000", (lenient ? "'" + raw + "' reads as " + max + ": mod_wsgi uses atoi and"
                            + " drops what follows the digits. " : "") + "Every restart re-imports the application"
                            + " (seconds of CPU, and requests wait or fail meanwhile).");
        }
    }
}
