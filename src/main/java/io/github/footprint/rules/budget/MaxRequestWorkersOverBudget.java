package io.github.footprint.rules.budget;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint.Component;
import io.github.footprint.model.memory.Footprint.Part;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.rules.Phrases;
import io.github.footprint.base.Sizes;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP105: the Apache children MaxRequestWorkers allows (with the applications embedded in them) take more than the
 * whole {@code memory} budget on their own.
 */
@RuleMeta(id = "FP105", name = "max-request-workers-over-budget", severity = Severity.ERROR,
        summary = "MaxRequestWorkers lets Apache start more children than the memory budget holds, before anything"
                + " else is counted")
public final class MaxRequestWorkersOverBudget implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Footprint fp = d.footprint();
        if (d.parameters().host().memory().isEmpty()) {
            return;
        }
        long memory = d.parameters().host().memory().getAsLong();
        Component children = fp.component(Part.APACHE_CHILDREN).orElse(null);
        if (children == null || fp.apacheChildren() <= memory) {
            return;
        }
        Mpm mpm = d.mpm();
        Optional<Component> embedded = fp.component(Part.EMBEDDED_APPLICATIONS);
        long each = fp.apacheChildEach();
        long others = fp.residentWithApacheChildren(0);
        long room = memory - others;
        long fit = fp.apacheChildrenWithin(memory);
        List<Component> rest = fp.byResident().stream()
                .filter(c -> c.part() != Part.APACHE_CHILDREN && c.part() != Part.EMBEDDED_APPLICATIONS)
                .collect(Collectors.toList());
        String beside = Budgets.contributors(rest, true, Budgets.CONTRIBUTORS);
        String head = "Apache's " + children.count() + " children take " + Sizes.format(fp.apacheChildren())
                + ", more than memory=" + Sizes.format(memory) + " on their own; ";
        String text = "The children (" + Phrases.sizedBy(children) + ") take " + children.count() + " x "
                + Sizes.format(children.residentEach())
                + embedded.map(e -> " + " + Sizes.format(e.residentEach()) + " of embedded applications each").orElse("")
                + " = " + Sizes.format(fp.apacheChildren()) + ".";
        if (fit >= 1) {
            head += "set MaxRequestWorkers " + mpm.maxRequestWorkersFor(fit) + Budgets.workersPerChild(mpm, fit);
            text += " " + fit + " children of " + Sizes.format(each) + " fit in the " + Sizes.format(room)
                    + " left beside " + beside + ".";
        } else if (room <= 0) {
            head += "cut the daemons first (FP501 says by how much), or raise memory";
            text += " Nothing is left for them: " + beside + " already take " + Sizes.format(others)
                    + " of the budget.";
        } else {
            head += "cut the daemons first (FP501 says by how much), or raise memory";
            text += " Only " + Sizes.format(room) + " is left beside " + beside + ", less than one child of "
                    + Sizes.format(each) + ".";
        }
        long saving = fp.restrictSaving();
        if (saving > 0) {
            long lighter = each - saving;
            long fitLighter = room <= 0 ? 0 : room / lighter;
            text += " No application runs embedded, yet each child initialises Python: with WSGIRestrictEmbedded On"
                    + " (FP209) a child takes " + Sizes.format(lighter) + " instead of " + Sizes.format(each)
                    + (fitLighter >= children.count() ? ", and all " + children.count() + " fit"
                            : fitLighter >= 1 ? ", and " + fitLighter + " fit (MaxRequestWorkers "
                                    + mpm.maxRequestWorkersFor(fitLighter) + ")" : "") + ".";
            head += fitLighter >= children.count() ? ", or WSGIRestrictEmbedded On (FP209)" : "";
        }
        ctx.report(children.location(), head, text + Budgets.assumed(fp));
    }
}
