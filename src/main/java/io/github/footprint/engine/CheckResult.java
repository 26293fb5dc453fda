package io.github.footprint.engine;

import java.util.List;

import io.github.footprint.findings.FailOn;
import io.github.footprint.findings.Finding;
import io.github.footprint.findings.Redactor;
import io.github.footprint.base.Severity;

/** The outcome of a check: every environment's result, and the redactor every output must pass through. */
public final class CheckResult {
    private final List<EnvironmentResult> environments;
    private final Redactor redactor;
    private final String toolVersion;

    CheckResult(List<EnvironmentResult> environments, Redactor redactor, String toolVersion) {
        this.environments = List.copyOf(environments);
        this.redactor = redactor;
        this.toolVersion = toolVersion;
    }

    public List<EnvironmentResult> environments() {
        return environments;
    }

    /** Masks secrets in any text a reporter prints that did not come from a finding. */
    public Redactor redactor() {
        return redactor;
    }

    public String toolVersion() {
        return toolVersion;
    }

    /** How many findings of this severity, over all environments. */
    public int count(Severity s) {
        int n = 0;
        for (EnvironmentResult e : environments) {
            for (Finding f : e.findings()) {
                if (f.severity() == s) {
                    n++;
                }
            }
        }
        return n;
    }

    /** How many findings fail the build at this threshold. */
    public int failing(FailOn failOn) {
        int n = 0;
        for (EnvironmentResult e : environments) {
            for (Finding f : e.findings()) {
                if (failOn.fails(f.severity())) {
                    n++;
                }
            }
        }
        return n;
    }
}
