package io.github.footprint.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

import io.github.footprint.base.Location;
import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.Host;
import io.github.footprint.model.pylons.Loadapp;
import io.github.footprint.rules.Phrases;

/**
 * One environment's worst-case footprint as reports print it: numbers as the model computed them, every text from
 * the configuration or the model (names, "sized by" phrases, assumptions) masked.
 */
public final class FootprintView {
    /** What a component is: the Apache parent, its children, applications embedded in them, a daemon group. */
    public enum Part {
        APACHE_PARENT,
        APACHE_CHILDREN,
        /** Applications that run inside every Apache child (embedded mode). */
        EMBEDDED_APPLICATIONS,
        DAEMON;

        static Part of(Footprint.Part p) {
            switch (p) {
                case APACHE_PARENT:
                    return APACHE_PARENT;
                case APACHE_CHILDREN:
                    return APACHE_CHILDREN;
                case EMBEDDED_APPLICATIONS:
                    return EMBEDDED_APPLICATIONS;
                case DAEMON:
                    return DAEMON;
                default:
                    throw new IllegalArgumentException(p.name());
            }
        }
    }

    /** One row of the footprint: a kind of process, how many, their sizes, and what sizes the count. */
    public static final class Component {
        private final String name;
        private final Part part;
        private final long count;
        private final long residentEach;
        private final long virtualEach;
        private final long resident;
        private final long virtual;
        private final long stacksEach;
        private final long arenasEach;
        private final Location location;
        private final String where;
        private final String sizedBy;

        private Component(Footprint.Component c, Redactor r) {
            this.name = r.mask(c.name());
            this.part = Part.of(c.part());
            this.count = c.count();
            this.residentEach = c.residentEach();
            this.virtualEach = c.virtualEach();
            this.resident = c.resident();
            this.virtual = c.virtual();
            this.stacksEach = c.stacksEach();
            this.arenasEach = c.arenasEach();
            this.location = c.location();
            this.where = r.maskLocation(c.location().toString());
            this.sizedBy = r.mask(Phrases.sizedBy(c));
        }

        /** {@code apache children}, {@code daemon 'app'}; masked. */
        public String name() {
            return name;
        }

        /** What the component is. */
        public Part part() {
            return part;
        }

        public long count() {
            return count;
        }

        public long residentEach() {
            return residentEach;
        }

        public long virtualEach() {
            return virtualEach;
        }

        public long resident() {
            return resident;
        }

        public long virtual() {
            return virtual;
        }

        public long stacksEach() {
            return stacksEach;
        }

        public long arenasEach() {
            return arenasEach;
        }

        /** The line that sizes the count; the file is not masked. */
        public Location location() {
            return location;
        }

        /** {@code file:line} of {@link #location()}, masked; empty for the project. */
        public String where() {
            return where;
        }

        /** What sizes the count, as a phrase; masked. */
        public String sizedBy() {
            return sizedBy;
        }
    }

    /**
     * How a mount reaches a pool's application: the {@code WSGIScriptAlias} target (mod_wsgi's {@code __file__}), the
     * loader call, how the script computes the path (one line), the host path it computed, the project file it maps
     * to and the section. Every text masked.
     */
    public static final class Link {
        private final String phrase;
        private final String alias;
        private final String script;
        private final Location mount;
        private final String mountWhere;
        private final String loader;
        private final Location call;
        private final String callWhere;
        private final String derivation;
        private final String path;
        private final String file;
        private final String mapping;
        private final String section;

        private Link(Loadapp l, String phrase, Redactor r) {
            this.phrase = r.mask(phrase);
            this.alias = r.mask(l.mount().directive() + " " + l.mount().url());
            this.script = l.scriptFile() == null ? null : r.maskLocation(l.scriptFile());
            this.mount = l.mount().location();
            this.mountWhere = r.maskLocation(mount.toString());
            this.loader = r.mask(l.loader());
            this.call = l.location();
            this.callWhere = r.maskLocation(call.toString());
            this.derivation = r.mask(Phrases.derivation(l));
            this.path = r.mask(l.hostPath());
            this.file = r.maskLocation(l.iniFile());
            this.mapping = r.mask(l.iniMapping().description());
            this.section = l.section() == null ? null : r.mask(l.section());
        }

        /** The whole link as a phrase ({@code WSGIScriptAlias / (...) runs ..., whose ... opens ...}). */
        public String phrase() {
            return phrase;
        }

        /** The alias as written: {@code WSGIScriptAlias /}. */
        public String alias() {
            return alias;
        }

        /** The alias target the script runs as ({@code __file__}), or null when a substitution makes it unknown. */
        public Optional<String> script() {
            return Optional.ofNullable(script);
        }

        /** The {@code WSGIScriptAlias} line; the file is not masked. */
        public Location mount() {
            return mount;
        }

        /** {@code file:line} of {@link #mount()}, masked. */
        public String mountWhere() {
            return mountWhere;
        }

        /** {@code file:line} of {@link #call()}, masked. */
        public String callWhere() {
            return callWhere;
        }

        /** The loader as the script reaches it ({@code paste.deploy.loadapp}). */
        public String loader() {
            return loader;
        }

        /** The loader call; the file is not masked. */
        public Location call() {
            return call;
        }

        /** How the script computes the path, one line. */
        public String derivation() {
            return derivation;
        }

        /** The host path the loader opens. */
        public String path() {
            return path;
        }

        /** The INI file of the project the path maps to. */
        public String file() {
            return file;
        }

        /** How the host path maps into the project. */
        public String mapping() {
            return mapping;
        }

        /** The application section the loader takes ({@code main}). */
        public String section() {
            return section;
        }
    }

    /** The connections one engine of one application can open. */
    public static final class Pool {
        private final String appFile;
        private final String appSection;
        private final boolean appElsewhere;
        private final String prefix;
        private final long processes;
        private final String processesFrom;
        private final String daemon;
        private final boolean unbounded;
        private final boolean unknown;
        private final String perProcessFrom;
        private final Link link;
        private final OptionalLong perProcess;
        private final OptionalLong connections;
        private final Location location;
        private final String where;

        private Pool(Footprint.Pool p, Redactor r) {
            this.appFile = r.maskLocation(p.app().location().file());
            this.appSection = r.mask(p.app().section().name());
            this.appElsewhere = !p.app().location().file().equals(p.location().file());
            this.prefix = r.mask(p.engine().prefix());
            this.processes = p.processes();
            this.processesFrom = r.mask(Phrases.processesFrom(p));
            this.daemon = p.app().servedBy() == null ? null : r.mask(p.app().servedBy().name());
            this.unbounded = p.unbounded();
            this.unknown = p.unknown();
            this.perProcessFrom = r.mask(Phrases.perProcessFrom(p));
            this.link = p.app().loadapp() == null ? null : new Link(p.app().loadapp(), Phrases.link(p.app()), r);
            this.perProcess = p.perProcess().isPresent() ? OptionalLong.of(p.perProcess().getAsInt())
                    : OptionalLong.empty();
            this.connections = p.connections();
            this.location = p.location();
            this.where = r.maskLocation(p.location().toString());
        }

        /** The INI file of the application; masked. */
        public String appFile() {
            return appFile;
        }

        /** The application's section name ({@code app:main}); masked. */
        public String appSection() {
            return appSection;
        }

        /** True when the application's section is in another file than the line that sizes the pool. */
        public boolean appElsewhere() {
            return appElsewhere;
        }

        /** The engine's prefix ({@code sqlalchemy.}); masked. */
        public String prefix() {
            return prefix;
        }

        /** Processes that load the application, each with its own pool. */
        public long processes() {
            return processes;
        }

        /** Where the process count comes from, as a phrase; masked. */
        public String processesFrom() {
            return processesFrom;
        }

        /** The daemon group that serves the application, masked; empty when it runs embedded or is not mounted. */
        public Optional<String> daemon() {
            return Optional.ofNullable(daemon);
        }

        /** True when the pool has no limit. */
        public boolean unbounded() {
            return unbounded;
        }

        /**
         * True when the pool's size is unknown: {@code pool_size} or {@code max_overflow} is no integer
         * (SQLAlchemy raises ValueError at start-up).
         */
        public boolean unknown() {
            return unknown;
        }

        /** Where the per-process limit comes from ({@code pool_size 5 + max_overflow 10}), or why it is unknown; masked. */
        public String perProcessFrom() {
            return perProcessFrom;
        }

        /** How a mount reaches the application; empty when none does ({@link #processesFrom()} says why). */
        public Optional<Link> link() {
            return Optional.ofNullable(link);
        }

        /** {@code pool_size + max_overflow}; empty when {@link #unbounded()} or {@link #unknown()}. */
        public OptionalLong perProcess() {
            return perProcess;
        }

        /** Connections at most; empty when unbounded or unknown. */
        public OptionalLong connections() {
            return connections;
        }

        /** Where the pool is sized; the file is not masked. */
        public Location location() {
            return location;
        }

        /** {@code file:line} of {@link #location()}, masked. */
        public String where() {
            return where;
        }
    }

    private final Host host;
    private final long resident;
    private final long virtual;
    private final List<Component> components;
    private final Component gracefulStop;
    private final List<String> assumptions;
    private final List<Pool> pools;
    private final OptionalLong connections;
    private final boolean connectionsUnknown;
    private final long arenaMax;
    private final String arenaMaxFrom;
    private final String server;

    private FootprintView(Footprint fp, Host host, String server, Redactor r) {
        this.host = host;
        this.server = server == null ? null : r.mask(server);
        this.resident = fp.resident();
        this.virtual = fp.virtual();
        List<Component> cs = new ArrayList<>();
        for (Footprint.Component c : fp.components()) {
            cs.add(new Component(c, r));
        }
        this.components = List.copyOf(cs);
        this.gracefulStop = fp.gracefulStop().map(c -> new Component(c, r)).orElse(null);
        List<String> as = new ArrayList<>();
        for (Assumption a : fp.assumptions()) {
            as.add(r.mask(Phrases.assumption(a)));
        }
        this.assumptions = List.copyOf(as);
        List<Pool> ps = new ArrayList<>();
        for (Footprint.Pool p : fp.pools()) {
            ps.add(new Pool(p, r));
        }
        this.pools = List.copyOf(ps);
        this.connections = fp.connections();
        this.connectionsUnknown = fp.connectionsUnknown();
        this.arenaMax = fp.arenaMax();
        this.arenaMaxFrom = r.mask(Phrases.arenaMaxFrom(fp));
    }

    /** @param server the server a project without a main httpd file was read in, or null (its own main file) */
    static FootprintView of(Footprint fp, Host host, String server, Redactor r) {
        return new FootprintView(fp, host, server, r);
    }

    /**
     * The server the project was read in when it has no main httpd file (a distribution's stock tree, or an assumed
     * MPM), as a phrase, masked; empty when the project has its own main file.
     */
    public Optional<String> server() {
        return Optional.ofNullable(server);
    }

    /** Identical application hosts behind a balancer ({@code hosts}), each with this footprint. */
    public int hosts() {
        return host.hosts();
    }

    /**
     * Database connections of every pool on every host together: {@link #connections()} times {@link #hosts()};
     * empty when a pool has no limit.
     */
    public OptionalLong fleetConnections() {
        return connections.isEmpty() ? connections : OptionalLong.of(connections.getAsLong() * host.hosts());
    }

    /** The budgets and host statements the footprint was computed with (numbers only). */
    public Host host() {
        return host;
    }

    /** Worst-case resident bytes of every component together. */
    public long resident() {
        return resident;
    }

    /** Worst-case address space of every component together. */
    public long virtual() {
        return virtual;
    }

    public List<Component> components() {
        return components;
    }

    /**
     * The {@code n} components largest by {@code size} (of equal sizes, the earlier), in the order of
     * {@link #components()}: what a console table or a chart shows of thousands, the others summed on one row.
     */
    public List<Component> largest(int n, ToLongFunction<Component> size) {
        if (components.size() <= n) {
            return components;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int c = Long.compare(size.applyAsLong(components.get(b)), size.applyAsLong(components.get(a)));
            return c != 0 ? c : Integer.compare(a, b);
        });
        boolean[] keep = new boolean[components.size()];
        for (int i = 0; i < n; i++) {
            keep[order.get(i)] = true;
        }
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            if (keep[i]) {
                out.add(components.get(i));
            }
        }
        return out;
    }

    /** The event MPM's children that may linger after a graceful restart (not in the totals). */
    public Optional<Component> gracefulStop() {
        return Optional.ofNullable(gracefulStop);
    }

    /** What the estimate assumed, one sentence each; masked. */
    public List<String> assumptions() {
        return assumptions;
    }

    public List<Pool> pools() {
        return pools;
    }

    /** Database connections of every pool together; empty when a pool has no limit or an unknown size. */
    public OptionalLong connections() {
        return connections;
    }

    /** True when {@link #connections()} is empty because a pool's size is unknown (and none is unbounded). */
    public boolean connectionsUnknown() {
        return connectionsUnknown;
    }

    /** The malloc arena cap per process. */
    public long arenaMax() {
        return arenaMax;
    }

    /** Where the arena cap comes from, as a phrase; masked. */
    public String arenaMaxFrom() {
        return arenaMaxFrom;
    }
}
