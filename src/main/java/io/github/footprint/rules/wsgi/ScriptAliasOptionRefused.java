package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.wsgi.LineRefusal;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP215: a {@code WSGIScriptAlias} or {@code WSGIScriptAliasMatch} option that mod_wsgi refuses (an option it does
 * not have, one without a value, {@code pass-authorization} neither On nor Off), so httpd does not start. mod_wsgi
 * stops at the first such option of a line, and so does this rule.
 */
@RuleMeta(id = "FP215", name = "script-alias-option-refused", severity = Severity.ERROR,
        summary = "A WSGIScriptAlias option that mod_wsgi refuses, so httpd does not start")
public final class ScriptAliasOptionRefused implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (Mount m : d.modWsgi().mounts()) {
            LineRefusal error = m.optionRefusal();
            if (error == null) {
                continue;
            }
            ctx.report(m.location(), m.directive() + " " + Excerpt.of(m.url()) + ": " + Refusal.MARK + " with '"
                    + error.message() + "'; " + Phrases.lower(fix(error)), detail(error, m));
        }
    }

    private static String fix(LineRefusal error) {
        if (error == LineRefusal.ALIAS_INVALID_OPTION) {
            return "Keep only its four name=value options";
        }
        if (error == LineRefusal.INVALID_AUTHORIZATION_FLAG) {
            return "pass-authorization= takes On or Off";
        }
        return "Give the option a value, or leave it out";
    }

    private static String detail(LineRefusal error, Mount m) {
        String line = "The line mounts " + m.script() + " at " + m.url() + ".";
        if (error == LineRefusal.ALIAS_INVALID_OPTION) {
            return line + " Its only options are process-group=, application-group=, callable-object= and"
                    + " pass-authorization=, each written name=value with no space around '=' (a value with spaces in"
                    + " quotes); put a comment on a line of its own.";
        }
        return line;
    }
}
