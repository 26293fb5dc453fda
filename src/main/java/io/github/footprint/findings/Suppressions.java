package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
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

    /**
     * The findings less their silenced places: a place a suppression names drops out of its finding, and a finding
     * with no place left is dropped. A place that stands for a line written elsewhere (a mod_macro Use line) drops
     * out also when a suppression names the line it was written at (the macro body line silences every Use of it).
     */
    public List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Location> left = new ArrayList<>(f.locations().size());
            for (Location at : f.locations()) {
                if (!silenced(f.ruleId(), at) && (at.written() == null || !silenced(f.ruleId(), at.written()))) {
                    left.add(at);
                }
            }
            if (left.size() == f.locations().size()) {
                out.add(f);
            } else if (!left.isEmpty()) {
                out.add(f.at(left));
            }
        }
        return out;
    }

    private boolean silenced(String ruleId, Location at) {
        for (Suppression s : all) {
            if (s.reason().isEmpty() || !s.file().equals(at.file()) || !s.ids().contains(ruleId)
                    || !knownIds.contains(ruleId)) {
                continue;
            }
            if (s.wholeFile() || (s.target() > 0 && s.target() == at.line())) {
                return true;
            }
        }
        return false;
    }
}
