package io.github.footprint.rules.pylons;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.parse.ini.ShadowedKey;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP302: a key of a section PasteDeploy loads that it silently drops, because {@code [DEFAULT]} (or PasteDeploy's
 * own {@code here}/{@code __file__}, or the globals of the file that includes this one) has a key of that name:
 * {@code ConfigLoader.get_context} skips every option that is in the defaults, so the section's value never
 * reaches the factory and the default's does, through {@code global_conf}.
 */
@RuleMeta(id = "FP302", name = "key-shadowed-by-default", severity = Severity.ERROR,
        summary = "A key of an app or server section that PasteDeploy drops because [DEFAULT] has a key of that name")
public final class KeyShadowedByDefault implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (ShadowedKey k : d.shadowedKeys()) {
            Setting local = k.local();
            Setting winner = k.winner();
            if (local.ok() && winner.ok() && local.value().equals(winner.value())) {
                // dropped, but the value handed on is the same
                continue;
            }
            String section = "[" + k.section().name() + "]";
            String key = local.key();
            String value = local.ok() ? local.value() : local.raw();
            // a server runner takes its settings from the section's own keys, not from global_conf
            boolean server = k.section().name().startsWith("server:");
            String gets = server ? "only global_conf carries that value, and server runners (Paste's, waitress's) read"
                    + " their settings from the section's own keys: the server runs with its built-in default"
                    : "the app gets that value through global_conf";
            String why;
            String has;
            String fix;
            switch (winner.origin()) {
                case INJECTED:
                    why = key + " is one of the two defaults PasteDeploy injects itself (here: the INI file's folder;"
                            + " __file__: its path), so " + (server ? "the server" : "the app") + " gets "
                            + PasteValues.shown(winner);
                    has = "PasteDeploy sets " + key + " itself";
                    fix = "give the key another name";
                    break;
                case CALLER:
                    why = "the file that pulls this one in with use = config:... has " + PasteValues.shown(winner)
                            + " (" + winner.location() + "), which becomes a default here, so " + gets;
                    has = "the including file's defaults have " + key;
                    fix = server ? "remove " + key + " from the including file's [DEFAULT]"
                            : "write set " + key + " = " + Excerpt.of(value) + " in " + section + ", or drop it"
                                    + " from the including file";
                    break;
                default:
                    why = "[DEFAULT] also has " + PasteValues.shown(winner) + " (" + winner.location() + "), so " + gets;
                    has = "[DEFAULT] has " + key + " too";
                    fix = server ? "remove " + key + " from [DEFAULT]"
                            : "write set " + key + " = " + Excerpt.of(value) + " in " + section + ", or remove it"
                                    + " from [DEFAULT]";
                    break;
            }
            ctx.report(local.location(), section + " " + Excerpt.of(PasteValues.shown(local)) + " is ignored: " + has
                    + "; " + fix, "PasteDeploy silently drops a section's key that its defaults also have"
                    + " (ConfigLoader.get_context: 'if option in defaults: continue'), and " + why + "."
                    + (server ? " A set line would only change global_conf, not the server's own keys."
                            : " A set line overrides the global."));
        }
    }
}
