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
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.rules.RuleTestSupport;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/** The AH texts below are the ones apache2 -t of httpd 2.4.71 printed for the same lines
 * (docs/domain/httpd.md#measured-mpm-cases). */
class MpmValueChangedTest {
    private static final String ID = "FP102";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String ANNOUNCED = " on stderr at start-up, then in a short form in the ErrorLog; apache2 -t"
            + " still says Syntax OK. Set the value the server runs with, so that the file says what the server does.";

    @TempDir
    Path tree;

    private void main(String mpm, String... lines) throws Exception {
        RuleTestSupport.writeApacheMain(tree, mpm, lines);
    }

    private List<Finding> fp102() throws Exception {
        return findings(check(tree), ID);
    }

    @Test
    void anAnnouncedChangeQuotesHttpdAndGivesTheValueItRunsWith() throws Exception {
        main("event", "ServerLimit 4", "ThreadsPerChild 25", "MaxRequestWorkers 200");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("MaxRequestWorkers 200 runs as 100 under event (httpd logs AH00515); set MaxRequestWorkers 100 (or"
                + " raise what limits it)", f.message());
        assertEquals("httpd says 'AH00515: WARNING: MaxRequestWorkers of 200 would require 8 servers and would exceed"
                + " ServerLimit of 4, decreasing to 100. To increase, please see the ServerLimit directive.'"
                + ANNOUNCED, f.detail());
    }

    @Test
    void aSilentChangeSaysThatHttpdSaysNothing() throws Exception {
        main("event", "ThreadsPerChild 25", "MinSpareThreads 75", "MaxSpareThreads 80");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 5), f.location());
        assertEquals("MaxSpareThreads 80 runs as 101 under event (httpd changes it silently); set MaxSpareThreads 101"
                + " (or raise what limits it)", f.message());
        assertEquals("MaxSpareThreads of 80 is below MinSpareThreads + ThreadsPerChild + 1; httpd silently raises it to"
                + " 101, with no message at all. Set the value the server runs with, so that the file says what the"
                + " server does.", f.detail());
    }

    @Test
    void preforkRaisesMaxSpareServersSilentlyToo() throws Exception {
        main("prefork", "MinSpareServers 10", "MaxSpareServers 5");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 4), f.location());
        assertEquals("MaxSpareServers 5 runs as 11 under prefork (httpd changes it silently); set MaxSpareServers 11"
                + " (or raise what limits it)", f.message());
        assertEquals("MaxSpareServers of 5 is below MinSpareServers + 1; httpd silently raises it to 11, with no"
                + " message at all. Set the value the server runs with, so that the file says what the server does.",
                f.detail());
    }

    @Test
    void aChangedCompiledInDefaultIsReportedAtTheLoadModuleLine() throws Exception {
        main("event", "ThreadsPerChild 100");
        List<Finding> fs = fp102();
        assertEquals(List.of(new Location(MAIN, 1), new Location(MAIN, 3)),
                fs.stream().map(Finding::location).collect(Collectors.toList()), () -> describe(fs));
        assertEquals("MaxRequestWorkers 400 (compiled-in default) runs as 384 under event (httpd logs AH00513); set"
                + " MaxRequestWorkers 384 (or raise what limits it)", fs.get(0).message());
        assertEquals("httpd says 'AH00513: WARNING: MaxRequestWorkers of 400 is not an integer multiple of"
                + " ThreadsPerChild of 64, decreasing to nearest multiple 384, for a maximum of 6 servers.'"
                + ANNOUNCED, fs.get(0).detail());
        assertEquals("ThreadsPerChild 100 runs as 64 under event (httpd logs AH00507); set ThreadsPerChild 64 (or raise"
                + " what limits it)", fs.get(1).message());
        assertEquals("httpd says 'AH00507: WARNING: ThreadsPerChild of 100 exceeds ThreadLimit of 64 threads,"
                + " decreasing to 64. To increase, please see the ThreadLimit directive.'" + ANNOUNCED,
                fs.get(1).detail());
    }

    @Test
    void threadsPerChild64FitsTheDefaultThreadLimitButNotTheDefaultMaxRequestWorkers() throws Exception {
        main("event", "ThreadsPerChild 64");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 1), f.location());
        assertTrue(f.message().startsWith("MaxRequestWorkers 400 (compiled-in default) runs as 384 under event"
                + " (httpd logs AH00513)"), f::message);
        assertTrue(f.detail().startsWith("httpd says 'AH00513: "), f::detail);
        main("event", "ThreadsPerChild 64", "MaxRequestWorkers 384");
        List<Finding> fs = fp102();
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    /** docs/domain/httpd.md#start-up-checks's worker chain: AH00310, then AH00316, then AH00318. */
    @Test
    void everyStepOfAChainIsReportedWithTheValueTheServerFinallyRunsWith() throws Exception {
        main("worker", "ThreadLimit 20", "ThreadsPerChild 25", "MaxRequestWorkers 170", "ServerLimit 4");
        List<Finding> fs = fp102();
        assertEquals(3, fs.size(), () -> describe(fs));
        assertEquals("ThreadsPerChild 25 runs as 20 under worker (httpd logs AH00310); set ThreadsPerChild 20 (or raise"
                + " what limits it)", message(fs, "AH00310"));
        assertEquals("httpd says 'AH00310: WARNING: ThreadsPerChild of 25 exceeds ThreadLimit of 20 threads, decreasing"
                + " to 20. To increase, please see the ThreadLimit directive.'" + ANNOUNCED, detail(fs, "AH00310"));
        assertEquals("MaxRequestWorkers 170 runs as 80 under worker (httpd logs AH00316); set MaxRequestWorkers 80 (or"
                + " raise what limits it)", message(fs, "AH00316"));
        assertEquals("httpd says 'AH00316: WARNING: MaxRequestWorkers of 170 is not an integer multiple of"
                + " ThreadsPerChild of 20, decreasing to nearest multiple 160, for a maximum of 8 servers.'"
                + ANNOUNCED, detail(fs, "AH00316"));
        assertEquals("MaxRequestWorkers 170 runs as 80 under worker (httpd logs AH00318); set MaxRequestWorkers 80 (or"
                + " raise what limits it)", message(fs, "AH00318"));
        assertEquals("httpd says 'AH00318: WARNING: MaxRequestWorkers of 160 would require 8 servers and would exceed"
                + " ServerLimit of 4, decreasing to 80. To increase, please see the ServerLimit directive.'"
                + ANNOUNCED, detail(fs, "AH00318"));
        assertEquals(new Location(MAIN, 4), at(fs, "AH00310"));
        assertEquals(new Location(MAIN, 5), at(fs, "AH00316"));
        assertEquals(new Location(MAIN, 5), at(fs, "AH00318"));
    }

    @Test
    void preforkCapsMaxRequestWorkersAtTheCompiledInServerLimit() throws Exception {
        main("prefork", "MaxRequestWorkers 300");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals("MaxRequestWorkers 300 runs as 256 under prefork (httpd logs AH00180); set MaxRequestWorkers 256"
                + " (or raise what limits it)", f.message());
        assertEquals("httpd says 'AH00180: WARNING: MaxRequestWorkers of 300 exceeds ServerLimit value of 256 servers,"
                + " decreasing MaxRequestWorkers to 256. To increase, please see the ServerLimit directive.'"
                + ANNOUNCED, f.detail());
    }

    @Test
    void atoiReadsTextAsZero() throws Exception {
        main("event", "MaxRequestWorkers abc");
        List<Finding> fs = fp102();
        // one child of 25 threads then: the compiled-in StartServers 3 is cut to 1 as well, at the LoadModule line
        assertEquals(List.of(new Location(MAIN, 1), new Location(MAIN, 3)),
                fs.stream().map(Finding::location).collect(Collectors.toList()), () -> describe(fs));
        Finding f = fs.get(1);
        assertTrue(f.message().startsWith("MaxRequestWorkers 0 runs as 25 under event (httpd logs AH00511)"),
                f::message);
        assertTrue(f.detail().startsWith("httpd says 'AH00511: WARNING: MaxRequestWorkers of 0 is less than"
                + " ThreadsPerChild of 25, increasing to 25."), f::detail);
    }

    @Test
    void debianStockValuesAreKept() throws Exception {
        main("event", "StartServers 2", "MinSpareThreads 25", "MaxSpareThreads 75", "ThreadLimit 64",
                "ThreadsPerChild 25", "MaxRequestWorkers 150", "MaxConnectionsPerChild 0");
        List<Finding> fs = fp102();
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void withoutALoadModuleAChangedDefaultConcernsTheProject() throws Exception {
        // a vhost-only project: the MPM is assumed, and there is no LoadModule line to point at
        write(tree, "apache/mpm.conf", "ThreadsPerChild 30");
        Finding f = only(check(tree), ID);
        assertEquals(Location.PROJECT, f.location());
        assertTrue(f.message().startsWith("MaxRequestWorkers 400 (compiled-in default) runs as 390 under event"),
                f::message);
    }

    private static Finding with(List<Finding> fs, String code) {
        List<Finding> m = fs.stream().filter(f -> f.detail().contains("'" + code + ": ")).collect(Collectors.toList());
        assertEquals(1, m.size(), () -> code + " in" + describe(fs));
        return m.get(0);
    }

    private static String message(List<Finding> fs, String code) {
        return with(fs, code).message();
    }

    private static String detail(List<Finding> fs, String code) {
        return with(fs, code).detail();
    }

    private static Location at(List<Finding> fs, String code) {
        return with(fs, code).location();
    }
}
