package io.github.footprint.rules.pylons;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP309: {@code debug = true} reaching an application in a production environment. Pylons installs its
 * interactive debugger when {@code global_conf['debug']} is true ({@code pylons.middleware.ErrorHandler}): the
 * value of {@code [DEFAULT]}, of a {@code set debug} line, or of the file that includes this one. A
 * {@code debug} of the app section alone (no global one) reaches Pylons' {@code config['debug']}, which makes the
 * error middleware show tracebacks to visitors (and starts TurboGears' Backlash debugger in apps such as
 * Kallithea).
 *
 * <p>Judged: in an environment whose id says production ({@code prod}, {@code production}, {@code live}, as a word
 * of the id, case ignored), every app; in any other environment but {@code dev}, {@code development}, {@code test}
 * and {@code local} (the implicit {@code default} included), only the apps a mount of the project loads
 * ({@link PylonsApp#loadapp()}; every app of a file a mounted script opens with a section footprint cannot
 * compute): a {@code development.ini} no mount loads is not what the deployment serves.
 */
@RuleMeta(id = "FP309", name = "debug-in-production", severity = Severity.ERROR,
        summary = "debug = true reaches an application in a production environment, where the interactive debugger"
                + " lets visitors run code")
public final class DebugInProduction implements Rule {
    /** Environment ids that are not production. */
    static final Set<String> NOT_PRODUCTION = Set.of("dev", "development", "test", "local");
    /** Words of an environment id that say production. */
    static final Set<String> PRODUCTION = Set.of("prod", "production", "live");

    @Override
    public void check(Deployment d, RuleContext ctx) {
        String env = d.environment();
        if (NOT_PRODUCTION.contains(env.toLowerCase(Locale.ROOT))) {
            return;
        }
        boolean production = false;
        for (String word : env.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            production |= PRODUCTION.contains(word);
        }
        Set<String> reported = new LinkedHashSet<>();
        for (PylonsApp app : d.apps()) {
            // outside production: what a mount loads (the app, or its file with a section footprint cannot compute)
            boolean loaded = app.loadapp() != null || app.fileLink() != null && app.fileLink().section() == null;
            if (app.context() == null || !production && !loaded) {
                continue;
            }
            String section = "[" + app.section().name() + "]";
            Setting global = app.context().globalConf().get("debug");
            Setting merged = app.context().merged().get("debug");
            Setting unknown = global != null && global.unknown() ? global : merged != null && merged.unknown() ? merged
                    : null;
            if (unknown != null && production) {
                if (reported.add(unknown.location().toString())) {
                    ctx.report(unknown.location(), Severity.INFO, section + " gets debug = " + unknown.value()
                            + " in environment '" + env + "', a value the template leaves unknown: if it is true,"
                            + " visitors get the interactive debugger. Give its variable the value false for this"
                            + " environment so this can be checked");
                }
                continue;
            }
            if (global != null && Boolean.TRUE.equals(PasteValues.asbool(global.value()))) {
                if (reported.add(global.location().toString())) {
                    ctx.report(global.location(), section + " gets debug = " + Excerpt.of(global.value())
                            + " in environment '" + env + "': its debugger lets visitors run code; write set debug ="
                            + " false in " + section, "The value comes from " + PasteValues.source(global) + ". Pylons'"
                            + " ErrorHandler reads global_conf['debug'] and installs the interactive debugger (WebError's"
                            + " EvalException), whose error pages let anyone who can trigger an error run Python code in"
                            + " the application's process. A plain debug = false in " + section + " is dropped (FP302);"
                            + " debug = false in [DEFAULT] works too.");
                }
            } else if (merged != null && merged != global && Boolean.TRUE.equals(PasteValues.asbool(merged.value()))
                    && reported.add(merged.location().toString())) {
                ctx.report(merged.location(), section + " debug = " + Excerpt.of(merged.value()) + " in environment '"
                        + env + "' shows tracebacks to visitors; set debug = false", "The application's config['debug']"
                        + " is true (Pylons' config is global_conf updated with local_conf), so Pylons' error"
                        + " middleware shows full tracebacks, with source lines, to visitors, and frameworks that start"
                        + " their debugger from this key (TurboGears' Backlash, as in Kallithea) let visitors run"
                        + " code.");
            }
        }
    }
}
