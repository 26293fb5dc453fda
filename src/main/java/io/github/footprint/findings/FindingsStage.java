package io.github.footprint.findings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;

import io.github.footprint.source.Suppression;

/**
 * The late stage, after the rules: the user's severity overrides and {@code off}, then suppression comments, per
 * environment and per place; then, once every environment's secrets are known, one finding of identical ones
 * (the same rule, severity, message and detail: one cause at several places), masking, the length cuts and report
 * order.
 */
public final class FindingsStage {
    /**
     * Longest first line a report prints. Rules write first lines of about 160 characters and quotations from the
     * user's files are cut ({@link Excerpt}), so this cut is a last guard only.
     */
    public static final int MAX_MESSAGE = 2000;
    /** Longest detail a report prints; longer ones (a list over thousands of daemons) are cut after masking. */
    public static final int MAX_DETAIL = 4000;

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

    /**
     * What the severity overrides and the suppression comments leave of one environment's findings (each at one
     * place, as the rules report them), in order.
     */
    public List<Finding> settle(List<Finding> found, List<Suppression> suppressions) {
        return new Suppressions(suppressions, ruleIds).apply(policy.apply(found));
    }

    /**
     * The findings merged (identical ones become one with all their places, the first place primary), masked, each
     * first line's quotations shortened and the line cut to {@link #MAX_MESSAGE}, each detail cut to
     * {@link #MAX_DETAIL}, in report order.
     */
    public static List<Finding> close(List<Finding> settled, Redactor redactor) {
        Map<List<String>, List<Location>> places = new LinkedHashMap<>();
        Map<List<String>, Finding> first = new HashMap<>();
        for (Finding f : settled) {
            List<String> key = List.of(f.ruleId(), f.severity().name(), f.message(), f.detail());
            places.computeIfAbsent(key, k -> new ArrayList<>()).addAll(f.locations());
            first.putIfAbsent(key, f);
        }
        List<Finding> out = new ArrayList<>(places.size());
        for (Map.Entry<List<String>, List<Location>> e : places.entrySet()) {
            out.add(shorten(redactor.mask(first.get(e.getKey()).at(e.getValue()))));
        }
        out.sort(Finding.ORDER);
        return out;
    }

    private static Finding shorten(Finding f) {
        String m = Excerpt.shorten(f.message(), Excerpt.FIRST_LINE);
        String d = Excerpt.whole(f.detail());
        return new Finding(f.ruleId(), f.severity(), cut(m, MAX_MESSAGE), cut(d, MAX_DETAIL), f.locations());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
