package io.github.footprint.source.template;

import java.util.Objects;

/**
 * A place where the template branches on something unknown ({@code {% if workers > 4 %}} with {@code workers}
 * unknown). Points with the same key are one decision: the same condition takes the same branch everywhere in the file.
 * A render takes, for every key, the branch its {@link Choices} names; the engine renders again with other choices to
 * see every variant.
 */
public final class DecisionPoint {
    /** What joins the conditions of an if/elif chain in its key: {@code a == 1 | a == 2}. */
    public static final String CHAIN = " | ";

    private final String key;
    private final int templateLine;
    private final int branches;
    private final int chosen;

    public DecisionPoint(String key, int templateLine, int branches, int chosen) {
        this.key = Objects.requireNonNull(key);
        this.templateLine = templateLine;
        this.branches = branches;
        this.chosen = chosen;
    }

    /** The condition as written, whitespace collapsed ({@code workers > 4}); a leading {@code not} is dropped. */
    public String key() {
        return key;
    }

    /** The template line where it was first met. */
    public int templateLine() {
        return templateLine;
    }

    /**
     * How many branches it has: 2 for a condition (0 = true, 1 = false); for an if/elif chain (its key the conditions
     * joined by {@link #CHAIN}) one per condition (i = the i-th is the first that holds), and one more for its else.
     */
    public int branches() {
        return branches;
    }

    /** The branch this render took. */
    public int chosen() {
        return chosen;
    }

    @Override
    public String toString() {
        return key + " @" + templateLine + " " + chosen + "/" + branches;
    }
}
