package io.github.footprint.report.html;

import static io.github.footprint.report.html.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.footprint.base.Severity;
import io.github.footprint.findings.DaemonView;
import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.FailOn;
import io.github.footprint.findings.FootprintView;
import io.github.footprint.findings.MpmView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;
import io.github.footprint.model.Host;
import io.github.footprint.base.Sizes;
import io.github.footprint.rules.RuleCatalog;

/**
 * The HTML report of a check, from the masked {@link ReportView} alone: the memory picture ({@link Charts}), then per
 * environment the footprint table, the database connections, the effective MPM and daemon values with where each is
 * set, and the assumptions; then the findings grouped by file; each rule id links to the rule's page. Every text is
 * escaped; nothing is loaded from anywhere (inline CSS and SVG, no script); the same view gives the same bytes.
 *
 * <p>Two forms: a self-contained document with the pages of the rules it cites as sections ({@code #FP201}), for
 * {@code target/footprint/index.html}; and the body of a {@code mvn site} page whose rule links point at pages of
 * their own.
 */
public final class HtmlPage {
    /** The page's title, and the name of the site report. */
    public static final String TITLE = "Footprint";

    private final ReportView view;
    private final Function<String, String> ruleHref;
    private final Out b;

    private HtmlPage(ReportView view, Function<String, String> ruleHref, Out b) {
        this.view = view;
        this.ruleHref = ruleHref;
        this.b = b;
    }

    /** The whole page: one file that needs nothing else, with the pages of the rules it cites. */
    public static String document(ReportView view) {
        java.io.StringWriter w = new java.io.StringWriter(96 * 1024);
        try {
            document(view, w);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    /** {@link #document(ReportView)} written out as it is made (the same characters), never held whole. */
    public static void document(ReportView view, java.io.Writer w) throws java.io.IOException {
        Out d = new Out(w);
        HtmlPage p = new HtmlPage(view, id -> "#" + id, d);
        TreeSet<String> cited = cited(view);
        try {
            d.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    // nothing may load: no script, no font, no image, no style from anywhere but this file
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                            + " 'unsafe-inline'\">\n")
                    .append("<meta name=\"generator\" content=\"footprint-maven-plugin ")
                    .append(esc(view.toolVersion())).append("\">\n")
                    .append("<title>").append(esc(title(view))).append("</title>\n")
                    .append("<style>\n").append(Style.CSS).append("</style>\n</head>\n<body>\n<div class=\"fp\">\n");
            p.body(!cited.isEmpty());
            if (!cited.isEmpty()) {
                d.append("<section id=\"fp-rules\" aria-labelledby=\"fp-rules-h\">\n<h2 id=\"fp-rules-h\">Rules</h2>\n")
                        .append("<p>The pages of the rules cited above, as the plugin carries them.</p>\n");
                for (String id : cited) {
                    d.append("<section class=\"fp-rule\" id=\"").append(id).append("\">\n")
                            .append(RulePages.html(id, 2))
                            .append("<p class=\"fp-back\"><a href=\"#fp-findings\">Back to the findings</a></p>\n")
                            .append("</section>\n");
                }
                d.append("</section>\n");
            }
            d.append("</div>\n</body>\n</html>\n");
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The body of a site page: its style and content, with rule ids linking to {@code ruleHref.apply(id)}.
     */
    public static String siteBody(ReportView view, Function<String, String> ruleHref) {
        java.io.StringWriter w = new java.io.StringWriter(64 * 1024);
        new HtmlPage(view, ruleHref, new Out(w)).body(false);
        return "<style>\n" + Style.CSS + "</style>\n<div class=\"fp\">\n" + w + "</div>\n";
    }

    /** The title of a rule's page: {@code FP201 maximum-requests-too-high}. */
    public static String ruleTitle(String ruleId) {
        return RuleCatalog.byId(ruleId).map(r -> ruleId + " " + r.meta().name()).orElse(ruleId);
    }

    /** The body of a rule's site page: the page, and a link back to the report. */
    public static String ruleBody(String ruleId, String reportHref) {
        return "<div class=\"fp fp-rule\">\n" + RulePages.html(ruleId, 0) + "<p class=\"fp-back\"><a href=\""
                + esc(reportHref) + "\">Back to the footprint report</a></p>\n</div>\n";
    }

    /** A rule's page as a document of its own, for when the site gives no sink for it. */
    public static String ruleDocument(String ruleId, String reportHref) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(ruleTitle(ruleId)) + "</title>\n<style>\n" + Style.CSS + "</style>\n</head>\n<body>\n"
                + ruleBody(ruleId, reportHref) + "</body>\n</html>\n";
    }

    /** {@code footprint: 1 error, 2 warnings}. */
    private static String title(ReportView view) {
        return "footprint: " + view.count(Severity.ERROR) + " error(s), " + view.count(Severity.WARNING)
                + " warning(s), " + view.count(Severity.INFO) + " info";
    }

    /** The rule ids the findings cite, in id order. */
    private static TreeSet<String> cited(ReportView view) {
        TreeSet<String> ids = new TreeSet<>();
        for (EnvironmentView e : view.environments()) {
            for (ReportedFinding f : e.findings()) {
                ids.add(f.ruleId());
            }
        }
        return ids;
    }

    private void body(boolean rulesSection) {
        header(rulesSection);
        picture();
        for (EnvironmentView e : view.environments()) {
            environment(e);
        }
        findings();
    }

    private void header(boolean rulesSection) {
        b.append("<header class=\"fp-head\">\n<h1>").append(TITLE).append(" report</h1>\n");
        FailOn failOn = view.failOn();
        String threshold = failOn.name().toLowerCase(Locale.ROOT);
        int failing = view.failing();
        b.append("<p class=\"fp-verdict ").append(failing > 0 ? "fp-fails" : "fp-passes").append("\"><strong>");
        if (failOn == FailOn.NEVER) {
            b.append("Reported only</strong> (failOn=never): no finding fails the build.");
        } else if (failing > 0) {
            b.append("Fails the build</strong>: ").append(failing).append(" finding(s) at or above failOn=")
                    .append(threshold).append('.');
        } else {
            b.append("Passes</strong>: no finding at or above failOn=").append(threshold).append('.');
        }
        b.append("</p>\n<p>").append(view.count(Severity.ERROR)).append(" error(s), ")
                .append(view.count(Severity.WARNING)).append(" warning(s), ").append(view.count(Severity.INFO))
                .append(" info over ").append(view.environments().size()).append(" environment(s); ")
                .append("footprint-maven-plugin ").append(esc(view.toolVersion())).append(".</p>\n");
        b.append("<nav aria-label=\"Contents\"><ul>\n<li><a href=\"#fp-picture\">Memory picture</a></li>\n");
        for (EnvironmentView e : view.environments()) {
            b.append("<li><a href=\"#").append(envId(e)).append("\">Environment ").append(esc(e.id()))
                    .append("</a></li>\n");
        }
        b.append("<li><a href=\"#fp-findings\">Findings</a></li>\n");
        if (rulesSection) {
            b.append("<li><a href=\"#fp-rules\">Rules</a></li>\n");
        }
        b.append("</ul></nav>\n</header>\n");
    }

    private static String envId(EnvironmentView e) {
        return "fp-env-" + esc(e.id());
    }

    private void picture() {
        b.append("<section id=\"fp-picture\" aria-labelledby=\"fp-picture-h\">\n")
                .append("<h2 id=\"fp-picture-h\">Memory picture</h2>\n")
                .append("<p>The worst case on one host of each environment: every process Apache and mod_wsgi can run")
                .append(" at once, by component, against the host's budget (the black line). Each chart puts every")
                .append(" environment on one scale. The table below the charts holds the same numbers.</p>\n");
        b.append(Charts.defs());
        for (Charts.Measure m : Charts.Measure.values()) {
            b.append(Charts.chart(view, m));
        }
        b.append("<div class=\"fp-scroll\"><table class=\"fp-table\" id=\"fp-summary\">\n")
                .append("<caption>Worst case and budgets per environment</caption>\n<thead><tr>")
                .append("<th scope=\"col\">environment</th><th scope=\"col\">resident memory</th>")
                .append("<th scope=\"col\">memory</th><th scope=\"col\">address space</th>")
                .append("<th scope=\"col\">virtualMemory</th><th scope=\"col\">database connections</th>")
                .append("<th scope=\"col\">databaseConnections</th><th scope=\"col\">findings</th></tr></thead>\n")
                .append("<tbody>\n");
        for (EnvironmentView e : view.environments()) {
            FootprintView fp = e.footprint();
            Host h = fp.host();
            boolean sized = !fp.components().isEmpty();
            b.append("<tr><th scope=\"row\"><a href=\"#").append(envId(e)).append("\">").append(esc(e.id()))
                    .append("</a></th>")
                    .append(num(sized ? Sizes.format(fp.resident()) : "none"))
                    .append(cell(budget(h.memory(), sized ? fp.resident() : 0, true)))
                    .append(num(sized ? Sizes.format(fp.virtual()) : "none"))
                    .append(cell(budget(h.virtualMemory(), sized ? fp.virtual() : 0, true)))
                    .append(num(fp.pools().isEmpty() ? "none" : fp.connectionsUnknown() ? "unknown"
                            : fp.connections().isEmpty() ? "unbounded" : fleet(fp)))
                    .append(cell(fp.fleetConnections().isEmpty() ? h.databaseConnections().isPresent()
                            ? Long.toString(h.databaseConnections().getAsLong()) : "unset"
                            : budget(h.databaseConnections(), fp.fleetConnections().getAsLong(), false)))
                    .append(cell(counts(e))).append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    /** {@code 30}, or with several hosts {@code 30 per host, 90 on 3 hosts}; for a footprint of bounded pools. */
    private static String fleet(FootprintView fp) {
        long each = fp.connections().getAsLong();
        return fp.hosts() == 1 ? Long.toString(each)
                : each + " per host, " + fp.fleetConnections().getAsLong() + " on " + fp.hosts() + " hosts";
    }

    /** {@code 1 GiB: headroom 933.2 MiB}, {@code 192 MiB: over by 9 MiB}, {@code unset}. */
    private static String budget(OptionalLong given, long used, boolean bytes) {
        if (given.isEmpty()) {
            return "unset";
        }
        long budget = given.getAsLong();
        long room = budget - used;
        Function<Long, String> f = v -> bytes ? Sizes.format(v) : Long.toString(v);
        return f.apply(budget) + ": " + (room >= 0 ? "headroom " + f.apply(room) : "over by " + f.apply(-room));
    }

    private static String counts(EnvironmentView e) {
        int[] n = new int[Severity.values().length];
        for (ReportedFinding f : e.findings()) {
            n[f.severity().ordinal()]++;
        }
        return n[0] + " error(s), " + n[1] + " warning(s), " + n[2] + " info";
    }

    private static String cell(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"n\">" + esc(text) + "</td>";
    }

    private static String code(String text) {
        return "<code>" + esc(text) + "</code>";
    }

    private void environment(EnvironmentView e) {
        FootprintView fp = e.footprint();
        String id = envId(e);
        b.append("<section class=\"fp-env\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                .append("-h\">\n<h2 id=\"").append(id).append("-h\">Environment ").append(code(e.id())).append("</h2>\n")
                .append("<p>").append(e.files()).append(" file(s) read under ").append(code(e.sourceRoot()))
                .append("; ").append(esc(counts(e))).append(".</p>\n");
        footprint(fp);
        connections(fp);
        effective(e);
        assumptions(fp);
        b.append("</section>\n");
    }

    private void footprint(FootprintView fp) {
        b.append("<h3>Footprint</h3>\n");
        if (fp.components().isEmpty()) {
            b.append("<p>No Apache or mod_wsgi process to size.</p>\n");
            return;
        }
        b.append("<div class=\"fp-scroll\"><table class=\"fp-table\">\n<caption>Every process Apache and mod_wsgi")
                .append(" can run at once, worst case</caption>\n<thead><tr><th scope=\"col\">component</th>")
                .append("<th scope=\"col\">count</th><th scope=\"col\">resident each</th>")
                .append("<th scope=\"col\">resident total</th><th scope=\"col\">virtual each</th>")
                .append("<th scope=\"col\">virtual total</th><th scope=\"col\">sized at</th>")
                .append("<th scope=\"col\">sized by</th></tr></thead>\n<tbody>\n");
        for (FootprintView.Component c : fp.components()) {
            component(c);
        }
        b.append("</tbody>\n<tfoot><tr><th scope=\"row\">total</th><td></td><td></td>")
                .append(num(Sizes.format(fp.resident()))).append("<td></td>").append(num(Sizes.format(fp.virtual())))
                .append("<td></td><td></td></tr></tfoot>\n</table></div>\n");
        Host h = fp.host();
        b.append("<ul class=\"fp-facts\">\n<li><code>memory</code> ")
                .append(esc(budget(h.memory(), fp.resident(), true))).append("</li>\n<li><code>virtualMemory</code> ")
                .append(esc(budget(h.virtualMemory(), fp.virtual(), true)))
                .append(" (the address space matters only under a cap: a VPS, <code>ulimit -v</code>,")
                .append(" <code>virtual-memory-limit</code>)</li>\n");
        fp.gracefulStop().ifPresent(g -> b.append("<li>Graceful stop: up to ").append(g.count())
                .append(" more Apache children \u00d7 ").append(esc(Sizes.format(g.residentEach()))).append(" = ")
                .append(esc(Sizes.format(g.resident()))).append(" (").append(esc(Sizes.format(g.virtual())))
                .append(" virtual) may linger after a graceful restart, not in the total; ").append(esc(g.sizedBy()))
                .append(where(g.where())).append("</li>\n"));
        b.append("</ul>\n");
    }

    private void component(FootprintView.Component c) {
        b.append("<tr><th scope=\"row\">").append(esc(c.name())).append("</th>").append(num(Long.toString(c.count())))
                .append(num(Sizes.format(c.residentEach()))).append(num(Sizes.format(c.resident())))
                .append(num(Sizes.format(c.virtualEach()))).append(num(Sizes.format(c.virtual())))
                .append("<td>").append(c.where().isEmpty() ? "(project)" : code(c.where())).append("</td>")
                .append(cell(c.sizedBy())).append("</tr>\n");
    }

    private static String where(String masked) {
        return masked.isEmpty() ? "" : " (" + code(masked) + ")";
    }

    private void connections(FootprintView fp) {
        b.append("<h3>Database connections</h3>\n");
        OptionalLong given = fp.host().databaseConnections();
        String budget = given.isEmpty() ? "<code>databaseConnections</code> unset"
                : "<code>databaseConnections</code> " + esc(fp.fleetConnections().isEmpty()
                        ? Long.toString(given.getAsLong()) : budget(given, fp.fleetConnections().getAsLong(), false))
                        + (fp.hosts() == 1 ? "" : " (for all " + fp.hosts() + " hosts together)");
        if (fp.pools().isEmpty()) {
            b.append("<p>No SQLAlchemy pool is read; ").append(budget).append(".</p>\n");
            return;
        }
        b.append("<div class=\"fp-scroll\"><table class=\"fp-table\">\n<caption>Each SQLAlchemy pool: processes")
                .append(" that hold one \u00d7 its limit per process</caption>\n<thead><tr>")
                .append("<th scope=\"col\">application and engine</th><th scope=\"col\">processes</th>")
                .append("<th scope=\"col\">per process</th><th scope=\"col\">connections</th>")
                .append("<th scope=\"col\">sized at</th></tr></thead>\n<tbody>\n");
        for (FootprintView.Pool p : fp.pools()) {
            String processes = p.daemon().isPresent() ? p.processes() + " of daemon '" + p.daemon().get() + "'"
                    : p.processes() + ": " + p.processesFrom();
            b.append("<tr><th scope=\"row\">").append(esc(Charts.poolName(p))).append("</th>").append(num(processes))
                    .append(num(p.unknown() ? "unknown" : p.unbounded() ? "unbounded"
                            : Long.toString(p.perProcess().getAsLong())))
                    .append(num(p.unknown() ? "unknown" : p.unbounded() ? "unbounded"
                            : Long.toString(p.connections().getAsLong())))
                    .append("<td>").append(code(p.where())).append("</td></tr>\n");
        }
        b.append("</tbody>\n<tfoot><tr><th scope=\"row\">at most</th><td></td><td></td>")
                .append(num(fp.connectionsUnknown() ? "unknown" : fp.connections().isEmpty() ? "unbounded"
                        : Long.toString(fp.connections().getAsLong())))
                .append("<td></td></tr>\n");
        if (fp.hosts() > 1) {
            b.append("<tr><th scope=\"row\">on ").append(fp.hosts()).append(" hosts</th><td></td><td></td>")
                    .append(num(fp.connectionsUnknown() ? "unknown" : fp.fleetConnections().isEmpty() ? "unbounded"
                            : Long.toString(fp.fleetConnections().getAsLong())))
                    .append("<td></td></tr>\n");
        }
        b.append("</tfoot>\n</table></div>\n<p>").append(budget).append(".</p>\n");
    }

    private void effective(EnvironmentView e) {
        b.append("<h3>Effective values</h3>\n");
        if (e.mpm().isEmpty()) {
            b.append("<p>No MPM is known: none or several are loaded.</p>\n");
        } else {
            MpmView mpm = e.mpm().get();
            b.append("<p>MPM ").append(code(mpm.label())).append(mpm.assumed()
                    ? ", assumed (no main httpd file loads an MPM; the <code>mpm</code> parameter names it)" : "")
                    .append(".</p>\n");
            b.append("<div class=\"fp-scroll\"><table class=\"fp-table\">\n<caption>The MPM's sizing values as httpd")
                    .append(" runs them</caption>\n<thead><tr><th scope=\"col\">directive</th>")
                    .append("<th scope=\"col\">effective</th><th scope=\"col\">written</th>")
                    .append("<th scope=\"col\">set at</th></tr></thead>\n<tbody>\n");
            for (MpmView.Value v : mpm.values()) {
                boolean set = v.location() != null;
                b.append("<tr><th scope=\"row\">").append(esc(v.directive())).append("</th>")
                        .append(num(Long.toString(v.effective())))
                        .append(num(set ? Long.toString(v.configured()) : ""))
                        .append("<td>").append(set ? code(v.where()) : "default").append("</td></tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        if (e.daemons().isEmpty()) {
            b.append("<p>No mod_wsgi daemon group.</p>\n");
            return;
        }
        b.append("<div class=\"fp-scroll\"><table class=\"fp-table\">\n<caption>The mod_wsgi daemon groups as")
                .append(" mod_wsgi reads them</caption>\n<thead><tr><th scope=\"col\">daemon group</th>")
                .append("<th scope=\"col\">processes</th><th scope=\"col\">threads</th>")
                .append("<th scope=\"col\">maximum-requests</th><th scope=\"col\">thread stack</th>")
                .append("<th scope=\"col\">stack set by</th><th scope=\"col\">defined at</th></tr></thead>\n<tbody>\n");
        for (DaemonView d : e.daemons()) {
            b.append("<tr><th scope=\"row\">").append(esc(d.name())).append("</th>")
                    .append(num(Integer.toString(d.processes()))).append(num(Integer.toString(d.threads())))
                    .append(num(d.maximumRequests() == 0 ? "0 (never recycled)" : Long.toString(d.maximumRequests())))
                    .append(num(d.stackKnown() ? Sizes.format(d.stackBytes()) : "unknown"))
                    .append("<td>").append(d.stackDefault() ? "default" : code(d.stackSetting()) + where(d.stackWhere()))
                    .append("</td><td>").append(code(d.where())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private void assumptions(FootprintView fp) {
        Host h = fp.host();
        b.append("<h3>Assumptions</h3>\n<ul class=\"fp-facts\">\n");
        for (String a : fp.assumptions()) {
            b.append("<li>").append(esc(a)).append("</li>\n");
        }
        b.append("<li><code>appRss</code> ").append(esc(Sizes.format(h.appRss())))
                .append(" per loaded application</li>\n<li><code>cpuCores</code> ").append(h.cpuCores())
                .append("</li>\n<li><code>requestGrowth</code> ").append(h.requestGrowth() > 0
                        ? esc(Sizes.format(h.requestGrowth())) + " per request" : "unset")
                .append("</li>\n<li>malloc arena cap ").append(fp.arenaMax()).append(": ").append(esc(fp.arenaMaxFrom()))
                .append("</li>\n</ul>\n");
    }

    /** One row of the findings: the same finding in several environments is one row naming them all. */
    private static final class Row {
        final ReportedFinding f;
        final List<String> envs = new ArrayList<>();

        Row(ReportedFinding f) {
            this.f = f;
        }
    }

    private static final Comparator<ReportedFinding> ROW_ORDER = Comparator
            .comparingInt((ReportedFinding f) -> f.location().line())
            .thenComparing(ReportedFinding::ruleId)
            .thenComparing(ReportedFinding::message)
            .thenComparing(ReportedFinding::severity);

    /**
     * Below a finding's first line: how many places it has, and a {@code <details>} with its explanation and every
     * place; nothing for a finding at one place without a detail.
     */
    private void detail(ReportedFinding f) {
        int n = f.places().size();
        if (f.detail().isEmpty() && n < 2) {
            return;
        }
        String count = String.format(Locale.ROOT, "%,d places", n);
        String summary = f.detail().isEmpty() ? "The " + count : n < 2 ? "Why" : "Why, and the " + count;
        b.append("<details class=\"fp-detail\"><summary>").append(esc(summary)).append("</summary>");
        if (!f.detail().isEmpty()) {
            b.append("<p>").append(esc(f.detail())).append("</p>");
        }
        if (n > 1) {
            b.append("<ul class=\"fp-places\">");
            for (ReportedFinding.Place p : f.places()) {
                b.append("<li>").append(code(p.where().isEmpty() ? "(project)" : p.where())).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</details>");
    }

    private void findings() {
        b.append("<section id=\"fp-findings\" aria-labelledby=\"fp-findings-h\">\n")
                .append("<h2 id=\"fp-findings-h\">Findings</h2>\n");
        // file (masked) -> finding key -> row; files in name order, the whole project first
        Map<String, Map<String, Row>> byFile = new TreeMap<>();
        for (EnvironmentView e : view.environments()) {
            for (ReportedFinding f : e.findings()) {
                StringBuilder key = new StringBuilder().append(f.location().line()).append('\u0000').append(f.ruleId())
                        .append('\u0000').append(f.severity()).append('\u0000').append(f.message()).append('\u0000')
                        .append(f.detail());
                for (ReportedFinding.Place p : f.places()) {
                    key.append('\u0000').append(p.where());
                }
                Row r = byFile.computeIfAbsent(f.file(), k -> new LinkedHashMap<>()).computeIfAbsent(key.toString(),
                        k -> new Row(f));
                r.envs.add(e.id());
            }
        }
        if (byFile.isEmpty()) {
            b.append("<p>No findings.</p>\n</section>\n");
            return;
        }
        b.append("<p>Grouped by template file; the line is the template's, the one to edit. Each rule id opens its")
                .append(" page.</p>\n");
        int n = 0;
        for (Map.Entry<String, Map<String, Row>> file : byFile.entrySet()) {
            String fid = "fp-file-" + n++;
            b.append("<h3 id=\"").append(fid).append("\">")
                    .append(file.getKey().isEmpty() ? "The whole project" : code(file.getKey())).append("</h3>\n");
            b.append("<div class=\"fp-scroll\"><table class=\"fp-table fp-findings\" aria-labelledby=\"").append(fid)
                    .append("\">\n<thead><tr><th scope=\"col\">line</th><th scope=\"col\">severity</th>")
                    .append("<th scope=\"col\">rule</th><th scope=\"col\">environment</th>")
                    .append("<th scope=\"col\">message and fix</th></tr></thead>\n<tbody>\n");
            List<Row> rows = new ArrayList<>(file.getValue().values());
            rows.sort((x, y) -> ROW_ORDER.compare(x.f, y.f));
            for (Row r : rows) {
                ReportedFinding f = r.f;
                String sev = f.severity().label();
                b.append("<tr class=\"fp-").append(sev).append("\">")
                        .append(num(f.location().line() > 0 ? Integer.toString(f.location().line()) : "\u2014"))
                        .append("<td><span class=\"fp-sev fp-sev-").append(sev).append("\">").append(sev)
                        .append("</span></td><td><a class=\"fp-rule-link\" href=\"")
                        .append(esc(ruleHref.apply(f.ruleId()))).append("\">").append(esc(f.ruleId()))
                        .append("</a><br><span class=\"fp-rname\">")
                        .append(esc(RuleCatalog.byId(f.ruleId()).map(x -> x.meta().name()).orElse("")))
                        .append("</span></td>").append(cell(String.join(", ", r.envs)))
                        .append("<td class=\"fp-msg\">").append(esc(f.message()));
                detail(f);
                b.append("</td></tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        b.append("</section>\n");
    }
}
