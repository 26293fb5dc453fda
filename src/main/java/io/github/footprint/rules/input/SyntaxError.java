package io.github.footprint.rules.input;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceProblem;

/** FP001: what httpd, PasteDeploy or a reader of the bytes would refuse, with what they would say. */
@RuleMeta(id = "FP001", name = "syntax-error", severity = Severity.ERROR,
        summary = "A file httpd or PasteDeploy would refuse to read, located, with what they would say")
public final class SyntaxError implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (SourceFile f : d.sources().files()) {
            for (SourceProblem p : f.problems()) {
                ctx.report(new Location(f.displayPath(), p.line()), p.severity(), p.reported(), p.detail());
            }
        }
        for (ParseProblem p : d.problems()) {
            if (p.kind() == ParseProblem.Kind.SYNTAX) {
                ctx.report(p.location(), p.severity(), p.reported(), p.detail());
            }
        }
    }
}
