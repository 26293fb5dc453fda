package io.github.footprint.model.wsgi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Location;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.ConfWords;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.parse.wsgi.AliasOptions;
import io.github.footprint.parse.wsgi.DaemonLine;
import io.github.footprint.parse.wsgi.LineRefusal;
import io.github.footprint.parse.wsgi.WsgiOptions;

/**
 * Reads mod_wsgi's routing from the httpd configuration, in httpd's reading order, the way mod_wsgi 4.9
 * decides it:
 * <ul>
 * <li>{@code WSGIScriptAlias}/{@code WSGIScriptAliasMatch} options are read by {@code wsgi_parse_option}
 * ({@code name=value}, the value by {@code ap_getword_conf}); {@code %{GLOBAL}} in an option means "".</li>
 * <li>The process and application group of a request: the alias's option, else the per-directory setting
 * ({@code <Directory>} sections sorted by depth, then {@code <DirectoryMatch>}, {@code <Files>},
 * {@code <Location>}; the main server's sections before the virtual host's), else the virtual host's
 * {@code WSGIProcessGroup}, else the main server's.</li>
 * <li>An alias with both options and no {@code %{...}} in them (nor, for {@code WSGIScriptAliasMatch}, a
 * {@code $} in its script), and every {@code WSGIImportScript}, has its
 * group checked at that line ({@code wsgi_add_script_alias}, {@code wsgi_add_import_script}): the group must be
 * defined on an earlier line, and in another virtual host only under the same {@code server_hostname} as it
 * stands then, else httpd refuses to start ("not yet configured", "not accessible", "not matchable").</li>
 * <li>At request time ({@code wsgi_execute_remote}) a group of another virtual host is used only when both
 * servers have the same name (HTTP 500 otherwise).</li>
 * </ul>
 * Sections footprint cannot place ({@code <If>}, {@code <Proxy>}...) are not taken to apply.
 */
public final class ModWsgiBuilder {
    private static final Set<String> RELEVANT = Set.of("servername", "wsgidaemonprocess", "wsgiscriptalias",
            "wsgiscriptaliasmatch", "wsgiimportscript", "wsgiprocessgroup", "wsgiapplicationgroup",
            "wsgirestrictembedded", "addhandler", "sethandler", "loadmodule");

    private final ApacheConfig apache;
    private final List<DaemonGroup> daemons;
    private final ServerScope main = ServerScope.mainServer();
    private final Map<Directive, ServerScope> vhosts = new LinkedHashMap<>();
    private final List<Directive> sequence = new ArrayList<>();
    private final Map<Directive, Integer> index = new IdentityHashMap<>();
    private final Map<Location, ServerScope> daemonScopes = new HashMap<>();
    /** Per-directory and server-level settings, by directive key, then by server (in reading order). */
    private final Map<String, Map<ServerScope, List<Setting>>> settings = new HashMap<>();
    /** The URLs of each server's own aliases. */
    private final Map<ServerScope, Set<String>> aliasUrls = new IdentityHashMap<>();
    private Map<String, DaemonGroup> firstByName;

    private ModWsgiBuilder(ApacheConfig apache, List<DaemonGroup> daemons) {
        this.apache = apache;
        this.daemons = daemons;
    }

    /**
     * Every {@code WSGIDaemonProcess} of the configuration in reading order, nameless ones included, each read as
     * mod_wsgi {@code version} reads it. Empty without a configuration.
     */
    public static List<DaemonGroup> daemons(ApacheConfig apache, WsgiOptions.Version version) {
        List<DaemonGroup> out = new ArrayList<>();
        if (apache == null) {
            return out;
        }
        for (Directive d : apache.find("WSGIDaemonProcess")) {
            out.add(new DaemonGroup(DaemonLine.parse(d.rawArgs(), version), d.location(), serverName(d)));
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

    /**
     * mod_wsgi's view of the configuration: servers, mounts, import scripts, process group lines, with the daemon
     * groups that have a name ({@code daemons}, in reading order). Without a configuration, nothing but the main
     * server.
     */
    public static ModWsgi read(ApacheConfig apache, List<DaemonGroup> daemons) {
        if (apache == null) {
            return new ModWsgi(null, null, List.of(ServerScope.mainServer()), List.of(), List.of(), List.of(), List.of(),
                    List.of(), Map.of(), !daemons.isEmpty());
        }
        return new ModWsgiBuilder(apache, daemons).read();
    }

    /** A {@code WSGIProcessGroup} or {@code WSGIApplicationGroup} line and where it applies. */
    private static final class Setting {
        final Directive directive;
        final ServerScope scope;
        /** Context sections from the innermost out, up to the server; empty at server level. */
        final List<Directive> sections;
        final int order;

        Setting(Directive directive, ServerScope scope, List<Directive> sections, int order) {
            this.directive = directive;
            this.scope = scope;
            this.sections = sections;
            this.order = order;
        }
    }

    private ModWsgi read() {
        apache.walk(d -> {
            if (d.isSection()) {
                if (d.is("VirtualHost")) {
                    vhosts.put(d, ServerScope.virtualHost(main, d.location(), d.rawArgs()));
                }
            } else if (RELEVANT.contains(d.key())) {
                index.put(d, sequence.size());
                sequence.add(d);
            }
        });
        Location loadModule = null;
        List<Location> handlers = new ArrayList<>();
        List<RestrictEmbedded> restrict = new ArrayList<>();
        // run-time names: the last ServerName of each server, wherever it stands
        for (Directive d : sequence) {
            switch (d.key()) {
                case "servername":
                    scope(d).serverName(d.arg());
                    break;
                case "wsgidaemonprocess":
                    daemonScopes.put(d.location(), scope(d));
                    break;
                case "wsgiprocessgroup":
                case "wsgiapplicationgroup":
                    setting(d);
                    break;
                case "loadmodule":
                    if (d.arg().equals("wsgi_module") && loadModule == null) {
                        loadModule = d.location();
                    }
                    break;
                case "addhandler":
                case "sethandler":
                    if (d.arg().equalsIgnoreCase("wsgi-script")) {
                        handlers.add(d.location());
                    }
                    break;
                case "wsgirestrictembedded":
                    restrict.add(restrictEmbedded(d));
                    break;
                default:
                    break;
            }
        }
        // configuration-time checks: what has been read so far
        Map<ServerScope, String> namesSoFar = new IdentityHashMap<>();
        Map<String, ServerScope> definedSoFar = new HashMap<>();
        List<Mount> mounts = new ArrayList<>();
        List<ImportScript> imports = new ArrayList<>();
        for (Directive d : sequence) {
            switch (d.key()) {
                case "servername":
                    namesSoFar.put(scope(d), ServerScope.hostAndPort(d.arg())[0]);
                    break;
                case "wsgidaemonprocess":
                    // the name is mod_wsgi's first ap_getword_conf word; the options were read by daemons()
                    String name = new io.github.footprint.parse.apache.ConfWords(d.rawArgs()).next();
                    if (!name.isEmpty()) {
                        definedSoFar.putIfAbsent(name, scope(d));
                    }
                    break;
                case "wsgiscriptalias":
                case "wsgiscriptaliasmatch":
                    aliasUrls.computeIfAbsent(scope(d), k -> new HashSet<>()).add(d.arg());
                    Mount m = mount(d, namesSoFar, definedSoFar);
                    if (m != null) {
                        mounts.add(m);
                    }
                    break;
                case "wsgiimportscript":
                    imports.add(importScript(d, namesSoFar, definedSoFar));
                    break;
                default:
                    break;
            }
        }
        List<GroupSelection> lines = new ArrayList<>();
        List<Setting> all = new ArrayList<>();
        settings.getOrDefault("wsgiprocessgroup", Map.of()).values().forEach(all::addAll);
        all.sort((a, b) -> Integer.compare(a.order, b.order));
        for (Setting s : all) {
            lines.add(processGroup(s.directive.arg(), GroupSelection.Source.DIRECTIVE, s.directive.location(), s.scope));
        }
        List<ServerScope> servers = new ArrayList<>();
        servers.add(main);
        servers.addAll(vhosts.values());
        boolean loads = apache.modules().contains("wsgi_module");
        // without a main file, or on a platform that does not ship mod_wsgi, the host's loading is assumed
        Boolean loaded = apache.mainFile() == null || !loads && apache.hostModules().contains("wsgi_module") ? null
                : loads;
        return new ModWsgi(loaded, loadModule, servers, unreachable(mounts), imports, lines, restrict, handlers,
                daemonScopes, !daemons.isEmpty());
    }

    private ServerScope scope(Directive d) {
        Directive vhost = d.enclosing("VirtualHost");
        return vhost == null ? main : vhosts.get(vhost);
    }

    private void setting(Directive d) {
        List<Directive> sections = new ArrayList<>();
        for (Directive p = d.context(); p != null && !p.is("VirtualHost"); p = p.context()) {
            sections.add(p);
        }
        settings.computeIfAbsent(d.key(), k -> new IdentityHashMap<>()).computeIfAbsent(scope(d), k -> new ArrayList<>())
                .add(new Setting(d, scope(d), sections, index.get(d)));
    }

    private static RestrictEmbedded restrictEmbedded(Directive d) {
        // httpd's own checks first (the section, then the argument count), then mod_wsgi's handler
        String problem = null;
        Directive context = d.context();
        if (context != null && !context.is("VirtualHost")) {
            problem = "WSGIRestrictEmbedded not allowed in <" + context.name() + "> context";
        } else if (d.args().size() != 1) {
            problem = "WSGIRestrictEmbedded takes one argument, Enable/Disable use of embedded mode.";
        } else if (d.enclosing("VirtualHost") != null) {
            problem = "WSGIRestrictEmbedded cannot occur within <VirtualHost> section";
        } else if (!d.arg().equalsIgnoreCase("On") && !d.arg().equalsIgnoreCase("Off")) {
            problem = "WSGIRestrictEmbedded must be one of: Off | On";
        }
        return new RestrictEmbedded(d.location(), d.arg(), problem);
    }

    private Mount mount(Directive d, Map<ServerScope, String> namesSoFar, Map<String, ServerScope> definedSoFar) {
        ConfWords w = new ConfWords(d.rawArgs());
        String url = w.next();
        if (url.isEmpty() || w.atEnd()) {
            return null;
        }
        String script = w.next();
        if (script.isEmpty()) {
            return null;
        }
        AliasOptions o = AliasOptions.ofAlias(w.rest());
        ServerScope scope = scope(d);
        boolean match = d.is("WSGIScriptAliasMatch");
        String pg = o.values().get("process-group");
        String ag = o.values().get("application-group");
        GroupSelection selection = pg != null
                ? processGroup(pg, GroupSelection.Source.OPTION, d.location(), scope)
                : inheritedProcessGroup(scope, url, script, match);
        ApplicationGroup app = ag != null
                ? applicationGroup(ag, GroupSelection.Source.OPTION, d.location(), scope, url, match)
                : inheritedApplicationGroup(scope, url, script, match);
        String pgValue = pg == null ? null : pg.equals("%{GLOBAL}") ? "" : pg;
        String agValue = ag == null ? null : ag.equals("%{GLOBAL}") ? "" : ag;
        // mod_wsgi 4.9.4 also leaves out a WSGIScriptAliasMatch whose script has a '$' in it (apache2 -t)
        boolean preloaded = pgValue != null && agValue != null && !pgValue.contains("%{") && !agValue.contains("%{")
                && !(match && script.contains("$"));
        GroupRefusal refusal = preloaded && !pgValue.isEmpty() && o.refusal() == null
                ? groupCheck(pgValue, scope, namesSoFar, definedSoFar) : null;
        return new Mount(d.name(), url, script, d.location(), scope, selection, app, preloaded, refusal, o.refusal(),
                List.of());
    }

    private ImportScript importScript(Directive d, Map<ServerScope, String> namesSoFar,
            Map<String, ServerScope> definedSoFar) {
        ConfWords w = new ConfWords(d.rawArgs());
        String script = w.next();
        ServerScope scope = scope(d);
        LineRefusal refusal = null;
        GroupRefusal groupRefusal = null;
        AliasOptions o = script.isEmpty() ? null : AliasOptions.ofImport(w.rest());
        String pg = o == null ? null : o.values().get("process-group");
        String ag = o == null ? null : o.values().get("application-group");
        if (o == null) {
            refusal = LineRefusal.NO_SCRIPT;
        } else if (o.refusal() != null) {
            refusal = o.refusal();
        } else if (ag == null) {
            refusal = LineRefusal.APPLICATION_GROUP_REQUIRED;
        } else if (pg == null) {
            refusal = LineRefusal.PROCESS_GROUP_REQUIRED;
        }
        String pgValue = pg == null || pg.equals("%{GLOBAL}") ? "" : pg;
        if (refusal == null && !pgValue.isEmpty()) {
            // no exception for substitutions here: the name is looked up as written
            groupRefusal = groupCheck(pgValue, scope, namesSoFar, definedSoFar);
        }
        GroupSelection selection = pg == null ? null : literalGroup(pg, d.location(), scope);
        ApplicationGroup app = ag == null ? null : ag.equals("%{GLOBAL}")
                ? new ApplicationGroup(ApplicationGroup.Kind.GLOBAL, ag, d.location(), GroupSelection.Source.OPTION, "")
                : new ApplicationGroup(ApplicationGroup.Kind.NAMED, ag, d.location(), GroupSelection.Source.OPTION, ag);
        return new ImportScript(script, d.location(), scope, selection, app, refusal, groupRefusal);
    }

    /**
     * The check {@code wsgi_add_script_alias} and {@code wsgi_add_import_script} make: the refusal, or null when httpd
     * takes the line.
     */
    private GroupRefusal groupCheck(String group, ServerScope here, Map<ServerScope, String> namesSoFar,
            Map<String, ServerScope> definedSoFar) {
        ServerScope there = definedSoFar.get(group);
        if (there == null) {
            return GroupRefusal.notYetConfigured(group, first(group));
        }
        if (!there.isVirtual()) {
            return null;
        }
        String mine = namesSoFar.get(here);
        String theirs = namesSoFar.get(there);
        if (mine != null && theirs != null && !mine.equals(theirs)) {
            return GroupRefusal.otherServer(GroupRefusal.Kind.NOT_ACCESSIBLE, group, there, theirs, here, mine);
        }
        if (mine == null && theirs != null || mine != null && theirs == null) {
            return GroupRefusal.otherServer(GroupRefusal.Kind.NOT_MATCHABLE, group, there, theirs, here, mine);
        }
        return null;
    }

    private DaemonGroup first(String name) {
        if (firstByName == null) {
            firstByName = new HashMap<>();
            for (DaemonGroup g : daemons) {
                firstByName.putIfAbsent(g.name(), g);
            }
        }
        return firstByName.get(name);
    }

    /** mod_wsgi's reading of a process group value ({@code wsgi_process_group}). */
    private GroupSelection processGroup(String value, GroupSelection.Source source, Location at, ServerScope scope) {
        GroupSelection.Mode mode;
        if (value == null || value.isEmpty() || value.equals("%{GLOBAL}")) {
            mode = GroupSelection.Mode.EMBEDDED;
        } else if (value.equals("%{RESOURCE}") || value.equals("%{SERVER}") || value.equals("%{HOST}")
                || ApplicationGroup.kindOf(value) == ApplicationGroup.Kind.ENV) {
            mode = GroupSelection.Mode.UNKNOWN;
        } else {
            mode = GroupSelection.Mode.DAEMON;
        }
        DaemonGroup daemon = mode == GroupSelection.Mode.DAEMON ? first(value) : null;
        return new GroupSelection(mode, source, value, at, scope, daemon,
                daemon == null ? null : daemonScopes.get(daemon.location()));
    }

    /** An import script's group: used as written, {@code %{GLOBAL}} being the Apache children. */
    private GroupSelection literalGroup(String value, Location at, ServerScope scope) {
        if (value.equals("%{GLOBAL}")) {
            return new GroupSelection(GroupSelection.Mode.EMBEDDED, GroupSelection.Source.OPTION, value, at, scope, null,
                    null);
        }
        DaemonGroup daemon = first(value);
        return new GroupSelection(GroupSelection.Mode.DAEMON, GroupSelection.Source.OPTION, value, at, scope, daemon,
                daemon == null ? null : daemonScopes.get(daemon.location()));
    }

    private GroupSelection inheritedProcessGroup(ServerScope scope, String url, String script, boolean match) {
        Setting s = applicable("wsgiprocessgroup", scope, url, script, match);
        return s == null ? processGroup(null, GroupSelection.Source.DEFAULT, null, scope)
                : processGroup(s.directive.arg(), GroupSelection.Source.DIRECTIVE, s.directive.location(), s.scope);
    }

    private ApplicationGroup inheritedApplicationGroup(ServerScope scope, String url, String script, boolean match) {
        Setting s = applicable("wsgiapplicationgroup", scope, url, script, match);
        return s == null ? applicationGroup(null, GroupSelection.Source.DEFAULT, null, scope, url, match)
                : applicationGroup(s.directive.arg(), GroupSelection.Source.DIRECTIVE, s.directive.location(), scope, url,
                        match);
    }

    /** mod_wsgi's reading of an application group value for requests of {@code scope} ({@code wsgi_application_group}). */
    private static ApplicationGroup applicationGroup(String value, GroupSelection.Source source, Location at,
            ServerScope scope, String url, boolean match) {
        ApplicationGroup.Kind kind = ApplicationGroup.kindOf(value);
        String key = null;
        ApplicationGroup.Unknown unknown = null;
        ApplicationGroup.Unknown noName = ApplicationGroup.Unknown.NO_SERVER_NAME;
        switch (kind) {
            case GLOBAL:
                key = "";
                break;
            case NAMED:
                key = value;
                break;
            case SERVER:
                key = hostPort(scope);
                unknown = key == null ? noName : null;
                break;
            case RESOURCE:
                if (match) {
                    unknown = ApplicationGroup.Unknown.PER_MATCHED_URL;
                } else if (hostPort(scope) == null) {
                    unknown = noName;
                } else {
                    key = hostPort(scope) + "|" + scriptName(url);
                }
                break;
            case HOST:
                unknown = ApplicationGroup.Unknown.PER_HOST_HEADER;
                break;
            default:
                unknown = ApplicationGroup.Unknown.PER_REQUEST;
                break;
        }
        return new ApplicationGroup(kind, value, at, source, key, unknown);
    }

    private static String hostPort(ServerScope scope) {
        String host = scope.effectiveName();
        if (host == null) {
            return null;
        }
        int port = scope.port();
        return port != 0 && port != 80 && port != 443 ? host + ":" + port : host;
    }

    /** {@code wsgi_script_name} for a request of the mount's own URL: lower case, no trailing slash. */
    private static String scriptName(String url) {
        StringBuilder b = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '/' || b.length() == 0 || b.charAt(b.length() - 1) != '/') {
                b.append(c);
            }
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '/') {
            end--;
        }
        return b.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * The setting that applies to a mount of {@code scope}: the last applicable per-directory one in httpd's
     * merge order, else the virtual host's own, else the main server's.
     */
    private Setting applicable(String key, ServerScope scope, String url, String script, boolean match) {
        Setting best = null;
        long[] bestKey = null;
        Setting server = null;
        Setting mainServer = null;
        Map<ServerScope, List<Setting>> byScope = settings.getOrDefault(key, Map.of());
        List<Setting> candidates = new ArrayList<>(byScope.getOrDefault(main, List.of()));
        if (scope != main) {
            candidates.addAll(byScope.getOrDefault(scope, List.of()));
        }
        for (Setting s : candidates) {
            if (s.sections.isEmpty()) {
                if (s.scope == scope && scope != main) {
                    server = s;
                } else if (s.scope == main) {
                    mainServer = s;
                }
                continue;
            }
            long[] k = Sections.mergeKey(s.sections.get(0), s.scope == main, s.order);
            if (k == null || !Sections.cover(s.sections, url, script, match)) {
                continue;
            }
            if (bestKey == null || Sections.compare(k, bestKey) > 0) {
                best = s;
                bestKey = k;
            }
        }
        return best != null ? best : server != null ? server : mainServer;
    }

    /**
     * The run-time scope check for every mount: the servers whose requests reach it (its own; for a main-server
     * alias also every virtual host without an alias of that URL and with the same choice of group), and among them
     * those mod_wsgi refuses the group to.
     */
    private List<Mount> unreachable(List<Mount> mounts) {
        List<Mount> out = new ArrayList<>();
        for (Mount m : mounts) {
            GroupSelection g = m.processGroupSelection();
            if (m.refusal() != null || g.mode() != GroupSelection.Mode.DAEMON || g.daemonScope() == null) {
                out.add(m);
                continue;
            }
            List<ServerScope> from = new ArrayList<>();
            if (Boolean.FALSE.equals(m.server().canUse(g.daemonScope()))) {
                from.add(m.server());
            }
            if (!m.server().isVirtual()) {
                for (ServerScope v : vhosts.values()) {
                    if (aliasUrls.getOrDefault(v, Set.of()).contains(m.url())) {
                        continue;
                    }
                    GroupSelection there = g.source() == GroupSelection.Source.OPTION ? g
                            : inheritedProcessGroup(v, m.url(), m.script(), m.isMatch());
                    if (sameChoice(there, g) && Boolean.FALSE.equals(v.canUse(g.daemonScope()))) {
                        from.add(v);
                    }
                }
            }
            out.add(from.isEmpty() ? m : new Mount(m.directive(), m.url(), m.script(), m.location(), m.server(), g,
                    m.applicationGroup(), m.preloaded(), null, m.optionRefusal(), from));
        }
        return out;
    }

    private static boolean sameChoice(GroupSelection a, GroupSelection b) {
        return a.mode() == b.mode() && java.util.Objects.equals(a.location(), b.location());
    }
}
