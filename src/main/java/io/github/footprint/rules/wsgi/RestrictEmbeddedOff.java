package io.github.footprint.rules.wsgi;

import java.util.Optional;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Calibration;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.wsgi.GroupSelection;
import io.github.footprint.model.wsgi.ImportScript;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.model.wsgi.RestrictEmbedded;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP209: every application runs in daemon mode, yet mod_wsgi still initialises Python in every Apache child
 * because {@code WSGIRestrictEmbedded} is not {@code On}. Also the {@code WSGIRestrictEmbedded} lines httpd refuses
 * (inside a {@code <VirtualHost>} or a directory section, or a value other than On/Off), which are errors.
 */
@RuleMeta(id = "FP209", name = "restrict-embedded-off", severity = Severity.WARNING,
        summary = "All WSGI applications run in daemon mode but WSGIRestrictEmbedded is not On, so every Apache"
                + " child still carries a Python interpreter")
public final class RestrictEmbeddedOff implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        ModWsgi w = d.modWsgi();
        if (!w.active()) {
            return;
        }
        for (RestrictEmbedded r : w.restrictEmbedded()) {
            if (r.problem() != null) {
                ctx.report(r.location(), Severity.ERROR, "WSGIRestrictEmbedded " + Excerpt.of(r.value()) + ": "
                        + Refusal.MARK + " with '" + r.problem() + "'; write it once at server level", "It is one setting for the whole server: write it once, outside any <VirtualHost>"
                        + " or section.");
            }
        }
        if (w.embeddedRestricted() || w.mounts().isEmpty() || !w.handlers().isEmpty()) {
            return;
        }
        for (Mount m : w.mounts()) {
            if (m.processGroupSelection().mode() != GroupSelection.Mode.DAEMON) {
                return;
            }
        }
        for (ImportScript i : w.imports()) {
            if (i.processGroup() != null && i.processGroup().mode() == GroupSelection.Mode.EMBEDDED) {
                return;
            }
        }
        Optional<RestrictEmbedded> off = w.effectiveRestrictEmbedded();
        // a LoadModule in a distribution's stock file is not the user's to change: the finding goes to their daemon
        Location at = off.map(RestrictEmbedded::location).orElse(w.loadModule() != null && !w.loadModule().stock()
                ? w.loadModule() : !d.daemons().isEmpty() ? d.daemons().get(0).location() : w.mounts().get(0).location());
        Mpm mpm = d.mpm();
        long children = mpm.maxChildren();
        String setting = off.map(r -> "WSGIRestrictEmbedded " + r.value()).orElse("WSGIRestrictEmbedded is unset (Off)");
        String cost;
        String total;
        Calibration cal = d.parameters().calibration();
        if (mpm.kind() == null || children <= 0) {
            cost = "each Apache child initialises Python though no application runs in it, about "
                    + Sizes.format(cal.restrictSaving(true)) + " RSS per child (measured)";
            total = "each Apache child carries Python for nothing";
        } else {
            boolean prefork = mpm.kind() == Mpm.Kind.PREFORK;
            long each = cal.restrictSaving(prefork);
            cost = "each of up to " + children + " " + mpm.kind().label() + " child processes ("
                    + (prefork ? "MaxRequestWorkers " + children : "MaxRequestWorkers " + mpm.effective(MpmDirective.MAX_REQUEST_WORKERS)
                            + " / ThreadsPerChild " + mpm.effective(MpmDirective.THREADS_PER_CHILD))
                    + ") initialises Python though no application runs in it: " + Sizes.format(each) + " RSS per child"
                    + " (measured: " + Sizes.format(cal.childWithPython(prefork)) + " against "
                    + Sizes.format(cal.childRestricted(prefork))
                    + " with WSGIRestrictEmbedded On), " + children + " x " + Sizes.format(each) + " = "
                    + Sizes.format(children * each) + " in all";
            total = "Python in up to " + children + " children costs " + Sizes.format(children * each);
        }
        ctx.report(at, "All " + w.mounts().size() + " WSGI mount(s) run in daemons, yet " + setting + ": " + total
                + "; add WSGIRestrictEmbedded On", Phrases.sentence(cost) + " Write it outside"
                + " any <VirtualHost>: it is one setting for the whole server.");
    }
}
