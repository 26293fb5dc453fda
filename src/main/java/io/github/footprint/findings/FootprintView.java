package io.github.footprint.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.footprint.base.Location;
import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.Host;
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
            this.where = r.mask(c.location().toString());
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
        private final OptionalLong perProcess;
        private final OptionalLong connections;
        private final Location location;
        private final String where;

        private Pool(Footprint.Pool p, Redactor r) {
            this.appFile = r.mask(p.app().location().file());
            this.appSection = r.mask(p.app().section().name());
            this.appElsewhere = !p.app().location().file().equals(p.location().file());
            this.prefix = r.mask(p.engine().prefix());
            this.processes = p.processes();
            this.processesFrom = r.mask(Phrases.processesFrom(p));
            this.daemon = p.app().servedBy() == null ? null : r.mask(p.app().servedBy().name());
            this.unbounded = p.unbounded();
            this.perProcess = p.perProcess().isPresent() ? OptionalLong.of(p.perProcess().getAsInt())
                    : OptionalLong.empty();
            this.connections = p.connections();
            this.location = p.location();
            this.where = r.mask(p.location().toString());
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

        /** {@code pool_size + max_overflow}; empty when {@link #unbounded()}. */
        public OptionalLong perProcess() {
            return perProcess;
        }

        /** Connections at most; empty when unbounded. */
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

    /** Database connections of every pool together; empty when a pool has no limit. */
    public OptionalLong connections() {
        return connections;
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
