package io.github.footprint.rules.budget;

import java.util.Locale;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.base.Sizes;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP502: the worst-case resident memory fits in {@code memory}, but with less headroom than the option allows. */
@RuleMeta(id = "FP502", name = "memory-near-budget", severity = Severity.WARNING,
        summary = "The worst-case resident memory fits in the memory budget but takes more than a share of it"
                + " (default 90 %)",
        options = {"percent"})
public final class MemoryNearBudget implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        long percent = ctx.option("percent", 90);
        Footprint fp = d.footprint();
        if (d.parameters().host().memory().isEmpty()) {
            return;
        }
        long memory = d.parameters().host().memory().getAsLong();
        long resident = fp.resident();
        // floor(memory x percent / 100) without overflow
        long limit = memory / 100 * percent + memory % 100 * percent / 100;
        if (resident > memory || resident <= limit) {
            return;
        }
        long excess = resident - limit;
        ctx.report(fp.byResident().get(0).location(), "Worst-case resident memory is " + Sizes.format(resident) + ", "
                + String.format(Locale.ROOT, "%.1f", resident * 100.0 / memory) + " % of memory="
                + Sizes.format(memory) + ", above " + percent + " %; " + Budgets.settings(d, fp.cuts(excess), excess),
                Sizes.format(memory - resident) + " of headroom is less than the " + (100 - percent) + " % this rule"
                + " keeps free. Largest: " + Budgets.largestResident(fp) + ". To stay under " + percent + " % ("
                + Sizes.format(limit) + "), " + Budgets.cuts(d, fp, fp.cuts(excess), excess) + "."
                + Budgets.assumed(fp));
    }
}
