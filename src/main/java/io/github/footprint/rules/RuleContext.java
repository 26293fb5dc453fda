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

    /** Reports a finding without an explanation beyond its first line, at the rule's default severity. */
    public void report(Location at, String message) {
        report(at, meta.severity(), message, "");
    }

    /** Reports a finding without an explanation beyond its first line, at a severity the rule chose. */
    public void report(Location at, Severity severity, String message) {
        report(at, severity, message, "");
    }

    /**
     * Reports a finding at the rule's default severity.
     *
     * @param message the first line: what, the numbers and the fix, at most about 160 characters
     * @param detail the explanation: why, the derivation of the numbers, the contributors, the sources; empty for
     *        none
     */
    public void report(Location at, String message, String detail) {
        report(at, meta.severity(), message, detail);
    }

    /** Reports a finding at a severity the rule chose (a rule with two levels, such as FP201). */
    public void report(Location at, Severity severity, String message, String detail) {
        findings.add(new Finding(meta.id(), severity, message, detail, at));
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
