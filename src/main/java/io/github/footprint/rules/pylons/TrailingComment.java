package io.github.footprint.rules.pylons;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.IniEntry;
import io.github.footprint.parse.ini.IniSection;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP301: a number or boolean followed by a {@code # comment} on the same line. PasteDeploy 3's configparser
 * has no inline comments, so the comment is part of the value and {@code int()} fails at start-up.
 */
@RuleMeta(id = "FP301", name = "trailing-comment-in-value", severity = Severity.ERROR,
        summary = "A number or boolean INI value followed by a comment that PasteDeploy 3 keeps as part of the value")
public final class TrailingComment implements Rule {
    private static final Pattern NUMBER_THEN_COMMENT = Pattern.compile(
            "^([+-]?\\d+(?:\\.\\d+)?|(?i:true|false|yes|no|on|off))\\s+([#;].*)$");

    /**
     * The section uWSGI reads with its own INI parser ({@code uwsgi --ini-paste}), which neither PasteDeploy nor
     * configparser reads: what this rule says of int()/asbool() does not apply to it.
     */
    private static final String READ_BY_UWSGI = "uwsgi";

    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (IniDocument doc : d.inis()) {
            List<IniSection> sections = new ArrayList<>();
            sections.add(doc.defaults());
            sections.addAll(doc.sections());
            for (IniSection s : sections) {
                if (READ_BY_UWSGI.equals(s.name())) {
                    continue;
                }
                for (IniEntry e : s.entries()) {
                    Matcher m = NUMBER_THEN_COMMENT.matcher(e.value());
                    if (!m.matches()) {
                        continue;
                    }
                    ctx.report(e.location(), "[" + s.name() + "] " + e.key() + " = " + m.group(1) + " is followed by a"
                            + " comment, which breaks int()/asbool() at start-up; move the comment to a line above",
                            "The value is '" + e.value() + "'. PasteDeploy 3 (Python 3 configparser) has no inline"
                            + " comments, so '" + m.group(2) + "' is part of the value and int()/asbool() raises"
                            + " ValueError at start-up. Write " + e.key() + " = " + m.group(1) + ", and the comment on"
                            + " a line of its own above.");
                }
            }
        }
    }
}
