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

    /**
     * Reports a finding at a severity the rule chose (a rule with two levels, such as FP201). At a place that stands
     * for a line written elsewhere (a directive a mod_macro {@code Use} made: the Use line, written in the macro body)
     * the detail starts with {@link Finding#expansionNote}, naming the Use and the macro line, unless the first line
     * names them already (a reader's problem inside an expansion, in httpd's words); the macro line is then a second
     * place of the finding ({@link Finding#places()}).
     */
    public void report(Location at, Severity severity, String message, String detail) {
        String d = detail == null ? "" : detail;
        if (at.expansion() != null && !message.contains(at.expansion())) {
            String note = Finding.expansionNote(at);
            d = d.isEmpty() ? note : note + " " + d;
        }
        findings.add(new Finding(meta.id(), severity, message, d, at));
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
