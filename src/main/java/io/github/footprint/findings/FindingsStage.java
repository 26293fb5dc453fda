package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.footprint.source.Suppression;

/**
 * The late stage, after the rules: the user's severity overrides and {@code off}, then suppression comments, per
 * environment; then, once every environment's secrets are known, masking, the length cut and report order.
 */
public final class FindingsStage {
    /** Longest message a report prints; longer ones (a quoted 16 MiB line) are cut after masking. */
    public static final int MAX_MESSAGE = 2000;

    private final SeverityPolicy policy;
    private final Set<String> ruleIds;

    /** @param ruleIds every rule id of the catalogue: a suppression of another id silences nothing */
    public FindingsStage(SeverityPolicy policy, Set<String> ruleIds) {
        this.policy = policy;
        this.ruleIds = Set.copyOf(ruleIds);
    }

    /** True when the user switched the rule off, so that it need not run. */
    public boolean isOff(String ruleId) {
        return policy.isOff(ruleId);
    }

    /** What the severity overrides and the suppression comments leave of one environment's findings, in order. */
    public List<Finding> settle(List<Finding> found, List<Suppression> suppressions) {
        return new Suppressions(suppressions, ruleIds).apply(policy.apply(found));
    }

    /** The findings masked, each message cut to {@link #MAX_MESSAGE}, in report order. */
    public static List<Finding> close(List<Finding> settled, Redactor redactor) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : settled) {
            out.add(shorten(redactor.mask(f)));
        }
        out.sort(Finding.ORDER);
        return out;
    }

    private static Finding shorten(Finding f) {
        String m = f.message();
        return m.length() <= MAX_MESSAGE ? f : f.withMessage(m.substring(0, MAX_MESSAGE - 3) + "...");
    }
}
