package io.github.footprint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.findings.ReportView;

/**
 * The console of a default run, measured as the examples-line-length IT measures Maven's log: each finding's line
 * ({@code [env] file:line: FPnnn ...}) less its location, and every other line whole.
 */
public final class ConsoleLines {
    /** Characters a line may take beyond its location. */
    public static final int LIMIT = ConsoleReporter.LINE_LIMIT;

    private static final Pattern FINDING = Pattern.compile("^\\[[A-Za-z0-9_.-]+\\] (?:(\\S+): )?(FP\\d{3}) .*$",
            Pattern.DOTALL);

    private ConsoleLines() {
    }

    /** One console line and what it measures. */
    public static final class Line {
        public final String text;
        /** The rule of a finding's line, {@code -} for any other line. */
        public final String rule;
        public final String location;
        /** Characters beyond the location. */
        public final int over;

        Line(String text) {
            this.text = text;
            Matcher m = FINDING.matcher(text);
            this.rule = m.matches() ? m.group(2) : "-";
            this.location = m.matches() && m.group(1) != null ? m.group(1) : "";
            this.over = text.length() - location.length();
        }

        @Override
        public String toString() {
            return over + " " + rule + " " + text;
        }
    }

    /** Every line the console reporter prints for the view (without {@code verbose}). */
    public static List<Line> of(ReportView view) {
        List<Line> out = new ArrayList<>();
        ConsoleSink sink = new ConsoleSink() {
            @Override
            public void error(String line) {
                out.add(new Line(line));
            }

            @Override
            public void warn(String line) {
                out.add(new Line(line));
            }

            @Override
            public void info(String line) {
                out.add(new Line(line));
            }
        };
        new ConsoleReporter().write(view, ReportTarget.console(sink));
        return out;
    }

    /** The findings' lines longer than their location and {@link #LIMIT} characters. */
    public static List<Line> tooLong(ReportView view) {
        List<Line> out = new ArrayList<>();
        for (Line l : of(view)) {
            if (!l.rule.equals("-") && l.over > LIMIT) {
                out.add(l);
            }
        }
        return out;
    }
}
