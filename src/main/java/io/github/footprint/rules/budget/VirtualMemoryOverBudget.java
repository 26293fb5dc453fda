package io.github.footprint.rules.budget;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint.Component;
import io.github.footprint.model.memory.Footprint.Part;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.rules.Phrases;
import io.github.footprint.base.Sizes;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP503: the worst-case address space of every process together is above {@code virtualMemory}; the message says
 * how much of it malloc arenas and thread stacks reserve, and what {@code MALLOC_ARENA_MAX=2} and 512 KiB stacks
 * would save.
 */
@RuleMeta(id = "FP503", name = "virtual-memory-over-budget", severity = Severity.ERROR,
        summary = "The worst-case address space of Apache and mod_wsgi together is above the virtual-memory budget")
public final class VirtualMemoryOverBudget implements Rule {
    /** The arena cap the fix suggests. */
    static final long ARENA_MAX = 2;
    /** The thread stack the fix suggests: 512 KiB, ample for Apache's and Python's request threads. */
    static final long STACK = 524288;

    @Override
    public void check(Deployment d, RuleContext ctx) {
        Footprint fp = d.footprint();
        if (d.parameters().host().virtualMemory().isEmpty()) {
            return;
        }
        long budget = d.parameters().host().virtualMemory().getAsLong();
        long virtual = fp.virtual();
        if (virtual <= budget) {
            return;
        }
        long arenaSaving = fp.arenaMax() > ARENA_MAX ? fp.arenas() - fp.arenasAt(ARENA_MAX) : 0;
        long stackSaving = fp.stacks() - fp.stacksAt(STACK);
        String head = "Worst-case address space is " + Sizes.format(virtual) + ", above virtualMemory="
                + Sizes.format(budget) + " by " + Sizes.format(virtual - budget) + "; ";
        String text = "Largest: " + Budgets.contributors(fp.byVirtual(), false, Budgets.CONTRIBUTORS) + ". Of it,"
                + " malloc arenas reserve " + Sizes.format(fp.arenas()) + " (arena cap " + fp.arenaMax() + ", "
                + Phrases.arenaMaxFrom(fp) + ") and thread stacks " + Sizes.format(fp.stacks());
        List<String> fixes = new ArrayList<>();
        List<String> brief = new ArrayList<>();
        if (arenaSaving > 0) {
            fixes.add("adding 'export MALLOC_ARENA_MAX=" + ARENA_MAX + "' to envvars saves " + Sizes.format(arenaSaving));
            brief.add("MALLOC_ARENA_MAX=" + ARENA_MAX + " saves " + Sizes.format(arenaSaving));
        }
        if (stackSaving > 0) {
            fixes.add("setting " + String.join(" and ", stackSettings(fp)) + " saves " + Sizes.format(stackSaving));
            brief.add("512 KiB stacks " + (arenaSaving > 0 ? "" : "save ") + Sizes.format(stackSaving));
        }
        long after = virtual - arenaSaving - stackSaving;
        if (fixes.isEmpty()) {
            head += "run fewer threads or processes";
            text += ". Run fewer threads or processes" + fewer(d, fp, after - budget, arenaSaving > 0);
        } else {
            head += String.join(" and ", brief) + (after <= budget ? "" : "; then run fewer processes");
            String first = fixes.get(0);
            fixes.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
            text += ". " + String.join("; ", fixes) + (after <= budget
                    ? ": " + Sizes.format(after) + " in all, within the budget"
                    : ", which still leaves " + Sizes.format(after - budget) + " over: run fewer threads or processes"
                            + " as well" + fewer(d, fp, after - budget, arenaSaving > 0));
        }
        ctx.report(fp.byVirtual().get(0).location(), head, text + "." + Budgets.assumed(fp));
    }

    /**
     * How many processes of the largest component (by address space once the fixes above are made) must go to
     * remove {@code excess}, and the setting that does it; empty when that component runs a single process.
     */
    private static String fewer(Deployment d, Footprint fp, long excess, boolean arenaFix) {
        Component largest = null;
        long largestEach = 0;
        for (Component c : fp.components()) {
            if (c.part() != Part.APACHE_CHILDREN && c.part() != Part.DAEMON) {
                continue;
            }
            long each = c.virtualEach() - Math.max(0, c.stacksEach() - c.stacksEachAt(STACK))
                    - (arenaFix ? Math.max(0, c.arenasEach() - c.arenasEachAt(ARENA_MAX)) : 0);
            if (largest == null || c.count() * each > largest.count() * largestEach) {
                largest = c;
                largestEach = each;
            }
        }
        if (largest == null || largest.count() < 2 || largestEach <= 0) {
            return "";
        }
        long stop = Math.min(largest.count() - 1, (excess + largestEach - 1) / largestEach);
        long left = largest.count() - stop;
        String setting = largest.part() == Part.APACHE_CHILDREN
                ? "MaxRequestWorkers " + d.mpm().maxRequestWorkersFor(left) : "processes=" + left;
        return ": the largest part is " + largest.name() + " (" + largest.count() + " x " + Sizes.format(largestEach)
                + (fp.arenaMax() > ARENA_MAX || largestEach < largest.virtualEach() ? " after those fixes" : "") + "); "
                + setting + " at " + largest.location() + " stops " + stop + " of them"
                + (stop * largestEach >= excess ? ", which fits" : " and still leaves "
                        + Sizes.format(excess - stop * largestEach) + " over");
    }

    /** {@code ThreadStackSize 524288}, {@code stack-size=524288 on daemon 'app'}: for each process with larger stacks. */
    private static List<String> stackSettings(Footprint fp) {
        List<String> out = new ArrayList<>();
        for (Component c : fp.components()) {
            if (c.stackSize() <= STACK || c.count() == 0) {
                continue;
            }
            if (c.part() == Part.APACHE_CHILDREN) {
                out.add("ThreadStackSize " + STACK + " (stacks of " + Sizes.format(c.stackSize()) + " now)");
            } else if (c.part() == Part.DAEMON) {
                out.add("stack-size=" + STACK + " on " + c.name() + " (" + Sizes.format(c.stackSize()) + " now, "
                        + Budgets.sizedAt(c.location()) + ")");
            }
        }
        return out;
    }
}
