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
            String grows = growth > 0
                    ? "; at requestGrowth=" + Sizes.format(growth) + " that is " + Sizes.format(growth * max)
                            + " per process, " + Sizes.format(growth * max * Math.max(1, g.processes()))
                            + " for its " + g.processes() + " process(es)"
                    : " (set requestGrowth to see what that costs)";
            ctx.report(g.location(), max > errorAbove ? Severity.ERROR : Severity.WARNING,
                    "WSGIDaemonProcess " + g.name() + ": maximum-requests=" + max + " lets a leaking process grow for "
                            + max + " requests before it is recycled" + grows + ". Use " + Math.min(100, threshold)
                            + "-" + threshold + " (the limit counts requests per process, across all its threads)");
        }
    }
}
