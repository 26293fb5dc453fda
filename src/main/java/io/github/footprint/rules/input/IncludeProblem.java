package io.github.footprint.rules.input;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP003: an Include httpd would fail on (no match, missing file, cycle, depth), or one footprint cannot follow. */
@RuleMeta(id = "FP003", name = "include-problem", severity = Severity.ERROR,
        summary = "An Include that matches nothing, names a missing file, loops, or leaves the deploy project")
public final class IncludeProblem implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (ParseProblem p : d.problems()) {
            if (p.kind() == ParseProblem.Kind.INCLUDE) {
                ctx.report(p.location(), p.severity(), p.reported(), p.detail());
            }
        }
    }
}
