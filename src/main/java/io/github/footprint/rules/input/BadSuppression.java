package io.github.footprint.rules.input;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.Suppression;

/** FP004: a suppression comment that silences nothing: no reason, an unknown rule id, or nothing below it. */
@RuleMeta(id = "FP004", name = "bad-suppression", severity = Severity.WARNING,
        summary = "A footprint suppression comment that names an unknown rule or gives no reason")
public final class BadSuppression implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (SourceFile f : d.sources().files()) {
            for (Suppression s : f.suppressions()) {
                Location at = new Location(f.displayPath(), s.line());
                List<String> unknown = new ArrayList<>();
                for (String id : s.ids()) {
                    if (RuleCatalog.byId(id).isEmpty()) {
                        unknown.add(id);
                    }
                }
                String form = s.wholeFile() ? "ignore-file" : "ignore";
                if (s.ids().isEmpty()) {
                    ctx.report(at, "'footprint: " + form + "' names no rule, so it silences nothing; write"
                            + " '# footprint: " + form + " FP201 -- why this is fine here'");
                } else if (!unknown.isEmpty()) {
                    ctx.report(at, "'footprint: " + form + "' names " + String.join(", ", unknown)
                            + (unknown.size() == 1 ? ", which is not a rule" : ", which are not rules")
                            + "; 'mvn footprint:rules' lists them");
                }
                if (s.reason().isEmpty()) {
                    ctx.report(at, "'footprint: " + form + " " + String.join(" ", s.ids()) + "' gives no reason, so it"
                            + " silences nothing; write '# footprint: " + form + " " + String.join(" ", s.ids())
                            + " -- why this is fine here'", "A suppression must say why, after '--'.");
                }
            }
        }
    }
}
