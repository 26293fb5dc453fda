package io.github.footprint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.github.footprint.findings.FootprintView;
import io.github.footprint.model.Host;
import io.github.footprint.base.Sizes;

/**
 * One environment's worst-case footprint (docs/memory-model.md) as console lines: a fixed-width table of the processes
 * (component, count, resident and virtual size each and in total, the line that sizes the count), a total row,
 * then the budgets, the event MPM's graceful-stop children, the database connections, the arena cap and host
 * statements used, and the assumptions. Of more than {@link #ROWS} components the largest are rows and the others
 * one row of their totals. Every line fits {@link #WIDTH} unless a single path is longer; when the
 * {@code sized at} column would not fit, each location goes on a line of its own below its row. Every text from
 * the configuration comes masked in the view, before widths are measured.
 */
final class FootprintTable {
    /** Characters a line may take: a 100-column terminal less Maven's {@code [INFO] }. */
    static final int WIDTH = 93;

    /** What is printed for an environment with no process and no pool. */
    static final String NOTHING = "no Apache or mod_wsgi process to size";

    private static final String INDENT = "  ";
    private static final String GAP = "  ";
    private static final String[] HEAD_1 = {"", "", "resident", "resident", "virtual", "virtual", ""};
    private static final String[] HEAD_2 = {"component", "count", "each", "total", "each", "total", "sized at"};
    private static final int LOCATION = 6;

    /** Components the table shows, the largest by resident total; the others are summed on one row. */
    static final int ROWS = 20;

    private final List<String> out = new ArrayList<>();

    private FootprintTable() {
    }

    /** The lines for one environment, in print order. */
    static List<String> lines(String environment, FootprintView fp) {
        FootprintTable t = new FootprintTable();
        if (fp.components().isEmpty() && fp.pools().isEmpty()) {
            t.out.add("footprint [" + environment + "]: " + NOTHING);
            return t.out;
        }
        t.out.add("footprint [" + environment + "] worst case on one host:");
        fp.server().ifPresent(server -> t.prose(INDENT + "server: " + server));
        if (fp.components().isEmpty()) {
            t.out.add(INDENT + NOTHING);
        } else {
            t.table(fp);
            t.budgets(fp);
            fp.gracefulStop().ifPresent(t::gracefulStop);
        }
        t.connections(fp);
        t.host(fp);
        if (!fp.assumptions().isEmpty()) {
            t.out.add(INDENT + "assumptions:");
            for (String a : fp.assumptions()) {
                t.prose(INDENT + "- " + a);
            }
        }
        return t.out;
    }

    private void table(FootprintView fp) {
        List<String[]> rows = new ArrayList<>();
        List<FootprintView.Component> shown = fp.largest(ROWS, FootprintView.Component::resident);
        long moreCount = 0;
        long moreResident = 0;
        long moreVirtual = 0;
        for (FootprintView.Component c : fp.components()) {
            if (!shown.contains(c)) {
                moreCount += c.count();
                moreResident += c.resident();
                moreVirtual += c.virtual();
                continue;
            }
            rows.add(new String[] {c.name(), Long.toString(c.count()), Sizes.format(c.residentEach()),
                Sizes.format(c.resident()), Sizes.format(c.virtualEach()), Sizes.format(c.virtual()), where(c.where())});
        }
        int more = fp.components().size() - shown.size();
        if (more > 0) {
            rows.add(new String[] {String.format(Locale.ROOT, "%,d more", more), Long.toString(moreCount), "",
                Sizes.format(moreResident), "", Sizes.format(moreVirtual), ""});
        }
        String[] total = {"total", "", "", Sizes.format(fp.resident()), "", Sizes.format(fp.virtual()), ""};
        int[] w = new int[HEAD_2.length];
        for (String[] r : concat(rows, HEAD_1, HEAD_2, total)) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        boolean inline = true;
        for (String[] r : rows) {
            inline &= render(r, w, true).length() <= WIDTH;
        }
        out.add(render(HEAD_1, w, inline));
        out.add(render(HEAD_2, w, inline));
        for (String[] r : rows) {
            out.add(render(r, w, inline));
            if (!inline && !r[LOCATION].isEmpty()) {
                out.add(INDENT + INDENT + "sized at " + r[LOCATION]);
            }
        }
        out.add(render(total, w, inline));
        if (more > 0) {
            prose(INDENT + INDENT + "'" + rows.get(rows.size() - 1)[0] + "' sums the smaller components;"
                    + " footprint.json and the HTML report list each");
        }
    }

    private static List<String[]> concat(List<String[]> rows, String[]... more) {
        List<String[]> all = new ArrayList<>(rows);
        all.addAll(List.of(more));
        return all;
    }

    /** Text left-aligned in the first and last column, numbers right-aligned; no trailing blanks. */
    private static String render(String[] cells, int[] w, boolean withLocation) {
        StringBuilder b = new StringBuilder(INDENT);
        int last = withLocation ? cells.length : LOCATION;
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                b.append(GAP);
            }
            boolean left = i == 0 || i == LOCATION;
            if (!left) {
                b.append(" ".repeat(w[i] - cells[i].length()));
            }
            b.append(cells[i]);
            if (left) {
                b.append(" ".repeat(w[i] - cells[i].length()));
            }
        }
        return b.toString().stripTrailing();
    }

    /** The masked {@code file:line}, or {@code (project)}. */
    private static String where(String masked) {
        return masked.isEmpty() ? "(project)" : masked;
    }

    private void budgets(FootprintView fp) {
        Host h = fp.host();
        prose(INDENT + budget("memory", h.memory(), fp.resident()));
        prose(INDENT + budget("virtualMemory", h.virtualMemory(), fp.virtual()));
        prose(INDENT + INDENT + "virtual matters only under an address-space cap: VPS, ulimit -v, virtual-memory-limit");
    }

    /** {@code memory=768 MiB: headroom 120.5 MiB}, {@code memory=512 MiB: over by 3 MiB}, {@code memory unset}. */
    private static String budget(String name, OptionalLong given, long used) {
        if (given.isEmpty()) {
            return name + " unset";
        }
        long budget = given.getAsLong();
        long room = budget - used;
        return name + "=" + Sizes.format(budget) + ": " + (room >= 0 ? "headroom " + Sizes.format(room)
                : "over by " + Sizes.format(-room));
    }

    private void gracefulStop(FootprintView.Component g) {
        prose(INDENT + "graceful stop: up to " + g.count() + " more apache children x " + Sizes.format(g.residentEach())
                + " = " + Sizes.format(g.resident()) + " (" + Sizes.format(g.virtual()) + " virtual) may linger after a"
                + " graceful restart, not in the total; " + g.sizedBy() + " (" + where(g.where()) + ")");
    }

    private void connections(FootprintView fp) {
        OptionalLong max = fp.connections();
        OptionalLong given = fp.host().databaseConnections();
        StringBuilder line = new StringBuilder(INDENT + "database connections: ");
        int hosts = fp.hosts();
        OptionalLong fleet = fp.fleetConnections();
        if (fp.pools().isEmpty()) {
            line.append("none (no SQLAlchemy pool is read)");
        } else if (fp.connectionsUnknown()) {
            line.append("unknown");
        } else if (hosts == 1) {
            line.append(max.isEmpty() ? "unbounded" : "max " + max.getAsLong());
        } else {
            line.append(max.isEmpty() ? "unbounded" : "max " + max.getAsLong() + " per host, " + fleet.getAsLong()
                    + " on " + hosts + " hosts");
        }
        if (given.isEmpty()) {
            line.append("; databaseConnections unset");
        } else {
            long budget = given.getAsLong();
            line.append("; databaseConnections=").append(budget);
            if (fleet.isPresent() && !fp.pools().isEmpty()) {
                long room = budget - fleet.getAsLong();
                line.append(room >= 0 ? ": headroom " + room : ": over by " + (-room));
            }
        }
        prose(line.toString());
        for (FootprintView.Pool p : fp.pools()) {
            String at = where(p.where());
            String app = p.appElsewhere() ? p.appFile() + " " : "";
            prose(INDENT + INDENT + app + "[" + p.appSection() + "] " + p.prefix() + ": "
                    + processes(p) + " x " + (p.unknown() ? "unknown" : p.unbounded() ? "unbounded"
                            : p.perProcess().getAsLong() + " = " + p.connections().getAsLong())
                    + " (" + at + ")");
            if (p.link().isPresent()) {
                FootprintView.Link l = p.link().get();
                prose(INDENT + INDENT + INDENT + "linked: " + l.alias() + " (" + l.mountWhere() + ") runs "
                        + l.script().orElse("?") + "; " + l.loader() + " (" + l.callWhere() + ") opens "
                        + l.path() + ", section " + l.section());
                prose(INDENT + INDENT + INDENT + "path: " + l.derivation());
            }
        }
    }

    /** {@code 2 processes of daemon 'app'}; otherwise the model's phrase (embedded, or one process assumed and why). */
    private static String processes(FootprintView.Pool p) {
        long n = p.processes();
        if (p.daemon().isEmpty()) {
            return p.processesFrom();
        }
        return n + (n == 1 ? " process" : " processes") + " of daemon '" + p.daemon().get() + "'";
    }

    private void host(FootprintView fp) {
        Host h = fp.host();
        prose(INDENT + "malloc arena cap " + fp.arenaMax() + ": " + fp.arenaMaxFrom());
        prose(INDENT + "assumed: appRss " + Sizes.format(h.appRss()) + " per loaded application, cpuCores "
                + h.cpuCores() + ", requestGrowth " + (h.requestGrowth() > 0 ? Sizes.format(h.requestGrowth())
                + " per request" : "unset"));
    }

    /**
     * A sentence (its parts already masked), wrapped at word boundaries to {@link #WIDTH}; continuation lines
     * indented two more.
     */
    private void prose(String masked) {
        int lead = masked.length() - masked.stripLeading().length();
        String cont = " ".repeat(lead + 2);
        StringBuilder line = new StringBuilder(masked.substring(0, lead));
        boolean first = true;
        for (String word : masked.substring(lead).split(" ")) {
            if (!first && line.length() + 1 + word.length() > WIDTH) {
                out.add(line.toString());
                line = new StringBuilder(cont).append(word);
            } else {
                line.append(first ? "" : " ").append(word);
            }
            first = false;
        }
        out.add(line.toString());
    }
}
