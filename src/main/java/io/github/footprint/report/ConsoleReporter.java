package io.github.footprint.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.footprint.base.Severity;
import io.github.footprint.findings.DaemonView;
import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;

/**
 * One line per finding, at the log level of its severity: {@code [env] file:line: FPnnn message}; a finding at
 * several places says how many and names the first few that fit the line ({@code (10,000 places: a.conf:3,
 * b.conf:3, ...)}); with {@code (link)} to the rule's page when the user published the pages ({@code helpUrl}). With
 * {@code verbose}, the finding's detail follows, indented and wrapped, and every place. Then, per environment, a short
 * summary and the worst-case footprint table with its budgets ({@link FootprintTable}), at info. Without
 * {@code helpUrl}, one line at the end says how to print a rule's page from the plugin.
 */
public final class ConsoleReporter implements Reporter {
    /** The plugin's coordinates, for commands that work outside a project too. */
    public static final String COORDINATES = "io.github.footprint:footprint-maven-plugin";

    /** Characters a finding's line may take beyond its location (its {@code file:line}). */
    public static final int LINE_LIMIT = 200;

    private static final String DETAIL_INDENT = "    ";

    @Override
    public Optional<Path> write(ReportView view, ReportTarget target) {
        ConsoleSink sink = target.console();
        // the page the hint names: the first finding of the most severe level, the one a reader looks up first
        ReportedFinding example = null;
        for (EnvironmentView env : view.environments()) {
            for (ReportedFinding f : env.findings()) {
                String where = f.where();
                Optional<String> link = view.helpUrl(f.ruleId());
                String head = "[" + env.id() + "] " + (where.isEmpty() ? "" : where + ": ") + f.ruleId() + " "
                        + f.message();
                String line = head + places(f, head.length() - where.length()) + link.map(l -> " (" + l + ")")
                        .orElse("");
                if (example == null || (f.severity().atLeast(example.severity()) && f.severity() != example.severity())) {
                    example = f;
                }
                print(sink, f.severity(), line);
                if (view.verbose()) {
                    for (String d : verbose(f)) {
                        print(sink, f.severity(), d);
                    }
                }
            }
            String summary = "footprint [" + env.id() + "]: " + env.files() + " file(s) under "
                    + view.sourceFolder().orElse(env.sourceRoot()) + "; "
                    + count(env, Severity.ERROR) + " error(s), " + count(env, Severity.WARNING) + " warning(s), "
                    + count(env, Severity.INFO) + " info; daemon groups: ";
            sink.info(summary + daemons(env, summary.length()));
            for (String line : FootprintTable.lines(env.id(), env.footprint())) {
                sink.info(line);
            }
        }
        if (example != null && view.helpUrl(example.ruleId()).isEmpty()) {
            sink.info("footprint: each rule's page (what, why, the fix) is in the plugin: mvn " + pageCommand(view,
                    example.ruleId()));
        }
        return Optional.empty();
    }

    private static void print(ConsoleSink sink, Severity s, String line) {
        if (s == Severity.ERROR) {
            sink.error(line);
        } else if (s == Severity.WARNING) {
            sink.warn(line);
        } else {
            sink.info(line);
        }
    }

    /**
     * {@code  (3 places; also b.conf:3, line 9)}: how many places, and the others after the first as many as fit
     * the line ({@code ...} for the rest), a place in the first one's file by its line; empty for one place.
     *
     * @param used the characters the line already takes beyond its location
     */
    static String places(ReportedFinding f, int used) {
        int n = f.places().size();
        if (n < 2) {
            return "";
        }
        String count = String.format(Locale.ROOT, "%,d", n) + " places";
        String file = f.places().get(0).file();
        StringBuilder list = new StringBuilder();
        int shown = 1;
        for (ReportedFinding.Place p : f.places().subList(1, n)) {
            String w = p.where().isEmpty() ? "(project)" : !file.isEmpty() && p.file().equals(file)
                    && p.location().line() > 0 ? "line " + p.location().line() : p.where();
            String next = (shown == 1 ? "; also " : ", ") + w;
            boolean last = shown + 1 == n;
            // the line with this place: " (" + count + list + next + (", ..." unless last) + ")"
            int length = used + 2 + count.length() + list.length() + next.length() + (last ? 0 : 5) + 1;
            if (length > LINE_LIMIT) {
                break;
            }
            list.append(next);
            shown++;
        }
        return " (" + count + list + (shown == n || shown == 1 ? "" : ", ...") + ")";
    }

    /** The detail wrapped and indented, then every place when there are several. */
    private static List<String> verbose(ReportedFinding f) {
        List<String> out = new ArrayList<>();
        if (!f.detail().isEmpty()) {
            wrap(f.detail(), out);
        }
        if (f.places().size() > 1) {
            StringBuilder all = new StringBuilder("places:");
            for (ReportedFinding.Place p : f.places()) {
                all.append(' ').append(p.where().isEmpty() ? "(project)" : p.where());
            }
            wrap(all.toString(), out);
        }
        return out;
    }

    /** Text wrapped at word boundaries to {@link FootprintTable#WIDTH}, each line indented. */
    private static void wrap(String text, List<String> out) {
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder(DETAIL_INDENT);
            for (String word : para.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > DETAIL_INDENT.length()
                        && line.length() + 1 + word.length() > FootprintTable.WIDTH) {
                    out.add(line.toString());
                    line = new StringBuilder(DETAIL_INDENT);
                }
                line.append(line.length() > DETAIL_INDENT.length() ? " " : "").append(word);
            }
            if (line.length() > DETAIL_INDENT.length()) {
                out.add(line.toString());
            }
        }
    }

    /**
     * The daemon groups with their sizes, as many as fit the summary line within {@link #LINE_LIMIT} (at least one),
     * then how many more ({@code footprint.json} and the HTML report list them all).
     *
     * @param used the characters of the summary line before the list
     */
    private static String daemons(EnvironmentView env, int used) {
        if (env.daemons().isEmpty()) {
            return "none";
        }
        int n = env.daemons().size();
        StringBuilder b = new StringBuilder();
        int named = 0;
        for (DaemonView g : env.daemons()) {
            String next = (named == 0 ? "" : ", ") + g.name() + " (" + g.processes() + "x" + g.threads()
                    + " threads, maximum-requests=" + g.maximumRequests() + ")";
            String more = named + 1 == n ? "" : String.format(Locale.ROOT, " and %,d more", n - named - 1);
            if (named > 0 && used + b.length() + next.length() + more.length() > LINE_LIMIT) {
                break;
            }
            b.append(next);
            named++;
        }
        return b + (named < n ? String.format(Locale.ROOT, " and %,d more", n - named) : "");
    }

    /** {@code io.github.footprint:footprint-maven-plugin:VERSION:rules -Drule=FP201}: works offline, anywhere. */
    public static String pageCommand(ReportView view, String ruleId) {
        String v = view.toolVersion();
        return COORDINATES + (v == null || v.isEmpty() || "unknown".equals(v) ? "" : ":" + v) + ":rules -Drule="
                + ruleId;
    }

    private static long count(EnvironmentView env, Severity s) {
        return env.findings().stream().filter(f -> f.severity() == s).count();
    }
}
