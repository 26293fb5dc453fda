package io.github.footprint.rules.pylons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP303: SQLAlchemy keys that no engine reads as written. {@code engine_from_config(config, prefix)} strips the
 * prefix from every key that begins with it and passes the rest to {@code create_engine()} as keyword arguments;
 * an argument {@code create_engine} does not know ({@code default.pool_size} under the stock {@code sqlalchemy.}
 * prefix, a typo such as {@code pool_sizee}) stops the application at start-up with {@code TypeError}, and a
 * {@code sqlalchemy.} key under no prefix the code reads configures nothing. The prefixes are the app's
 * ({@link PylonsApp#enginePrefixes()}): the {@code sqlalchemyPrefixes} parameter when given, else one per
 * {@code PREFIXurl} key of its settings ({@code sqlalchemy.url}, Pylons 0.9.6's {@code sqlalchemy.default.url}).
 */
@RuleMeta(id = "FP303", name = "engine-key-not-read", severity = Severity.ERROR,
        summary = "A SQLAlchemy key that engine_from_config passes to create_engine as an invalid argument, or that no"
                + " engine reads")
public final class EngineKeyNotRead implements Rule {
    private static final String FAMILY = "sqlalchemy.";

    @Override
    public void check(Deployment d, RuleContext ctx) {
        Set<String> reported = new LinkedHashSet<>();
        for (PylonsApp app : d.apps()) {
            if (app.context() == null) {
                continue;
            }
            List<String> prefixes = app.enginePrefixes();
            String section = "[" + app.section().name() + "] ";
            Map<String, Setting> merged = app.context().merged();
            Map<String, List<Setting>> byPrefix = new LinkedHashMap<>();
            Map<String, List<Found>> findings = new LinkedHashMap<>();
            for (Setting s : merged.values()) {
                String k = s.key();
                boolean read = false;
                for (String p : prefixes) {
                    if (!k.startsWith(p)) {
                        continue;
                    }
                    read = true;
                    byPrefix.computeIfAbsent(p, x -> new ArrayList<>()).add(s);
                    String problem = problem(p, k.substring(p.length()), prefixes);
                    if (problem != null) {
                        findings.computeIfAbsent(p, x -> new ArrayList<>()).add(new Found(s.location(),
                                section + PasteValues.shown(s) + ": " + problem));
                    }
                }
                if (!read && k.startsWith(FAMILY)) {
                    String name = k.substring(0, k.lastIndexOf('.') + 1);
                    String engines = app.prefixesGiven() ? "the application creates engines for the prefixes the"
                            + " sqlalchemyPrefixes parameter names (" + String.join(", ", prefixes) + "), none of them"
                            + " begins this key" : prefixes.isEmpty() ? "no key of [" + app.section().name()
                            + "] names an engine's url (PREFIXurl)" : "the engines are those whose url the settings"
                            + " name (" + String.join(", ", prefixes) + "), none of them begins this key";
                    report(ctx, reported, s.location(), section + k + " is read by no engine_from_config call: "
                            + engines + ", so it configures nothing. If config/environment.py calls"
                            + " engine_from_config(config, '" + name + "'), " + (app.prefixesGiven() ? "add " + name
                            + " to sqlalchemyPrefixes" : "add " + name + "url") + "; otherwise remove the key");
                }
            }
            for (Map.Entry<String, List<Setting>> e : byPrefix.entrySet()) {
                String p = e.getKey();
                boolean noUrl = !merged.containsKey(p + "url");
                List<Found> fs = findings.getOrDefault(p, List.of());
                for (Found f : fs) {
                    report(ctx, reported, f.at, f.message + (noUrl ? ". (With no " + p + "url at all,"
                            + " engine_from_config stops even earlier, with KeyError: 'url')" : ""));
                }
                if (noUrl && fs.isEmpty()) {
                    Setting first = e.getValue().get(0);
                    report(ctx, reported, first.location(), section + p + " keys without " + p + "url ("
                            + first.key() + " is the first): engine_from_config(config, '" + p + "') takes the url out"
                            + " of them and stops the application at start-up with KeyError: 'url'. Add " + p
                            + "url = dialect://user@host/database");
                }
            }
        }
    }

    /** What is wrong with one option under one prefix, as a sentence with the fix; null when nothing is. */
    private static String problem(String p, String option, List<String> prefixes) {
        String call = "engine_from_config(config, '" + p + "')";
        if (option.indexOf('.') >= 0) {
            String invalid = "TypeError: Invalid argument(s) '" + option + "' sent to create_engine()";
            for (String q : prefixes) {
                if (q.length() > p.length() && q.startsWith(p) && (p + option).startsWith(q)) {
                    return call + " reads it too and passes " + option + " to create_engine(), which stops the"
                            + " application at start-up with " + invalid + ". It is meant for the engine of prefix '" + q
                            + "', but a call reads every key that begins with its prefix: give the engines prefixes"
                            + " that do not begin one another (sqlalchemy.default. and sqlalchemy.log., not"
                            + " sqlalchemy. and sqlalchemy.log.)";
                }
            }
            int dot = option.lastIndexOf('.');
            String named = p + option.substring(0, dot + 1);
            return call + " strips '" + p + "' and passes " + option + " to create_engine(), which stops the"
                    + " application at start-up with " + invalid + ". This is Pylons' multi-engine form"
                    + " (sqlalchemy.NAME.option): if config/environment.py calls engine_from_config(config, '" + named
                    + "'), set the sqlalchemyPrefixes parameter to " + named + "; if it calls " + call + ", write "
                    + p + option.substring(dot + 1);
        }
        if (option.equals("poolclass")) {
            return "a pool class cannot be named in an INI file: " + call + " passes the text to create_engine(),"
                    + " which fails at start-up with AttributeError: 'str' object has no attribute '__dict__'. Remove"
                    + " the line and pass the class in code: " + call.replace(")", ", poolclass=NullPool)");
        }
        if (SqlAlchemyArguments.unknown(option)) {
            String near = SqlAlchemyArguments.nearMiss(option);
            return "create_engine() has no argument " + option + ", so " + call + " stops the application at start-up"
                    + " with TypeError: Invalid argument(s) '" + option + "' sent to create_engine(). "
                    + (near != null ? "Did you mean " + p + near + "?" : "Check the name against SQLAlchemy's"
                            + " create_engine() and pool documentation");
        }
        return null;
    }

    /** A finding waiting for the url check of its prefix. */
    private static final class Found {
        final Location at;
        final String message;

        Found(Location at, String message) {
            this.at = at;
            this.message = message;
        }
    }

    private static void report(RuleContext ctx, Set<String> reported, Location at, String message) {
        // a [DEFAULT] key shared by several apps: once
        if (reported.add(at.toString())) {
            ctx.report(at, message);
        }
    }
}
