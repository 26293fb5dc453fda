package io.github.footprint.rules.apache;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP103: a directive of an MPM that is not loaded, outside a matching {@code <IfModule>}: "Invalid command". */
@RuleMeta(id = "FP103", name = "foreign-mpm-directive", severity = Severity.ERROR,
        summary = "A directive of an MPM that is not loaded, unguarded, which makes httpd refuse to start")
public final class ForeignMpmDirective implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Mpm mpm = d.mpm();
        if (mpm.kind() == null) {
            return;
        }
        for (Directive x : mpm.foreign()) {
            ctx.report(x.location(), x.name() + " is not a directive of the loaded " + mpm.kind().label() + " MPM,"
                    + " so httpd refuses to start (Invalid command); wrap it in its MPM's <IfModule>, or remove it",
                    "httpd's whole message is \"Invalid command '" + x.name() + "', perhaps"
                    + " misspelled or defined by a module not included in the server configuration\". The MPMs'"
                    + " <IfModule> names are mpm_prefork_module, mpm_worker_module and mpm_event_module.");
        }
    }
}
