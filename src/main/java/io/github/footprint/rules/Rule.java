package io.github.footprint.rules;

import io.github.footprint.model.Deployment;

/**
 * One check. Implementations are small final classes annotated with {@link RuleMeta}; they read the
 * {@link Deployment} and report through the {@link RuleContext}, never throw for bad input, and keep
 * no state between calls.
 */
public interface Rule {
    /** Reports every finding of this rule for one environment's deployment. */
    void check(Deployment deployment, RuleContext context);

    /** This rule's metadata. */
    default RuleMeta meta() {
        RuleMeta m = getClass().getAnnotation(RuleMeta.class);
        if (m == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @RuleMeta");
        }
        return m;
    }
}
