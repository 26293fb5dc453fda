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
 * FP204: a {@code WSGIDaemonProcess} that mod_wsgi refuses for the configured release (an unknown or mistyped
 * option, a space before {@code =}, a trailing comment, a value out of range), so httpd does not start. One
 * finding per problem; the first of a line is the one httpd prints.
 */
@RuleMeta(id = "FP204", name = "daemon-option-refused", severity = Severity.ERROR,
        summary = "A WSGIDaemonProcess option that mod_wsgi refuses, so httpd does not start")
public final class DaemonOptionRefused implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (DaemonGroup g : d.daemonDefinitions()) {
            for (DaemonProblem p : g.problems()) {
                if (p.refused()) {
                    ctx.report(g.location(), "WSGIDaemonProcess" + (g.name().isEmpty() ? "" : " " + g.name()) + ": "
                            + DaemonProblemWords.what(p) + ": httpd refuses to start; "
                            + Phrases.lower(DaemonProblemWords.fix(p)), "httpd stops with '" + p.message() + "'"
                            + (DaemonProblemWords.why(p).isEmpty() ? "." : ": "
                                    + Phrases.sentence(DaemonProblemWords.why(p))));
                }
            }
        }
    }
}
