package io.github.footprint.rules.budget;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.Host;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP505: no {@code memory} budget is set, so the worst case is computed but nothing holds it to a number; one
 * finding per environment, about the project as a whole.
 */
@RuleMeta(id = "FP505", name = "no-budget", severity = Severity.INFO,
        summary = "No memory budget is set, so the worst-case footprint is computed but held against nothing")
public final class NoBudget implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Footprint fp = d.footprint();
        Host host = d.parameters().host();
        if (host.memory().isPresent() || (fp.components().isEmpty() && fp.pools().isEmpty())) {
            return;
        }
        boolean noVirtual = host.virtualMemory().isEmpty();
        boolean noConnections = host.databaseConnections().isEmpty() && !fp.pools().isEmpty();
        String worst = "worst case " + Sizes.format(fp.resident()) + " resident, " + Sizes.format(fp.virtual())
                + " virtual";
        String connections = fp.pools().isEmpty() ? "" : " It opens " + (fp.connectionsUnknown()
                ? "unknown database connections (a pool's size is not an integer, or a template leaves it unknown)."
                : fp.connections().isEmpty() ? "unbounded database connections (a pool has no limit)."
                : fp.connections().getAsLong() + " database connections at most.");
        List<String> set = new ArrayList<>(List.of("<memory>"));
        String inactive = "FP105, FP106, FP501 and FP502 are inactive";
        if (noVirtual && noConnections) {
            inactive += ", and FP503 and FP504 too (no virtualMemory, no databaseConnections)";
            set.add("<virtualMemory>");
            set.add("<databaseConnections>");
        } else if (noVirtual) {
            inactive += ", and FP503 too (no virtualMemory)";
            set.add("<virtualMemory>");
        } else if (noConnections) {
            inactive += ", and FP504 too (no databaseConnections)";
            set.add("<databaseConnections>");
        }
        ctx.report(Location.PROJECT, "No memory budget is set (" + worst + "); set " + String.join(", ", set)
                + " to the host's numbers", "The worst case is " + Sizes.format(fp.resident()) + " resident and "
                + Sizes.format(fp.virtual()) + " of address space. The largest: " + Budgets.largestResident(fp) + "." + connections
                + " Held against nothing, " + inactive + ". Set the budgets in the plugin's configuration, or per"
                + " environment." + Budgets.assumed(fp));
    }
}
