package io.github.footprint.rules.pylons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Excerpt;
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
            // keys of one cause (one name no prefix reads, one engine name under a prefix) become one finding
            Map<String, Group> groups = new LinkedHashMap<>();
            for (Setting s : merged.values()) {
                String k = s.key();
                boolean read = false;
                for (String p : prefixes) {
                    if (!k.startsWith(p)) {
                        continue;
                    }
                    read = true;
                    byPrefix.computeIfAbsent(p, x -> new ArrayList<>()).add(s);
                    String option = k.substring(p.length());
                    if (option.indexOf('.') >= 0) {
                        String named = p + option.substring(0, option.lastIndexOf('.') + 1);
                        groups.computeIfAbsent("engine\0" + p + "\0" + named, x -> new Group(p, named)).keys.add(s);
                        continue;
                    }
                    Found f = problem(section, s, p, option);
                    if (f != null) {
                        findings.computeIfAbsent(p, x -> new ArrayList<>()).add(f);
                    }
                }
                if (!read && k.startsWith(FAMILY)) {
                    String name = k.substring(0, k.lastIndexOf('.') + 1);
                    groups.computeIfAbsent("unread\0" + name, x -> new Group(null, name)).keys.add(s);
                }
            }
            for (Group g : groups.values()) {
                if (g.prefix == null) {
                    unread(ctx, reported, app, section, g, prefixes);
                } else {
                    findings.computeIfAbsent(g.prefix, x -> new ArrayList<>()).addAll(engine(section, g, prefixes));
                }
            }
            for (Map.Entry<String, List<Setting>> e : byPrefix.entrySet()) {
                String p = e.getKey();
                boolean noUrl = !merged.containsKey(p + "url");
                List<Found> fs = findings.getOrDefault(p, List.of());
                for (Found f : fs) {
                    report(ctx, reported, f.at, f.message, f.detail + (noUrl ? " With no " + p + "url at all,"
                            + " engine_from_config stops even earlier, with KeyError: 'url'." : ""));
                }
                if (noUrl && fs.isEmpty()) {
                    Setting first = e.getValue().get(0);
                    report(ctx, reported, first.location(), section + p + " keys without " + p + "url: the"
                            + " application stops at start-up with KeyError: 'url'; add " + p
                            + "url = dialect://user@host/database", "engine_from_config(config, '" + p + "') takes"
                            + " the url out of the keys that begin with " + p + " (" + first.key() + " is the first"
                            + " here) and raises KeyError: 'url' when there is none.");
                }
            }
        }
    }

    /** Keys of one cause: those under one engine name ({@code sqlalchemy.default.}), or of one name no prefix reads. */
    private static final class Group {
        final String prefix;
        final String name;
        final List<Setting> keys = new ArrayList<>();

        Group(String prefix, String name) {
            this.prefix = prefix;
            this.name = name;
        }

        /** {@code sqlalchemy.default.url, sqlalchemy.default.pool_size = 5}: each key as the app receives it. */
        String shown() {
            List<String> out = new ArrayList<>();
            for (Setting s : keys) {
                out.add(PasteValues.shown(s) + " (" + s.location() + ")");
            }
            return String.join(", ", out);
        }

        /** {@code 3 keys} or the one key's name. */
        String count() {
            return keys.size() == 1 ? keys.get(0).key() : keys.size() + " " + name + "* keys";
        }
    }

    /** Keys under a name no prefix of sqlalchemyPrefixes begins: they configure nothing. */
    private static void unread(RuleContext ctx, Set<String> reported, PylonsApp app, String section, Group g,
            List<String> prefixes) {
        String fix = app.prefixesGiven() ? "add " + g.name + " to sqlalchemyPrefixes" : "add " + g.name + "url";
        String message = section + g.count() + (g.keys.size() == 1 ? " is" : " are") + " read by no engine; if"
                + " config/environment.py reads " + g.name + ", " + fix + ", otherwise remove "
                + (g.keys.size() == 1 ? "the key" : "them");
        String engines = app.prefixesGiven() ? "The application creates engines for the prefixes the"
                + " sqlalchemyPrefixes parameter names (" + String.join(", ", prefixes) + "); none of them begins "
                + g.name : prefixes.isEmpty() ? "No key of [" + app.section().name() + "] names an engine's url"
                + " (PREFIXurl)" : "The engines are those whose url the settings name (" + String.join(", ", prefixes)
                + "); none of them begins " + g.name;
        String detail = engines + ", so these keys configure nothing: " + g.shown() + ". If config/environment.py"
                + " calls engine_from_config(config, '" + g.name + "'), " + fix + ".";
        for (Setting s : g.keys) {
            report(ctx, reported, s.location(), message, detail);
        }
    }

    /**
     * Keys {@code PREFIX NAME.option} under a prefix the code reads: engine_from_config passes {@code NAME.option}
     * to create_engine(), which stops the application with TypeError. One finding for the engine name.
     */
    private static List<Found> engine(String section, Group g, List<String> prefixes) {
        String p = g.prefix;
        String call = "engine_from_config(config, '" + p + "')";
        List<String> options = new ArrayList<>();
        for (Setting s : g.keys) {
            options.add("'" + s.key().substring(p.length()) + "'");
        }
        String invalid = "TypeError: Invalid argument(s) " + String.join(",", options) + " sent to create_engine()";
        String message;
        String detail;
        String meant = null;
        for (String q : prefixes) {
            if (q.length() > p.length() && q.startsWith(p) && g.name.startsWith(q)) {
                meant = q;
            }
        }
        if (meant != null) {
            message = section + g.count() + (g.keys.size() == 1 ? " is" : " are") + " read by prefix " + p + " too"
                    + " (TypeError at start-up); give the engines prefixes that do not begin one another";
            detail = call + " reads every key that begins with its prefix, so it passes " + String.join(", ", options)
                    + " to create_engine(), which stops the application at start-up with " + invalid + ". The keys"
                    + " are meant for the engine of prefix '" + meant + "': " + g.shown() + ". Use prefixes such as"
                    + " sqlalchemy.default. and sqlalchemy.log., not sqlalchemy. and sqlalchemy.log.";
        } else {
            message = section + g.count() + (g.keys.size() == 1 ? " reaches" : " reach") + " create_engine() under"
                    + " prefix " + p + " (TypeError); add " + g.name + " to sqlalchemyPrefixes";
            detail = call + " strips '" + p + "' and passes " + String.join(", ", options) + " to create_engine(),"
                    + " which stops the application at start-up with " + invalid + ": " + g.shown() + ". This is"
                    + " Pylons' multi-engine form (sqlalchemy.NAME.option): if config/environment.py calls"
                    + " engine_from_config(config, '" + g.name + "'), set the sqlalchemyPrefixes parameter to " + g.name
                    + "; if it calls " + call + ", write the keys without '" + g.name.substring(p.length()) + "'.";
        }
        List<Found> out = new ArrayList<>();
        for (Setting s : g.keys) {
            out.add(new Found(s.location(), message, detail));
        }
        return out;
    }

    /** What is wrong with one option (no dot in it) under one prefix, with the fix; null when nothing is. */
    private static Found problem(String section, Setting s, String p, String option) {
        String call = "engine_from_config(config, '" + p + "')";
        String shown = section + Excerpt.of(PasteValues.shown(s));
        if (option.equals("poolclass")) {
            return new Found(s.location(), shown + ": no pool class in an INI file (AttributeError at start-up);"
                    + " remove it, pass poolclass= in code", call + " passes the text to create_engine(),"
                    + " which fails at start-up with AttributeError: 'str' object has no attribute '__dict__'. Pass the"
                    + " class in code: " + call.replace(")", ", poolclass=NullPool)") + ".");
        }
        if (SqlAlchemyArguments.unknown(option)) {
            String near = SqlAlchemyArguments.nearMiss(option);
            return new Found(s.location(), shown + ": create_engine() has no argument " + option + " (TypeError at"
                    + " start-up); " + (near != null ? "did you mean " + p + near + "?" : "check the name"), call + " stops the application at start-up with"
                    + " TypeError: Invalid argument(s) '" + option + "' sent to create_engine()."
                    + (near != null ? "" : " Check the name against SQLAlchemy's create_engine() and pool"
                            + " documentation."));
        }
        return null;
    }

    /** A finding waiting for the url check of its prefix. */
    private static final class Found {
        final Location at;
        final String message;
        final String detail;

        Found(Location at, String message, String detail) {
            this.at = at;
            this.message = message;
            this.detail = detail;
        }
    }

    private static void report(RuleContext ctx, Set<String> reported, Location at, String message, String detail) {
        // a [DEFAULT] key shared by several apps: once
        if (reported.add(at.toString())) {
            ctx.report(at, message, detail);
        }
    }
}
