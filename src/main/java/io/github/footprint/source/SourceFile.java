package io.github.footprint.source;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import java.util.SortedMap;
import java.util.TreeMap;

import io.github.footprint.source.template.Assumption;
import io.github.footprint.source.template.DecisionPoint;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;

/**
 * One file of the deploy tree after rendering: its rendered lines and, for each, the template line it
 * came from. Parsers read {@link #lines()} (or, without a String per line, {@link #text()} between
 * {@link #lineStart(int)} and {@link #lineEnd(int)}) and report {@link #templateLine(int)} so that every finding
 * points at the line the user edits.
 */
public final class SourceFile {
    private final String displayPath;
    private final String treePath;
    private final FileKind kind;
    /** The rendered lines, joined by {@code \n}; line {@code i} runs from {@code starts[i]} to {@code starts[i + 1] - 1}. */
    private final String text;
    private final int[] starts;
    private final List<String> lines;
    /** The template line of each rendered line, or null when rendering kept the lines as they were (line i + 1). */
    private final int[] lineMap;
    private final List<SourceProblem> problems;
    private final List<Placeholder> unresolved;
    private final boolean parseable;
    private final Dialect dialect;
    private final SortedMap<Integer, Unknown> unknowns;
    private final List<DecisionPoint> decisions;
    private final List<Assumption> assumptions;

    SourceFile(String displayPath, String treePath, FileKind kind, List<String> lines, int[] lineMap,
            List<SourceProblem> problems, List<Placeholder> unresolved, boolean parseable) {
        this(displayPath, treePath, kind, String.join("\n", lines), startsOf(lines), lineMap.clone(), problems,
                unresolved, parseable);
    }

    /**
     * @param text the rendered lines joined by {@code \n}, none of them holding one
     * @param starts where each line starts, then one past the end of the last line plus one
     * @param lineMap the template line of each rendered line, null for line {@code i + 1} (kept, not copied)
     */
    SourceFile(String displayPath, String treePath, FileKind kind, String text, int[] starts, int[] lineMap,
            List<SourceProblem> problems, List<Placeholder> unresolved, boolean parseable) {
        this(displayPath, treePath, kind, text, starts, lineMap, problems, unresolved, parseable,
                lineMap == null || text.isEmpty() ? Dialect.NONE : Dialect.MAVEN, EMPTY, List.of(), List.of());
    }

    private static final SortedMap<Integer, Unknown> EMPTY = Collections.unmodifiableSortedMap(new TreeMap<>());

    /** A rendered template, with what its engine learnt. */
    SourceFile(String displayPath, String treePath, FileKind kind, List<String> lines, int[] lineMap,
            List<SourceProblem> problems, boolean parseable, Dialect dialect, SortedMap<Integer, Unknown> unknowns,
            List<DecisionPoint> decisions, List<Assumption> assumptions) {
        this(displayPath, treePath, kind, String.join("\n", lines), startsOf(lines), lineMap.clone(), problems,
                List.of(), parseable, dialect, Collections.unmodifiableSortedMap(new TreeMap<>(unknowns)),
                List.copyOf(decisions), List.copyOf(assumptions));
    }

    /** A rendered template whose text is its lines, {@code \n}-separated ({@code starts} as the loader's format). */
    SourceFile(String displayPath, String treePath, FileKind kind, String text, int[] starts, int[] lineMap,
            List<SourceProblem> problems, boolean parseable, Dialect dialect, SortedMap<Integer, Unknown> unknowns,
            List<DecisionPoint> decisions, List<Assumption> assumptions) {
        this(displayPath, treePath, kind, text, starts, lineMap, problems, List.of(), parseable, dialect,
                Collections.unmodifiableSortedMap(new TreeMap<>(unknowns)), List.copyOf(decisions),
                List.copyOf(assumptions));
    }

    private SourceFile(String displayPath, String treePath, FileKind kind, String text, int[] starts, int[] lineMap,
            List<SourceProblem> problems, List<Placeholder> unresolved, boolean parseable, Dialect dialect,
            SortedMap<Integer, Unknown> unknowns, List<DecisionPoint> decisions, List<Assumption> assumptions) {
        this.dialect = dialect;
        this.unknowns = unknowns;
        this.decisions = decisions;
        this.assumptions = assumptions;
        this.displayPath = displayPath;
        this.treePath = treePath;
        this.kind = kind;
        this.text = text;
        this.starts = starts;
        this.lines = new Lines();
        this.lineMap = lineMap;
        this.problems = Collections.unmodifiableList(problems);
        this.unresolved = Collections.unmodifiableList(unresolved);
        this.parseable = parseable;
    }

    private static int[] startsOf(List<String> lines) {
        int[] starts = new int[lines.size() + 1];
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = at;
            at += lines.get(i).length() + 1;
        }
        starts[lines.size()] = at;
        return starts;
    }

    /** The lines as a list that cuts each one from the text when asked (nothing is kept per line). */
    private final class Lines extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("line " + index + " of " + size());
            }
            return text.substring(starts[index], starts[index + 1] - 1);
        }

        @Override
        public int size() {
            return starts.length - 1;
        }
    }

    /** The rendered lines joined by {@code \n}: line {@code i} is {@code text().substring(lineStart(i), lineEnd(i))}. */
    public String text() {
        return text;
    }

    /** How many rendered lines the file has. */
    public int lineCount() {
        return starts.length - 1;
    }

    /** Where rendered line {@code index} (0-based) starts in {@link #text()}. */
    public int lineStart(int index) {
        return starts[index];
    }

    /** Where rendered line {@code index} (0-based) ends in {@link #text()} (exclusive, before its {@code \n}). */
    public int lineEnd(int index) {
        return starts[index + 1] - 1;
    }

    /** Path relative to the project base directory, {@code /} separators: what findings print. */
    public String displayPath() {
        return displayPath;
    }

    /** Path relative to the source directory, {@code /} separators: what includes and globs match. */
    public String treePath() {
        return treePath;
    }

    public FileKind kind() {
        return kind;
    }

    /** Rendered lines, without line terminators. */
    public List<String> lines() {
        return lines;
    }

    /** The template line (1-based) of rendered line {@code index} (0-based). */
    public int templateLine(int index) {
        if (lineMap == null) {
            int n = starts.length - 1;
            return n == 0 ? 1 : Math.max(0, Math.min(index, n - 1)) + 1;
        }
        if (lineMap.length == 0) {
            return 1;
        }
        return lineMap[Math.max(0, Math.min(index, lineMap.length - 1))];
    }

    /**
     * The first rendered line (0-based) that came from a template line, or -1. The line map never goes
     * backwards, so this is a binary search.
     */
    public int renderedIndex(int templateLine) {
        if (lineMap == null) {
            return templateLine >= 1 && templateLine <= starts.length - 1 ? templateLine - 1 : -1;
        }
        int lo = 0;
        int hi = lineMap.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lineMap[mid] >= templateLine) {
                if (lineMap[mid] == templateLine) {
                    found = mid;
                }
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    private List<Suppression> suppressions;

    /** The suppression comments of this file, found once. */
    public synchronized List<Suppression> suppressions() {
        if (suppressions == null) {
            suppressions = SuppressionScanner.scan(this);
        }
        return suppressions;
    }

    /** Byte- and text-level problems found while loading. */
    public List<SourceProblem> problems() {
        return problems;
    }

    /** Placeholders that no property resolved. */
    public List<Placeholder> unresolved() {
        return unresolved;
    }

    /** The same file with more problems (a variables file whose problems were found after it was loaded). */
    SourceFile withProblems(List<SourceProblem> more) {
        List<SourceProblem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new SourceFile(displayPath, treePath, kind, text, starts, lineMap, all, unresolved, parseable, dialect,
                unknowns, decisions, assumptions);
    }

    /**
     * The same file with its secret values marked ({@link SecretMarks}); this file when there is none.
     *
     * @param harvest where the literal values of secret keys go, null for nowhere
     */
    SourceFile marked(java.util.Collection<String> harvest) {
        if (!parseable || text.isEmpty()) {
            return this;
        }
        SecretMarks.Result r = SecretMarks.mark(kind, text, harvest);
        if (!r.changed) {
            return this;
        }
        String t = r.text;
        int[] s = new int[starts.length];
        int k = 1;
        // line i ends where the next starts, less one: at its \n, or at the end of a text without a last \n
        for (int i = t.indexOf('\n'); i >= 0 && k < s.length; i = t.indexOf('\n', i + 1)) {
            s[k++] = i + 1;
        }
        if (k < s.length) {
            s[k] = t.length() + 1;
        }
        return new SourceFile(displayPath, treePath, kind, t, s, lineMap, problems, unresolved, parseable, dialect,
                unknowns, decisions, assumptions);
    }

    /** The same file tagged with the dialect its name gives (a template with nothing to render). */
    SourceFile tagged(Dialect d) {
        return new SourceFile(displayPath, treePath, kind, text, starts, lineMap, problems, unresolved, parseable, d,
                unknowns, decisions, assumptions);
    }

    /** The template language the file is written in ({@link Dialect#NONE} for a plain file). */
    public Dialect dialect() {
        return dialect;
    }

    /** The unknown values the text's tokens stand for, by id. */
    public SortedMap<Integer, Unknown> unknowns() {
        return unknowns;
    }

    /** The unknown a token names, or null. */
    public Unknown unknown(int id) {
        return unknowns.get(id);
    }

    /** The conditions on unknown values the render met, one per key, in the order met, with the branch taken. */
    public List<DecisionPoint> decisions() {
        return decisions;
    }

    /** What the render assumed because a value was unknown (a loop over an unknown list ran once). */
    public List<Assumption> assumptions() {
        return assumptions;
    }

    /** False for binary or unreadable files: parsers skip them (their problem is already reported). */
    public boolean parseable() {
        return parseable;
    }

    /** True when the file holds nothing but blank space. */
    public boolean isBlank() {
        // the joining newlines are blank too
        return text.isBlank();
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
