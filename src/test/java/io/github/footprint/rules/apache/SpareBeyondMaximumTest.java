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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.rules.RuleTestSupport;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/** The run-time lines quoted here are the ones a real start of httpd 2.4.71 logged
 * (docs/domain/httpd.md#measured-mpm-cases). */
class SpareBeyondMaximumTest {
    private static final String ID = "FP107";
    private static final String MAIN = "apache2/apache2.conf";

    @TempDir
    Path tree;

    private void main(String mpm, String... lines) throws Exception {
        RuleTestSupport.writeApacheMain(tree, mpm, lines);
    }

    private void assertClean() throws Exception {
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void theCompiledInMinSpareThreadsAboveMaxRequestWorkersIsReportedAtMaxRequestWorkers() throws Exception {
        main("event", "ServerLimit 2", "ThreadsPerChild 25", "MaxRequestWorkers 50");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("MinSpareThreads 75 (compiled-in default) is more than MaxRequestWorkers 50 (AH10159 at run"
                + " time); set MinSpareThreads at most 50", f.message());
        assertEquals("httpd can never keep that many threads spare: it keeps every child it may run alive even when"
                + " idle, and logs 'AH10159: server is within MinSpareThreads of MaxRequestWorkers, consider"
                + " raising the MaxRequestWorkers setting' at run time (apache2 -t says nothing). Typically"
                + " MinSpareThreads is one ThreadsPerChild (25).", f.detail());
        assertEquals("httpd can never keep that many threads spare: it keeps every child it may run alive even when"
                + " idle, and logs 'AH10159: server is within MinSpareThreads of MaxRequestWorkers, consider"
                + " raising the MaxRequestWorkers setting' at run time (apache2 -t says nothing). Typically"
                + " MinSpareThreads is one ThreadsPerChild (25).", f.detail());
    }

    @Test
    void workerHasItsOwnCodeAndAnExplicitValueIsReportedWhereItIsSet() throws Exception {
        main("worker", "ServerLimit 2", "ThreadsPerChild 25", "MaxRequestWorkers 50", "MinSpareThreads 51",
                "MaxSpareThreads 77", "StartServers 2");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 6), f.location());
        assertEquals("MinSpareThreads 51 is more than MaxRequestWorkers 50 (AH00287 at run time); set MinSpareThreads"
                + " at most 50", f.message());
        assertEquals("httpd can never keep that many threads spare: it keeps every child it may run alive even when"
                + " idle, and logs 'AH00287: server is within MinSpareThreads of MaxRequestWorkers, consider"
                + " raising the MaxRequestWorkers setting' at run time (apache2 -t says nothing). Typically"
                + " MinSpareThreads is one ThreadsPerChild (25).", f.detail());
        assertEquals("httpd can never keep that many threads spare: it keeps every child it may run alive even when"
                + " idle, and logs 'AH00287: server is within MinSpareThreads of MaxRequestWorkers, consider"
                + " raising the MaxRequestWorkers setting' at run time (apache2 -t says nothing). Typically"
                + " MinSpareThreads is one ThreadsPerChild (25).", f.detail());
    }

    @Test
    void equalFits() throws Exception {
        // measured: MinSpareThreads 50 with MaxRequestWorkers 50 logs nothing, 51 logs AH00287
        main("event", "ServerLimit 2", "ThreadsPerChild 25", "MaxRequestWorkers 50", "MinSpareThreads 50",
                "MaxSpareThreads 76", "StartServers 2");
        assertClean();
        main("prefork", "ServerLimit 2", "MaxRequestWorkers 2", "MinSpareServers 2", "MaxSpareServers 3");
        assertClean();
    }

    @Test
    void preforkCountsServers() throws Exception {
        main("prefork", "MaxRequestWorkers 10", "MinSpareServers 20", "MaxSpareServers 30");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 4), f.location());
        assertEquals("MinSpareServers 20 is more than MaxRequestWorkers 10 (AH00161 at run time); set MinSpareServers"
                + " at most 10", f.message());
        assertEquals("httpd can never keep that many servers spare: it keeps every child it may run alive even when"
                + " idle, and logs 'AH00161: server reached MaxRequestWorkers setting, consider raising the"
                + " MaxRequestWorkers setting' at run time (apache2 -t says nothing).", f.detail());
        assertEquals("httpd can never keep that many servers spare: it keeps every child it may run alive even when"
                + " idle, and logs 'AH00161: server reached MaxRequestWorkers setting, consider raising the"
                + " MaxRequestWorkers setting' at run time (apache2 -t says nothing).", f.detail());
    }

    @Test
    void theEffectiveMaximumCountsAndTwoDefaultsAreReportedAtTheLoadModule() throws Exception {
        // ServerLimit 2 cuts the compiled-in MaxRequestWorkers 256 to 2 (AH00180), below the compiled-in 5
        main("prefork", "ServerLimit 2");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 1), f.location());
        assertTrue(f.message().startsWith("MinSpareServers 5 (compiled-in default) is more than MaxRequestWorkers 2"
                + " (AH00161 at run time)"), f::message);
    }

    @Test
    void compiledInDefaultsFit() throws Exception {
        main("event");
        assertClean();
        main("worker");
        assertClean();
        main("prefork");
        assertClean();
    }
}
