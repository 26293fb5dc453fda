package io.github.footprint.rules.apache;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP104: MPM sizing directives are global only; inside a virtual host (or a Directory, Location, Files...
 * section) httpd refuses to start.
 */
@RuleMeta(id = "FP104", name = "mpm-directive-in-virtualhost", severity = Severity.ERROR,
        summary = "An MPM sizing directive inside a VirtualHost or a Directory-like section, which httpd refuses at"
                + " start-up")
public final class MpmDirectiveInVirtualHost implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (Directive x : d.mpm().inVirtualHost()) {
            Directive in = x.context();
            String says = in.is("VirtualHost") ? x.name() + " cannot occur within <VirtualHost> section"
                    : x.name() + " not allowed in <" + in.name() + "> context";
            ctx.report(x.location(), x.name() + " inside <" + in.name() + " " + Excerpt.of(in.rawArgs()) + ">: httpd"
                    + " refuses to start; move it to the main configuration", "httpd stops with '" + says + "'. MPM"
                    + " sizing is server-wide: a virtual host or a directory section cannot set it.");
        }
    }
}
