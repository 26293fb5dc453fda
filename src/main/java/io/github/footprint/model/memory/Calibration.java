package io.github.footprint.model.memory;

import java.util.EnumMap;
import java.util.Map;

/**
 * The constants of the memory model (docs/memory-model.md), each measured on real processes: Debian 12, apache2 2.4.71,
 * mod_wsgi 4.9.4, CPython 3.11, glibc 2.36, x86_64, 2 cores, a trivial WSGI application, after 200 requests
 * (docs/memory-model.md#calibration, rows of {@code memcalib.tsv}). Every constant is a named parameter with
 * its measured default; {@link #with} gives a calibration for another host. The application's own footprint is
 * not here: it is the user's {@code appRss}.
 *
 * <p>Address space of threaded processes is not a constant but a sum: base + thread stacks (each the stack plus a
 * 4 KiB guard page) + malloc arenas (64 MiB each); the stacks and arenas come from {@link ThreadMemory}, the bases
 * from here.
 */
public final class Calibration {
    /** The constants, in KiB, with what each measures and where. */
    public enum Constant {
        /** Apache parent, prefork, mod_wsgi not loaded: mean VmRSS of 2 parents. */
        PREFORK_PARENT_RSS(3768, "VmRSS of the Apache parent, prefork, mod_wsgi not loaded (mean of 2)"),
        /** Its VmSize. */
        PREFORK_PARENT_VIRTUAL(5156, "VmSize of the Apache parent, prefork, mod_wsgi not loaded"),
        /** Apache parent, prefork, mod_wsgi loaded (restricted or not): 6868 and 6872 KiB. */
        PREFORK_PARENT_WSGI_RSS(6870, "VmRSS of the Apache parent, prefork, mod_wsgi loaded (mean of 2)"),
        PREFORK_PARENT_WSGI_VIRTUAL(14276, "VmSize of the Apache parent, prefork, mod_wsgi loaded"),
        /** Apache parent, worker or event, mod_wsgi not loaded: mean of 9. */
        THREADED_PARENT_RSS(4001, "VmRSS of the Apache parent, worker/event, mod_wsgi not loaded (mean of 9)"),
        THREADED_PARENT_VIRTUAL(5430, "VmSize of the Apache parent, worker/event, mod_wsgi not loaded (mean of 9)"),
        /** Apache parent, worker or event, mod_wsgi loaded: mean of 39. */
        THREADED_PARENT_WSGI_RSS(7134, "VmRSS of the Apache parent, worker/event, mod_wsgi loaded (mean of 39)"),
        THREADED_PARENT_WSGI_VIRTUAL(14564, "VmSize of the Apache parent, worker/event, mod_wsgi loaded (mean of 39)"),

        /** Prefork child without mod_wsgi: mean of 16 children. */
        PREFORK_CHILD_RSS(4001, "VmRSS of a prefork child, mod_wsgi not loaded (mean of 16)"),
        PREFORK_CHILD_VIRTUAL(6487, "VmSize of a prefork child, mod_wsgi not loaded (mean of 16)"),
        /** Prefork child, mod_wsgi loaded with {@code WSGIRestrictEmbedded On}: 7 children, all 5512 KiB. */
        PREFORK_CHILD_RESTRICTED_RSS(5512, "VmRSS of a prefork child, mod_wsgi loaded, WSGIRestrictEmbedded On (7)"),
        PREFORK_CHILD_RESTRICTED_VIRTUAL(14716, "VmSize of a prefork child, WSGIRestrictEmbedded On (7)"),
        /** Prefork child with Python initialised (mod_wsgi loaded, embedded not restricted): mean of 6. */
        PREFORK_CHILD_PYTHON_RSS(11481, "VmRSS of a prefork child with Python initialised (mean of 6)"),
        PREFORK_CHILD_PYTHON_VIRTUAL(18251, "VmSize of a prefork child with Python initialised (mean of 6)"),

        /** Worker/event child without mod_wsgi, all stack variants: mean of 18 children. */
        THREADED_CHILD_RSS(4959, "VmRSS of a worker/event child, mod_wsgi not loaded (mean of 18)"),
        /** Its VmSize less the stacks and arenas counted in its maps (mean of 18; 7140 to 7476). */
        THREADED_CHILD_BASE(7291, "VmSize of a worker/event child less its stacks and arenas, mod_wsgi not loaded"),
        /** Worker/event child, {@code WSGIRestrictEmbedded On}: mean of 4. */
        THREADED_CHILD_RESTRICTED_RSS(6446, "VmRSS of a worker/event child, WSGIRestrictEmbedded On (mean of 4)"),
        THREADED_CHILD_RESTRICTED_BASE(15514, "VmSize less stacks and arenas, worker/event, WSGIRestrictEmbedded On"),
        /**
         * Worker/event child with Python initialised: mean of 80, both the children of the embedded runs and
         * those that proxied requests to daemons (11924 to 13344 KiB).
         */
        THREADED_CHILD_PYTHON_RSS(12756, "VmRSS of a worker/event child with Python initialised (mean of 80)"),
        THREADED_CHILD_PYTHON_BASE(19535, "VmSize less stacks and arenas, worker/event child with Python (mean of 80)"),

        /** A daemon process before its threads: the after-load fit's intercept {@code b} (§5.3, RMS 231 KiB). */
        DAEMON_RSS(11785, "VmRSS of a mod_wsgi daemon process, fit intercept after 200 requests (b)"),
        /** Each daemon thread, after serving requests: fit slope {@code c} = 40.4 KiB. */
        DAEMON_THREAD_RSS(40.4, "VmRSS per daemon request thread, fit slope after 200 requests (c)"),
        /** A daemon's VmSize less stacks, per-thread overhead and arenas, after load ({@code a}, §5.3). */
        DAEMON_VIRTUAL_BASE(18701, "VmSize of a daemon process less stacks and arenas, after load (a)"),
        /** Address space each request thread adds beyond its stack, after load ({@code o} = 41.8 KiB). */
        DAEMON_THREAD_VIRTUAL(41.8, "VmSize per daemon request thread beyond its stack, after load (o)");

        private final double kib;
        private final String measures;

        Constant(double kib, String measures) {
            this.kib = kib;
            this.measures = measures;
        }

        /** The measured default in bytes. */
        public long defaultBytes() {
            return Math.round(kib * 1024);
        }

        /** What the constant measures, for documentation and reports. */
        public String measures() {
            return measures;
        }
    }

    private static final Calibration MEASURED = new Calibration(new EnumMap<>(Constant.class));

    private final Map<Constant, Long> values;

    private Calibration(Map<Constant, Long> overrides) {
        EnumMap<Constant, Long> v = new EnumMap<>(Constant.class);
        for (Constant c : Constant.values()) {
            v.put(c, overrides.getOrDefault(c, c.defaultBytes()));
        }
        this.values = v;
    }

    /** The calibration measured on the reference host. */
    public static Calibration measured() {
        return MEASURED;
    }

    /** A copy with one constant replaced (bytes). */
    public Calibration with(Constant c, long bytes) {
        EnumMap<Constant, Long> v = new EnumMap<>(values);
        v.put(c, bytes);
        return new Calibration(v);
    }

    /** The constant in bytes. */
    public long bytes(Constant c) {
        return values.get(c);
    }

    /** Resident size of an Apache child with Python initialised (mod_wsgi loaded, embedded mode not restricted). */
    public long childWithPython(boolean prefork) {
        return bytes(prefork ? Constant.PREFORK_CHILD_PYTHON_RSS : Constant.THREADED_CHILD_PYTHON_RSS);
    }

    /** Resident size of an Apache child under {@code WSGIRestrictEmbedded On}. */
    public long childRestricted(boolean prefork) {
        return bytes(prefork ? Constant.PREFORK_CHILD_RESTRICTED_RSS : Constant.THREADED_CHILD_RESTRICTED_RSS);
    }

    /** What initialising Python adds to an Apache child, against a child without mod_wsgi. */
    public long interpreterInChild(boolean prefork) {
        return childWithPython(prefork) - bytes(prefork ? Constant.PREFORK_CHILD_RSS : Constant.THREADED_CHILD_RSS);
    }

    /** What {@code WSGIRestrictEmbedded On} saves per Apache child. */
    public long restrictSaving(boolean prefork) {
        return childWithPython(prefork) - childRestricted(prefork);
    }
}
