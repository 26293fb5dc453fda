package io.github.footprint.model.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.github.footprint.base.Saturating;

import io.github.footprint.base.Location;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.SqlEngine;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.scripts.Fact;

/**
 * The worst-case memory and database connections of the whole host for one environment (docs/memory-model.md): every
 * process Apache and mod_wsgi can run at once, each with its resident and virtual size, and every pool that can
 * open connections. Built by {@link FootprintBuilder}; rules hold it against the user's budgets.
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

    /** How mod_wsgi sits in the Apache processes, which sets their measured size. */
    public enum WsgiState {
        /** mod_wsgi is not loaded. */
        NOT_LOADED,
        /** {@code WSGIRestrictEmbedded On}: no Python in the children. */
        RESTRICTED,
        /** Python is initialised in every child. */
        PYTHON
    }

    /**
     * Processes of one kind, all the same size, with the numbers that size them: the count (and what sets it), and
     * the terms of one process's resident size and address space.
     */
    public static final class Component {
        private final String name;
        private final Part part;
        private final long count;
        private final long residentEach;
        private final long virtualEach;
        private final Location location;
        private final Mpm mpm;
        private final WsgiState wsgi;
        private final boolean stopping;
        private final DaemonGroup daemon;
        private final Mount firstEmbedded;
        private final long measuredEach;
        private final int applicationGroups;
        private final long appRss;
        private final long threadResident;
        private final long requestGrowth;
        private final long stacksEach;
        private final long arenasEach;
        private final Integer threads;
        private final long stackCount;
        private final long stackSize;

        Component(ComponentBuilder b) {
            this.name = b.name;
            this.part = b.part;
            this.count = b.count;
            this.residentEach = b.residentEach;
            this.virtualEach = b.virtualEach;
            this.location = b.location;
            this.mpm = b.mpm;
            this.wsgi = b.wsgi;
            this.stopping = b.stopping;
            this.daemon = b.daemon;
            this.firstEmbedded = b.firstEmbedded;
            this.measuredEach = b.measuredEach;
            this.applicationGroups = b.applicationGroups;
            this.appRss = b.appRss;
            this.threadResident = b.threadResident;
            this.requestGrowth = b.requestGrowth;
            this.stacksEach = b.stacksEach;
            this.arenasEach = b.arenasEach;
            this.threads = b.threads;
            this.stackCount = b.stackCount;
            this.stackSize = b.stackSize;
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
            return Saturating.multiply(count, residentEach);
        }

        public long virtual() {
            return Saturating.multiply(count, virtualEach);
        }

        /** The line that sizes the count ({@code MaxRequestWorkers}, {@code WSGIDaemonProcess}); never null. */
        public Location location() {
            return location;
        }

        /** The MPM whose values size an Apache component; null for the others. */
        public Mpm mpm() {
            return mpm;
        }

        /** How mod_wsgi sits in an Apache component's processes; null for the others. */
        public WsgiState wsgi() {
            return wsgi;
        }

        /**
         * True for the event MPM's children that may still finish requests after a graceful restart
         * ({@link Footprint#gracefulStop()}): {@code ServerLimit} less the children counted.
         */
        public boolean stopping() {
            return stopping;
        }

        /** The daemon group of a {@link Part#DAEMON} component, else null. */
        public DaemonGroup daemon() {
            return daemon;
        }

        /** For {@link Part#EMBEDDED_APPLICATIONS}: the first mount that runs embedded; else null. */
        public Mount firstEmbedded() {
            return firstEmbedded;
        }

        /**
         * Of {@link #residentEach()}: the measured size of the process itself (an Apache parent or child as the MPM
         * and mod_wsgi make it, a daemon without its threads and applications); 0 for embedded applications.
         */
        public long measuredEach() {
            return measuredEach;
        }

        /** The application groups (interpreters) one process loads; 0 for Apache's own processes. */
        public int applicationGroups() {
            return applicationGroups;
        }

        /** The {@code appRss} each loaded application is counted with. */
        public long appRss() {
            return appRss;
        }

        /** Resident bytes of one of a daemon's request threads; 0 for the others. */
        public long threadResident() {
            return threadResident;
        }

        /** The {@code requestGrowth} a daemon's growth is counted with; 0 when its growth is not counted. */
        public long requestGrowth() {
            return requestGrowth;
        }

        /** Of {@link #virtualEach()}: the thread stack mappings (guard pages included) of one process. */
        public long stacksEach() {
            return stacksEach;
        }

        /** Of {@link #virtualEach()}: the malloc arenas' reservations of one process. */
        public long arenasEach() {
            return arenasEach;
        }

        /**
         * The threads of one process whose allocations make malloc arenas (ThreadsPerChild, a daemon's
         * {@code threads}); empty for processes whose arenas are not counted (the parent, prefork children).
         */
        public OptionalInt threads() {
            return threads == null ? OptionalInt.empty() : OptionalInt.of(threads);
        }

        /** Thread stack mappings of one process ({@code threads} and the process's own extra threads); 0 when none. */
        public long stackCount() {
            return stackCount;
        }

        /** Bytes of one thread stack, before page rounding and guard page; 0 when the process has no counted threads. */
        public long stackSize() {
            return stackSize;
        }

        /** Of {@link #residentEach()}: what the loaded applications take ({@code application groups x appRss}). */
        public long applicationEach() {
            return Saturating.multiply(applicationGroups, appRss);
        }

        /** Of {@link #residentEach()}: what a daemon's request threads take ({@code threads x 40.4 KiB}). */
        public long threadsResidentEach() {
            return threads == null ? 0 : threads * threadResident;
        }

        /** Of {@link #residentEach()}: a daemon's growth before it is recycled ({@code maximum-requests x requestGrowth}). */
        public long growthEach() {
            return growth(daemon == null ? 0 : daemon.maximumRequests(), requestGrowth);
        }

        /** The arenas one process would reserve under another arena cap ({@code MALLOC_ARENA_MAX}). */
        public long arenasEachAt(long arenaMax) {
            return threads == null ? 0 : ThreadMemory.arenas(threads, arenaMax) * ThreadMemory.ARENA_SIZE;
        }

        /** The stack mappings of one process if no stack were larger than {@code stack} bytes. */
        public long stacksEachAt(long stack) {
            return stackSize > stack ? stackCount * ThreadMemory.stackMapping(stack) : stacksEach;
        }

        @Override
        public String toString() {
            return name + " x" + count + " (" + Sizes.format(residentEach) + " / " + Sizes.format(virtualEach) + ")";
        }

        /** {@code maximum-requests x requestGrowth}, saturated; 0 when either is 0. */
        static long growth(long maximumRequests, long requestGrowth) {
            if (maximumRequests <= 0 || requestGrowth <= 0) {
                return 0;
            }
            try {
                return Math.multiplyExact(maximumRequests, requestGrowth);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE / 4;
            }
        }
    }

    /** The connections one engine of one application can open. */
    public static final class Pool {
        private final PylonsApp app;
        private final SqlEngine engine;
        private final long processes;
        private final Integer perProcess;
        private final boolean inApacheChildren;
        private final boolean unknown;

        Pool(PylonsApp app, SqlEngine engine, long processes, Integer perProcess, boolean inApacheChildren,
                boolean unknown) {
            this.inApacheChildren = inApacheChildren;
            this.unknown = unknown;
            this.app = app;
            this.engine = engine;
            this.processes = processes;
            this.perProcess = perProcess;
        }

        public PylonsApp app() {
            return app;
        }

        public SqlEngine engine() {
            return engine;
        }

        /**
         * Processes that load the application, each with its own pool: the daemon group's {@code processes}, the
         * Apache children when it runs embedded ({@link #inApacheChildren()}), else one (assumed).
         */
        public long processes() {
            return processes;
        }

        /** True when the processes are the Apache children (the application runs embedded), so the MPM counts them. */
        public boolean inApacheChildren() {
            return inApacheChildren;
        }

        /**
         * {@code pool_size + max_overflow} (SQLAlchemy's defaults where unset); empty when the pool has no limit or
         * its size is unknown.
         */
        public OptionalInt perProcess() {
            return perProcess == null ? OptionalInt.empty() : OptionalInt.of(perProcess);
        }

        /** True when the pool has no limit ({@code pool_size = 0}, a negative {@code max_overflow}). */
        public boolean unbounded() {
            return perProcess == null && !unknown;
        }

        /**
         * True when the pool's size is unknown: {@code pool_size} or {@code max_overflow} is no integer (SQLAlchemy
         * raises ValueError at start-up, {@link SqlEngine#sizeUnreadable()}).
         */
        public boolean unknown() {
            return unknown;
        }

        /** Connections at most; empty when unbounded or unknown. */
        public OptionalLong connections() {
            return perProcess == null ? OptionalLong.empty() : OptionalLong.of(Saturating.multiply(processes, perProcess));
        }

        /** Where the pool is sized: {@code pool_size} if written, else the engine's {@code url}. */
        public Location location() {
            if (engine.poolSizeLocation() != null) {
                return engine.poolSizeLocation();
            }
            return engine.maxOverflowLocation() != null ? engine.maxOverflowLocation() : engine.location();
        }
    }

    /**
     * Processes to stop to free memory: {@link #stop()} of a component's {@link Component#count()} processes,
     * each freeing {@link #each()} bytes. Apache children are cut together with the applications embedded in
     * them; a component keeps at least one process.
     */
    public static final class Cut {
        private final Component component;
        private final long stop;
        private final long each;
        private final boolean enough;

        Cut(Component component, long stop, long each, boolean enough) {
            this.component = component;
            this.stop = stop;
            this.each = each;
            this.enough = enough;
        }

        /** The component whose processes go ({@link Part#APACHE_CHILDREN} for embedded applications). */
        public Component component() {
            return component;
        }

        /** How many of its processes to stop; 0 when it runs a single process already. */
        public long stop() {
            return stop;
        }

        /** The processes left after the cut, at least one. */
        public long left() {
            return component.count() - stop;
        }

        /** Resident bytes each stopped process frees (a child with its embedded applications). */
        public long each() {
            return each;
        }

        /** Resident bytes the cut frees. */
        public long saves() {
            return stop * each;
        }

        /** True when this cut, with the ones before it, frees the whole excess. */
        public boolean enough() {
            return enough;
        }
    }

    private final List<Component> components;
    private final Component gracefulStop;
    private final List<Pool> pools;
    private final List<Assumption> assumptions;
    private final long arenaMax;
    private final Fact arenaMaxSetting;
    private final int cpuCores;
    private final long restrictSaving;
    private final long idleChildren;

    Footprint(List<Component> components, Component gracefulStop, List<Pool> pools, List<Assumption> assumptions,
            long arenaMax, Fact arenaMaxSetting, int cpuCores, long idleChildren, long restrictSaving) {
        this.restrictSaving = restrictSaving;
        this.components = List.copyOf(components);
        this.gracefulStop = gracefulStop;
        this.pools = List.copyOf(pools);
        this.assumptions = List.copyOf(assumptions);
        this.arenaMax = arenaMax;
        this.arenaMaxSetting = arenaMaxSetting;
        this.cpuCores = cpuCores;
        this.idleChildren = idleChildren;
    }

    /** The same footprint with one more statement of what it rests on. */
    public Footprint withAssumption(Assumption a) {
        List<Assumption> more = new java.util.ArrayList<>(assumptions);
        more.add(a);
        return new Footprint(components, gracefulStop, pools, more, arenaMax, arenaMaxSetting, cpuCores, idleChildren,
                restrictSaving);
    }

    /**
     * What {@code WSGIRestrictEmbedded On} would save per Apache child: Python is initialised in every child though
     * no application runs embedded; 0 otherwise.
     */
    public long restrictSaving() {
        return restrictSaving;
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
        return components.stream().mapToLong(Component::resident).reduce(0, Saturating::add);
    }

    /** Worst-case address space of every process together, in bytes. */
    public long virtual() {
        return components.stream().mapToLong(Component::virtual).reduce(0, Saturating::add);
    }

    /** Of {@link #virtual()}: the malloc arenas of every process. */
    public long arenas() {
        return components.stream().mapToLong(c -> Saturating.multiply(c.count(), c.arenasEach())).reduce(0, Saturating::add);
    }

    /** Of {@link #virtual()}: the thread stack mappings of every process. */
    public long stacks() {
        return components.stream().mapToLong(c -> Saturating.multiply(c.count(), c.stacksEach())).reduce(0, Saturating::add);
    }

    /** The arenas of every process under another arena cap ({@code MALLOC_ARENA_MAX}). */
    public long arenasAt(long arenaMax) {
        return components.stream().mapToLong(c -> Saturating.multiply(c.count(), c.arenasEachAt(arenaMax))).reduce(0, Saturating::add);
    }

    /** The stack mappings of every process if no thread stack were larger than {@code stack} bytes. */
    public long stacksAt(long stack) {
        return components.stream().mapToLong(c -> Saturating.multiply(c.count(), c.stacksEachAt(stack))).reduce(0, Saturating::add);
    }

    /** Resident bytes of one Apache child with the applications embedded in it; 0 without Apache children. */
    public long apacheChildEach() {
        return components.stream().filter(c -> c.part() == Part.APACHE_CHILDREN || c.part() == Part.EMBEDDED_APPLICATIONS)
                .mapToLong(Component::residentEach).sum();
    }

    /** Resident bytes of all Apache children with their embedded applications (the MaxRequestWorkers-driven part). */
    public long apacheChildren() {
        return components.stream().filter(c -> c.part() == Part.APACHE_CHILDREN || c.part() == Part.EMBEDDED_APPLICATIONS)
                .mapToLong(Component::resident).sum();
    }

    /** {@link #resident()} if Apache ran {@code children} children instead of its maximum. */
    public long residentWithApacheChildren(long children) {
        return resident() - apacheChildren() + children * apacheChildEach();
    }

    /**
     * The most Apache children that fit in {@code bytes} beside everything else (parent, daemons); 0 when none
     * fits or there are no Apache children.
     */
    public long apacheChildrenWithin(long bytes) {
        long each = apacheChildEach();
        long room = bytes - residentWithApacheChildren(0);
        return each <= 0 || room <= 0 ? 0 : room / each;
    }

    /**
     * Apache children that run when the server is idle: prefork {@code max(StartServers, MinSpareServers)},
     * worker/event {@code max(StartServers, ceil(MinSpareThreads / ThreadsPerChild))}, at most the children
     * MaxRequestWorkers allows and {@code ServerLimit} ({@link Mpm#idleChildren()}); 0 without Apache.
     */
    public long idleChildren() {
        return idleChildren;
    }

    /** Resident bytes when the server is idle: the parent, {@link #idleChildren()} children, every daemon. */
    public long idleResident() {
        return residentWithApacheChildren(idleChildren);
    }

    /**
     * The processes to stop to free {@code excess} resident bytes, largest component first: as many as needed
     * of the largest; when even one process left of it is not enough, all but one, and on with the next. The
     * Apache parent is never cut. The last cut's {@link Cut#enough()} says whether the excess can be freed.
     */
    public List<Cut> cuts(long excess) {
        List<Component> units = new ArrayList<>();
        for (Component c : components) {
            if (c.part() == Part.APACHE_CHILDREN || c.part() == Part.DAEMON) {
                units.add(c);
            }
        }
        units.sort(Comparator.comparingLong(this::unitResident).reversed());
        List<Cut> out = new ArrayList<>();
        long left = excess;
        for (Component c : units) {
            if (left <= 0) {
                break;
            }
            long each = c.part() == Part.APACHE_CHILDREN ? apacheChildEach() : c.residentEach();
            if (each <= 0) {
                continue;
            }
            long need = (left + each - 1) / each;
            long cuttable = Math.max(0, c.count() - 1);
            long stop = Math.min(need, cuttable);
            left -= stop * each;
            out.add(new Cut(c, stop, each, left <= 0));
        }
        return out;
    }

    private long unitResident(Component c) {
        return c.part() == Part.APACHE_CHILDREN ? apacheChildren() : c.resident();
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

    /** Database connections at most; empty when a pool is unbounded or its size unknown. */
    public OptionalLong connections() {
        long sum = 0;
        for (Pool p : pools) {
            if (p.perProcess().isEmpty()) {
                return OptionalLong.empty();
            }
            sum += p.connections().getAsLong();
        }
        return OptionalLong.of(sum);
    }

    /**
     * True when the connections are unknown rather than unbounded: a pool's size is unknown and none is unbounded
     * ({@link #connections()} is empty either way).
     */
    public boolean connectionsUnknown() {
        return pools.stream().anyMatch(Pool::unknown) && pools.stream().noneMatch(Pool::unbounded);
    }

    /** What the estimate rests on beyond the configuration, in the order the computation met them. */
    public List<Assumption> assumptions() {
        return assumptions;
    }

    /** The glibc arena cap every process runs with. */
    public long arenaMax() {
        return arenaMax;
    }

    /**
     * The {@code MALLOC_ARENA_MAX} assignment the cap comes from; empty when it is glibc's default of 8 per core
     * ({@link #cpuCores()}).
     */
    public Optional<Fact> arenaMaxSetting() {
        return Optional.ofNullable(arenaMaxSetting);
    }

    /** The cores the footprint was computed for ({@code cpuCores}). */
    public int cpuCores() {
        return cpuCores;
    }
}
