package io.github.footprint.rules.apache;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.rules.RuleTestSupport;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class LimitFarAboveNeedTest {
    private static final String ID = "FP109";
    private static final String MAIN = "apache2/apache2.conf";

    @TempDir
    Path tree;

    private void main(String mpm, String... lines) throws Exception {
        RuleTestSupport.writeApacheMain(tree, mpm, lines);
    }

    private List<Finding> fp109(Map<String, String> rules) throws Exception {
        return findings(check(tree, rules, 0, List.of()), ID);
    }

    @Test
    void serverLimitFarAboveTheChildrenMaxRequestWorkersNeeds() throws Exception {
        main("event", "ServerLimit 256", "ThreadsPerChild 25", "MaxRequestWorkers 150");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("ServerLimit 256 is more than 4 times the 6 child process(es) MaxRequestWorkers 150 can use; set"
                + " ServerLimit 6 plus a few for gracefully stopping children", f.message());
        assertEquals("httpd sizes its scoreboard (shared memory) for ServerLimit, used or not.", f.detail());
    }

    @Test
    void workerHasNoGracefulHeadroomAndPreforkCountsServers() throws Exception {
        main("worker", "ServerLimit 100", "ThreadsPerChild 25", "MaxRequestWorkers 150");
        Finding f = only(check(tree), ID);
        assertEquals("ServerLimit 100 is more than 4 times the 6 child process(es) MaxRequestWorkers 150 can use; set"
                + " ServerLimit 6", f.message());
        assertEquals("httpd sizes its scoreboard (shared memory) for ServerLimit, used or not.", f.detail());
        main("prefork", "ServerLimit 20000", "MaxRequestWorkers 150");
        f = only(check(tree), ID);
        assertEquals("ServerLimit 20000 is more than 4 times the 150 servers MaxRequestWorkers 150 can use; set"
                + " ServerLimit 150", f.message());
        assertEquals("httpd sizes its scoreboard (shared memory) for ServerLimit, used or not.", f.detail());
    }

    @Test
    void threadLimitFarAboveThreadsPerChild() throws Exception {
        main("worker", "ThreadLimit 1000", "ThreadsPerChild 25", "MaxRequestWorkers 150");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals("ThreadLimit 1000 is more than 4 times ThreadsPerChild 25; set ThreadLimit 25", f.message());
        assertEquals("httpd sizes every child's scoreboard slots (shared memory) for ThreadLimit, used or not.",
                f.detail());
    }

    @Test
    void bothLimitsAreReportedEachAtItsLine() throws Exception {
        main("event", "ServerLimit 1000", "ThreadLimit 1000");
        List<Finding> fs = fp109(Map.of());
        assertEquals(2, fs.size(), () -> describe(fs));
        assertEquals(new Location(MAIN, 3), fs.get(0).location());
        assertEquals(new Location(MAIN, 4), fs.get(1).location());
    }

    @Test
    void exactlyFactorTimesTheNeedIsHeadroomAndDefaultsAreNeverReported() throws Exception {
        // 400 / 25 = 16 children; 64 = 4 x 16. ThreadLimit 100 = 4 x 25
        main("event", "ServerLimit 64", "ThreadLimit 100", "ThreadsPerChild 25", "MaxRequestWorkers 400");
        assertTrue(fp109(Map.of()).isEmpty());
        main("event", "ServerLimit 65", "ThreadLimit 101", "ThreadsPerChild 25", "MaxRequestWorkers 400");
        assertEquals(2, fp109(Map.of()).size());
        // the compiled-in ThreadLimit 64 is more than 4 x ThreadsPerChild 10, but nobody wrote it
        main("event", "ThreadsPerChild 10", "MaxRequestWorkers 100");
        List<Finding> fs = fp109(Map.of());
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void theFactorIsAnOption() throws Exception {
        main("event", "ServerLimit 40");
        assertTrue(fp109(Map.of()).isEmpty());
        Finding f = only(check(tree, Map.of("FP109.factor", "2"), 0, List.of()), ID);
        assertTrue(f.message().startsWith("ServerLimit 40 is more than 2 times the 16 child process(es)"
                + " MaxRequestWorkers 400 can use"), f::message);
    }

    @Test
    void theLimitComparedIsTheOneHttpdRunsWith() throws Exception {
        // ServerLimit 30000 runs as 20000 (AH00497, FP102): FP109 speaks of 20000
        main("event", "ServerLimit 30000");
        Finding f = only(check(tree), ID);
        assertTrue(f.message().startsWith("ServerLimit 20000 is more than 4 times the 16 child"), f::message);
    }
}
