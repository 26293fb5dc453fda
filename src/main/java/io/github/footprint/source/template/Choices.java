package io.github.footprint.source.template;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The branch a render takes at each decision point, by key; a key not named takes branch 0 (the condition holds).
 * Immutable.
 */
public final class Choices {
    /** Every decision takes branch 0. */
    public static final Choices DEFAULT = new Choices(Collections.emptyMap());

    private final Map<String, Integer> branches;

    private Choices(Map<String, Integer> branches) {
        this.branches = branches;
    }

    /** These choices and one more (or one changed). */
    public Choices with(String key, int branch) {
        Map<String, Integer> m = new TreeMap<>(branches);
        m.put(key, branch);
        return new Choices(Collections.unmodifiableMap(m));
    }

    /** The branch for a key. */
    public int branch(String key) {
        Integer b = branches.get(key);
        return b == null ? 0 : b;
    }

    /** The keys named, with their branches, sorted by key. */
    public Map<String, Integer> asMap() {
        return branches;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Choices && ((Choices) o).branches.equals(branches);
    }

    @Override
    public int hashCode() {
        return branches.hashCode();
    }

    @Override
    public String toString() {
        return branches.toString();
    }
}
