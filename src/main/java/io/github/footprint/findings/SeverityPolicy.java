package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The severity pipeline after the rules have spoken: the rule's severity, then the user's per-rule
 * override, then {@code off}. (Suppression comments come in a later stage of this pipeline.)
 */
public final class SeverityPolicy {
    /** Marker for a rule the user switched off. */
    private static final String OFF = "off";

    private final Map<String, String> overrides;

    /** @param overrides rule id to {@code error}, {@code warning}, {@code info} or {@code off}; already validated */
    public SeverityPolicy(Map<String, String> overrides) {
        this.overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    public static SeverityPolicy none() {
        return new SeverityPolicy(Map.of());
    }

    /** True when the user switched the rule off. */
    public boolean isOff(String ruleId) {
        return OFF.equals(overrides.get(ruleId));
    }

    /** Applies overrides and {@code off} to the findings, keeping their order. */
    public List<Finding> apply(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String o = overrides.get(f.ruleId());
            if (OFF.equals(o)) {
                continue;
            }
            Severity s = Severity.parse(o);
            out.add(s == null ? f : f.withSeverity(s));
        }
        return out;
    }

    /** True when {@code value} is a valid override: a severity or {@code off}. */
    public static boolean isValidOverride(String value) {
        return value != null && (OFF.equalsIgnoreCase(value.trim()) || Severity.parse(value) != null);
    }

    /** Normalises an override value to lower case without blanks. */
    public static String normalise(String value) {
        return value.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
