package io.github.footprint.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/** What a rule reports through, and where it reads its options. One context per rule and environment. */
public final class RuleContext {
    private final RuleMeta meta;
    private final Map<String, String> options;
    private final List<Finding> findings = new ArrayList<>();

    /** @param options this rule's options, {@code option -> value}, already validated as numbers */
    public RuleContext(RuleMeta meta, Map<String, String> options) {
        this.meta = meta;
        this.options = Map.copyOf(options);
    }

    /** Reports a finding at the rule's default severity. */
    public void report(Location at, String message) {
        report(at, meta.severity(), message);
    }

    /** Reports a finding at a severity the rule chose (a rule with two levels, such as FP201). */
    public void report(Location at, Severity severity, String message) {
        findings.add(new Finding(meta.id(), severity, message, at));
    }

    /** A numeric option, or its default when the user did not set it. */
    public long option(String name, long defaultValue) {
        String v = options.get(name);
        return v == null ? defaultValue : Long.parseLong(v.trim());
    }

    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }
}
