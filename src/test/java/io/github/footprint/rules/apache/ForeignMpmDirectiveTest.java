package io.github.footprint.rules.apache;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
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

class ForeignMpmDirectiveTest {
    private static final String ID = "FP103";
    private static final String MAIN = "apache2/apache2.conf";

    @TempDir
    Path tree;

    private void main(String mpm, String... lines) throws Exception {
        RuleTestSupport.writeApacheMain(tree, mpm, lines);
    }

    private static List<Location> locations(List<Finding> fs) {
        return fs.stream().map(Finding::location).collect(Collectors.toList());
    }

    @Test
    void aPreforkDirectiveUnderWorkerIsHttpdsInvalidCommand() throws Exception {
        main("worker", "MaxSpareServers 10");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("MaxSpareServers is not a directive of the loaded worker MPM, so httpd refuses to start (Invalid"
                + " command); wrap it in its MPM's <IfModule>, or remove it", f.message());
        assertEquals("httpd's whole message is \"Invalid command 'MaxSpareServers', perhaps misspelled or defined by a"
                + " module not included in the server configuration\". The MPMs' <IfModule> names are"
                + " mpm_prefork_module, mpm_worker_module and mpm_event_module.", f.detail());
    }

    @Test
    void threadedDirectivesUnderPreforkAndEventsOwnUnderWorker() throws Exception {
        main("prefork", "ThreadsPerChild 25", "MinSpareThreads 25", "MaxSpareThreads 75", "ThreadLimit 64",
                "AsyncRequestWorkerFactor 2");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(List.of(new Location(MAIN, 3), new Location(MAIN, 4), new Location(MAIN, 5),
                new Location(MAIN, 6), new Location(MAIN, 7)), locations(fs), () -> describe(fs));
        assertTrue(fs.get(0).message().startsWith("ThreadsPerChild is not a directive of the loaded prefork MPM, so"
                + " httpd refuses to start (Invalid command)"), fs.get(0)::message);
        assertTrue(fs.get(0).detail().startsWith("httpd's whole message is \"Invalid command 'ThreadsPerChild', "),
                fs.get(0)::detail);
        main("worker", "AsyncRequestWorkerFactor 2");
        assertTrue(only(check(tree), ID).message().startsWith("AsyncRequestWorkerFactor is not a directive of the"
                + " loaded worker MPM"));
    }

    @Test
    void theNameIsQuotedAsWritten() throws Exception {
        main("event", "maxspareservers 10");
        Finding f = only(check(tree), ID);
        assertTrue(f.message().startsWith("maxspareservers is not a directive of the loaded event MPM"), f::message);
        assertTrue(f.detail().startsWith("httpd's whole message is \"Invalid command 'maxspareservers', "),
                f::detail);
    }

    @Test
    void guardedByTheirMpmsIfModuleNothingIsReported() throws Exception {
        main("worker",
                "<IfModule mpm_prefork_module>",
                "    MaxSpareServers 10",
                "</IfModule>",
                "<IfModule prefork.c>",
                "    MinSpareServers 5",
                "</IfModule>",
                "<IfModule mpm_event_module>",
                "    AsyncRequestWorkerFactor 2",
                "</IfModule>",
                "<IfModule mpm_worker_module>",
                "    ThreadsPerChild 25",
                "    MaxRequestWorkers 150",
                "</IfModule>");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void coreDirectivesParseUnderEveryMpm() throws Exception {
        main("prefork", "MaxConnectionsPerChild 1000", "MaxRequestsPerChild 1000", "ThreadStackSize 524288",
                "MaxMemFree 2048");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void inAVhostOnlyProjectTheMpmParameterDecides() throws Exception {
        write(tree, "apache/tuning.conf", "MaxSpareServers 10");
        assertTrue(only(check(tree), ID).message().startsWith("MaxSpareServers is not a directive of the loaded event"
                + " MPM"));
        List<Finding> fs = findings(run(request(tree).mpm("prefork")), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void withTwoMpmsLoadedThereIsNoMpmToCompareWith() throws Exception {
        main("worker", "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so",
                "MaxSpareServers 10", "ThreadsPerChild 25");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
        assertEquals(1, findings(check(tree), "FP101").size());
    }
}
