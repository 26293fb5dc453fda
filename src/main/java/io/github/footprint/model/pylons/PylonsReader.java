package io.github.footprint.model.pylons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.ConfigUri;
import io.github.footprint.base.HostPaths;
import io.github.footprint.base.PythonText;
import io.github.footprint.base.Severity;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.IniSection;
import io.github.footprint.parse.ini.PasteConfig;
import io.github.footprint.parse.ini.PasteContext;
import io.github.footprint.parse.ini.PasteLoader;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.parse.scripts.python.IniLoad;
import io.github.footprint.source.HostPathMapper;

/**
 * PasteDeploy's view of the project's INI files: Pylons apps with their SQLAlchemy engines, the link from a mount
 * through its {@code .wsgi} script's loader call ({@code loadapp}, {@code get_app}, {@code appconfig} with
 * {@code make_app}...; the path as the script computes it with {@code __file__} the alias target, mapped into the
 * project) to the INI it loads (and so the daemon group that serves each app), the links that reach no INI file of
 * the project and why, the {@code [server:...]} sections, the keys {@code [DEFAULT]} shadows, and what PasteDeploy
 * would raise.
 */
public final class PylonsReader {
    private static final String DEFAULT_ENGINE_PREFIX = "sqlalchemy.";

    private final HostPathMapper mapper;
    private final ApacheConfig apache;

    private PylonsReader(HostPathMapper mapper, ApacheConfig apache) {
        this.mapper = mapper;
        this.apache = apache;
    }

    /**
     * Reads the INI files as PasteDeploy loads them.
     *
     * @param apache the httpd configuration, null when the project has none
     * @param mounts the mounts of mod_wsgi's view, whose scripts lead to the INI files
     * @param daemons the daemon groups that have a name, in reading order
     * @param sqlalchemyPrefixes the prefixes {@code engine_from_config} is called with, as the parameter names them;
     *        empty: found in each app's settings ({@link #enginePrefixes})
     */
    public static PylonsModel read(HostPathMapper mapper, ApacheConfig apache, List<IniDocument> inis,
            List<ScriptFacts> scripts, List<Mount> mounts, List<DaemonGroup> daemons, List<String> sqlalchemyPrefixes) {
        return new PylonsReader(mapper, apache).read(inis, scripts, mounts, daemons, sqlalchemyPrefixes);
    }

    /** How a mount reaches an app: the link, the section it loads when that is not the app's, the context. */
    private static final class Link {
        final Loadapp loadapp;
        final String through;
        final PasteContext context;

        Link(Loadapp loadapp, String through, PasteContext context) {
            this.loadapp = loadapp;
            this.through = through;
            this.context = context;
        }
    }

    /**
     * PasteDeploy's view of the INI files: each file loaded as PasteDeploy loads it (through the loader call of a
     * mounted {@code .wsgi} script where there is one), the apps with their engines and daemon group, the
     * servers, the keys {@code [DEFAULT]} shadows, and what PasteDeploy would raise.
     */
    private PylonsModel read(List<IniDocument> inis, List<ScriptFacts> scripts, List<Mount> mounts,
            List<DaemonGroup> daemons, List<String> sqlalchemyPrefixes) {
        Map<String, IniDocument> docs = new LinkedHashMap<>();
        for (IniDocument doc : inis) {
            docs.put(doc.file().treePath(), doc);
        }
        String serverRoot = apache == null ? null : apache.serverRoot();
        PasteLoader.Resolver resolver = new PasteLoader.Resolver() {
            @Override
            public PasteLoader.Target byHostPath(String hostPath) {
                String normal = HostPaths.normalise(hostPath);
                HostPathMapper.Mapping m = mapper.map(normal, serverRoot, true);
                if (!m.inside()) {
                    return PasteLoader.Target.outside(m.rule().description());
                }
                IniDocument doc = docs.get(m.treePath());
                if (doc == null) {
                    return PasteLoader.Target.missing("mapped to " + m.treePath() + " [" + m.rule().description()
                            + "], which is no INI file of the project");
                }
                return readable(doc) ? PasteLoader.Target.found(hostConfig(doc, hostPath, normal))
                        : PasteLoader.Target.failed();
            }

            @Override
            public PasteLoader.Target relativeTo(PasteConfig from, String relativePath) {
                String rel = relativePath;
                String here = from.here();
                if (here != null && rel.startsWith(here + "/")) {
                    // %(here)s/x.ini: footprint's project-relative here, not a path relative to the file
                    rel = rel.substring(here.length() + 1);
                }
                String tree = HostPaths.normalise(HostPathMapper.join(parentOf(from.document().file()
                        .treePath()), rel));
                if (tree.equals("..") || tree.startsWith("../")) {
                    return PasteLoader.Target.outside("above the source directory");
                }
                IniDocument doc = docs.get(tree);
                if (doc == null) {
                    // where the file lies on the host is unknown, so the target may well be there
                    return PasteLoader.Target.outside("no INI file " + tree + " in the project");
                }
                return readable(doc) ? PasteLoader.Target.found(projectConfig(doc))
                        : PasteLoader.Target.failed();
            }
        };
        PasteLoader loader = new PasteLoader(resolver);
        // 1. what mod_wsgi loads: every INI loader call of a mounted script, run with __file__ the alias target
        Map<String, Link> links = new LinkedHashMap<>();
        Map<String, PasteConfig> hostConfigs = new LinkedHashMap<>();
        Map<String, Loadapp> modWsgiFiles = new LinkedHashMap<>();
        List<Loadapp> unresolved = new ArrayList<>();
        Map<String, ScriptFacts> byFile = new LinkedHashMap<>();
        for (ScriptFacts s : scripts) {
            byFile.put(s.file().treePath(), s);
        }
        for (Mount m : mounts) {
            // a path with unknowns is named through the table of the file that writes it
            HostPathMapper.Mapping wsgi = mapper.map(m.script(), serverRoot, true, m.location());
            if (!wsgi.inside()) {
                continue;
            }
            ScriptFacts facts = byFile.get(wsgi.treePath());
            if (facts == null || facts.python().isEmpty()) {
                continue;
            }
            String file = scriptFile(m);
            String display = facts.file().displayPath();
            if (facts.python().get().refused()) {
                unresolved.add(new Loadapp(m, file, wsgi.rule(), display, null, null, null,
                        Loadapp.Missing.SCRIPT_REFUSED));
                continue;
            }
            boolean any = false;
            for (IniLoad load : facts.iniLoads(file)) {
                if (load.kind() == IniLoad.Kind.LOGGING) {
                    continue;
                }
                any = true;
                Loadapp link = new Loadapp(m, file, wsgi.rule(), display, load, null, null, null);
                if (!load.path().known()) {
                    unresolved.add(link.resolvedTo(null, null, Loadapp.Missing.PATH_UNKNOWN));
                    continue;
                }
                String normal = load.path().value();
                HostPathMapper.Mapping ini = mapper.map(normal, serverRoot, true, m.location());
                if (!ini.inside()) {
                    unresolved.add(link.resolvedTo(ini.rule(), null, Loadapp.Missing.OUTSIDE));
                    continue;
                }
                IniDocument doc = docs.get(ini.treePath());
                if (doc == null) {
                    unresolved.add(link.resolvedTo(ini.rule(), ini.treePath(), Loadapp.Missing.NO_INI_FILE));
                    continue;
                }
                String section = link.section();
                link = link.resolvedTo(ini.rule(), doc.file().displayPath(), section == null
                        ? Loadapp.Missing.SECTION_UNKNOWN : null);
                // whatever section it takes, the loader reads this file, and no server section of it
                modWsgiFiles.putIfAbsent(doc.file().treePath(), link);
                if (section == null) {
                    unresolved.add(link);
                    continue;
                }
                if (!readable(doc)) {
                    continue;
                }
                PasteConfig config = hostConfig(doc, link.path(), normal);
                hostConfigs.putIfAbsent(doc.file().treePath(), config);
                PasteContext entry = loader.load(PasteLoader.ObjectType.APP, config, section, load.location());
                if (entry == null) {
                    continue;
                }
                String entryName = entry.sections().isEmpty() ? null : entry.sections().get(0).section().name();
                for (PasteContext app : servedApps(entry, loader, 0)) {
                    PasteContext.SectionRef root = app.sections().get(0);
                    String through = root.section().name().equals(entryName) ? null : entryName;
                    links.putIfAbsent(key(root), new Link(link, through, app));
                }
            }
            if (!any) {
                unresolved.add(new Loadapp(m, file, wsgi.rule(), display, null, null, null,
                        Loadapp.Missing.NO_LOADER));
            }
        }
        // 2. the apps: every app section no other app section builds on with use
        Set<String> used = usedAppSections(docs, resolver);
        List<PylonsApp> apps = new ArrayList<>();
        List<PasteServer> servers = new ArrayList<>();
        PasteLoader ignored = new PasteLoader(resolver);
        for (IniDocument doc : inis) {
            if (!readable(doc)) {
                continue;
            }
            PasteConfig config = hostConfigs.getOrDefault(doc.file().treePath(), projectConfig(doc));
            for (IniSection s : doc.sections()) {
                if (PasteLoader.ObjectType.ofSection(s) == PasteLoader.ObjectType.SERVER) {
                    Loadapp modWsgi = modWsgiFiles.get(doc.file().treePath());
                    // under mod_wsgi nothing reads [server:...]: what PasteDeploy would say about it does not matter
                    PasteContext c = (modWsgi == null ? loader : ignored).loadSection(PasteLoader.ObjectType.SERVER,
                            config, s);
                    servers.add(new PasteServer(doc, s, c, modWsgi));
                    continue;
                }
                if (!s.prefix().equals("app") && !s.prefix().equals("application")
                        || used.contains(doc.file().treePath() + "#" + s.name())) {
                    continue;
                }
                Link link = links.get(doc.file().treePath() + "#" + s.name());
                PasteContext context = link != null ? link.context
                        : loader.loadSection(PasteLoader.ObjectType.APP, config, s);
                DaemonGroup servedBy = null;
                String group = link == null ? null : link.loadapp.mount().processGroup();
                if (group != null) {
                    servedBy = daemons.stream().filter(x -> x.name().equals(group)).findFirst().orElse(null);
                }
                List<String> prefixes = context == null ? List.of() : enginePrefixes(context, sqlalchemyPrefixes);
                List<SqlEngine> engines = context == null ? List.of() : engines(context, prefixes);
                String here = link != null ? link.context.sections().get(0).config().here() : config.here();
                boolean hereOnHost = link != null || config.hostPath() != null;
                apps.add(new PylonsApp(doc, s, context, engines, prefixes, !sqlalchemyPrefixes.isEmpty(), servedBy,
                        link == null ? null : link.loadapp, modWsgiFiles.get(doc.file().treePath()),
                        link == null ? unresolved : List.of(), link == null ? null : link.through, here, hereOnHost,
                        link != null && group == null));
            }
        }
        return new PylonsModel(apps, servers, unresolved, loader.shadowed(), loader.problems());
    }

    /**
     * The script's {@code __file__} as mod_wsgi gives it: the alias target as written (a symbolic link is not
     * resolved), without the trailing slashes httpd's path walk leaves as path info; null when a
     * {@code WSGIScriptAliasMatch} substitutes part of it per request.
     */
    static String scriptFile(Mount m) {
        String s = m.script();
        if (m.isMatch() && s.contains("$")) {
            return null;
        }
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Whether configparser reads the file at all: no syntax error, and the bytes decode as UTF-8. */
    private static boolean readable(IniDocument doc) {
        return doc.problems().isEmpty()
                && doc.file().problems().stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }

    /**
     * The application contexts a loaded context serves: {@link PasteContext#apps()}, and for Paste's URL map
     * ({@code [composite:...]} with {@code use = egg:Paste#urlmap}) the apps it maps, which its factory loads by
     * name with the composite's globals ({@code paste.urlmap.urlmap_factory}: every key but
     * {@code not_found_app} is a path, its value an app name; {@code not_found_app} names one too).
     */
    private static List<PasteContext> servedApps(PasteContext context, PasteLoader loader, int depth) {
        List<PasteContext> out = new ArrayList<>();
        for (PasteContext app : context.apps()) {
            if (!isUrlmap(app) || app.sections().isEmpty()) {
                out.add(app);
                continue;
            }
            if (depth > 8) {
                continue;
            }
            PasteConfig config = app.sections().get(0).config();
            for (Setting path : app.localConf().values()) {
                if (path.value() == null) {
                    continue;
                }
                PasteContext mapped = loader.load(PasteLoader.ObjectType.APP, config, PythonText.strip(path.value()),
                        app.globalConf(), path.location());
                if (mapped != null) {
                    out.addAll(servedApps(mapped, loader, depth + 1));
                }
            }
        }
        return out;
    }

    private static boolean isUrlmap(PasteContext c) {
        return Eggs.is(c.loader(), "paste", "urlmap");
    }

    private static String key(PasteContext.SectionRef ref) {
        return ref.config().document().file().treePath() + "#" + ref.section().name();
    }

    /** PasteDeploy's defaults for a file {@code loadapp} or {@code config:} names on the host. */
    private static PasteConfig hostConfig(IniDocument doc, String asGiven, String normal) {
        return new PasteConfig(doc, PythonText.strip(asGiven), parentOf(normal).isEmpty() ? "/" : parentOf(normal), normal,
                normal);
    }

    /** A file whose host path is unknown: here is its folder as the project names it. */
    private static PasteConfig projectConfig(IniDocument doc) {
        String display = doc.file().displayPath();
        String folder = parentOf(display);
        return new PasteConfig(doc, display, folder.isEmpty() ? "." : folder, display, null);
    }

    /**
     * App sections another app section builds on with {@code use = NAME} or {@code use = config:FILE#NAME}: they
     * are part of that app, not apps of their own. Read from the raw {@code use} values (interpolated where they
     * can be), so that a section whose own load fails still counts.
     */
    private static Set<String> usedAppSections(Map<String, IniDocument> docs, PasteLoader.Resolver resolver) {
        Set<String> used = new HashSet<>();
        // each document's app sections by short name, made once: a file of 100,000 sections that each use one by name
        // is then read in linear time
        Map<IniDocument, Map<String, List<IniSection>>> apps = new java.util.IdentityHashMap<>();
        for (IniDocument doc : docs.values()) {
            if (!readable(doc)) {
                continue;
            }
            PasteConfig config = projectConfig(doc);
            for (IniSection s : doc.sections()) {
                if (!s.prefix().equals("app") && !s.prefix().equals("application")) {
                    continue;
                }
                Setting use = s.get("use").isPresent() ? config.get(s, "use") : null;
                if (use == null || !use.ok()) {
                    continue;
                }
                String target = use.value();
                IniDocument in = doc;
                String name = target;
                ConfigUri uri = ConfigUri.parse(target);
                if (uri != null) {
                    String path = uri.path();
                    name = uri.section();
                    PasteLoader.Target t = path.startsWith("/") ? resolver.byHostPath(path)
                            : resolver.relativeTo(config, path);
                    if (t.config() == null) {
                        continue;
                    }
                    in = t.config().document();
                } else if (SCHEME.matcher(target).matches()) {
                    continue;
                }
                Map<String, List<IniSection>> byName = apps.computeIfAbsent(in, PylonsReader::appSections);
                for (IniSection x : byName.getOrDefault(name, List.of())) {
                    used.add(in.file().treePath() + "#" + x.name());
                }
            }
        }
        return used;
    }

    /** A {@code use} naming an object by scheme ({@code egg:App}, {@code call:mod:fn}). */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[a-zA-Z]+:.*");

    /** The app sections of a document ({@code [app:x]}, {@code [application:x]}) by short name, in file order. */
    private static Map<String, List<IniSection>> appSections(IniDocument in) {
        Map<String, List<IniSection>> m = new java.util.HashMap<>();
        for (IniSection x : in.sections()) {
            if ((x.prefix().equals("app") || x.prefix().equals("application")) && x.name().indexOf(':') >= 0) {
                m.computeIfAbsent(x.shortName(), k -> new ArrayList<>()).add(x);
            }
        }
        return m;
    }

    private static String parentOf(String hostPath) {
        int i = hostPath.lastIndexOf('/');
        return i > 0 ? hostPath.substring(0, i) : "";
    }

    /**
     * The prefixes an app's engines are read at: {@code explicit} when the {@code sqlalchemyPrefixes} parameter
     * names them; otherwise every {@code PREFIX} of a {@code PREFIXurl} key under {@code sqlalchemy.} in the app's
     * settings ({@code sqlalchemy.}, {@code sqlalchemy.default.}, {@code sqlalchemy.NAME.}), in the order of the
     * settings; with no such key, {@code sqlalchemy.} (Pylons' stock {@code engine_from_config(config,
     * 'sqlalchemy.')}) when a key sits right under it, else none.
     */
    public static List<String> enginePrefixes(PasteContext app, List<String> explicit) {
        if (!explicit.isEmpty()) {
            return List.copyOf(explicit);
        }
        Set<String> found = new LinkedHashSet<>();
        boolean direct = false;
        for (Setting e : app.merged().values()) {
            String k = e.key();
            if (!k.startsWith(DEFAULT_ENGINE_PREFIX)) {
                continue;
            }
            if (k.endsWith(".url")) {
                found.add(k.substring(0, k.length() - "url".length()));
            }
            direct |= k.indexOf('.', DEFAULT_ENGINE_PREFIX.length()) < 0;
        }
        if (found.isEmpty() && direct) {
            found.add(DEFAULT_ENGINE_PREFIX);
        }
        return List.copyOf(found);
    }

    /**
     * Engines by prefix. A key belongs to the longest of the app's prefixes ({@link #enginePrefixes}) that leaves no
     * dot in the option name; the other {@code sqlalchemy.} keys are grouped as Pylons' multi-engine form names
     * them ({@code sqlalchemy.NAME.option}), engines no call reads. Values are what the app's {@code config} holds: {@code global_conf}
     * updated with {@code local_conf}.
     */
    public static List<SqlEngine> engines(PasteContext app, List<String> prefixes) {
        Map<String, Map<String, Setting>> byPrefix = new LinkedHashMap<>();
        for (Setting e : app.merged().values()) {
            String k = e.key();
            String prefix = null;
            for (String p : prefixes) {
                if (k.startsWith(p) && k.indexOf('.', p.length()) < 0 && (prefix == null || p.length() > prefix.length())) {
                    prefix = p;
                }
            }
            if (prefix == null) {
                if (!k.startsWith(DEFAULT_ENGINE_PREFIX)) {
                    continue;
                }
                int dot = k.lastIndexOf('.');
                prefix = k.substring(0, dot + 1);
            }
            String option = k.substring(prefix.length());
            byPrefix.computeIfAbsent(prefix, p -> new LinkedHashMap<>()).put(option, e);
        }
        List<SqlEngine> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Setting>> p : byPrefix.entrySet()) {
            Map<String, Setting> o = p.getValue();
            if (!o.containsKey("url") && !o.containsKey("pool_size") && !o.containsKey("max_overflow")) {
                continue;
            }
            out.add(new SqlEngine(p.getKey(), o, prefixes.contains(p.getKey())));
        }
        return out;
    }
}
