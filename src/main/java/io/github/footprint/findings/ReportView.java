package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.rules.RuleCatalog;

/**
 * The one view of a check that every report reads: per environment its findings, effective values and footprint,
 * with every text that came from the user's files or from the model already masked; and the build's verdict
 * ({@code failOn}, the rules switched off). Reports get nothing else, so a value added here is masked here, once.
 */
public final class ReportView {
    private final String toolVersion;
    private final FailOn failOn;
    private final SeverityPolicy policy;
    private final List<EnvironmentView> environments;
    private final String helpUrl;
    private final String sourceFolder;
    private final boolean verbose;

    private ReportView(Builder b) {
        this.toolVersion = b.toolVersion;
        this.failOn = b.failOn;
        this.policy = b.policy;
        this.environments = List.copyOf(b.environments);
        this.helpUrl = b.helpUrl;
        this.sourceFolder = b.sourceFolder;
        this.verbose = b.verbose;
    }

    /**
     * @param redactor masks every secret found in any environment
     * @param policy tells which rules the user switched off
     */
    public static Builder builder(Redactor redactor, FailOn failOn, SeverityPolicy policy, String toolVersion) {
        return new Builder(redactor, failOn, policy, toolVersion);
    }

    /** Adds the environments in report order. */
    public static final class Builder {
        private final Redactor redactor;
        private final FailOn failOn;
        private final SeverityPolicy policy;
        private final String toolVersion;
        private final List<EnvironmentView> environments = new ArrayList<>();
        private String helpUrl;
        private String sourceFolder;
        private boolean verbose;

        private Builder(Redactor redactor, FailOn failOn, SeverityPolicy policy, String toolVersion) {
            this.redactor = redactor;
            this.failOn = failOn;
            this.policy = policy;
            this.toolVersion = toolVersion;
        }

        /** @param findings the environment's findings after the findings stage, in report order */
        public Builder environment(String id, List<Finding> findings, Deployment d) {
            environments.add(EnvironmentView.of(id, findings, d, redactor));
            return this;
        }

        /**
         * Where the user published the rule pages ({@code helpUrl}); null for none: then no report links a page.
         */
        public Builder helpUrl(String base) {
            helpUrl = base == null || base.isBlank() ? null : base;
            return this;
        }

        /**
         * The source folder as the console names it (relative to the project, or absolute when outside it); masked
         * here. Unset, the console names each environment's {@link EnvironmentView#sourceRoot()}.
         */
        public Builder sourceFolder(String shown) {
            sourceFolder = shown == null ? null : redactor.maskLocation(shown);
            return this;
        }

        /** True: the console prints each finding's detail below its first line ({@code verbose}). */
        public Builder verbose(boolean v) {
            verbose = v;
            return this;
        }

        public ReportView build() {
            return new ReportView(this);
        }
    }

    public String toolVersion() {
        return toolVersion;
    }

    public List<EnvironmentView> environments() {
        return environments;
    }

    /** The link to the rule's page where the user published the pages; empty without {@code helpUrl}. */
    public Optional<String> helpUrl(String ruleId) {
        return helpUrl == null ? Optional.empty() : Optional.of(RuleCatalog.pageUrl(helpUrl, ruleId));
    }

    /** The source folder as the console names it, masked; empty when the engine did not say. */
    public Optional<String> sourceFolder() {
        return Optional.ofNullable(sourceFolder);
    }

    /** True when the console prints each finding's detail below its first line ({@code verbose}). */
    public boolean verbose() {
        return verbose;
    }

    /** The threshold that fails the build. */
    public FailOn failOn() {
        return failOn;
    }

    /** True when the user switched the rule off. */
    public boolean isOff(String ruleId) {
        return policy.isOff(ruleId);
    }

    /** How many findings of this severity, over all environments; a finding at several places counts once. */
    public int count(Severity s) {
        int n = 0;
        for (EnvironmentView e : environments) {
            for (ReportedFinding f : e.findings()) {
                if (f.severity() == s) {
                    n++;
                }
            }
        }
        return n;
    }

    /** How many findings fail the build at {@link #failOn()}. */
    public int failing() {
        int n = 0;
        for (EnvironmentView e : environments) {
            for (ReportedFinding f : e.findings()) {
                if (failOn.fails(f.severity())) {
                    n++;
                }
            }
        }
        return n;
    }
}
