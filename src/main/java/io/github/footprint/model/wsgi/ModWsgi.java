package io.github.footprint.model.wsgi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.base.Location;

/**
 * mod_wsgi as httpd will run it for one deployment: the servers, every mount and import script with the groups
 * mod_wsgi gives them, the {@code WSGIProcessGroup} lines, {@code WSGIRestrictEmbedded}, and whether the module
 * is loaded. Read once by {@link ModWsgiBuilder}; the deployment holds it.
 */
public final class ModWsgi {
    private final Boolean loaded;
    private final Location loadModule;
    private final List<ServerScope> servers;
    private final List<Mount> mounts;
    private final List<ImportScript> imports;
    private final List<GroupSelection> processGroupLines;
    private final List<RestrictEmbedded> restrictEmbedded;
    private final List<Location> handlers;
    private final Map<Location, ServerScope> daemonScopes;
    private final boolean daemons;

    ModWsgi(Boolean loaded, Location loadModule, List<ServerScope> servers, List<Mount> mounts,
            List<ImportScript> imports, List<GroupSelection> processGroupLines, List<RestrictEmbedded> restrictEmbedded,
            List<Location> handlers, Map<Location, ServerScope> daemonScopes, boolean daemons) {
        this.loaded = loaded;
        this.loadModule = loadModule;
        this.servers = List.copyOf(servers);
        this.mounts = List.copyOf(mounts);
        this.imports = List.copyOf(imports);
        this.processGroupLines = List.copyOf(processGroupLines);
        this.restrictEmbedded = List.copyOf(restrictEmbedded);
        this.handlers = List.copyOf(handlers);
        this.daemonScopes = Map.copyOf(daemonScopes);
        this.daemons = daemons;
    }

    /**
     * True when the main file loads {@code wsgi_module}, false when it does not, null for a project without a main
     * httpd file (a vhost-only project cannot tell).
     */
    public Boolean loaded() {
        return loaded;
    }

    /** The {@code LoadModule wsgi_module} line, or null. */
    public Location loadModule() {
        return loadModule;
    }

    /**
     * True when the configuration uses mod_wsgi at all: a daemon group, a mount, an import script, a handler, a
     * {@code WSGIProcessGroup} or a {@code WSGIRestrictEmbedded}.
     */
    public boolean used() {
        return daemons || !mounts.isEmpty() || !imports.isEmpty() || !handlers.isEmpty() || !processGroupLines.isEmpty()
                || !restrictEmbedded.isEmpty();
    }

    /** mod_wsgi runs: loaded by the main file, or used by a vhost-only project (whose main file loads it). */
    public boolean active() {
        return Boolean.TRUE.equals(loaded) || (loaded == null && used());
    }

    /** The main server first, then every virtual host in reading order. */
    public List<ServerScope> servers() {
        return servers;
    }

    /** {@code WSGIScriptAlias} and {@code WSGIScriptAliasMatch} lines in reading order. */
    public List<Mount> mounts() {
        return mounts;
    }

    /** {@code WSGIImportScript} lines in reading order. */
    public List<ImportScript> imports() {
        return imports;
    }

    /** Every {@code WSGIProcessGroup} line, as the choice it makes, in reading order. */
    public List<GroupSelection> processGroupLines() {
        return processGroupLines;
    }

    /** Every {@code WSGIRestrictEmbedded} line in reading order, those httpd refuses included. */
    public List<RestrictEmbedded> restrictEmbedded() {
        return restrictEmbedded;
    }

    /** The {@code WSGIRestrictEmbedded} that takes effect: the last one httpd accepts; empty means Off. */
    public Optional<RestrictEmbedded> effectiveRestrictEmbedded() {
        RestrictEmbedded last = null;
        for (RestrictEmbedded r : restrictEmbedded) {
            if (r.problem() == null) {
                last = r;
            }
        }
        return Optional.ofNullable(last);
    }

    /** True when {@code WSGIRestrictEmbedded On} takes effect. */
    public boolean embeddedRestricted() {
        return effectiveRestrictEmbedded().map(RestrictEmbedded::on).orElse(false);
    }

    /**
     * {@code AddHandler}/{@code SetHandler wsgi-script} lines: scripts served that way are not mounts, and their
     * process group depends on the directory they are in.
     */
    public List<Location> handlers() {
        return handlers;
    }

    /** The server a daemon group is defined in. */
    public ServerScope scopeOf(DaemonGroup g) {
        return daemonScopes.get(g.location());
    }
}
