package io.github.footprint.engine;

import java.util.List;

import io.github.footprint.base.Finding;
import io.github.footprint.model.Deployment;

/** One environment's outcome: its findings (final severities, masked, in report order) and its model. */
public final class EnvironmentResult {
    private final String id;
    private final List<Finding> findings;
    private final Deployment deployment;

    EnvironmentResult(String id, List<Finding> findings, Deployment deployment) {
        this.id = id;
        this.findings = List.copyOf(findings);
        this.deployment = deployment;
    }

    public String id() {
        return id;
    }

    public List<Finding> findings() {
        return findings;
    }

    public Deployment deployment() {
        return deployment;
    }
}
