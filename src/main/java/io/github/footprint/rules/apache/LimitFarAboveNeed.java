package io.github.footprint.rules.apache;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP109: ServerLimit/ThreadLimit size the scoreboard in shared memory; far above need is memory for nothing. */
@RuleMeta(id = "FP109", name = "limit-far-above-need", severity = Severity.INFO,
        summary = "ServerLimit or ThreadLimit set far above what MaxRequestWorkers needs (wasted shared memory)",
        options = {"factor"})
public final class LimitFarAboveNeed implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Mpm mpm = d.mpm();
        if (d.apache().isEmpty() || mpm.kind() == null) {
            return;
        }
        long factor = ctx.option("factor", 4);
        long servers = Math.max(1, mpm.maxChildren());
        MpmValue sl = mpm.value(MpmDirective.SERVER_LIMIT).orElse(null);
        if (sl != null && !sl.isDefault() && sl.effective() > factor * servers) {
            ctx.report(sl.location(), "ServerLimit " + sl.effective() + " is more than " + factor + " times the "
                    + servers + " " + (mpm.kind().threaded() ? "child process(es)" : "servers")
                    + " MaxRequestWorkers " + mpm.effective(MpmDirective.MAX_REQUEST_WORKERS) + " can use; set"
                    + " ServerLimit " + servers + (mpm.kind() == Mpm.Kind.EVENT ? " plus a few for gracefully stopping"
                            + " children" : ""), "httpd sizes its scoreboard (shared memory) for ServerLimit, used or"
                    + " not.");
        }
        MpmValue tl = mpm.value(MpmDirective.THREAD_LIMIT).orElse(null);
        long tpc = mpm.effective(MpmDirective.THREADS_PER_CHILD);
        if (tl != null && !tl.isDefault() && tpc > 0 && tl.effective() > factor * tpc) {
            ctx.report(tl.location(), "ThreadLimit " + tl.effective() + " is more than " + factor
                    + " times ThreadsPerChild " + tpc + "; set ThreadLimit " + tpc, "httpd sizes every child's"
                    + " scoreboard slots (shared memory) for ThreadLimit, used or not.");
        }
    }
}
