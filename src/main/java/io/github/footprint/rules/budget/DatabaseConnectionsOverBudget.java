package io.github.footprint.rules.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint.Pool;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP504: the SQLAlchemy pools of every process that loads an application, on each of the {@code hosts} identical
 * application hosts, can open more connections than {@code databaseConnections}, or a pool has no limit at all.
 */
@RuleMeta(id = "FP504", name = "database-connections-over-budget", severity = Severity.ERROR,
        summary = "SQLAlchemy pools can open more database connections than the database allows (on all hosts"
                + " together), or one has no limit")
public final class DatabaseConnectionsOverBudget implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Footprint fp = d.footprint();
        if (d.parameters().host().databaseConnections().isEmpty()) {
            return;
        }
        long budget = d.parameters().host().databaseConnections().getAsLong();
        int hosts = d.parameters().host().hosts();
        OptionalLong connections = fp.connections();
        // identical hosts behind a balancer each open every pool: the budget is the database's, for all of them;
        // a pool of unknown size (its application does not start as written) is left out, the others still count
        boolean unknown = fp.connectionsUnknown();
        long known = fp.pools().stream().mapToLong(p -> p.connections().orElse(0L)).sum();
        if (fp.pools().isEmpty() || (connections.isPresent() && connections.getAsLong() * hosts <= budget)
                || (unknown && known * hosts <= budget)) {
            return;
        }
        List<Pool> pools = new ArrayList<>(fp.pools());
        // unbounded first, then by connections; the sort is stable, so ties keep reading order
        pools.sort(Comparator.comparingLong((Pool p) -> p.connections().orElse(Long.MAX_VALUE)).reversed());
        List<String> each = new ArrayList<>();
        long processes = 0;
        for (Pool p : pools) {
            processes += p.processes();
            String where = "[" + p.app().section().name() + "] of " + p.app().location().file() + ", engine "
                    + p.engine().prefix() + ": ";
            each.add(where + (p.unknown() ? Phrases.perProcessFrom(p) : p.unbounded()
                    ? "no limit (" + Phrases.perProcessFrom(p) + ") in each of " + p.processes() + " process(es) ("
                            + Phrases.processesFrom(p) + ")"
                    : p.processes() + " process(es) x " + p.perProcess().getAsInt() + " = "
                            + p.connections().getAsLong() + " (" + Phrases.processesFrom(p) + "; "
                            + Phrases.perProcessFrom(p) + ")"));
        }
        long fits = budget / Math.max(1, processes * hosts);
        String fleet = hosts == 1 ? "" : " x " + hosts + " hosts";
        String head = unknown
                ? "SQLAlchemy pools of known size can open " + known + " connections"
                        + (hosts == 1 ? "" : " per host, " + known * hosts + " on " + hosts + " hosts")
                        + ", above databaseConnections=" + budget
                : connections.isEmpty()
                ? "A SQLAlchemy pool has no limit, so connections" + (hosts == 1 ? "" : " of the " + hosts + " hosts")
                        + " are unbounded against databaseConnections=" + budget
                : hosts == 1 ? "SQLAlchemy pools can open " + connections.getAsLong()
                        + " connections, above databaseConnections=" + budget
                : "SQLAlchemy pools can open " + connections.getAsLong() + " connections per host, "
                        + connections.getAsLong() * hosts + " on " + hosts + " hosts, above databaseConnections="
                        + budget;
        String fix = fits >= 1
                ? "give each pool at most " + fits + " per process (pool_size + max_overflow)"
                : "run fewer processes" + (hosts == 1 ? "" : " or hosts") + ", or raise databaseConnections";
        String why = fits >= 1
                ? budget + " connections / " + processes + " pooling processes" + fleet + " = " + fits + " per"
                        + " process: pool_size + max_overflow at most " + fits + " in each pool, or run fewer processes"
                        + (hosts == 1 ? "" : " or hosts") + "."
                : "Even one connection per process is too many for " + processes + " pooling processes" + fleet + ".";
        // the footprint's assumptions are about processes; connections rest on them only through Apache children
        boolean children = pools.stream().anyMatch(Pool::inApacheChildren);
        ctx.report(pools.get(0).location(), head + "; " + fix, "The pools: " + String.join("; ", each) + ". " + why
                + (children ? Budgets.assumed(fp) : ""));
    }
}
