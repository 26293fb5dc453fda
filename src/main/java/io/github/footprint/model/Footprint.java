package io.github.footprint.model;

import io.github.footprint.findings.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The worst-case memory and database connections of the whole host for one environment (DESIGN.md §4): every
 * process Apache and mod_wsgi can run at once, each with its resident and virtual size, and every pool that can
 * open connections. Built by {@link FootprintBuilder}; rules hold it against the user's budgets ({@link Host}).
 */
public final class Footprint {
    /** What a component is. */
    public enum Part {
        APACHE_PARENT,
        APACHE_CHILDREN,
        /** Applications that run inside every Apache child (embedded mode). */
        EMBEDDED_APPLICATIONS,
        DAEMON
    }

    /** Processes of one kind, all the same size. */
    public static final class Component {
        private final String name;
        private final Part part;
        private final long count;
        private final long residentEach;
        private final long virtualEach;
        private final Location location;
        private final String sizedBy;
        private final String residentTerms;
        private final DaemonGroup daemon;
        private long stacksEach;
        private long arenasEach;

        Component(String name, Part part, long count, long residentEach, long virtualEach, Location location,
                String sizedBy, String residentTerms, DaemonGroup daemon) {
            this.name = name;
            this.part = part;
            this.count = count;
            this.residentEach = residentEach;
            this.virtualEach = virtualEach;
            this.location = location;
            this.sizedBy = sizedBy;
            this.residentTerms = residentTerms;
            this.daemon = daemon;
        }

        /** {@code apache children}, {@code daemon 'app'}. */
        public String name() {
            return name;
        }

        public Part part() {
            return part;
        }

        /** How many such processes can run at once. */
        public long count() {
            return count;
        }

        /** Resident bytes of one process. */
        public long residentEach() {
            return residentEach;
        }

        /** Address space of one process in bytes. */
        public long virtualEach() {
            return virtualEach;
        }

        public long resident() {
            return count * residentEach;
        }

        public long virtual() {
            return count * virtualEach;
        }

        /** The line that sizes the count ({@code MaxRequestWorkers}, {@code WSGIDaemonProcess}); never null. */
        public Location location() {
            return location;
        }

        /** What sets the count, as a phrase: {@code MaxRequestWorkers 150 / ThreadsPerChild 25}. */
        public String sizedBy() {
            return sizedBy;
        }

        /** The terms of one process's resident size: {@code 11.5 MiB + 15 threads x 40.4 KiB + 1 x appRss 40 MiB}. */
        public String residentTerms() {
            return residentTerms;
        }

        Component withAddressSpace(long stacks, long arenas) {
            this.stacksEach = stacks;
            this.arenasEach = arenas;
            return this;
        }

        /** Of {@link #virtualEach()}: the thread stack mappings (guard pages included) of one process. */
        public long stacksEach() {
            return stacksEach;
        }

        /** Of {@link #virtualEach()}: the malloc arenas' reservations of one process. */
        public long arenasEach() {
            return arenasEach;
        }

        /** The daemon group of a {@link Part#DAEMON} component, else null. */
        public DaemonGroup daemon() {
            return daemon;
        }

        @Override
        public String toString() {
            return name + " x" + count + " (" + Sizes.format(residentEach) + " / " + Sizes.format(virtualEach) + ")";
        }
    }

    /** The connections one engine of one application can open. */
    public static final class Pool {
        private final PylonsApp app;
        private final Engine engine;
        private final long processes;
        private final String processesFrom;
        private final Integer perProcess;
        private final String perProcessFrom;

        Pool(PylonsApp app, Engine engine, long processes, String processesFrom, Integer perProcess,
                String perProcessFrom) {
            this.app = app;
            this.engine = engine;
            this.processes = processes;
            this.processesFrom = processesFrom;
            this.perProcess = perProcess;
            this.perProcessFrom = perProcessFrom;
        }

        public PylonsApp app() {
            return app;
        }

        public Engine engine() {
            return engine;
        }

        /** Processes that load the application, each with its own pool. */
        public long processes() {
            return processes;
        }

        /** Where the process count comes from, as a phrase. */
        public String processesFrom() {
            return processesFrom;
        }

        /** {@code pool_size + max_overflow}, or null when the pool has no limit. */
        public Integer perProcess() {
            return perProcess;
        }

        /** {@code pool_size 5 + max_overflow 10 (SQLAlchemy's defaults)}. */
        public String perProcessFrom() {
            return perProcessFrom;
        }

        public boolean unbounded() {
            return perProcess == null;
        }

        /** Connections at most; -1 when unbounded. */
        public long connections() {
            return perProcess == null ? -1 : processes * perProcess;
        }

        /** Where the pool is sized: {@code pool_size} if written, else the engine's {@code url}. */
        public Location location() {
            if (engine.poolSizeLocation() != null) {
                return engine.poolSizeLocation();
            }
            return engine.maxOverflowLocation() != null ? engine.maxOverflowLocation() : engine.location();
        }
    }

    private final Host host;
    private final List<Component> components;
    private final Component gracefulStop;
    private final List<Pool> pools;
    private final List<String> assumptions;
    private final long arenaMax;
    private final String arenaMaxFrom;

    Footprint(Host host, List<Component> components, Component gracefulStop, List<Pool> pools,
            List<String> assumptions, long arenaMax, String arenaMaxFrom) {
        this.host = host;
        this.components = List.copyOf(components);
        this.gracefulStop = gracefulStop;
        this.pools = List.copyOf(pools);
        this.assumptions = List.copyOf(assumptions);
        this.arenaMax = arenaMax;
        this.arenaMaxFrom = arenaMaxFrom;
    }

    /** The budgets and statements the footprint was computed with. */
    public Host host() {
        return host;
    }

    /** The processes, in a fixed order: Apache parent, children, embedded applications, daemons in reading order. */
    public List<Component> components() {
        return components;
    }

    /**
     * Event only: children that may still finish requests after a graceful restart, up to {@code ServerLimit}
     * beyond those counted; reported apart, not in {@link #resident()}.
     */
    public Optional<Component> gracefulStop() {
        return Optional.ofNullable(gracefulStop);
    }

    /** Worst-case resident bytes of every process together. */
    public long resident() {
        return components.stream().mapToLong(Component::resident).sum();
    }

    /** Worst-case address space of every process together, in bytes. */
    public long virtual() {
        return components.stream().mapToLong(Component::virtual).sum();
    }

    /** The components by resident total, largest first (ties keep their order). */
    public List<Component> byResident() {
        List<Component> out = new ArrayList<>(components);
        out.sort(Comparator.comparingLong(Component::resident).reversed());
        return out;
    }

    /** The components by address space, largest first. */
    public List<Component> byVirtual() {
        List<Component> out = new ArrayList<>(components);
        out.sort(Comparator.comparingLong(Component::virtual).reversed());
        return out;
    }

    /** The component of a part, if any (the first). */
    public Optional<Component> component(Part part) {
        return components.stream().filter(c -> c.part() == part).findFirst();
    }

    /** Every SQLAlchemy pool the applications open. */
    public List<Pool> pools() {
        return pools;
    }

    /** Database connections at most; -1 when a pool is unbounded. */
    public long connections() {
        long sum = 0;
        for (Pool p : pools) {
            if (p.unbounded()) {
                return -1;
            }
            sum += p.connections();
        }
        return sum;
    }

    /** What the estimate rests on beyond the configuration, as sentences. */
    public List<String> assumptions() {
        return assumptions;
    }

    /** The glibc arena cap every process runs with. */
    public long arenaMax() {
        return arenaMax;
    }

    /** {@code MALLOC_ARENA_MAX=2 (apache2/envvars:4)} or {@code 8 x cpuCores 2}. */
    public String arenaMaxFrom() {
        return arenaMaxFrom;
    }

    /** The components' names and totals joined, largest first: {@code apache children 580 MiB, daemon 'app' 120 MiB}. */
    public static String describe(List<Component> components, boolean resident, int limit) {
        List<String> parts = new ArrayList<>();
        for (Component c : components) {
            if (parts.size() == limit) {
                break;
            }
            long v = resident ? c.resident() : c.virtual();
            if (v > 0) {
                parts.add(c.name() + " " + Sizes.format(v) + " (" + c.count() + " x " + Sizes.format(resident
                        ? c.residentEach() : c.virtualEach()) + ", " + c.location() + ")");
            }
        }
        return Collections.unmodifiableList(parts).isEmpty() ? "nothing" : String.join(", ", parts);
    }
}
