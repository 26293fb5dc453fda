package io.github.footprint.rules.wsgi;

/**
 * Resident sizes measured on real processes (Debian 12, apache2 2.4 with mod_wsgi 4.9.4, CPython 3.11, a
 * trivial application; calibration/MEASUREMENTS.md §5.3 and §5.4). Floors: a real application adds its own
 * import footprint on top.
 */
final class Measured {
    private static final long MIB = 1024L * 1024;

    /** Python initialised in a prefork child: 11.21 MiB RSS with mod_wsgi loaded against 3.85 without. */
    static final long PREFORK_INTERPRETER = mib(11.21 - 3.85);
    /** The same in an event/worker child: 12.14 MiB against 4.87 (event). */
    static final long THREADED_INTERPRETER = mib(12.14 - 4.87);
    /** What {@code WSGIRestrictEmbedded On} saves per prefork child: 11.21 MiB RSS against 5.38 MiB. */
    static final long PREFORK_RESTRICT_SAVING = mib(11.21 - 5.38);
    /** The same per event/worker child: 12.14 MiB against 6.36 MiB (event; worker 12.06 against 6.23). */
    static final long THREADED_RESTRICT_SAVING = mib(12.14 - 6.36);
    /** A daemon process after serving requests, before threads: 11785 KiB (fit b, RMS 231 KiB). */
    static final long DAEMON_BASE = 11785L * 1024;
    /** Each daemon thread after serving requests: 40.4 KiB (fit c). */
    static final long DAEMON_PER_THREAD = (long) (40.4 * 1024);
    /** Bytes of a thread stack mapping beyond the stack itself: the guard page. */
    static final long GUARD = 4096;
    /** The default thread stack: {@code ulimit -s} 8192 KiB. */
    static final long DEFAULT_STACK = 8L * MIB;

    /** The application's own import cost quoted in messages: CPython with the Pylons stack's libraries (DOMAIN.md §5.3). */
    static final String APP_COST = "about 41 MB for a Pylons + SQLAlchemy stack";

    private Measured() {
    }

    private static long mib(double m) {
        return Math.round(m * MIB);
    }
}
