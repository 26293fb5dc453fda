package io.github.footprint.rules.apache;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP108: the 2.2 names still work on 2.4, but say nothing in the log and confuse the next reader. */
@RuleMeta(id = "FP108", name = "deprecated-mpm-name", severity = Severity.INFO,
        summary = "A 2.2 directive name (MaxClients, MaxRequestsPerChild) on httpd 2.4")
public final class DeprecatedMpmName implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        if ("2.2".equals(d.parameters().apacheVersion())) {
            return;
        }
        Mpm mpm = d.mpm();
        for (Directive x : mpm.deprecated()) {
            MpmDirective directive = MpmDirective.byName(x.name()).orElseThrow();
            boolean clients = directive == MpmDirective.MAX_REQUEST_WORKERS;
            String now = directive.directiveName();
            String code = !clients ? "AH00545" : mpm.kind() == Mpm.Kind.PREFORK ? "AH00188"
                    : mpm.kind() == Mpm.Kind.WORKER ? "AH00324" : "AH00521";
            ctx.report(x.location(), x.name() + " is the httpd 2.2 name of " + now + "; write " + now + " "
                    + Excerpt.of(x.arg()), "httpd 2.4 logs '" + code + ": " + x.name() + " is deprecated, use " + now
                    + " instead.' at info level only. Both names set the same value and the last one wins.");
        }
    }
}
