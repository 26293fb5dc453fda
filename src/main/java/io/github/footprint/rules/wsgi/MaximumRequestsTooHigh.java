package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP201: {@code maximum-requests} so high that a leaking daemon process grows for long before it is recycled. */
@RuleMeta(id = "FP201", name = "maximum-requests-too-high", severity = Severity.WARNING,
        summary = "A mod_wsgi daemon's maximum-requests lets a leaking process grow for too long before it is recycled",
        options = {"threshold", "errorAbove"})
public final class MaximumRequestsTooHigh implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        long threshold = ctx.option("threshold", 1000);
        long errorAbove = ctx.option("errorAbove", 10000);
        long growth = d.parameters().host().requestGrowth();
        for (DaemonGroup g : d.daemons()) {
            long max = g.maximumRequests();
            if (max <= threshold) {
                continue;
            }
            String use = "; use " + Math.min(100, threshold) + "-" + threshold;
            String message = growth > 0
                    ? "WSGIDaemonProcess " + g.name() + ": maximum-requests=" + max + " lets a leak grow "
                            + Sizes.format(growth * max) + " per process before recycling" + use
                    : "WSGIDaemonProcess " + g.name() + ": maximum-requests=" + max + " recycles a leaking process only"
                            + " after " + max + " requests" + use;
            String detail = (growth > 0 ? "At requestGrowth=" + Sizes.format(growth) + " a process grows "
                    + max + " x " + Sizes.format(growth) + " = " + Sizes.format(growth * max) + " before it is"
                    + " recycled, " + Sizes.format(growth * max * Math.max(1, g.processes())) + " for its "
                    + g.processes() + " process(es). " : "")
                    + "The limit counts requests per process, across all its threads." + (growth > 0 ? ""
                    : " Set requestGrowth (what one request may leak) to see what a leak costs before recycling.");
            ctx.report(g.location(), max > errorAbove ? Severity.ERROR : Severity.WARNING, message, detail);
        }
    }
}
