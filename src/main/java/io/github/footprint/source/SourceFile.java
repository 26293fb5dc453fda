package io.github.footprint.source;

import java.util.Collections;
import java.util.List;

/**
 * One file of the deploy tree after rendering: its rendered lines and, for each, the template line it
 * came from. Parsers read {@link #lines()} and report {@link #templateLine(int)} so that every finding
 * points at the line the user edits.
 */
public final class SourceFile {
    private final String displayPath;
    private final String treePath;
    private final FileKind kind;
    private final List<String> lines;
    private final int[] lineMap;
    private final List<SourceProblem> problems;
    private final List<Placeholder> unresolved;
    private final boolean parseable;

    SourceFile(String displayPath, String treePath, FileKind kind, List<String> lines, int[] lineMap,
            List<SourceProblem> problems, List<Placeholder> unresolved, boolean parseable) {
        this.displayPath = displayPath;
        this.treePath = treePath;
        this.kind = kind;
        this.lines = Collections.unmodifiableList(lines);
        this.lineMap = lineMap.clone();
        this.problems = Collections.unmodifiableList(problems);
        this.unresolved = Collections.unmodifiableList(unresolved);
        this.parseable = parseable;
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

    /** False for binary or unreadable files: parsers skip them (their problem is already reported). */
    public boolean parseable() {
        return parseable;
    }

    /** True when the file holds nothing but blank space. */
    public boolean isBlank() {
        for (String l : lines) {
            if (!l.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
