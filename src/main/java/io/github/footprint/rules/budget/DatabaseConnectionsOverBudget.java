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
 * FP504: the SQLAlchemy pools of every process that loads an application can open more connections than
 * {@code databaseConnections}, or a pool has no limit at all.
 */
@RuleMeta(id = "FP504", name = "database-connections-over-budget", severity = Severity.ERROR,
        summary = "SQLAlchemy pools can open more database connections than the database allows this host, or one"
                + " has no limit")
public final class DatabaseConnectionsOverBudget implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Footprint fp = d.footprint();
        if (d.parameters().host().databaseConnections().isEmpty()) {
            return;
        }
        long budget = d.parameters().host().databaseConnections().getAsLong();
        OptionalLong connections = fp.connections();
        // a pool of unknown size (its application does not start as written) is left out; the others still count
        boolean unknown = fp.connectionsUnknown();
        long known = fp.pools().stream().mapToLong(p -> p.connections().orElse(0L)).sum();
        if (fp.pools().isEmpty() || (connections.isPresent() && connections.getAsLong() <= budget)
                || (unknown && known <= budget)) {
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
        long fits = budget / Math.max(1, processes);
        String head = unknown
                ? "The SQLAlchemy pools of known size can open " + known + " database connections, above"
                        + " databaseConnections=" + budget
                : connections.isEmpty()
                ? "A SQLAlchemy pool has no limit, so the database connections of this host are unbounded against"
                        + " databaseConnections=" + budget
                : "The SQLAlchemy pools can open " + connections.getAsLong() + " database connections, above databaseConnections="
                        + budget;
        String fix = fits >= 1
                ? "Give each pool at most pool_size + max_overflow = " + fits + " per process (" + budget
                        + " connections / " + processes + " pooling processes), or run fewer processes"
                : "Even one connection per process is too many for " + processes + " pooling processes: run fewer"
                        + " processes, or raise databaseConnections";
        // the footprint's assumptions are about processes; connections rest on them only through Apache children
        boolean children = pools.stream().anyMatch(Pool::inApacheChildren);
        ctx.report(pools.get(0).location(), head + ": " + String.join("; ", each) + ". " + fix
                + (children ? Budgets.assumed(fp) : ""));
    }
}
