package io.github.footprint.rules.budget;

import static io.github.footprint.model.memory.Calibration.Constant.PREFORK_CHILD_PYTHON_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.PREFORK_CHILD_RESTRICTED_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.PREFORK_PARENT_WSGI_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_PYTHON_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_PARENT_WSGI_RSS;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static io.github.footprint.rules.RuleTestSupport.writeApacheMain;
import static io.github.footprint.rules.budget.Measured.APP_RSS;
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

class MaxRequestWorkersOverBudgetTest {
    private static final String ID = "FP105";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String WSGI = "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so";

    @TempDir
    Path tree;

    /** Prefork with mod_wsgi restricted to daemons; MaxRequestWorkers on line 5, the daemon on line 7. */
    private void prefork(int maxRequestWorkers, int processes) throws Exception {
        writeApacheMain(tree, "prefork", WSGI,
                "WSGIRestrictEmbedded On",
                "MaxRequestWorkers " + maxRequestWorkers,
                "ServerLimit " + maxRequestWorkers,
                "WSGIDaemonProcess app processes=" + processes + " threads=5 maximum-requests=500",
                "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app/app.wsgi");
    }

    @Test
    void childrenThatInitialisePythonForNothingAreToldAboutWSGIRestrictEmbedded() throws Exception {
        writeApacheMain(tree, "prefork", WSGI,
                "MaxRequestWorkers 150",
                "WSGIDaemonProcess app processes=2 threads=5 maximum-requests=500",
                "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        long python = bytes(PREFORK_CHILD_PYTHON_RSS);
        long restricted = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long room = 1024 * MIB - bytes(PREFORK_PARENT_WSGI_RSS) - 2 * daemon(5);
        Finding f = only(run(request(tree).host("memory", 1024 * MIB)), ID);
        assertEquals("Apache's 150 children take " + Sizes.format(150 * python) + ", more than memory=1 GiB on their"
                + " own; set MaxRequestWorkers " + room / python + ", or WSGIRestrictEmbedded On (FP209)", f.message());
        assertTrue(f.detail().startsWith("The children (MaxRequestWorkers 150) take 150 x " + Sizes.format(python)
                + " = " + Sizes.format(150 * python) + ". " + room / python + " children of "), f::detail);
        assertTrue(room / restricted >= 150, "with the restriction they all fit");
        assertTrue(f.detail().endsWith(". No application runs embedded, yet each child initialises Python: with"
                + " WSGIRestrictEmbedded On (FP209) a child takes " + Sizes.format(restricted) + " instead of "
                + Sizes.format(python) + ", and all 150 fit."), f::detail);
        // with the restriction in place the hint goes away (and so does the finding, here)
        write(tree, MAIN, "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so", WSGI,
                "WSGIRestrictEmbedded On", "MaxRequestWorkers 150");
        assertEquals(List.of(), findings(run(request(tree).host("memory", 1024 * MIB)), ID));
    }

    @Test
    void preforkChildrenOverTheBudgetGetTheLargestMaxRequestWorkersThatFits() throws Exception {
        prefork(150, 2);
        long child = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long parent = bytes(PREFORK_PARENT_WSGI_RSS);
        long daemons = 2 * daemon(5);
        long memory = 512 * MIB;
        long room = memory - parent - daemons;
        long fit = room / child;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("Apache's 150 children take " + Sizes.format(150 * child) + ", more than memory=512 MiB on their"
                + " own; set MaxRequestWorkers " + fit, f.message());
        assertTrue(f.detail().startsWith("The children (MaxRequestWorkers 150) take 150 x " + Sizes.format(child)
                + " = " + Sizes.format(150 * child) + ". " + fit + " children of " + Sizes.format(child) + " fit in the "
                + Sizes.format(room) + " left beside daemon 'app' " + Sizes.format(daemons) + " (2 x "
                + Sizes.format(daemon(5)) + ", " + MAIN + ":7), apache parent " + Sizes.format(parent)), f::detail);
        // what it suggests fits: one more child would not
        assertTrue(parent + daemons + fit * child <= memory && parent + daemons + (fit + 1) * child > memory);
    }

    @Test
    void eventChildrenCarryTheirEmbeddedApplicationAndTheValueIsAMultipleOfThreadsPerChild() throws Exception {
        writeApacheMain(tree, "event", WSGI,
                "ThreadsPerChild 25",
                "MaxRequestWorkers 150",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        long each = bytes(THREADED_CHILD_PYTHON_RSS) + APP_RSS;
        long memory = 256 * MIB;
        long fit = (memory - bytes(THREADED_PARENT_WSGI_RSS)) / each;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertEquals("Apache's 6 children take " + Sizes.format(6 * each) + ", more than memory=256 MiB on their own;"
                + " set MaxRequestWorkers " + fit * 25 + " (" + fit + " children x ThreadsPerChild 25)", f.message());
        assertTrue(f.detail().startsWith("The children (MaxRequestWorkers 150 / ThreadsPerChild 25) take 6 x "
                + Sizes.format(bytes(THREADED_CHILD_PYTHON_RSS)) + " + 40 MiB of embedded applications each = "
                + Sizes.format(6 * each) + ". " + fit + " children of " + Sizes.format(each) + " fit in the "),
                f::detail);
    }

    @Test
    void whenTheDaemonsTakeTheBudgetNothingIsLeftForChildren() throws Exception {
        prefork(30, 3);
        long parent = bytes(PREFORK_PARENT_WSGI_RSS);
        long others = parent + 3 * daemon(5);
        Finding f = only(run(request(tree).host("memory", 128 * MIB)), ID);
        assertTrue(f.message().contains(", more than memory=128 MiB on their own; cut the daemons first (FP501 says by"
                + " how much), or raise memory"), f::message);
        assertTrue(f.detail().contains(". Nothing is left for them: daemon 'app' " + Sizes.format(3 * daemon(5))),
                f::detail);
        assertTrue(f.detail().endsWith(" already take " + Sizes.format(others) + " of the budget."), f::detail);
    }

    @Test
    void whenLessThanOneChildIsLeftItSaysHowMuchIs() throws Exception {
        prefork(30, 2);
        long child = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long others = bytes(PREFORK_PARENT_WSGI_RSS) + 2 * daemon(5);
        // room for half a child
        long memory = others + child / 2;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertTrue(f.detail().contains(". Only " + Sizes.format(child / 2) + " is left beside daemon 'app' "),
                f::detail);
        assertTrue(f.detail().endsWith(", less than one child of " + Sizes.format(child) + "."), f::detail);
        assertTrue(f.message().endsWith("; cut the daemons first (FP501 says by how much), or raise memory"),
                f::message);
    }

    @Test
    void childrenThatFitOrNoBudgetAreNotReported() throws Exception {
        prefork(150, 2);
        long children = 150 * bytes(PREFORK_CHILD_RESTRICTED_RSS);
        // the children alone exactly fill the budget: not over it (the whole footprint is FP501's)
        List<Finding> exact = findings(run(request(tree).host("memory", children)), ID);
        assertTrue(exact.isEmpty(), () -> describe(exact));
        assertEquals(1, findings(run(request(tree).host("memory", children - 1)), ID).size());
        List<Finding> none = findings(run(request(tree)), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
    }

    @Test
    void aVhostOnlyProjectSaysWhichMpmItAssumed() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app processes=1 threads=5 maximum-requests=500",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        // event with its compiled-in defaults: 400 / 25 = 16 children, with the application embedded in each
        long each = bytes(THREADED_CHILD_PYTHON_RSS) + APP_RSS;
        Finding f = only(run(request(tree).host("memory", 256 * MIB)), ID);
        assertEquals(new Location("apache/app.conf", 0), f.location());
        assertTrue(f.message().startsWith("Apache's 16 children take " + Sizes.format(16 * each) + ", more than"),
                f::message);
        assertTrue(f.detail().startsWith("The children (MaxRequestWorkers 400 / ThreadsPerChild 25) take 16 x "
                + Sizes.format(bytes(THREADED_CHILD_PYTHON_RSS)) + " + 40 MiB of embedded applications each = "
                + Sizes.format(16 * each)), f::detail);
        assertTrue(f.detail().contains(". The estimate assumes: no main httpd file loads an MPM: event with its"
                + " compiled-in defaults is assumed (parameter mpm); "), f::detail);
    }
}
