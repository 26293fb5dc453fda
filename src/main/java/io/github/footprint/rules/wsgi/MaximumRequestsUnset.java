package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP202: a daemon that is never recycled, so any leak grows until the host runs out of memory. */
@RuleMeta(id = "FP202", name = "maximum-requests-unset", severity = Severity.WARNING,
        summary = "A mod_wsgi daemon without maximum-requests is never recycled, so a leak grows without bound")
public final class MaximumRequestsUnset implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (DaemonGroup g : d.daemons()) {
            if (g.maximumRequests() > 0) {
                continue;
            }
            if (g.unknown("maximum-requests")) {
                ctx.report(g.location(), Severity.INFO, "WSGIDaemonProcess " + g.name() + " maximum-requests="
                        + g.options().get("maximum-requests") + " is left unknown by the template; give its variable a"
                        + " value (500, in 100-1000) so this can be checked", "Whether its " + g.processes()
                        + " process(es) are ever recycled depends on that value.");
                continue;
            }
            boolean written = g.values().maximumRequests().isPresent();
            String how = written
                    ? "maximum-requests=" + Excerpt.of(g.values().maximumRequests().get().written()) + " reads as "
                            + g.maximumRequests() + ", never"
                    : "has no maximum-requests";
            ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + " " + how + ": its " + g.processes()
                    + " process(es) never recycle; add maximum-requests=500 (100-1000) and graceful-timeout",
                    (written ? "0 means never" : "mod_wsgi's default 0 means never") + ": a leak in the application"
                            + " grows until the host swaps or the OOM killer ends it. graceful-timeout lets the"
                            + " requests in flight finish when a process is recycled.");
        }
    }
}
