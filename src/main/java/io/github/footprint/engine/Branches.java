package io.github.footprint.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import io.github.footprint.base.Finding;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.source.template.Choices;
import io.github.footprint.source.template.DecisionPoint;

/**
 * Templates that branch on values no one knows ({@code {% if ckan_debug %}} without {@code ckan_debug}): which
 * combinations of branches are read, which one's footprint counts (the largest), and how the findings of all of them
 * become one list (a finding of only some says when it holds). What is written in alternative branches is never read
 * together: each combination is one rendering of the templates, so a key in the {@code if} branch and the same key in
 * the {@code else} branch are alternatives, not duplicates.
 */
final class Branches {
    /** Every combination is read up to this many decisions ({@code 2^4 = 16} renderings). */
    static final int ALL_COMBINATIONS_UP_TO = 4;
    /** At most this many renderings per environment. */
    static final int MAX_COMBINATIONS = 16;

    private Branches() {
    }

    /**
     * The decisions the templates met, by key (the condition as written), each with where it is first written
     * ({@code templates/production.ini.j2:3}); in file order, then the order met.
     */
    static Map<String, String> decisions(SourceSet sources) {
        Map<String, String> out = new LinkedHashMap<>();
        eachDecision(sources, (f, p) -> out.putIfAbsent(p.key(), f.displayPath() + ":" + p.templateLine()));
        return out;
    }

    /** How many branches each decision has (2 for a condition, more for an if/elif chain), in the same order. */
    static Map<String, Integer> arities(SourceSet sources) {
        Map<String, Integer> out = new LinkedHashMap<>();
        eachDecision(sources, (f, p) -> out.putIfAbsent(p.key(), p.branches()));
        return out;
    }

    /** Every point where a template chose between two branches or more, with its file, in file order. */
    private static void eachDecision(SourceSet sources, BiConsumer<SourceFile, DecisionPoint> action) {
        for (SourceFile f : sources.files()) {
            for (DecisionPoint p : f.decisions()) {
                if (p.branches() >= 2) {
                    action.accept(f, p);
                }
            }
        }
    }

    /**
     * The combinations to read, the first with every decision at its first branch: all of them while they are at
     * most {@code 2^}{@link #ALL_COMBINATIONS_UP_TO}; beyond, every decision at its first branch, every one at its
     * last, then each other branch of each decision alone, {@link #MAX_COMBINATIONS} in all at most. With conditions
     * only: every condition holding, none holding, then each one alone not holding.
     */
    static List<Choices> combinations(Map<String, Integer> arities) {
        List<String> k = new ArrayList<>(arities.keySet());
        List<Choices> out = new ArrayList<>();
        long all = 1;
        for (int n : arities.values()) {
            all = all > 1 << 20 ? all : all * n;
        }
        if (all <= 1 << ALL_COMBINATIONS_UP_TO) {
            for (long index = 0; index < all; index++) {
                Choices c = Choices.DEFAULT;
                long rest = index;
                for (String key : k) {
                    int n = arities.get(key);
                    int branch = (int) (rest % n);
                    rest /= n;
                    if (branch != 0) {
                        c = c.with(key, branch);
                    }
                }
                out.add(c);
            }
            return out;
        }
        out.add(Choices.DEFAULT);
        Choices last = Choices.DEFAULT;
        for (String key : k) {
            last = last.with(key, arities.get(key) - 1);
        }
        out.add(last);
        for (int i = 0; i < k.size() && out.size() < MAX_COMBINATIONS; i++) {
            for (int branch = 1; branch < arities.get(k.get(i)) && out.size() < MAX_COMBINATIONS; branch++) {
                Choices c = Choices.DEFAULT.with(k.get(i), branch);
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The index of the deployment with the largest footprint: resident, then virtual, then connections; first wins. */
    static int largest(List<Deployment> variants) {
        int best = 0;
        for (int i = 1; i < variants.size(); i++) {
            if (compare(variants.get(i).footprint(), variants.get(best).footprint()) > 0) {
                best = i;
            }
        }
        return best;
    }

    private static int compare(Footprint a, Footprint b) {
        int c = Long.compare(a.resident(), b.resident());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.virtual(), b.virtual());
        if (c != 0) {
            return c;
        }
        return Long.compare(a.connections().orElse(-1), b.connections().orElse(-1));
    }

    /**
     * {@code ckan_debug is false (templates/production.ini.j2:3)}: one decision's branch; of an if/elif chain,
     * {@code database_engine == 'mysql' is the first that holds (…:454)} or {@code none of a, b holds (…)}.
     */
    private static String one(String key, int branch, Map<String, String> decisions) {
        if (!key.contains(DecisionPoint.CHAIN)) {
            return key + " is " + (branch == 0 ? "true" : "false") + " (" + decisions.get(key) + ")";
        }
        String[] conditions = key.split(Pattern.quote(DecisionPoint.CHAIN));
        return (branch < conditions.length ? conditions[branch] + " is the first that holds"
                : "none of " + String.join(", ", conditions) + " holds") + " (" + decisions.get(key) + ")";
    }

    /** A combination as a phrase: {@code when ckan_debug is false (templates/production.ini.j2:3) and ...}. */
    static String describe(Choices c, Map<String, String> decisions) {
        List<String> parts = new ArrayList<>();
        for (String key : decisions.keySet()) {
            parts.add(one(key, c.branch(key), decisions));
        }
        return "when " + String.join(" and ", parts);
    }

    /**
     * The findings of every combination as one list: a finding every combination has is kept as it is; one only some
     * have says when it holds. The project-wide budget findings (FP5xx) are the counted combination's alone.
     */
    static List<Finding> merge(List<List<Finding>> found, List<Choices> combos, Map<String, String> decisions,
            int counted) {
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, BitSet> in = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            for (Finding f : found.get(i)) {
                if (f.ruleId().startsWith("FP5") && i != counted) {
                    continue;
                }
                String key = f.ruleId() + "\u0000" + f.severity() + "\u0000" + f.location() + "\u0000" + f.message();
                first.putIfAbsent(key, f);
                in.computeIfAbsent(key, x -> new BitSet()).set(i);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Finding> e : first.entrySet()) {
            Finding f = e.getValue();
            BitSet where = in.get(e.getKey());
            if (f.ruleId().startsWith("FP5") || where.cardinality() == combos.size()) {
                out.add(f);
                continue;
            }
            // the first line says that it holds in some branches; the detail says which, with the condition's line
            String which = "Holds only " + when(where, combos, decisions) + ".";
            out.add(f.withMessage(f.message() + Finding.SOME_BRANCHES)
                    .withDetail(f.detail() == null || f.detail().isEmpty() ? which : which + " " + f.detail()));
        }
        return out;
    }

    /** When a finding holds: one decision's branch if that alone tells, else the first combination it holds in. */
    private static String when(BitSet where, List<Choices> combos, Map<String, String> decisions) {
        for (String key : decisions.keySet()) {
            int most = 0;
            for (Choices c : combos) {
                most = Math.max(most, c.branch(key) + 1);
            }
            for (int branch = 0; branch < Math.max(2, most); branch++) {
                boolean matches = true;
                for (int i = 0; i < combos.size() && matches; i++) {
                    matches = where.get(i) == (combos.get(i).branch(key) == branch);
                }
                if (matches) {
                    return "when " + one(key, branch, decisions);
                }
            }
        }
        return describe(combos.get(where.nextSetBit(0)), decisions) + ", among others";
    }
}
