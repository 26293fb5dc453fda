package io.github.footprint.rules.budget;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint.Component;
import io.github.footprint.model.memory.Footprint.Part;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.base.Sizes;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP106: the children httpd keeps at idle ({@code StartServers}, {@code MinSpareServers}/{@code MinSpareThreads}),
 * with the parent and every daemon, already take more than {@code memory}.
 */
@RuleMeta(id = "FP106", name = "idle-children-over-budget", severity = Severity.WARNING,
        summary = "StartServers or MinSpareServers/MinSpareThreads keep more Apache children at idle than the memory"
                + " budget holds beside the parent and the daemons")
public final class IdleChildrenOverBudget implements Rule {
    /** Daemons the detail names one by one; more are summed. */
    private static final int TERMS = 10;

    @Override
    public void check(Deployment d, RuleContext ctx) {
        Footprint fp = d.footprint();
        if (d.parameters().host().memory().isEmpty()) {
            return;
        }
        long memory = d.parameters().host().memory().getAsLong();
        Component children = fp.component(Part.APACHE_CHILDREN).orElse(null);
        if (children == null || fp.idleResident() <= memory) {
            return;
        }
        Mpm mpm = d.mpm();
        boolean prefork = mpm.kind() == Mpm.Kind.PREFORK;
        MpmDirective spare = prefork ? MpmDirective.MIN_SPARE_SERVERS : MpmDirective.MIN_SPARE_THREADS;
        long idle = fp.idleChildren();
        long each = fp.apacheChildEach();
        String settings = "StartServers " + mpm.effective(MpmDirective.START_SERVERS) + ", " + spare.directiveName() + " " + mpm.effective(spare)
                + (prefork ? "" : " / ThreadsPerChild " + mpm.effective(MpmDirective.THREADS_PER_CHILD));
        List<String> terms = new ArrayList<>();
        int daemons = 0;
        long moreDaemons = 0;
        for (Component c : fp.components()) {
            if (c.part() == Part.APACHE_PARENT) {
                terms.add(c.name() + " " + Sizes.format(c.resident()));
            } else if (c.part() == Part.APACHE_CHILDREN) {
                terms.add(idle + " apache children x " + Sizes.format(each) + " (" + Budgets.sizedAt(c.location()) + ")");
            } else if (c.part() == Part.DAEMON) {
                if (++daemons > TERMS) {
                    moreDaemons += c.resident();
                    continue;
                }
                terms.add(c.name() + " " + c.count() + " x " + Sizes.format(c.residentEach()) + " (" + Budgets.sizedAt(c.location())
                        + ")");
            }
        }
        if (daemons > TERMS) {
            terms.add((daemons - TERMS) + " more daemons " + Sizes.format(moreDaemons));
        }
        String head = "At idle Apache keeps " + idle + " children, " + Sizes.format(fp.idleResident())
                + " with the rest, above memory=" + Sizes.format(memory) + "; ";
        String text = settings + " keep them: with the rest that is " + Sizes.format(fp.idleResident()) + " ("
                + String.join(" + ", terms) + ") before the first request.";
        long fit = fp.apacheChildrenWithin(memory);
        if (fit >= 1) {
            List<String> set = new ArrayList<>();
            if (mpm.effective(MpmDirective.START_SERVERS) > fit) {
                set.add("StartServers " + fit);
            }
            long spareFit = mpm.maxRequestWorkersFor(fit);
            if (mpm.effective(spare) > spareFit) {
                set.add(spare.directiveName() + " " + spareFit);
            }
            head += "set " + String.join(" and ", set) + " (or lower)";
            text += " " + fit + " idle children of " + Sizes.format(each) + " fit in memory beside the rest.";
        } else {
            head += "cut the daemons (FP501 says by how much) or raise memory";
            text += " Even one child does not fit: the parent and the daemons take "
                    + Sizes.format(fp.residentWithApacheChildren(0)) + " at idle.";
        }
        ctx.report(location(mpm, spare, children), head, text + Budgets.assumed(fp));
    }

    /** The StartServers line if set, else the MinSpare* line if set, else where the children are sized. */
    private static Location location(Mpm mpm, MpmDirective spare, Component children) {
        for (MpmDirective directive : List.of(MpmDirective.START_SERVERS, spare)) {
            MpmValue v = mpm.value(directive).orElse(null);
            if (v != null && !v.isDefault()) {
                return v.location();
            }
        }
        return children.location();
    }
}
