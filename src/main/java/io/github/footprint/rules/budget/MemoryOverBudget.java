package io.github.footprint.rules.budget;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.base.Sizes;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP501: the worst-case resident memory of every process together is above {@code memory}. */
@RuleMeta(id = "FP501", name = "memory-over-budget", severity = Severity.ERROR,
        summary = "The worst-case resident memory of Apache and mod_wsgi together is above the memory budget")
public final class MemoryOverBudget implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Footprint fp = d.footprint();
        if (d.parameters().host().memory().isEmpty()) {
            return;
        }
        long memory = d.parameters().host().memory().getAsLong();
        long resident = fp.resident();
        if (resident <= memory) {
            return;
        }
        long excess = resident - memory;
        ctx.report(fp.byResident().get(0).location(), "Worst-case resident memory is " + Sizes.format(resident)
                + ", above memory=" + Sizes.format(memory) + " by " + Sizes.format(excess) + "; "
                + Budgets.settings(d, fp.cuts(excess), excess), "Largest: " + Budgets.largestResident(fp) + ". To fit, "
                + Budgets.cuts(d, fp, fp.cuts(excess), excess) + "." + Budgets.assumed(fp));
    }
}
