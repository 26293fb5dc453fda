package io.github.footprint.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.findings.Location;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.IniEntry;
import io.github.footprint.parse.ini.IniSection;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceSet;

/**
 * Builds the {@link Deployment} from what the readers produced: daemon groups, mounts and the process group
 * each mount runs in, Pylons apps with their SQLAlchemy engines, and the link from a mount through its
 * {@code .wsgi} file's {@code loadapp('config:...')} to the INI it loads.
 */
public final class ModelBuilder {
    private static final String DEFAULT_ENGINE_PREFIX = "sqlalchemy.";

    private final SourceSet sources;
    private final HostPathMapper mapper;
    private final ApacheConfig apache;

    private final WsgiOptions.Version modWsgiVersion;

    private ModelBuilder(SourceSet sources, HostPathMapper mapper, ApacheConfig apache, String modWsgiVersion) {
        this.modWsgiVersion = WsgiOptions.Version.parse(modWsgiVersion);
        this.sources = sources;
        this.mapper = mapper;
        this.apache = apache;
    }

    /** Builds the model of one environment. {@code apache} may be null (no Apache file in the project). */
    public static Deployment build(String environment, SourceSet sources, HostPathMapper mapper, ApacheConfig apache,
            List<IniDocument> inis, List<ScriptFacts> scripts, ModelParameters parameters) {
        ModelBuilder b = new ModelBuilder(sources, mapper, apache, parameters.modWsgiVersion());
        List<DaemonGroup> daemons = b.daemons();
        List<DaemonGroup> named = new ArrayList<>();
        for (DaemonGroup g : daemons) {
            if (!g.name().isEmpty()) {
                named.add(g);
            }
        }
        List<Mount> mounts = b.mounts(named);
        List<PylonsApp> apps = b.apps(inis, scripts, mounts, named);
        Mpm mpm = MpmModel.build(apache, parameters.assumedMpm(), parameters.apacheVersion());
        return new Deployment(environment, sources, apache, inis, scripts, daemons, mounts, apps, mpm, parameters)
                .withStacks(Stacks.build(HttpdStartup.of(scripts), mpm, daemons, mounts, scripts, mapper, apache));
    }

    /** Every {@code WSGIDaemonProcess}, nameless ones included (the Deployment keeps them apart). */
    private List<DaemonGroup> daemons() {
        List<DaemonGroup> out = new ArrayList<>();
        if (apache == null) {
            return out;
        }
        for (Directive d : apache.find("WSGIDaemonProcess")) {
            out.add(new DaemonGroup(DaemonLine.parse(d.rawArgs(), modWsgiVersion), d.location(), serverName(d)));
        }
        return out;
    }

    private static String serverName(Directive d) {
        Directive vhost = d.enclosing("VirtualHost");
        if (vhost == null) {
            return null;
        }
        for (Directive c : vhost.children()) {
            if (c.is("ServerName")) {
                return c.arg();
            }
        }
        return vhost.rawArgs();
    }

    /** Mounts as mod_wsgi routes them ({@link MountReader}), in reading order. */
    private List<Mount> mounts(List<DaemonGroup> daemons) {
        return MountReader.read(apache, daemons).mounts();
    }

    private List<PylonsApp> apps(List<IniDocument> inis, List<ScriptFacts> scripts, List<Mount> mounts,
            List<DaemonGroup> daemons) {
        Map<String, String> linkedGroup = new LinkedHashMap<>();
        Map<String, String> linkText = new LinkedHashMap<>();
        Map<String, ScriptFacts> byFile = new LinkedHashMap<>();
        for (ScriptFacts s : scripts) {
            byFile.put(s.file().treePath(), s);
        }
        for (Mount m : mounts) {
            HostPathMapper.Mapping wsgi = mapper.map(m.script(), apache.serverRoot(), true);
            if (!wsgi.inside()) {
                continue;
            }
            ScriptFacts facts = byFile.get(wsgi.treePath());
            if (facts == null) {
                continue;
            }
            for (Fact load : facts.settings(ScriptFacts.LOADAPP)) {
                String spec = load.value();
                if (!spec.startsWith("config:")) {
                    continue;
                }
                String path = spec.substring("config:".length());
                String section = "main";
                int hash = path.indexOf('#');
                if (hash >= 0) {
                    section = path.substring(hash + 1);
                    path = path.substring(0, hash);
                }
                String hostPath = path.startsWith("/") ? path : parentOf(m.script()) + "/" + path;
                HostPathMapper.Mapping ini = mapper.map(hostPath, apache.serverRoot(), true);
                if (!ini.inside()) {
                    continue;
                }
                String key = ini.treePath() + "#" + section;
                if (!linkedGroup.containsKey(key)) {
                    linkedGroup.put(key, m.processGroup());
                    linkText.put(key, "WSGIScriptAlias " + m.url() + " (" + m.location() + ") runs " + m.script()
                            + " [" + wsgi.rule().description() + "], whose loadapp (" + load.location() + ") loads "
                            + path + " [" + ini.rule().description() + "]");
                }
            }
        }
        List<PylonsApp> out = new ArrayList<>();
        for (IniDocument doc : inis) {
            for (IniSection s : doc.sections()) {
                if (!s.prefix().equals("app") && !s.prefix().equals("application")) {
                    continue;
                }
                List<Engine> engines = engines(doc, s);
                String key = doc.file().treePath() + "#" + s.shortName();
                DaemonGroup servedBy = null;
                String link;
                if (linkText.containsKey(key)) {
                    String group = linkedGroup.get(key);
                    if (group == null) {
                        link = linkText.get(key) + "; it runs embedded in the Apache children, in no daemon group";
                    } else {
                        Optional<DaemonGroup> g = daemons.stream().filter(x -> x.name().equals(group)).findFirst();
                        servedBy = g.orElse(null);
                        link = linkText.get(key) + (g.isPresent() ? " in daemon group '" + group + "' ("
                                + g.get().location() + ")" : "; its process group '" + group + "' is not defined");
                    }
                } else {
                    link = "no WSGIScriptAlias in the project leads to a .wsgi script whose loadapp('config:...') names "
                            + doc.file().displayPath() + (s.shortName().equals("main") ? "" : "#" + s.shortName());
                }
                out.add(new PylonsApp(doc, s, engines, servedBy, link));
            }
        }
        return out;
    }

    private static String parentOf(String hostPath) {
        int i = hostPath.lastIndexOf('/');
        return i > 0 ? hostPath.substring(0, i) : "";
    }

    /** Engines by prefix: {@code sqlalchemy.url} is one, {@code sqlalchemy.NAME.url} another. */
    private static List<Engine> engines(IniDocument doc, IniSection app) {
        Map<String, Map<String, IniEntry>> byPrefix = new LinkedHashMap<>();
        List<IniEntry> all = new ArrayList<>(app.entries());
        // Pylons' config is global_conf + local_conf: [DEFAULT] values reach engine_from_config too
        for (IniEntry e : doc.defaults().entries()) {
            all.add(e);
        }
        for (IniEntry e : all) {
            String k = e.key();
            if (!k.startsWith(DEFAULT_ENGINE_PREFIX)) {
                continue;
            }
            String rest = k.substring(DEFAULT_ENGINE_PREFIX.length());
            int dot = rest.lastIndexOf('.');
            String prefix = dot < 0 ? DEFAULT_ENGINE_PREFIX : DEFAULT_ENGINE_PREFIX + rest.substring(0, dot + 1);
            String option = dot < 0 ? rest : rest.substring(dot + 1);
            Map<String, IniEntry> opts = byPrefix.computeIfAbsent(prefix, p -> new LinkedHashMap<>());
            if (doc.defaults().entries().contains(e)) {
                opts.put(option, e);
            } else {
                opts.putIfAbsent(option, e);
            }
        }
        List<Engine> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, IniEntry>> p : byPrefix.entrySet()) {
            Map<String, IniEntry> o = p.getValue();
            if (!o.containsKey("url") && !o.containsKey("pool_size") && !o.containsKey("max_overflow")) {
                continue;
            }
            IniEntry url = o.get("url");
            Location at = url != null ? url.location() : o.values().iterator().next().location();
            IniEntry ps = o.get("pool_size");
            IniEntry mo = o.get("max_overflow");
            Integer poolSize = ps == null ? Integer.valueOf(Engine.DEFAULT_POOL_SIZE) : pythonInt(ps.value());
            Integer maxOverflow = mo == null ? Integer.valueOf(Engine.DEFAULT_MAX_OVERFLOW) : pythonInt(mo.value());
            out.add(new Engine(p.getKey(), poolSize, maxOverflow, at,
                    ps == null ? null : ps.location(), mo == null ? null : mo.location()));
        }
        return out;
    }

    /** Python's {@code int(text)}: optional blanks, sign, digits, underscores between digits; else null. */
    static Integer pythonInt(String text) {
        String t = text.strip().replace("_", "");
        if (!t.matches("[+-]?\\d{1,9}") || text.strip().startsWith("_") || text.contains("__")) {
            return null;
        }
        return Integer.parseInt(t);
    }
}
