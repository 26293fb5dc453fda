package io.github.footprint.rules.stacks;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.memory.HttpdStartup;
import io.github.footprint.model.memory.StackSize;
import io.github.footprint.model.memory.ThreadMemory;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP403: under an address-space budget, glibc's malloc arenas (64 MiB of address space each, up to 8 per core)
 * take more of a threaded process's address space than everything else, and httpd's environment has no
 * {@code MALLOC_ARENA_MAX}.
 */
@RuleMeta(id = "FP403", name = "malloc-arena-max-unset", severity = Severity.INFO,
        summary = "MALLOC_ARENA_MAX is not in httpd's environment while a virtual-memory budget is set and malloc"
                + " arenas take most of the address space")
public final class ArenaMaxUnset implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        HttpdStartup startup = d.stacks().startup();
        if (startup.mallocArenaMaxSet()) {
            return;
        }
        int cores = d.parameters().host().cpuCores();
        List<String> processes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Location first = null;
        Location own = null;
        Mpm mpm = d.mpm();
        StackSize apache = d.stacks().apacheThreads().orElse(null);
        boolean serverBudget = !AddressSpaceBudgets.server(d).isEmpty();
        // the footprint sizes each process as FP503 and the table do: arenas against everything else
        for (Footprint.Component c : d.footprint().components()) {
            if (c.part() == Footprint.Part.DAEMON) {
                DaemonGroup g = c.daemon();
                if (AddressSpaceBudgets.daemon(d, g).isEmpty() || !d.stacks().daemon(g).requestThreads().known()
                        || g.threads() <= 0 || !arenasDominate(c)) {
                    continue;
                }
                processes.add("WSGIDaemonProcess " + g.name() + (g.virtualMemoryLimit().isPresent()
                        ? " (virtual-memory-limit=" + g.values().virtualMemoryLimit().orElseThrow().written() + ")" : "")
                        + " " + share(c) + " per process");
                names.add("daemon '" + g.name() + "'");
                first = first == null ? g.location() : first;
                own = own == null && !g.location().stock() ? g.location() : own;
            } else if (c.part() == Footprint.Part.APACHE_CHILDREN && apache != null && apache.known() && serverBudget
                    && !mpm.assumed() && !mpm.loads().isEmpty() && arenasDominate(c)) {
                processes.add("Apache's " + mpm.kind().label() + " children " + share(c) + " per child");
                names.add("the Apache children");
                first = first == null ? mpm.loads().get(0).location() : first;
                own = own == null && !mpm.loads().get(0).location().stock() ? mpm.loads().get(0).location() : own;
            }
        }
        if (processes.isEmpty()) {
            return;
        }
        Fact unexported = startup.mallocArenaMaxAssignment();
        // a line of the user's files rather than a distribution's stock file, where there is one
        Location at = unexported != null ? unexported.location() : own != null ? own : first;
        String why = unexported != null ? "MALLOC_ARENA_MAX=" + Excerpt.of(unexported.value()) + " is not exported"
                : "no MALLOC_ARENA_MAX in httpd's environment";
        List<AddressSpaceBudgets.Budget> server = AddressSpaceBudgets.server(d);
        String under = server.isEmpty() ? "under their virtual-memory-limit" : "under "
                + AddressSpaceBudgets.describe(server);
        String whose = names.size() == 1 ? Excerpt.of(names.get(0)) : names.size() + " process groups";
        ctx.report(at, why + ": malloc arenas take most of the address space of " + whose + "; add 'export"
                + " MALLOC_ARENA_MAX=2' to envvars", (unexported != null
                        ? "Not exported, MALLOC_ARENA_MAX=" + unexported.value() + " stays a variable of the shell and"
                                + " httpd's environment has none. " : "")
                + Phrases.sentence(under + ", glibc's malloc arenas (64 MiB of address space each, up to 8 per core;"
                + " cpuCores " + cores + ") would take most of the address space: " + String.join("; ", processes))
                + " Environment=MALLOC_ARENA_MAX=2 in httpd's unit works too. Measured, the cap cut a threads=50"
                + " daemon from 1397 to 502 MiB and an event child from 1183 to 287 MiB of address space, with the"
                + " same resident memory.");
    }

    private static boolean arenasDominate(Footprint.Component c) {
        return c.arenasEach() > c.virtualEach() - c.arenasEach();
    }

    private static String share(Footprint.Component c) {
        return "would reserve " + c.arenasEach() / ThreadMemory.ARENA_SIZE + " arenas, " + Sizes.format(c.arenasEach())
                + " of " + Sizes.format(c.virtualEach());
    }
}
