package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.footprint.source.Suppression;

/**
 * The last step of the severity pipeline before the threshold: findings that a valid suppression comment names
 * are dropped. A suppression without a reason, and ids that are not rules, silence nothing (FP004 says why).
 */
public final class Suppressions {
    private final List<Suppression> all;
    private final Set<String> knownIds;

    public Suppressions(List<Suppression> all, Set<String> knownIds) {
        this.all = List.copyOf(all);
        this.knownIds = Set.copyOf(knownIds);
    }

    public List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!silenced(f)) {
                out.add(f);
            }
        }
        return out;
    }

    private boolean silenced(Finding f) {
        for (Suppression s : all) {
            if (s.reason().isEmpty() || !s.file().equals(f.location().file()) || !s.ids().contains(f.ruleId())
                    || !knownIds.contains(f.ruleId())) {
                continue;
            }
            if (s.wholeFile() || (s.target() > 0 && s.target() == f.location().line())) {
                return true;
            }
        }
        return false;
    }
}
