package io.github.footprint.rules.apache;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP107: more spare capacity demanded than MaxRequestWorkers allows: httpd keeps every child it may run alive even
 * when idle, and logs one error line at run time (measured on 2.4.71; the line is not repeated).
 */
@RuleMeta(id = "FP107", name = "spare-beyond-maximum", severity = Severity.WARNING,
        summary = "MinSpareThreads or MinSpareServers cannot fit under MaxRequestWorkers, so httpd keeps every child"
                + " running and logs an error")
public final class SpareBeyondMaximum implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Mpm mpm = d.mpm();
        if (d.apache().isEmpty() || mpm.kind() == null) {
            return;
        }
        boolean threaded = mpm.kind().threaded();
        MpmDirective spare = threaded ? MpmDirective.MIN_SPARE_THREADS : MpmDirective.MIN_SPARE_SERVERS;
        MpmValue min = mpm.value(spare).orElse(null);
        MpmValue max = mpm.value(MpmDirective.MAX_REQUEST_WORKERS).orElse(null);
        if (min == null || max == null || min.effective() <= max.effective()) {
            return;
        }
        String code = mpm.kind() == Mpm.Kind.EVENT ? "AH10159" : mpm.kind() == Mpm.Kind.WORKER ? "AH00287" : "AH00161";
        String text = threaded ? "server is within MinSpareThreads of MaxRequestWorkers, consider raising the"
                + " MaxRequestWorkers setting" : "server reached MaxRequestWorkers setting, consider raising the"
                        + " MaxRequestWorkers setting";
        Location at = min.location() != null ? min.location() : max.location() != null ? max.location()
                : mpm.loads().isEmpty() ? Location.PROJECT : mpm.loads().get(0).location();
        ctx.report(at, spare.directiveName() + " " + min.effective() + (min.isDefault() ? " (compiled-in default)" : "")
                + " is more than MaxRequestWorkers " + max.effective() + " (" + code + " at run time); set "
                + spare.directiveName() + " at most " + max.effective(),
                "httpd can never keep that many " + (threaded ? "threads" : "servers") + " spare: it keeps every child"
                        + " it may run alive even when idle, and logs '" + code + ": " + text + "' at run time"
                        + " (apache2 -t says nothing)." + (threaded ? " Typically MinSpareThreads is one ThreadsPerChild"
                        + " (" + mpm.effective(MpmDirective.THREADS_PER_CHILD) + ")." : ""));
    }
}
