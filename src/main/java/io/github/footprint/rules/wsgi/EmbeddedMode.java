package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.GroupSelection;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.model.wsgi.ServerScope;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP208: a mount that runs embedded, inside every Apache child, instead of in a daemon group. Under prefork every
 * child is a process with its own interpreter and copy of the application (error); under worker and event one per
 * child process (warning). With {@code WSGIRestrictEmbedded On} such a mount answers HTTP 500 (error).
 */
@RuleMeta(id = "FP208", name = "embedded-mode", severity = Severity.WARNING,
        summary = "A WSGI application runs embedded in the Apache children, one copy per child, instead of in a"
                + " daemon group")
public final class EmbeddedMode implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        ModWsgi w = d.modWsgi();
        Mpm mpm = d.mpm();
        for (Mount m : w.mounts()) {
            if (!m.embedded()) {
                continue;
            }
            GroupSelection g = m.processGroupSelection();
            String why = g.source() == GroupSelection.Source.DEFAULT
                    ? "no WSGIProcessGroup or process-group= selects a daemon group"
                    : WsgiWords.selection(g) + " selects the Apache children";
            String head = m.directive() + " " + Excerpt.of(m.url()) + " runs embedded";
            String how = m.directive() + " " + m.url() + " " + m.script() + " runs embedded: " + why + ".";
            String fix = fix(d, w, m);
            String shortFix = shortFix(d, w, m);
            if (w.embeddedRestricted()) {
                ctx.report(m.location(), Severity.ERROR, head + ", but WSGIRestrictEmbedded On turns that off (HTTP"
                        + " 500 for every request); " + shortFix, how + " WSGIRestrictEmbedded On ("
                        + w.effectiveRestrictEmbedded().get().location() + ") turns embedded mode off: every request"
                        + " to it gets HTTP 500 ('Embedded mode of mod_wsgi disabled by runtime configuration'). "
                        + fix + ".");
                continue;
            }
            Mpm.Kind kind = mpm.kind();
            long children = mpm.maxChildren();
            if (kind == null || children <= 0) {
                ctx.report(m.location(), head + ": every Apache child process loads its own interpreter and"
                        + " application; " + shortFix, how + " Every Apache child process loads its own Python"
                        + " interpreter and copy of the application. " + fix + ".");
                continue;
            }
            boolean prefork = kind == Mpm.Kind.PREFORK;
            long each = d.parameters().calibration().interpreterInChild(prefork);
            String count = prefork
                    ? "each of up to " + children + " prefork children (MaxRequestWorkers " + children + ")"
                    : "each of up to " + children + " " + kind.label() + " child processes (MaxRequestWorkers "
                            + mpm.effective(MpmDirective.MAX_REQUEST_WORKERS) + " / ThreadsPerChild " + mpm.effective(MpmDirective.THREADS_PER_CHILD)
                            + "; the threads of a child share its copy and one interpreter lock)";
            ctx.report(m.location(), prefork ? Severity.ERROR : Severity.WARNING, head + " in up to " + children + " "
                    + kind.label() + " children, at least " + Sizes.format(children * each) + " for the interpreters"
                    + " alone; " + shortFix, how + " E" + count.substring(1) + " loads its own Python interpreter"
                    + " and copy of the application: at least " + children + " x " + Sizes.format(each) + " = "
                    + Sizes.format(children * each) + " for the interpreters alone (measured per child), plus the"
                    + " application in each (appRss " + Sizes.format(d.parameters().host().appRss()) + "), and"
                    + " maximum-requests cannot recycle them. " + fix + ".");
        }
    }

    /**
     * Names a daemon group the mount's server may use (the first at server level, else the first of its own virtual
     * host), or says to define one.
     */
    private static String fix(Deployment d, ModWsgi w, Mount m) {
        DaemonGroup usable = usable(d, w, m);
        if (usable != null) {
            return "WSGIDaemonProcess " + usable.name() + " (" + usable.location() + ") is defined: run it there with"
                    + " process-group=" + usable.name() + " on this line or WSGIProcessGroup " + usable.name();
        }
        return "Run it in a daemon group: WSGIDaemonProcess app processes=1 threads=15 maximum-requests=500 at server"
                + " level, and process-group=app on this line or WSGIProcessGroup app";
    }

    /** The fix in a few words, for the first line. */
    private static String shortFix(Deployment d, ModWsgi w, Mount m) {
        DaemonGroup usable = usable(d, w, m);
        return usable != null ? "run it in daemon '" + Excerpt.of(usable.name()) + "' (process-group="
                + Excerpt.of(usable.name()) + ")" : "run it in a WSGIDaemonProcess (process-group=)";
    }

    private static DaemonGroup usable(Deployment d, ModWsgi w, Mount m) {
        DaemonGroup usable = null;
        for (DaemonGroup g : d.daemons()) {
            ServerScope home = w.scopeOf(g);
            if (home != null && !home.isVirtual()) {
                usable = g;
                break;
            }
            if (usable == null && home == m.server()) {
                usable = g;
            }
        }
        return usable;
    }
}
