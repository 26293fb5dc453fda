package io.github.footprint.rules.budget;

import static io.github.footprint.model.memory.Calibration.Constant.PREFORK_CHILD_RESTRICTED_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.PREFORK_PARENT_WSGI_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_RESTRICTED_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_PARENT_WSGI_RSS;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.writeApacheMain;
import static io.github.footprint.rules.budget.Measured.MIB;
import static io.github.footprint.rules.budget.Measured.bytes;
import static io.github.footprint.rules.budget.Measured.daemon;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.base.Finding;

class IdleChildrenOverBudgetTest {
    private static final String ID = "FP106";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String WSGI = "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so";

    @TempDir
    Path tree;

    /** Lines 3 and 4 are mod_wsgi; the MPM lines start at 5; the daemon and its mount follow them. */
    private void write(String mpm, int processes, int threads, String... mpmLines) throws Exception {
        List<String> lines = new ArrayList<>(List.of(WSGI, "WSGIRestrictEmbedded On"));
        lines.addAll(List.of(mpmLines));
        lines.add("WSGIDaemonProcess app processes=" + processes + " threads=" + threads + " maximum-requests=500");
        lines.add("WSGIProcessGroup app");
        lines.add("WSGIScriptAlias / /srv/app/app.wsgi");
        writeApacheMain(tree, mpm, lines.toArray(new String[0]));
    }

    @Test
    void preforkStartServersAndSpareChildrenAboveTheBudgetAtIdle() throws Exception {
        write("prefork", 3, 5, "StartServers 20", "MinSpareServers 20", "MaxSpareServers 40", "ServerLimit 40",
                "MaxRequestWorkers 40");
        long child = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long parent = bytes(PREFORK_PARENT_WSGI_RSS);
        long memory = 256 * MIB;
        long idle = parent + 20 * child + 3 * daemon(5);
        long fit = (memory - parent - 3 * daemon(5)) / child;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("At idle Apache keeps 20 children, " + Sizes.format(idle) + " with the rest, above memory=256"
                + " MiB; set StartServers " + fit + " and MinSpareServers " + fit + " (or lower)", f.message());
        assertEquals("StartServers 20, MinSpareServers 20 keep them: with the rest that is " + Sizes.format(idle)
                + " (apache parent " + Sizes.format(parent) + " + 20 apache children x " + Sizes.format(child) + " ("
                + MAIN + ":9) + daemon 'app' 3 x " + Sizes.format(daemon(5)) + " (" + MAIN + ":10)) before the first"
                + " request. " + fit + " idle children of " + Sizes.format(child) + " fit in memory beside the rest.",
                f.detail());
    }

    @Test
    void eventSpareThreadsAloneAtTheirLineAndOnlyTheValueThatIsTooHighIsNamed() throws Exception {
        // StartServers is the default 3; 150 spare threads of 25 per child keep 6 children
        write("event", 4, 15, "MinSpareThreads 150", "MaxSpareThreads 250", "ThreadsPerChild 25",
                "MaxRequestWorkers 400");
        long child = bytes(THREADED_CHILD_RESTRICTED_RSS);
        long others = bytes(THREADED_PARENT_WSGI_RSS) + 4 * daemon(15);
        long memory = others + 4 * child;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertTrue(f.message().startsWith("At idle Apache keeps 6 children, " + Sizes.format(others + 6 * child)
                + " with the rest"), f::message);
        assertTrue(f.detail().startsWith("StartServers 3, MinSpareThreads 150 / ThreadsPerChild 25 keep them: with the"
                + " rest that is " + Sizes.format(others + 6 * child)), f::detail);
        // 4 children fit: StartServers 3 may stay, MinSpareThreads must come down to 4 x 25
        assertTrue(f.message().endsWith("; set MinSpareThreads 100 (or lower)"), f::message);
        assertTrue(f.detail().contains(". 4 idle children of "), f::detail);
    }

    @Test
    void idleChildrenAreCappedByWhatMaxRequestWorkersAllows() throws Exception {
        // httpd starts at most the 10 children MaxRequestWorkers allows, whatever MinSpareServers says
        write("prefork", 3, 5, "StartServers 20", "MinSpareServers 20", "MaxSpareServers 40", "MaxRequestWorkers 10");
        long memory = 160 * MIB;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertTrue(f.message().startsWith("At idle Apache keeps 10 children, "), f::message);
        assertTrue(f.detail().startsWith("StartServers 10, MinSpareServers 20 keep them"), f::detail);
        // and threaded: 1000 spare threads would need 40 children, ServerLimit 4 allows 4
        write("event", 1, 5, "ServerLimit 4", "ThreadsPerChild 25", "MaxRequestWorkers 100", "MinSpareThreads 1000",
                "MaxSpareThreads 1100");
        Finding t = only(run(request(tree).host("memory", 64 * MIB)), ID);
        assertTrue(t.message().startsWith("At idle Apache keeps 4 children"), t::message);
        assertEquals(new Location(MAIN, 8), t.location());
    }

    @Test
    void withoutIdleSettingsTheFindingIsWhereTheChildrenAreSized() throws Exception {
        // prefork's compiled-in StartServers 5 and MinSpareServers 5
        write("prefork", 2, 5, "MaxRequestWorkers 10", "ServerLimit 10");
        long child = bytes(PREFORK_CHILD_RESTRICTED_RSS);
        long memory = bytes(PREFORK_PARENT_WSGI_RSS) + 2 * daemon(5) + 2 * child;
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertTrue(f.message().endsWith("; set StartServers 2 and MinSpareServers 2 (or lower)"), f::message);
    }

    @Test
    void whenNoChildFitsTheDaemonsAreWhatToCut() throws Exception {
        write("prefork", 3, 5, "StartServers 2", "MinSpareServers 2", "MaxRequestWorkers 10", "ServerLimit 10");
        long others = bytes(PREFORK_PARENT_WSGI_RSS) + 3 * daemon(5);
        Finding f = only(run(request(tree).host("memory", 128 * MIB)), ID);
        assertTrue(f.detail().endsWith(". Even one child does not fit: the parent and the daemons take "
                + Sizes.format(others) + " at idle."), f::detail);
        assertTrue(f.message().endsWith("; cut the daemons (FP501 says by how much) or raise memory"), f::message);
    }

    @Test
    void anIdleServerInsideTheBudgetOrNoBudgetIsNotReported() throws Exception {
        write("prefork", 3, 5, "StartServers 2", "MinSpareServers 2", "MaxSpareServers 4", "ServerLimit 12",
                "MaxRequestWorkers 12");
        long idle = bytes(PREFORK_PARENT_WSGI_RSS) + 2 * bytes(PREFORK_CHILD_RESTRICTED_RSS) + 3 * daemon(5);
        List<Finding> exact = findings(run(request(tree).host("memory", idle)), ID);
        assertTrue(exact.isEmpty(), () -> describe(exact));
        assertEquals(1, findings(run(request(tree).host("memory", idle - 1)), ID).size());
        List<Finding> none = findings(run(request(tree)), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
    }
}
