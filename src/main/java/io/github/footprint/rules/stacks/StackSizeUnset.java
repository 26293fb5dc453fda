package io.github.footprint.rules.stacks;

import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.StackSize;
import io.github.footprint.model.memory.ThreadMemory;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP401: threads whose stacks nothing sets (glibc's 8 MiB default) in processes that run under an address-space
 * budget: a mod_wsgi daemon without {@code stack-size=}, Apache's worker/event children without
 * {@code ThreadStackSize}, and no {@code ulimit -s}/{@code LimitSTACK=} in httpd's start-up.
 */
@RuleMeta(id = "FP401", name = "stack-size-unset", severity = Severity.WARNING,
        summary = "No stack size is set anywhere for threads that run under a virtual-memory budget, so each"
                + " reserves 8 MiB of address space")
public final class StackSizeUnset implements Rule {
    private static final long SUGGESTED = 524288;
    private static final String NO_RLIMIT = "no ulimit -s or LimitSTACK= in httpd's start-up";

    private static String kib(long bytes) {
        return bytes / 1024 + " KiB";
    }

    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (DaemonGroup g : d.daemons()) {
            StackSize s = d.stacks().daemon(g).requestThreads();
            List<AddressSpaceBudgets.Budget> budgets = AddressSpaceBudgets.daemon(d, g);
            if (!s.isDefault() || budgets.isEmpty() || g.threads() <= 0) {
                continue;
            }
            long stacks = g.threads() + (long) ThreadMemory.DAEMON_INTERNAL_THREADS;
            long now = stacks * ThreadMemory.stackMapping(s.bytes().getAsLong());
            long then = stacks * ThreadMemory.stackMapping(SUGGESTED);
            ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + ": " + stacks + " unsized thread stacks"
                    + " reserve " + Sizes.format(now) + " of address space per process; add stack-size=524288 ("
                    + Sizes.format(then) + ")", "No stack-size=, " + NO_RLIMIT + ": its "
                    + stacks + " thread stacks reserve " + kib(ThreadMemory.stackMapping(s.bytes().getAsLong()))
                    + " each, " + Sizes.format(now) + " of address space per process, under "
                    + AddressSpaceBudgets.describe(budgets) + ". With stack-size=524288 the same threads take "
                    + Sizes.format(then) + ", and the same resident memory.");
        }
        Mpm mpm = d.mpm();
        StackSize s = d.stacks().apacheThreads().orElse(null);
        List<AddressSpaceBudgets.Budget> budgets = AddressSpaceBudgets.server(d);
        if (s == null || !s.isDefault() || budgets.isEmpty() || mpm.assumed() || mpm.loads().isEmpty()) {
            return;
        }
        long threads = mpm.effective(MpmDirective.THREADS_PER_CHILD);
        long stacks = threads + ThreadMemory.APACHE_CHILD_EXTRA_THREADS;
        MpmValue tpc = mpm.value(MpmDirective.THREADS_PER_CHILD).orElse(null);
        Location at = tpc != null && tpc.location() != null ? tpc.location() : mpm.loads().get(0).location();
        long now = stacks * ThreadMemory.stackMapping(s.bytes().getAsLong());
        long then = stacks * ThreadMemory.stackMapping(SUGGESTED);
        ctx.report(at, "Apache's " + mpm.kind().label() + " children: " + stacks + " unsized thread stacks reserve "
                + Sizes.format(now) + " per child; add ThreadStackSize 524288 (" + Sizes.format(then) + " per child)", "No ThreadStackSize, " + NO_RLIMIT + ": each child's " + stacks
                + " thread stacks (ThreadsPerChild " + threads + " and 2 more) reserve "
                + kib(ThreadMemory.stackMapping(s.bytes().getAsLong())) + " each, " + Sizes.format(now)
                + " of address space per child, under " + AddressSpaceBudgets.describe(budgets) + ". ThreadStackSize"
                + " 524288 keeps the same resident memory.");
    }
}
