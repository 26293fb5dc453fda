package io.github.footprint.rules.budget;

import static io.github.footprint.model.memory.Calibration.Constant.DAEMON_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.DAEMON_THREAD_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.PREFORK_CHILD_RESTRICTED_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.PREFORK_PARENT_WSGI_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_PYTHON_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_RESTRICTED_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_PARENT_WSGI_RSS;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static io.github.footprint.rules.RuleTestSupport.writeApacheMain;
import static io.github.footprint.rules.budget.Measured.APP_RSS;
import static io.github.footprint.rules.budget.Measured.KIB;
import static io.github.footprint.rules.budget.Measured.MIB;
import static io.github.footprint.rules.budget.Measured.bytes;
import static io.github.footprint.rules.budget.Measured.daemon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.base.Finding;

class MemoryOverBudgetTest {
    private static final String ID = "FP501";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String WSGI = "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so";

    @TempDir
    Path tree;

    /** Event with Debian's sizing (6 children of 25 threads), mod_wsgi restricted; the daemon on line 7. */
    private void event(String daemonOptions) throws Exception {
        writeApacheMain(tree, "event", WSGI, "WSGIRestrictEmbedded On", "ThreadsPerChild 25", "MaxRequestWorkers 150",
                "WSGIDaemonProcess app " + daemonOptions, "WSGIProcessGroup app", "WSGIScriptAlias / /srv/app/app.wsgi");
    }

    /** Prefork, mod_wsgi restricted; MaxRequestWorkers on line 5, the daemon on line 7. */
    private void prefork(int maxRequestWorkers, int processes) throws Exception {
        writeApacheMain(tree, "prefork", WSGI, "WSGIRestrictEmbedded On", "MaxRequestWorkers " + maxRequestWorkers,
                "ServerLimit " + maxRequestWorkers, "WSGIDaemonProcess app processes=" + processes
                        + " threads=5 maximum-requests=500", "WSGIProcessGroup app", "WSGIScriptAlias / /srv/app/app.wsgi");
    }

    @Test
    void daemonProcessesAreTheLargestPartAndTheFixSaysHowManyToStop() throws Exception {
        event("processes=4 threads=15 maximum-requests=500");
        long parent = bytes(THREADED_PARENT_WSGI_RSS);
        long children = 6 * bytes(THREADED_CHILD_RESTRICTED_RSS);
        long each = daemon(15);
        long total = parent + children + 4 * each;
        long memory = 224 * MIB;
        long excess = total - memory;
        long stop = (excess + each - 1) / each;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertEquals(new Location(MAIN, 7), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("Worst-case resident memory is " + Sizes.format(total) + ", above memory=224 MiB by "
                + Sizes.format(excess) + "; set processes=" + (4 - stop) + " on daemon 'app'", f.message());
        assertEquals("Largest: daemon 'app' " + Sizes.format(4 * each) + " (4 x "
                + Sizes.format(each) + ", " + MAIN + ":7), apache children " + Sizes.format(children) + " (6 x "
                + Sizes.format(bytes(THREADED_CHILD_RESTRICTED_RSS)) + ", " + MAIN + ":6), apache parent "
                + Sizes.format(parent) + " (1 x " + Sizes.format(parent) + ", " + MAIN + ":3). To fit, stop " + stop
                + " of the 4 processes of daemon 'app' (" + Sizes.format(each) + " each = "
                + Sizes.format(bytes(DAEMON_RSS)) + " + 15 threads x " + Sizes.format(bytes(DAEMON_THREAD_RSS))
                + " + 1 x appRss 40 MiB): processes=" + (4 - stop) + " at " + MAIN + ":7. Most of each process of"
                + " daemon 'app' is the application (40 MiB of appRss): measure the application's real size and set"
                + " appRss, or load less of it.", f.detail());
    }

    @Test
    void preforkChildrenAreCutThroughMaxRequestWorkers() throws Exception {
        prefork(150, 2);
        long child = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long total = bytes(PREFORK_PARENT_WSGI_RSS) + 150 * child + 2 * daemon(5);
        long excess = total - 512 * MIB;
        long stop = (excess + child - 1) / child;
        Finding f = only(run(request(tree).host("memory", 512 * MIB)), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertTrue(f.detail().endsWith(". To fit, stop " + stop + " of the 150 apache children (" + Sizes.format(child)
                + " each): MaxRequestWorkers " + (150 - stop) + " at " + MAIN + ":5."), f::detail);
        assertTrue(f.message().endsWith("; set MaxRequestWorkers " + (150 - stop)), f::message);
    }

    @Test
    void whenOneProcessOfTheLargestLeftIsNotEnoughTheNextIsCutToo() throws Exception {
        prefork(20, 3);
        long child = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long total = bytes(PREFORK_PARENT_WSGI_RSS) + 20 * child + 3 * daemon(5);
        long excess = total - 100 * MIB;
        // the daemon is the largest: two of its three processes go, and the rest comes from the children
        long rest = excess - 2 * daemon(5);
        long stop = (rest + child - 1) / child;
        Finding f = only(run(request(tree).host("memory", 100 * MIB)), ID);
        assertEquals(new Location(MAIN, 7), f.location());
        assertTrue(f.detail().contains(". To fit, stop 2 of the 3 processes of daemon 'app' (" + Sizes.format(daemon(5))
                + " each = "), f::detail);
        assertTrue(f.detail().contains("): processes=1 at " + MAIN + ":7, not enough on its own; then stop " + stop
                + " of the 20 apache children (" + Sizes.format(child) + " each): MaxRequestWorkers " + (20 - stop)
                + " at " + MAIN + ":5. Most of each process"), f::detail);
    }

    @Test
    void whenOneProcessOfEverythingIsStillOverItSaysSo() throws Exception {
        prefork(20, 3);
        long child = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long smallest = bytes(PREFORK_PARENT_WSGI_RSS) + child + daemon(5);
        long memory = 32 * MIB;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertTrue(f.detail().contains("; with one process of each left, " + Sizes.format(smallest - memory)
                + " is still over: raise memory or move a daemon group to another host"), f::detail);
    }

    @Test
    void embeddedApplicationsGoWithTheirChildrenInWholeThreadsPerChild() throws Exception {
        writeApacheMain(tree, "event", WSGI, "ThreadsPerChild 25", "MaxRequestWorkers 400",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        long each = bytes(THREADED_CHILD_PYTHON_RSS) + APP_RSS;
        long total = bytes(THREADED_PARENT_WSGI_RSS) + 16 * each;
        long memory = 512 * MIB;
        long stop = (total - memory + each - 1) / each;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        // the embedded applications (16 x 40 MiB) are the largest part; the line that sizes them is the mount
        assertEquals(new Location(MAIN, 6), f.location());
        assertTrue(f.detail().contains(". To fit, stop " + stop + " of the 16 apache children (" + Sizes.format(each)
                + " each with their embedded applications): MaxRequestWorkers " + (16 - stop) * 25 + " ("
                + (16 - stop) + " children x ThreadsPerChild 25) at " + MAIN + ":5"), f::detail);
    }

    @Test
    void growthBeforeRecyclingCountsAndIsNamed() throws Exception {
        write(tree, "apache/app.conf", "WSGIRestrictEmbedded On",
                "WSGIDaemonProcess app processes=3 threads=15 maximum-requests=1000", "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        long growth = 1000 * 100 * KIB;
        long each = daemon(15) + growth;
        Finding f = only(run(request(tree).host("memory", 512 * MIB).host("requestGrowth", 100 * KIB)), ID);
        assertEquals(new Location("apache/app.conf", 2), f.location());
        assertTrue(f.detail().contains("Largest: daemon 'app' " + Sizes.format(3 * each) + " (3 x " + Sizes.format(each)),
                f::detail);
        assertTrue(f.detail().contains(" + 1 x appRss 40 MiB + maximum-requests 1000 x requestGrowth 100 KiB)"),
                f::detail);
        assertTrue(f.detail().contains("Most of each process of daemon 'app' is growth before recycling ("
                + Sizes.format(growth) + " of maximum-requests x requestGrowth): a lower maximum-requests bounds it"),
                f::detail);
        // a vhost-only project: the estimate says what it assumed
        assertTrue(f.detail().contains(". The estimate assumes: no main httpd file loads an MPM: event with its"
                + " compiled-in defaults is assumed (parameter mpm)"), f::detail);
    }

    @Test
    void atTheBudgetOrWithoutOneNothingIsReported() throws Exception {
        event("processes=3 threads=15 maximum-requests=500");
        long total = bytes(THREADED_PARENT_WSGI_RSS) + 6 * bytes(THREADED_CHILD_RESTRICTED_RSS) + 3 * daemon(15);
        List<Finding> exact = findings(run(request(tree).host("memory", total)), ID);
        assertTrue(exact.isEmpty(), () -> describe(exact));
        Finding over = only(run(request(tree).host("memory", total - 1)), ID);
        assertTrue(over.message().contains(", above memory=" + Sizes.format(total - 1) + " by 1 bytes;"),
                over::message);
        List<Finding> none = findings(run(request(tree)), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
    }
}
