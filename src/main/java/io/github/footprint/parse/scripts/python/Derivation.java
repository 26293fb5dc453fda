package io.github.footprint.parse.scripts.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.github.footprint.base.Location;
import io.github.footprint.parse.scripts.python.PyValue.Deriv;

/**
 * A string a start-up script computes (an INI path, an app name), as footprint derived it: either known, with the
 * steps that computed it, or unknown, with why and where the value stopped being knowable. Steps are in the order
 * the script computes them, the last one giving the value; at most {@value #MAX_STEPS} are kept (the last ones),
 * {@link #omittedSteps()} says how many earlier ones were left out.
 */
public final class Derivation {
    /** The most steps a derivation keeps. */
    public static final int MAX_STEPS = 64;

    private final String value;
    private final String reason;
    private final Location reasonLocation;
    private final String assumption;
    private final List<Step> steps;
    private final int omitted;

    private Derivation(String value, String reason, Location reasonLocation, String assumption, List<Step> steps,
            int omitted) {
        this.value = value;
        this.reason = reason;
        this.reasonLocation = reasonLocation;
        this.assumption = assumption;
        this.steps = Collections.unmodifiableList(steps);
        this.omitted = omitted;
    }

    static Derivation of(PyValue v) {
        Deriv d = v instanceof PyValue.Str ? ((PyValue.Str) v).d : v instanceof PyValue.Unknown
                ? ((PyValue.Unknown) v).d : null;
        List<Deriv> order = flatten(d);
        String assumption = null;
        for (Deriv x : order) {
            if (x.assumption != null) {
                assumption = x.assumption;
            }
        }
        int omitted = Math.max(0, order.size() - MAX_STEPS);
        List<Step> steps = new ArrayList<>();
        for (Deriv x : order.subList(omitted, order.size())) {
            steps.add(new Step(x.op, x.result, x.at));
        }
        if (v instanceof PyValue.Str) {
            return new Derivation(((PyValue.Str) v).s, null, null, assumption, steps, omitted);
        }
        if (v instanceof PyValue.Unknown) {
            PyValue.Unknown u = (PyValue.Unknown) v;
            return new Derivation(null, u.reason, u.at, null, steps, omitted);
        }
        return new Derivation(null, "not a string (" + (v == null ? "nothing" : v.show()) + ")", null, null, steps,
                omitted);
    }

    /** The steps in computing order: inputs before what uses them, each step once. No recursion. */
    private static List<Deriv> flatten(Deriv root) {
        List<Deriv> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        Map<Deriv, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        seen.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Deriv d = (Deriv) top[0];
            int next = (Integer) top[1];
            if (next < d.inputs.size()) {
                top[1] = next + 1;
                Deriv in = d.inputs.get(next);
                if (in != null && seen.put(in, Boolean.TRUE) == null) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                out.add(d);
            }
        }
        return out;
    }

    public boolean known() {
        return value != null;
    }

    /** The computed string; null when unknown. */
    public String value() {
        return value;
    }

    /** Why the value is not known; null when known. */
    public String reason() {
        return reason;
    }

    /** Where what made the value unknown is (an environment read, a call...); null when known. */
    public Location reasonLocation() {
        return reasonLocation;
    }

    /**
     * What a known value rests on when the script alone does not settle it, or null: {@code os.path.realpath}
     * assumes no symbolic link on the host; a default section assumes the unknown URI carries no {@code #name}.
     */
    public String assumption() {
        return assumption;
    }

    public List<Step> steps() {
        return steps;
    }

    public int omittedSteps() {
        return omitted;
    }

    /** The derivation on one line: {@code op (line) -> op (line) -> 'value'} or {@code ... -> unknown: reason}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (omitted > 0) {
            b.append("(").append(omitted).append(" earlier steps) -> ");
        }
        for (Step s : steps) {
            b.append(s.operation());
            if (s.location() != null && s.location().line() > 0 && !s.operation().contains("(line ")) {
                b.append(" (line ").append(s.location().line()).append(")");
            }
            b.append(" -> ");
        }
        if (known()) {
            b.append(PyValue.repr(value));
            if (assumption != null) {
                b.append(" [assuming ").append(assumption).append("]");
            }
        } else {
            b.append("unknown: ").append(reason);
            if (reasonLocation != null) {
                b.append(" (").append(reasonLocation).append(")");
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
