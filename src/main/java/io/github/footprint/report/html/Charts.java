package io.github.footprint.report.html;

import static io.github.footprint.report.html.Html.esc;
import static io.github.footprint.report.html.Html.num;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.FootprintView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.base.Sizes;

/**
 * The memory picture as inline SVG: per measure (resident memory against {@code memory}, address space against
 * {@code virtualMemory}, database connections against {@code databaseConnections}) one chart with a horizontal
 * stacked bar per environment, every environment on the one scale of that chart (the largest of the totals and the
 * budgets), the budget a marked line, the headroom or the overrun written under the bar. Components are told apart
 * by pattern as well as by colour, and named in a legend and in each part's tooltip.
 *
 * <p>The geometry is in the SVG's own units: the plot starts at {@link #PLOT_X} and is {@link #PLOT_W} wide, so a
 * value {@code v} ends at {@code PLOT_X + PLOT_W * v / scale}; at the page's width one unit is one pixel.
 */
final class Charts {
    /** What a chart measures. */
    enum Measure {
        RESIDENT("resident", "Resident memory", "memory", true),
        VIRTUAL("virtual", "Address space", "virtualMemory", true),
        CONNECTIONS("connections", "Database connections", "databaseConnections", false);

        final String id;
        final String title;
        final String budget;
        final boolean bytes;

        Measure(String id, String title, String budget, boolean bytes) {
            this.id = id;
            this.title = title;
            this.budget = budget;
            this.bytes = bytes;
        }

        String format(long v) {
            return bytes ? Sizes.format(v) : Long.toString(v);
        }
    }

    static final int WIDTH = 960;
    static final int PLOT_X = 150;
    static final int PLOT_W = 760;
    private static final int TOP = 6;
    private static final int ROW = 70;
    private static final int BAR_Y = 20;
    private static final int BAR_H = 26;
    private static final int AXIS = 36;
    private static final int LABEL_CHARS = 19;

    /** The parts a bar shows: of more components, the largest, and the others as one part. */
    static final int PARTS = 20;

    /** The fills: one per kind of Apache process, and a cycle for daemon groups and pools. */
    private static final String[] CYCLE = {"fp-f-d0", "fp-f-d1", "fp-f-d2", "fp-f-d3", "fp-f-d4", "fp-f-d5"};

    /** One part of a bar. */
    private static final class Part {
        final String name;
        final String fill;
        final long value;
        final String title;

        Part(String name, String fill, long value, String title) {
            this.name = name;
            this.fill = fill;
            this.value = value;
            this.title = title;
        }
    }

    /** One environment's bar. */
    private static final class Row {
        final String env;
        final List<Part> parts = new ArrayList<>();
        long total;
        boolean unbounded;
        OptionalLong budget = OptionalLong.empty();
        String empty;
        int hosts = 1;
        long perHost;

        Row(String env) {
            this.env = env;
        }
    }

    private Charts() {
    }

    /** The patterns every chart and legend fills with, once per page, in an SVG of no size. */
    static String defs() {
        return "<svg class=\"fp-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>\n"
                + pattern("fp-f-parent", "#37474f", "")
                + pattern("fp-f-children", "#bbdefb",
                        "<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"#0d47a1\" stroke-width=\"2\"/>")
                + pattern("fp-f-embedded", "#ffe0b2",
                        "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"#bf360c\"/><circle cx=\"0\" cy=\"0\" r=\"1.8\""
                                + " fill=\"#bf360c\"/><circle cx=\"8\" cy=\"8\" r=\"1.8\" fill=\"#bf360c\"/>"
                                + "<circle cx=\"0\" cy=\"8\" r=\"1.8\" fill=\"#bf360c\"/><circle cx=\"8\" cy=\"0\""
                                + " r=\"1.8\" fill=\"#bf360c\"/>")
                + pattern("fp-f-d0", "#c8e6c9",
                        "<path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"#1b5e20\" stroke-width=\"1.4\"/>")
                + pattern("fp-f-d1", "#e1bee7", "<path d=\"M0,4 H8\" stroke=\"#4a148c\" stroke-width=\"2\"/>")
                + pattern("fp-f-d2", "#f8bbd0", "<path d=\"M4,0 V8\" stroke=\"#880e4f\" stroke-width=\"2\"/>")
                + pattern("fp-f-d3", "#b2ebf2",
                        "<path d=\"M0,0.5 H8 M0.5,0 V8\" stroke=\"#006064\" stroke-width=\"1.2\"/>")
                + pattern("fp-f-d4", "#d7ccc8",
                        "<path d=\"M0,0 l8,8 M-2,6 l4,4 M6,-2 l4,4\" stroke=\"#3e2723\" stroke-width=\"2\"/>")
                + pattern("fp-f-d5", "#f9a825", "")
                + pattern("fp-f-more", "#eeeeee", "<path d=\"M0,4 H8 M4,0 V8\" stroke=\"#616161\" stroke-width=\"1\"/>")
                + "<pattern id=\"fp-f-over\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                + "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" stroke=\"#b71c1c\" stroke-width=\"1.5\"/></pattern>\n"
                + "</defs></svg>\n";
    }

    private static String pattern(String id, String background, String marks) {
        return "<pattern id=\"" + id + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\""
                + " height=\"8\" fill=\"" + background + "\"/>" + marks + "</pattern>\n";
    }

    /** The chart of one measure over every environment, with its legend; a sentence when there is nothing to draw. */
    static String chart(ReportView view, Measure m) {
        List<Row> rows = rows(view, m);
        long scale = 0;
        for (Row r : rows) {
            if (!r.unbounded && r.empty == null) {
                scale = Math.max(scale, r.total);
            }
            if (r.budget.isPresent()) {
                scale = Math.max(scale, r.budget.getAsLong());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("<figure class=\"fp-chart\" id=\"fp-chart-").append(m.id).append("\">\n");
        b.append("<figcaption>").append(esc(m.title)).append(" against <code>").append(m.budget)
                .append("</code>, worst case ").append(m == Measure.CONNECTIONS ? "of all application hosts together"
                : "on one host").append("</figcaption>\n");
        if (scale <= 0) {
            b.append("<p class=\"fp-none\">").append(m == Measure.CONNECTIONS ? "No SQLAlchemy pool is read and no"
                    + " databaseConnections budget is set." : "No Apache or mod_wsgi process to size and no " + m.budget
                    + " budget is set.").append("</p>\n</figure>\n");
            return b.toString();
        }
        int height = TOP + rows.size() * ROW + AXIS;
        String tid = "fp-c-" + m.id + "-t";
        String did = "fp-c-" + m.id + "-d";
        b.append("<svg class=\"fp-svg\" data-chart=\"").append(m.id).append("\" data-scale=\"").append(scale)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"").append(tid)
                .append(' ').append(did).append("\">\n");
        b.append("<title id=\"").append(tid).append("\">").append(esc(m.title)).append(" per environment against ")
                .append(m.budget).append(", on one scale of ").append(esc(m.format(scale))).append("</title>\n");
        b.append("<desc id=\"").append(did).append("\">");
        for (int i = 0; i < rows.size(); i++) {
            b.append(i == 0 ? "" : " ").append(esc(rows.get(i).env)).append(": ").append(esc(summary(rows.get(i), m)))
                    .append('.');
        }
        b.append("</desc>\n");
        b.append("<rect class=\"fp-plot\" x=\"").append(PLOT_X).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(PLOT_W).append("\" height=\"").append(rows.size() * ROW).append("\" fill=\"#f3f5f7\"/>\n");
        axis(b, m, scale, TOP + rows.size() * ROW);
        for (int i = 0; i < rows.size(); i++) {
            row(b, rows.get(i), m, scale, TOP + i * ROW);
        }
        b.append("</svg>\n");
        legend(b, rows);
        b.append("</figure>\n");
        return b.toString();
    }

    private static double x(long v, long scale) {
        return PLOT_X + PLOT_W * (double) v / scale;
    }

    private static void row(StringBuilder b, Row r, Measure m, long scale, int y0) {
        b.append("<g class=\"fp-row\" data-env=\"").append(esc(r.env)).append("\">\n");
        String label = r.env.length() > LABEL_CHARS ? r.env.substring(0, LABEL_CHARS - 1) + "\u2026" : r.env;
        b.append("<text class=\"fp-env\" x=\"").append(PLOT_X - 10).append("\" y=\"").append(y0 + BAR_Y + 18)
                .append("\" text-anchor=\"end\">").append(esc(label)).append(label.equals(r.env) ? ""
                        : "<title>" + esc(r.env) + "</title>").append("</text>\n");
        if (r.empty == null && !r.unbounded) {
            long at = 0;
            for (Part p : r.parts) {
                double x0 = x(at, scale);
                double x1 = x(at + p.value, scale);
                b.append("<rect class=\"fp-seg\" data-value=\"").append(p.value).append("\" x=\"").append(num(x0))
                        .append("\" y=\"").append(y0 + BAR_Y).append("\" width=\"").append(num(x1 - x0))
                        .append("\" height=\"").append(BAR_H).append("\" fill=\"url(#").append(p.fill)
                        .append(")\"><title>").append(esc(p.title)).append("</title></rect>\n");
                at += p.value;
            }
            // white hairlines between the parts, drawn over them so that each part keeps its exact width
            at = 0;
            for (int i = 0; i + 1 < r.parts.size(); i++) {
                at += r.parts.get(i).value;
                String x = num(x(at, scale));
                b.append("<line class=\"fp-sep\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"")
                        .append(y0 + BAR_Y).append("\" y2=\"").append(y0 + BAR_Y + BAR_H)
                        .append("\" stroke=\"#fff\" stroke-width=\"1\"/>\n");
            }
            if (r.budget.isPresent() && r.total > r.budget.getAsLong()) {
                double x0 = x(r.budget.getAsLong(), scale);
                double x1 = x(r.total, scale);
                b.append("<rect class=\"fp-over\" x=\"").append(num(x0)).append("\" y=\"").append(y0 + BAR_Y - 3)
                        .append("\" width=\"").append(num(x1 - x0)).append("\" height=\"").append(BAR_H + 6)
                        .append("\" fill=\"url(#fp-f-over)\" stroke=\"#b71c1c\" stroke-width=\"1.5\"/>\n");
            }
        }
        if (r.budget.isPresent()) {
            long budget = r.budget.getAsLong();
            String x = num(x(budget, scale));
            b.append("<line class=\"fp-budget\" data-value=\"").append(budget).append("\" x1=\"").append(x)
                    .append("\" x2=\"").append(x).append("\" y1=\"").append(y0 + BAR_Y - 8).append("\" y2=\"")
                    .append(y0 + BAR_Y + BAR_H + 8).append("\" stroke=\"#000\" stroke-width=\"2.5\"><title>")
                    .append(m.budget).append(" = ").append(esc(m.format(budget))).append("</title></line>\n");
            boolean right = budget * 2 > scale;
            b.append("<text class=\"fp-budget-label\" x=\"").append(x).append("\" y=\"").append(y0 + BAR_Y - 10)
                    .append("\" text-anchor=\"").append(right ? "end" : "start").append("\" dx=\"")
                    .append(right ? "-4" : "4").append("\">").append(m.budget).append(' ')
                    .append(esc(m.format(budget))).append("</text>\n");
        }
        b.append("<text class=\"fp-sum").append(over(r) ? " fp-sum-over" : "").append("\" x=\"").append(PLOT_X + 4)
                .append("\" y=\"").append(y0 + BAR_Y + BAR_H + 17).append("\">").append(esc(summary(r, m)))
                .append("</text>\n");
        b.append("</g>\n");
    }

    private static boolean over(Row r) {
        return r.empty == null && !r.unbounded && r.budget.isPresent() && r.total > r.budget.getAsLong();
    }

    /** {@code 90.8 MiB, memory 1 GiB: headroom 933.2 MiB}, {@code … over by 9 MiB}, {@code … memory unset}. */
    static String summary(Row r, Measure m) {
        if (r.empty != null) {
            return r.empty + (r.budget.isPresent() ? "; " + m.budget + " " + m.format(r.budget.getAsLong()) : "");
        }
        if (r.unbounded) {
            return "unbounded: a pool has no limit" + (r.budget.isPresent() ? "; " + m.budget + " "
                    + m.format(r.budget.getAsLong()) : "");
        }
        String total = m.format(r.total) + (m.bytes ? "" : " connections") + (r.hosts > 1
                ? " on " + r.hosts + " hosts (" + m.format(r.perHost) + " per host)" : "");
        if (r.budget.isEmpty()) {
            return total + "; " + m.budget + " unset";
        }
        long room = r.budget.getAsLong() - r.total;
        return total + " of " + m.budget + " " + m.format(r.budget.getAsLong()) + ": "
                + (room >= 0 ? "headroom " + m.format(room) : "over by " + m.format(-room));
    }

    private static void axis(StringBuilder b, Measure m, long scale, int y) {
        long step = m.bytes ? byteStep(scale) : countStep(scale);
        b.append("<g class=\"fp-axis\" aria-hidden=\"true\">\n");
        b.append("<line x1=\"").append(PLOT_X).append("\" x2=\"").append(PLOT_X + PLOT_W).append("\" y1=\"")
                .append(y).append("\" y2=\"").append(y).append("\" stroke=\"#57606a\"/>\n");
        for (long v = 0; v <= scale; v += step) {
            String x = num(x(v, scale));
            b.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(y + 5).append("\" stroke=\"").append(v == 0 ? "#57606a" : "#d0d7de")
                    .append("\"/>\n");
            b.append("<text x=\"").append(x).append("\" y=\"").append(y + 20).append("\" text-anchor=\"")
                    .append(v == 0 ? "start" : "middle").append("\">").append(m.bytes ? tick(v) : Long.toString(v))
                    .append("</text>\n");
            if (v > Long.MAX_VALUE - step) {
                break;
            }
        }
        b.append("</g>\n");
    }

    /**
     * A tick's size, exact: {@code 0}, {@code 512 KiB}, {@code 768 MiB}, {@code 1.25 GiB} (ticks are multiples of a
     * power of two, so two decimals of the largest unit always suffice).
     */
    static String tick(long v) {
        if (v == 0) {
            return "0";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        long unit = 1024;
        while (u + 1 < units.length && v >= unit * 1024) {
            unit *= 1024;
            u++;
        }
        return Html.num(v / (double) unit) + " " + units[u];
    }

    /** A power of two of at least 1 KiB that cuts the scale into two to eight ticks. */
    private static long byteStep(long scale) {
        long step = 1024;
        while (step <= Long.MAX_VALUE / 2 && scale / step > 8) {
            step *= 2;
        }
        return step;
    }

    /** 1, 2, 5, 10, 20, 50, …: at most eight ticks. */
    private static long countStep(long scale) {
        long step = 1;
        int k = 0;
        while (scale / step > 8) {
            step = (k % 3 == 1) ? step / 2 * 5 : step * 2;
            k++;
        }
        return step;
    }

    private static void legend(StringBuilder b, List<Row> rows) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.empty == null && !r.unbounded) {
                for (Part p : r.parts) {
                    seen.putIfAbsent(p.name, p.fill);
                }
            }
        }
        if (seen.isEmpty()) {
            return;
        }
        b.append("<ul class=\"fp-legend\" aria-label=\"Legend\">\n");
        for (Map.Entry<String, String> e : seen.entrySet()) {
            b.append("<li><svg width=\"26\" height=\"14\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0.5\""
                    + " y=\"0.5\" width=\"25\" height=\"13\" fill=\"url(#").append(e.getValue())
                    .append(")\" stroke=\"#57606a\"/></svg>").append(esc(e.getKey())).append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private static List<Row> rows(ReportView view, Measure m) {
        Map<String, String> fills = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (EnvironmentView env : view.environments()) {
            FootprintView fp = env.footprint();
            Row r = new Row(env.id());
            if (m == Measure.CONNECTIONS) {
                r.budget = fp.host().databaseConnections();
                if (fp.pools().isEmpty()) {
                    r.empty = "no SQLAlchemy pool is read";
                } else if (fp.connectionsUnknown()) {
                    r.empty = "unknown: a pool's size is not an integer, or a template leaves it unknown";
                } else if (fp.connections().isEmpty()) {
                    r.unbounded = true;
                } else {
                    // the budget is the database's, for every identical host together: the bar is the fleet's
                    int hosts = fp.hosts();
                    r.hosts = hosts;
                    r.perHost = fp.connections().getAsLong();
                    r.total = fp.fleetConnections().getAsLong();
                    for (FootprintView.Pool p : fp.pools()) {
                        String name = poolName(p);
                        String fill = fills.computeIfAbsent("pool " + name, k -> CYCLE[fills.size() % CYCLE.length]);
                        long each = p.connections().getAsLong();
                        r.parts.add(new Part(name, fill, each * hosts, name + ": " + p.processes() + " \u00d7 "
                                + p.perProcess().getAsLong() + " = " + each + " connections"
                                + (hosts == 1 ? "" : " per host, \u00d7 " + hosts + " hosts = " + each * hosts)
                                + at(p.where())));
                    }
                }
            } else {
                boolean resident = m == Measure.RESIDENT;
                r.budget = resident ? fp.host().memory() : fp.host().virtualMemory();
                if (fp.components().isEmpty()) {
                    r.empty = "no Apache or mod_wsgi process to size";
                } else {
                    r.total = resident ? fp.resident() : fp.virtual();
                    ToLongFunction<FootprintView.Component> size = resident ? FootprintView.Component::resident
                            : FootprintView.Component::virtual;
                    List<FootprintView.Component> shown = fp.largest(PARTS, size);
                    long rest = 0;
                    for (FootprintView.Component c : fp.components()) {
                        rest += size.applyAsLong(c);
                    }
                    for (FootprintView.Component c : shown) {
                        long each = resident ? c.residentEach() : c.virtualEach();
                        long all = size.applyAsLong(c);
                        rest -= all;
                        String fill = fill(c, fills);
                        r.parts.add(new Part(c.name(), fill, all, c.name() + ": " + c.count() + " \u00d7 "
                                + Sizes.format(each) + " = " + Sizes.format(all) + at(c.where())));
                    }
                    int more = fp.components().size() - shown.size();
                    if (more > 0) {
                        // thousands of parts a pixel wide tell nothing: the smaller ones as one, each in the table
                        String name = String.format(Locale.ROOT, "%,d more", more);
                        r.parts.add(new Part(name, "fp-f-more", rest, name + ": " + Sizes.format(rest)
                                + " together, each in the footprint table"));
                    }
                }
            }
            rows.add(r);
        }
        return rows;
    }

    /** {@code [app:main] sqlalchemy.}, with the INI file when the pool is sized in another file. */
    static String poolName(FootprintView.Pool p) {
        return (p.appElsewhere() ? p.appFile() + " " : "") + "[" + p.appSection() + "] " + p.prefix();
    }

    private static String at(String where) {
        return where.isEmpty() ? "" : " (" + where + ")";
    }

    private static String fill(FootprintView.Component c, Map<String, String> fills) {
        switch (c.part()) {
            case APACHE_PARENT:
                return "fp-f-parent";
            case APACHE_CHILDREN:
                return "fp-f-children";
            case EMBEDDED_APPLICATIONS:
                return "fp-f-embedded";
            default:
                return fills.computeIfAbsent(c.name(), k -> CYCLE[fills.size() % CYCLE.length]);
        }
    }
}
