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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.rules.RuleTestSupport;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/** The AH codes and texts are the ones apache2 -t -e info of httpd 2.4.71 printed
 * (docs/domain/httpd.md#measured-mpm-cases). */
class DeprecatedMpmNameTest {
    private static final String ID = "FP108";
    private static final String MAIN = "apache2/apache2.conf";

    @TempDir
    Path tree;

    private void main(String mpm, String... lines) throws Exception {
        RuleTestSupport.writeApacheMain(tree, mpm, lines);
    }

    private String maxClientsDetail(String mpm) throws Exception {
        main(mpm, "MaxClients 150");
        return only(check(tree), ID).detail();
    }

    @Test
    void maxClientsNamesTheNewNameAndTheInfoLineOfTheLoadedMpm() throws Exception {
        main("event", "MaxClients 150");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("MaxClients is the httpd 2.2 name of MaxRequestWorkers; write MaxRequestWorkers 150", f.message());
        assertEquals("httpd 2.4 logs 'AH00521: MaxClients is deprecated, use MaxRequestWorkers instead.' at info level"
                + " only. Both names set the same value and the last one wins.", f.detail());
        assertTrue(maxClientsDetail("worker").startsWith("httpd 2.4 logs 'AH00324: MaxClients is deprecated, use"
                + " MaxRequestWorkers instead.' "));
        assertTrue(maxClientsDetail("prefork").startsWith("httpd 2.4 logs 'AH00188: MaxClients is deprecated, use"
                + " MaxRequestWorkers instead.' "));
    }

    @Test
    void maxRequestsPerChildIsTheCoresAh00545UnderEveryMpm() throws Exception {
        for (String mpm : List.of("event", "worker", "prefork")) {
            main(mpm, "MaxRequestsPerChild 1000");
            Finding f = only(check(tree), ID);
            assertEquals(new Location(MAIN, 3), f.location());
            assertEquals("MaxRequestsPerChild is the httpd 2.2 name of MaxConnectionsPerChild; write"
                    + " MaxConnectionsPerChild 1000", f.message());
            assertEquals("httpd 2.4 logs 'AH00545: MaxRequestsPerChild is deprecated, use MaxConnectionsPerChild"
                    + " instead.' at info level only. Both names set the same value and the last one wins.",
                    f.detail());
        }
    }

    @Test
    void everyOccurrenceIsReportedAndTheLastNameSetsTheValue() throws Exception {
        // httpd: MaxRequestWorkers 100 then MaxClients 130 runs 130 (AH00513 names 130)
        main("event", "MaxRequestWorkers 100", "MaxClients 130", "maxclients 125");
        CheckResult r = check(tree);
        List<Finding> fs = findings(r, ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertTrue(fs.get(1).message().startsWith("maxclients is the httpd 2.2 name of MaxRequestWorkers"),
                fs.get(1)::message);
        List<Finding> fp102 = findings(r, "FP102");
        assertTrue(fp102.isEmpty(), () -> "125 is a multiple of 25, 130 would not be:" + describe(fp102));
    }

    @Test
    void theNewNamesAndUnreadSectionsAreClean() throws Exception {
        main("event", "MaxRequestWorkers 150", "MaxConnectionsPerChild 1000",
                "<IfVersion < 2.4>",
                "    MaxClients 150",
                "    MaxRequestsPerChild 1000",
                "</IfVersion>");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void onHttpd22TheyAreTheOnlyNames() throws Exception {
        // 2.2 compiles the MPM into the binary: no LoadModule
        write(tree, MAIN, "Listen 80", "MaxClients 150", "MaxRequestsPerChild 1000");
        List<Finding> fs = findings(run(request(tree).apacheVersion("2.2").mpm("prefork")), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void inAVirtualHostItIsFp104sContextError() throws Exception {
        main("event", "<VirtualHost *:80>", "    MaxClients 150", "</VirtualHost>");
        CheckResult r = check(tree);
        List<Finding> fs = findings(r, ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
        assertEquals(new Location(MAIN, 4), only(r, "FP104").location());
    }
}
