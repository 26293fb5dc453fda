package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.wsgi.DaemonProblem;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP205: a {@code WSGIDaemonProcess} value that mod_wsgi accepts without a word but reads otherwise than written:
 * a number with a unit or other trailing text ({@code atoi}), or an option glued to the value before it.
 */
@RuleMeta(id = "FP205", name = "daemon-option-misread", severity = Severity.ERROR,
        summary = "A WSGIDaemonProcess value that mod_wsgi silently reads as something else than what is written")
public final class DaemonOptionMisread implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (DaemonGroup g : d.daemonDefinitions()) {
            for (DaemonProblem p : g.problems()) {
                if (!p.refused()) {
                    ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + ": " + DaemonProblemWords.what(p) + "; "
                            + Phrases.lower(DaemonProblemWords.fix(p)), Phrases.sentence(DaemonProblemWords.why(p)));
                }
            }
        }
    }
}
