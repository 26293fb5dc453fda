package io.github.footprint.source.template;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One template after rendering: its lines, the template line of each, the unknowns its text refers to, the decision
 * points it met, what it assumed, and what went wrong.
 */
public final class RenderedTemplate {
    private final Dialect dialect;
    private final String text;
    private List<String> lines;
    private final LineMarkers.Stripped stripped;
    private final int[] lineMap;
    private final SortedMap<Integer, Unknown> unknowns;
    private final List<DecisionPoint> decisions;
    private final List<Assumption> assumptions;
    private final List<TemplateProblem> problems;
    private final boolean parseable;

    /**
     * @param text the whole rendered text, byte for byte (line ends included)
     * @param lines the rendered lines as the readers get them
     */
    public RenderedTemplate(Dialect dialect, String text, List<String> lines, int[] lineMap,
            SortedMap<Integer, Unknown> unknowns, List<DecisionPoint> decisions, List<Assumption> assumptions,
            List<TemplateProblem> problems, boolean parseable) {
        this(dialect, text, List.copyOf(lines), null, lineMap, unknowns, decisions, assumptions, problems, parseable);
        if (lines.size() != lineMap.length) {
            throw new IllegalArgumentException(lines.size() + " lines, " + lineMap.length + " mapped");
        }
    }

    /** A render whose lines are cut from its text by the line markers' reading. */
    public RenderedTemplate(Dialect dialect, LineMarkers.Stripped stripped, SortedMap<Integer, Unknown> unknowns,
            List<DecisionPoint> decisions, List<Assumption> assumptions, List<TemplateProblem> problems,
            boolean parseable) {
        this(dialect, stripped.text(), null, stripped, stripped.lineMap(), unknowns, decisions, assumptions, problems,
                parseable);
    }

    private RenderedTemplate(Dialect dialect, String text, List<String> lines, LineMarkers.Stripped stripped,
            int[] lineMap, SortedMap<Integer, Unknown> unknowns, List<DecisionPoint> decisions,
            List<Assumption> assumptions, List<TemplateProblem> problems, boolean parseable) {
        this.dialect = dialect;
        this.text = text;
        this.lines = lines;
        this.stripped = stripped;
        this.lineMap = lineMap.clone();
        this.unknowns = Collections.unmodifiableSortedMap(new TreeMap<>(unknowns));
        this.decisions = List.copyOf(decisions);
        this.assumptions = List.copyOf(assumptions);
        this.problems = List.copyOf(problems);
        this.parseable = parseable;
    }

    /**
     * The text as written, line for line, marked not to be parsed: what a dialect with no engine yet (Mako, ERB, sed
     * placeholders, Tempita) hands on. Its constructs would read as syntax errors and wrong values, so no reader takes
     * it until an engine for the dialect replaces this one in {@link TemplateEngines}.
     */
    public static RenderedTemplate verbatim(Dialect dialect, String text) {
        List<String> lines = TextLines.split(text);
        int[] map = new int[lines.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = i + 1;
        }
        String name = dialect.name().charAt(0) + dialect.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return new RenderedTemplate(dialect, text, lines, map, new TreeMap<>(), List.of(),
                List.of(new Assumption(1, "written in " + (dialect == Dialect.SED ? "sed-style placeholders" : name)
                        + ", which no engine reads yet: its lines are not checked")), List.of(), false);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The rendered lines, without line ends. */
    public synchronized List<String> lines() {
        if (lines == null) {
            lines = List.copyOf(stripped.lines());
        }
        return lines;
    }

    /**
     * Where each line starts in {@link #text()}, then one past the end of the last line plus one, when the text has
     * no {@code \r} (the loader then keeps the text as it is, without a string per line); else null.
     */
    public int[] lineStarts() {
        return stripped == null ? null : stripped.lineStarts();
    }

    /** The template line (1-based) of each rendered line. */
    public int[] lineMap() {
        return lineMap.clone();
    }

    /** The unknowns the text's tokens name, by id. */
    public SortedMap<Integer, Unknown> unknowns() {
        return unknowns;
    }

    /** The decision points met, in the order met, one per key. */
    public List<DecisionPoint> decisions() {
        return decisions;
    }

    public List<Assumption> assumptions() {
        return assumptions;
    }

    public List<TemplateProblem> problems() {
        return problems;
    }

    /** False when the template could not be rendered at all (a syntax error): readers skip it. */
    public boolean parseable() {
        return parseable;
    }

    /** The whole rendered text, exactly as the template's tool would write the file. */
    public String text() {
        return text;
    }
}
