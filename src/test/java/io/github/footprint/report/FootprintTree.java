package io.github.footprint.report;

import static io.github.footprint.rules.RuleTestSupport.writeApacheMain;
import static io.github.footprint.rules.RuleTestSupport.writeLinkedApp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.footprint.engine.CheckRequest;
import io.github.footprint.model.memory.Calibration;
import io.github.footprint.model.memory.Calibration.Constant;
import io.github.footprint.rules.RuleTestSupport;

/**
 * A small deploy tree with every part of the footprint (event MPM with mod_wsgi restricted, a daemon group of
 * {@link #PROCESSES} processes serving a Pylons app with one SQLAlchemy pool), and what its footprint must be,
 * computed here from the {@link Calibration} constants with docs/memory-model.md's formulas, not with the model's code.
 */
final class FootprintTree {
    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;

    static final int THREADS_PER_CHILD = 10;
    static final int MAX_REQUEST_WORKERS = 40;
    static final int SERVER_LIMIT = 8;
    static final long APACHE_STACK = 512 * KIB;
    static final int PROCESSES = 2;
    static final long DAEMON_STACK = 256 * KIB;
    static final int MAXIMUM_REQUESTS = 200;
    static final int POOL_SIZE = 3;
    static final int MAX_OVERFLOW = 2;
    static final int CPU_CORES = 1;
    static final long REQUEST_GROWTH = 40 * KIB;
    /** appRss when the user gives none (README.md#parameters-of-check). */
    static final long APP_RSS = 40 * MIB;
    /** The database password in the engine URL: no report may print it. */
    static final String SECRET = "hunter2secret";

    /** The line of {@code WSGIDaemonProcess} in {@link RuleTestSupport#writeLinkedApp}'s apache/app.conf. */
    static final String DAEMON_AT = "apache/app.conf:3";
    /** {@code MaxRequestWorkers} in apache2/apache2.conf: LoadModule, Listen, then the lines above. */
    static final int MAX_REQUEST_WORKERS_LINE = 8;
    static final int SERVER_LIMIT_LINE = 6;
    static final int LOAD_WSGI_LINE = 3;
    /** {@code sqlalchemy.pool_size} in app/production.ini: [app:main], use, url, pool_size. */
    static final String POOL_AT = "app/production.ini:4";

    private static final Calibration CAL = Calibration.measured();

    private FootprintTree() {
    }

    /**
     * Writes the tree; {@code threads} is the daemon's {@code threads=} text (a number, or a placeholder that
     * each environment renders), {@code poolSize} the INI's {@code sqlalchemy.pool_size}.
     */
    static void writeTree(Path root, String threads, int poolSize) throws IOException {
        writeApacheMain(root, "event",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "WSGIRestrictEmbedded On",
                "ThreadStackSize " + APACHE_STACK,
                "ServerLimit " + SERVER_LIMIT,
                "ThreadsPerChild " + THREADS_PER_CHILD,
                "MaxRequestWorkers " + MAX_REQUEST_WORKERS);
        writeLinkedApp(root, "processes=" + PROCESSES + " threads=" + threads + " stack-size=" + DAEMON_STACK
                + " maximum-requests=" + MAXIMUM_REQUESTS,
                "sqlalchemy.url = postgresql://app:" + SECRET + "@db.internal/app",
                "sqlalchemy.pool_size = " + poolSize,
                "sqlalchemy.max_overflow = " + MAX_OVERFLOW);
    }

    static void writeTree(Path root, int threads) throws IOException {
        writeTree(root, Integer.toString(threads), POOL_SIZE);
    }

    /** The same tree with its Apache main file this deep, for paths longer than the table's width. */
    static void writeDeep(Path root, String folder, int threads) throws IOException {
        writeTree(root, threads);
        Path main = root.resolve("apache2/apache2.conf");
        List<String> lines = new ArrayList<>(Files.readAllLines(main));
        Files.delete(main);
        RuleTestSupport.write(root, folder + "/apache2.conf", lines.toArray(new String[0]));
    }

    /** The request the tests check the tree with: one core, 40 KiB growth per request. */
    static CheckRequest.Builder request(Path root) {
        return RuleTestSupport.request(root).host("cpuCores", CPU_CORES).host("requestGrowth", REQUEST_GROWTH);
    }

    /** A stack's mapping: whole pages plus the 4 KiB guard page. */
    static long stackMapping(long stack) {
        return (stack + 4 * KIB - 1) / (4 * KIB) * (4 * KIB) + 4 * KIB;
    }

    /** glibc's cap: 8 per core; a process maps min(threads + 1, cap - 1) arenas of 64 MiB. */
    static long arenas(long threads) {
        return Math.min(threads + 1, 8L * CPU_CORES - 1) * 64 * MIB;
    }

    static long parentResident() {
        return CAL.bytes(Constant.THREADED_PARENT_WSGI_RSS);
    }

    static long parentVirtual() {
        return CAL.bytes(Constant.THREADED_PARENT_WSGI_VIRTUAL);
    }

    /** ceil(MaxRequestWorkers / ThreadsPerChild). */
    static long children() {
        return (MAX_REQUEST_WORKERS + THREADS_PER_CHILD - 1) / THREADS_PER_CHILD;
    }

    static long childResident() {
        return CAL.bytes(Constant.THREADED_CHILD_RESTRICTED_RSS);
    }

    /** Base + (ThreadsPerChild + 2) stacks + arenas. */
    static long childStacks() {
        return (THREADS_PER_CHILD + 2) * stackMapping(APACHE_STACK);
    }

    static long childVirtual() {
        return CAL.bytes(Constant.THREADED_CHILD_RESTRICTED_BASE) + childStacks() + arenas(THREADS_PER_CHILD);
    }

    /** Base + threads x per-thread + one application + maximum-requests x requestGrowth. */
    static long daemonResident(int threads) {
        return CAL.bytes(Constant.DAEMON_RSS) + threads * CAL.bytes(Constant.DAEMON_THREAD_RSS) + APP_RSS
                + MAXIMUM_REQUESTS * REQUEST_GROWTH;
    }

    /** Two internal threads besides the request threads. */
    static long daemonStacks(int threads) {
        return (threads + 2) * stackMapping(DAEMON_STACK);
    }

    static long daemonVirtual(int threads) {
        return CAL.bytes(Constant.DAEMON_VIRTUAL_BASE) + threads * CAL.bytes(Constant.DAEMON_THREAD_VIRTUAL)
                + daemonStacks(threads) + arenas(threads) + APP_RSS + MAXIMUM_REQUESTS * REQUEST_GROWTH;
    }

    static long resident(int threads) {
        return parentResident() + children() * childResident() + PROCESSES * daemonResident(threads);
    }

    static long virtual(int threads) {
        return parentVirtual() + children() * childVirtual() + PROCESSES * daemonVirtual(threads);
    }

    /** Event: children up to ServerLimit beyond those counted. */
    static long gracefulStop() {
        return SERVER_LIMIT - children();
    }

    static long connections() {
        return PROCESSES * (POOL_SIZE + MAX_OVERFLOW);
    }
}
