package io.github.footprint.model.memory;

/**
 * What threads cost a process in address space and in RLIMIT_DATA, with the constants measured on real Apache
 * 2.4.71 + mod_wsgi 4.9.4 processes (Debian 12, glibc 2.36, x86_64; docs/domain/mod_wsgi.md#measured-behaviour
 * and §5). All sizes are bytes unless a name says KiB.
 *
 * <p>A mod_wsgi daemon with {@code threads=T} has T + 2 thread stacks (T request threads and 2 internal ones;
 * the main thread uses the process stack), each mapped as the stack plus a 4 KiB guard page. Its address space
 * is, with S the stack and A the malloc arenas:
 * <pre>
 *   VmSize = base + (T + 2) * (S + guard) + T * overhead + A * 64 MiB
 * </pre>
 * which reproduces every measured daemon within 7 KiB at start-up (§5.3). What a process takes once its threads
 * have served (the worst case the footprint counts) is {@link Calibration}'s, held against every measured process by
 * MemoryCalibrationTest; this class keeps what the start-up rules (FP212) need and the structural facts both share.
 */
public final class ThreadMemory {
    private ThreadMemory() {
    }

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    /** glibc's {@code PTHREAD_STACK_MIN} on x86_64: {@code pthread_attr_setstacksize} refuses less (EINVAL). */
    public static final long PTHREAD_STACK_MIN = 16384;

    /** The smallest size CPython's {@code threading.stack_size()} accepts (ValueError below it, 0 excepted). */
    public static final long PYTHON_STACK_MIN = 32768;

    /**
     * The thread stack glibc gives when RLIMIT_STACK is the usual 8192 KiB ({@code ulimit -s} on the measured
     * host and most distributions).
     */
    public static final long DEFAULT_RLIMIT_STACK = 8192 * KIB;

    /**
     * glibc's {@code ARCH_STACK_DEFAULT_SIZE} on x86_64: the thread stack when RLIMIT_STACK is unlimited
     * ({@code pthread_create(3)}; measured for this rule: {@code ulimit -s unlimited} gives 2052 KiB stack mappings).
     */
    public static final long UNLIMITED_STACK_DEFAULT = 2 * MIB;

    /** Page size: glibc rounds a thread stack up to it. */
    public static final long PAGE = 4 * KIB;

    /** The guard page below every thread stack (8196 KiB mappings for 8 MiB stacks, 516 KiB for 512 KiB; §5.1). */
    public static final long STACK_GUARD = PAGE;

    /** Threads a mod_wsgi 4.9.4 daemon runs besides its request threads, each with a stack (§5.1: T + 2 stacks). */
    public static final int DAEMON_INTERNAL_THREADS = 2;

    /** A daemon process's address space without thread stacks and arenas, at start-up: 18516 KiB (§5.3, {@code a}). */
    public static final long DAEMON_BASE = 18516 * KIB;

    /**
     * Address space each request thread adds beyond its stack mapping, at start-up: 8 KiB ({@code o} = 8.2 KiB,
     * §5.3; the failure point of case {@code wsgi_vmlimit_256m_t50} counts 8204 KiB per thread).
     */
    public static final long DAEMON_THREAD_OVERHEAD = 8 * KIB;

    /**
     * What a daemon process counts under RLIMIT_DATA ({@code memory-limit=}) besides its thread stacks: at most
     * 6080 KiB. Measured for FP212 (this host, mod_wsgi 4.9.4, 8 MiB stacks): the first worker thread that could
     * not be created was 9, 12, 16 at {@code threads=25} and 100, 120, 150 MiB, and 60, 60, 59, 59 at
     * {@code threads=100} and 514048, 513984, 513024, 512000 KiB; the base lies in (5120, 6080] KiB, and a thread
     * counts exactly its stack (the guard page is PROT_NONE, and the per-thread overhead does not count). It is
     * far below {@link #DAEMON_BASE}: RLIMIT_DATA counts private writable mappings only, not code.
     */
    public static final long DAEMON_DATA_BASE = 6080 * KIB;

    /** Address space of one glibc malloc arena: {@code HEAP_MAX_SIZE}, 64 MiB on 64-bit (§5.1). */
    public static final long ARENA_SIZE = 64 * MIB;

    /** glibc's arena cap per core on 64-bit: {@code NARENAS_FROM_NCORES(n) = 8 * n}. */
    public static final int ARENAS_PER_CORE = 8;

    /**
     * Malloc arenas to leave room for while a daemon starts its threads: one, the arena the first request makes.
     * Measured (§4.1 and for FP212): a first start creates its threads before any arena, so a daemon with
     * {@code threads=50} fails at worker thread 27 under 256 MiB and at 49 one thread below the arena-free need;
     * but a daemon restarted while requests wait serves one first, and then failed at 41 (8 threads, one 64 MiB
     * arena, earlier). Every measured daemon whose limit leaves room for the arena started and served: 256 MiB
     * with 512 KiB stacks and 1 GiB with 15 threads (§4.1), and 50 threads at exactly this need.
     */
    public static final int ARENAS_WHILE_STARTING = 1;

    /** Threads of an event/worker child besides ThreadsPerChild that have a stack: the listener and one more (27 for 25). */
    public static final int APACHE_CHILD_EXTRA_THREADS = 2;

    /** A thread stack rounded up to whole pages, as glibc maps it. */
    public static long pageRounded(long stack) {
        // saturated: a stack of 2^63-1 bytes (ThreadStackSize 9223372036854775807, which httpd accepts) never wraps
        return Math.min(stack, io.github.footprint.base.Saturating.MAX) / PAGE * PAGE
                + (Math.min(stack, io.github.footprint.base.Saturating.MAX) % PAGE == 0 ? 0 : PAGE);
    }

    /** The mapping of one thread stack: the stack rounded to pages, plus the guard page. */
    public static long stackMapping(long stack) {
        return pageRounded(stack) + STACK_GUARD;
    }

    /** The glibc arena cap: {@code MALLOC_ARENA_MAX} if set (positive), else 8 per core. */
    public static long arenaMax(Long mallocArenaMax, int cpuCores) {
        return mallocArenaMax != null && mallocArenaMax > 0 ? mallocArenaMax : (long) ARENAS_PER_CORE * cpuCores;
    }

    /**
     * Arena mappings of a process whose {@code threads} have all served: one per thread plus the main thread's,
     * up to the cap, less the main arena, which lives in the brk heap (§5.3: {@code min(T + 1, arena_max - 1)};
     * 2, 5, 15, 15 for T = 1, 4, 15, 50 on 2 cores, 1 with {@code MALLOC_ARENA_MAX=2}).
     */
    public static long arenas(int threads, long arenaMax) {
        return Math.max(0, Math.min(threads + 1L, arenaMax - 1));
    }

    /**
     * The address space a daemon process needs to start its {@code threads} request threads with stacks of
     * {@code stack} bytes, with room for {@code arenas} malloc arenas.
     */
    public static long daemonStartAddressSpace(int threads, long stack, int arenas) {
        long t = Math.max(0, threads);
        return DAEMON_BASE + DAEMON_INTERNAL_THREADS * stackMapping(stack)
                + t * (stackMapping(stack) + DAEMON_THREAD_OVERHEAD) + arenas * ARENA_SIZE;
    }

    /**
     * The request threads a first start creates under an address-space limit, before any arena exists: mod_wsgi
     * logs {@code Couldn't create worker thread N} for the first N at or above this count.
     */
    public static long daemonThreadsStartedUnder(long addressSpaceLimit, long stack) {
        long room = addressSpaceLimit - DAEMON_BASE - DAEMON_INTERNAL_THREADS * stackMapping(stack);
        return room < 0 ? 0 : room / (stackMapping(stack) + DAEMON_THREAD_OVERHEAD);
    }

    /** What a daemon process needs under RLIMIT_DATA to start its threads: the base plus every stack, guards excluded. */
    public static long daemonStartData(int threads, long stack) {
        return DAEMON_DATA_BASE + (Math.max(0, threads) + (long) DAEMON_INTERNAL_THREADS) * pageRounded(stack);
    }

    /** The request threads a daemon creates under RLIMIT_DATA (measured exactly at 7 limits, see {@link #DAEMON_DATA_BASE}). */
    public static long daemonThreadsStartedUnderData(long dataLimit, long stack) {
        long room = dataLimit - DAEMON_DATA_BASE - DAEMON_INTERNAL_THREADS * pageRounded(stack);
        return room < 0 ? 0 : room / pageRounded(stack);
    }
}
