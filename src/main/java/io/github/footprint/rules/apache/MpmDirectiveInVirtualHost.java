package io.github.footprint.rules.apache;

import io.github.footprint.findings.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP104: MPM sizing directives are global only; inside a virtual host httpd refuses to start. */
@RuleMeta(id = "FP104", name = "mpm-directive-in-virtualhost", severity = Severity.ERROR,
        summary = "An MPM sizing directive inside a VirtualHost, which httpd refuses at start-up")
public final class MpmDirectiveInVirtualHost implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (Directive x : d.mpm().inVirtualHost()) {
            ctx.report(x.location(), x.name() + " inside <VirtualHost " + x.enclosing("VirtualHost").rawArgs()
                    + ">: httpd stops with '" + x.name() + " cannot occur within <VirtualHost> section'. MPM sizing is"
                    + " server-wide: move it to the main configuration");
        }
    }
}
