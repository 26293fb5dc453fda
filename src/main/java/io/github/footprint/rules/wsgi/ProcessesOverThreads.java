package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Calibration;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP214: a daemon with several processes whose total threads one process could run: the same concurrency with one
 * copy of the interpreter and application instead of several. Only where the total stays within
 * {@code maxThreads}, so the advice never leads into FP210.
 */
@RuleMeta(id = "FP214", name = "processes-over-threads", severity = Severity.INFO,
        summary = "A mod_wsgi daemon runs several processes where one process with more threads would serve as many"
                + " requests in less memory",
        options = {"maxThreads"})
public final class ProcessesOverThreads implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        long maxThreads = ctx.option("maxThreads", 25);
        Calibration cal = d.parameters().calibration();
        long base = cal.bytes(Calibration.Constant.DAEMON_RSS);
        long perThread = cal.bytes(Calibration.Constant.DAEMON_THREAD_RSS);
        for (DaemonGroup g : d.daemons()) {
            int p = g.processes();
            int t = g.threads();
            if (g.values().processes().isEmpty() || g.unknown("processes") || g.unknown("threads") || p < 2 || t < 1 || (long) p * t > maxThreads) {
                continue;
            }
            long total = (long) p * t;
            long saved = (p - 1) * base;
            ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + " processes=" + p + " threads=" + t + ": use"
                    + " processes=1 threads=" + total + ", as many requests in " + Sizes.format(saved) + " less, unless"
                    + " they are CPU-bound", "processes=" + p + " threads=" + t + " serves " + total
                    + " requests at once with " + p + " copies of the interpreter and the application; processes=1"
                    + " threads=" + total + " serves as many with one: " + (p - 1) + " x " + Sizes.format(base) + " = "
                    + Sizes.format(saved) + " less for the processes alone (measured daemon RSS: "
                    + Sizes.format(base) + " + " + Sizes.format(perThread) + " per thread), plus " + (p - 1)
                    + (p == 2 ? " copy" : " copies") + " fewer of the application (appRss "
                    + Sizes.format(d.parameters().host().appRss()) + " each) and of its database pools. Keep several"
                    + " processes only for CPU-bound requests (one process runs Python on about one core) or an"
                    + " application that is not thread-safe.");
        }
    }
}
