package io.github.footprint.model;

/**
 * The user's statements about the target host and the application (DESIGN.md §2): the budgets the footprint is
 * held against, and the few facts a static reading cannot see. Immutable; {@link Settings} carries one
 * environment's overrides.
 */
public final class Host {
    /** A budget the user did not set. */
    public static final long UNSET = -1;

    /**
     * What one loaded application adds to a process when the user gives no {@code appRss}: 40 MiB, the measured
     * import cost of CPython 3.11 with SQLAlchemy (and its ORM), Paste, PasteDeploy and psycopg2: 49 MB RSS against
     * 8 MB for a bare interpreter (DOMAIN.md §5.3), rounded down to a power-of-two unit users recognise.
     */
    public static final long DEFAULT_APP_RSS = 40L * 1024 * 1024;

    /** The cores assumed for the target host when the user gives no {@code cpuCores}: a small VPS. */
    public static final int DEFAULT_CPU_CORES = 2;

    private final long memory;
    private final long virtualMemory;
    private final long databaseConnections;
    private final long appRss;
    private final int cpuCores;
    private final long requestGrowth;

    private Host(long memory, long virtualMemory, long databaseConnections, long appRss, int cpuCores,
            long requestGrowth) {
        this.memory = memory;
        this.virtualMemory = virtualMemory;
        this.databaseConnections = databaseConnections;
        this.appRss = appRss;
        this.cpuCores = cpuCores;
        this.requestGrowth = requestGrowth;
    }

    /** No budget, {@code appRss} 40 MiB, 2 cores, no request growth. */
    public static Host defaults() {
        return new Host(UNSET, UNSET, UNSET, DEFAULT_APP_RSS, DEFAULT_CPU_CORES, 0);
    }

    /** Resident memory the host gives this stack, in bytes; {@link #UNSET} when not given. */
    public long memory() {
        return memory;
    }

    /** The address-space budget in bytes; {@link #UNSET} when not given. */
    public long virtualMemory() {
        return virtualMemory;
    }

    /** Connections the database allows this host; {@link #UNSET} when not given. */
    public long databaseConnections() {
        return databaseConnections;
    }

    /** Bytes one loaded application adds to a process. */
    public long appRss() {
        return appRss;
    }

    /** Cores of the target host: glibc's arena cap is 8 per core. */
    public int cpuCores() {
        return cpuCores;
    }

    /** Bytes an application process gains per request (0: unknown). */
    public long requestGrowth() {
        return requestGrowth;
    }

    public Host withMemory(long v) {
        return new Host(v, virtualMemory, databaseConnections, appRss, cpuCores, requestGrowth);
    }

    public Host withVirtualMemory(long v) {
        return new Host(memory, v, databaseConnections, appRss, cpuCores, requestGrowth);
    }

    public Host withDatabaseConnections(long v) {
        return new Host(memory, virtualMemory, v, appRss, cpuCores, requestGrowth);
    }

    public Host withAppRss(long v) {
        return new Host(memory, virtualMemory, databaseConnections, v, cpuCores, requestGrowth);
    }

    public Host withCpuCores(int v) {
        return new Host(memory, virtualMemory, databaseConnections, appRss, v, requestGrowth);
    }

    public Host withRequestGrowth(long v) {
        return new Host(memory, virtualMemory, databaseConnections, appRss, cpuCores, v);
    }

    /** One environment's statements; each null one keeps the goal's value. */
    public static final class Settings {
        private Long memory;
        private Long virtualMemory;
        private Long databaseConnections;
        private Long appRss;
        private Integer cpuCores;
        private Long requestGrowth;

        public Settings memory(Long v) {
            memory = v;
            return this;
        }

        public Settings virtualMemory(Long v) {
            virtualMemory = v;
            return this;
        }

        public Settings databaseConnections(Long v) {
            databaseConnections = v;
            return this;
        }

        public Settings appRss(Long v) {
            appRss = v;
            return this;
        }

        public Settings cpuCores(Integer v) {
            cpuCores = v;
            return this;
        }

        public Settings requestGrowth(Long v) {
            requestGrowth = v;
            return this;
        }

        /** The goal's host with these overrides. */
        public Host over(Host base) {
            Host h = base;
            if (memory != null) {
                h = h.withMemory(memory);
            }
            if (virtualMemory != null) {
                h = h.withVirtualMemory(virtualMemory);
            }
            if (databaseConnections != null) {
                h = h.withDatabaseConnections(databaseConnections);
            }
            if (appRss != null) {
                h = h.withAppRss(appRss);
            }
            if (cpuCores != null) {
                h = h.withCpuCores(cpuCores);
            }
            if (requestGrowth != null) {
                h = h.withRequestGrowth(requestGrowth);
            }
            return h;
        }
    }
}
