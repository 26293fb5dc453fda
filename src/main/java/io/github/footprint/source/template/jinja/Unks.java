package io.github.footprint.source.template.jinja;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Finds unknowns inside containers (a list with an unknown item prints as unknown). */
final class Unks {
    private static final int LIMIT = 10_000;

    private Unks() {
    }

    static boolean contains(Object v) {
        return find(v, null, new int[] {0}, new boolean[] {true});
    }

    /** Adds the names of the unknowns inside; true when all of them derive from undefined values only. */
    static boolean collect(Object v, Set<String> names) {
        boolean[] fromUndefined = {true};
        find(v, names, new int[] {0}, fromUndefined);
        return fromUndefined[0];
    }

    private static boolean find(Object v, Set<String> names, int[] budget, boolean[] fromUndefined) {
        if (budget[0]++ > LIMIT) {
            return false;
        }
        if (v instanceof Unk) {
            if (names != null) {
                names.addAll(((Unk) v).names());
            }
            fromUndefined[0] &= ((Unk) v).fromUndefined();
            return true;
        }
        boolean found = false;
        if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                found |= find(e.getKey(), names, budget, fromUndefined) || find(e.getValue(), names, budget, fromUndefined);
                if (found && names == null) {
                    return true;
                }
            }
        } else if (v instanceof Collection) {
            for (Object x : (Collection<?>) v) {
                found |= find(x, names, budget, fromUndefined);
                if (found && names == null) {
                    return true;
                }
            }
        } else if (v instanceof Map.Entry) {
            found = find(((Map.Entry<?, ?>) v).getKey(), names, budget, fromUndefined)
                    | find(((Map.Entry<?, ?>) v).getValue(), names, budget, fromUndefined);
        }
        return found;
    }
}
