package io.github.footprint.rules.stacks;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.HttpdStartup;
import io.github.footprint.model.wsgi.DaemonGroup;

/**
 * The address-space budgets that apply to a process, so the FP4xx rules (and FP212) say the same thing: the
 * {@code virtualMemory} parameter (the host's cap), RLIMIT_AS from httpd's start-up ({@code ulimit -v},
 * {@code LimitAS=}), which every Apache process inherits, and a daemon's own {@code virtual-memory-limit=}.
 */
public final class AddressSpaceBudgets {
    private AddressSpaceBudgets() {
    }

    /** One budget: its text and where it is set (null for the parameter). */
    public static final class Budget {
        private final String text;
        private final Location location;

        Budget(String text, Location location) {
            this.text = text;
            this.location = location;
        }

        /** {@code virtualMemory=2 GiB}, {@code ulimit -v 1048576 at apache2/envvars:3}. */
        public String text() {
            return text;
        }

        /** Where it is set; null for the {@code virtualMemory} parameter. */
        public Location location() {
            return location;
        }
    }

    /** Budgets that apply to every process of the server: the parameter, the start-up's RLIMIT_AS. */
    public static List<Budget> server(Deployment d) {
        List<Budget> out = new ArrayList<>();
        d.parameters().host().virtualMemory()
                .ifPresent(param -> out.add(new Budget("virtualMemory=" + Sizes.format(param), null)));
        HttpdStartup.Limit as = d.stacks().startup().addressSpaceLimit();
        if (as != null && as.bytes().orElse(0) > 0) {
            out.add(new Budget(as.setting() + " (" + Sizes.format(as.bytes().getAsLong()) + ") at " + as.location(),
                    as.location()));
        }
        return out;
    }

    /** Budgets that apply to a daemon's processes: its {@code virtual-memory-limit=}, then the server's. */
    public static List<Budget> daemon(Deployment d, DaemonGroup g) {
        List<Budget> out = new ArrayList<>();
        if (g.virtualMemoryLimit().isPresent()) {
            out.add(new Budget("virtual-memory-limit=" + g.values().virtualMemoryLimit().orElseThrow().written() + " ("
                    + Sizes.format(g.virtualMemoryLimit().getAsLong()) + ")", g.location()));
        }
        out.addAll(server(d));
        return out;
    }

    /** The budgets' texts joined: {@code virtual-memory-limit=... and virtualMemory=2 GiB}. */
    public static String describe(List<Budget> budgets) {
        List<String> texts = new ArrayList<>();
        budgets.forEach(b -> texts.add(b.text()));
        return String.join(" and ", texts);
    }
}
