package io.github.footprint.rules.apache;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP101: httpd 2.4 needs exactly one MPM module; with none or several it refuses to start (AH00534). */
@RuleMeta(id = "FP101", name = "mpm-not-single", severity = Severity.ERROR,
        summary = "No MPM or more than one MPM is loaded, which httpd 2.4 refuses at start-up")
public final class MpmNotSingle implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        if (d.apache().isEmpty() || "2.2".equals(d.parameters().apacheVersion())) {
            return;
        }
        Mpm mpm = d.mpm();
        if (mpm.kind() != null || mpm.assumed()) {
            return;
        }
        if (mpm.loads().isEmpty()) {
            Location at = d.apache().get().mainFile() == null ? Location.PROJECT
                    : new Location(d.apache().get().mainFile().displayPath(), 0);
            ctx.report(at, "no MPM is loaded: httpd stops with 'AH00534: Configuration error: No MPM loaded.'; load"
                    + " exactly one (Debian: a2enmod mpm_event)", "No LoadModule mpm_prefork_module, mpm_worker_module"
                    + " or mpm_event_module is reached from " + (at.file().isEmpty() ? "the project" : at.file())
                    + ".");
            return;
        }
        StringBuilder all = new StringBuilder();
        for (Directive l : mpm.loads()) {
            all.append(all.length() == 0 ? "" : ", ").append(l.arg()).append(" (").append(l.location()).append(')');
        }
        for (Directive l : mpm.loads().subList(1, mpm.loads().size())) {
            ctx.report(l.location(), "LoadModule " + l.arg() + " loads a second MPM, so httpd refuses to start"
                    + " (AH00534); keep one (Debian: a2dismod the others)", "httpd stops with 'AH00534: Configuration"
                    + " error: More than one MPM loaded.'. The MPMs loaded: " + all + ". Directives of the others"
                    + " belong in their <IfModule>.");
        }
    }
}
