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
        return find(v, null, new int[] {0});
    }

    static void collect(Object v, Set<String> names) {
        find(v, names, new int[] {0});
    }

    private static boolean find(Object v, Set<String> names, int[] budget) {
        if (budget[0]++ > LIMIT) {
            return false;
        }
        if (v instanceof Unk) {
            if (names != null) {
                names.addAll(((Unk) v).names());
            }
            return true;
        }
        boolean found = false;
        if (v instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                found |= find(e.getKey(), names, budget) || find(e.getValue(), names, budget);
                if (found && names == null) {
                    return true;
                }
            }
        } else if (v instanceof Collection) {
            for (Object x : (Collection<?>) v) {
                found |= find(x, names, budget);
                if (found && names == null) {
                    return true;
                }
            }
        } else if (v instanceof Map.Entry) {
            found = find(((Map.Entry<?, ?>) v).getKey(), names, budget) | find(((Map.Entry<?, ?>) v).getValue(),
                    names, budget);
        }
        return found;
    }
}
