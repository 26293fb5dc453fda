package io.github.footprint.rules.wsgi;

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
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class MaximumRequestsTooHighTest {
    private static final String ID = "FP201";

    @TempDir
    Path tree;

    private void daemon(String options) throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    ServerName app.example.com",
                "    WSGIDaemonProcess app " + options,
                "    WSGIProcessGroup app",
                "</VirtualHost>");
    }

    @Test
    void withRequestGrowthTheMessageShowsTheGrowthPerProcessAndGroup() throws Exception {
        daemon("processes=2 threads=5 maximum-requests=5000");
        Finding f = only(check(tree, Map.of(), 40 * 1024, List.of()), ID);
        assertEquals(new Location("apache/app.conf", 3), f.location());
        assertEquals(Severity.WARNING, f.severity());
        // 5000 x 40 KiB = 195.3 MiB per process, twice that for the group
        assertEquals("WSGIDaemonProcess app: maximum-requests=5000 lets a leak grow 195.3 MiB per process before"
                + " recycling; use 100-1000", f.message());
        assertEquals("At requestGrowth=40 KiB a process grows 5000 x 40 KiB = 195.3 MiB before it is recycled, 390.6"
                + " MiB for its 2 process(es). The limit counts requests per process, across all its threads.",
                f.detail());
    }

    @Test
    void withoutRequestGrowthTheMessageSaysHowToSeeTheCost() throws Exception {
        daemon("processes=1 threads=5 maximum-requests=2000");
        Finding f = only(check(tree), ID);
        assertTrue(f.message().contains("maximum-requests=2000 recycles a leaking process only after 2000 requests"),
                f::message);
        assertTrue(f.detail().endsWith(" Set requestGrowth (what one request may leak) to see what a leak costs before"
                + " recycling."), f::detail);
        assertTrue(f.message().endsWith("; use 100-1000"), f::message);
    }

    @Test
    void aboveTenThousandIsAnError() throws Exception {
        daemon("processes=1 threads=5 maximum-requests=10001");
        assertEquals(Severity.ERROR, only(check(tree), ID).severity());
    }

    @Test
    void tenThousandItselfIsAWarningAndOneThousandNothing() throws Exception {
        daemon("processes=1 threads=5 maximum-requests=10000");
        assertEquals(Severity.WARNING, only(check(tree), ID).severity());
        daemon("processes=1 threads=5 maximum-requests=1000");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void atoiReadsTheDigitsBeforeASuffix() throws Exception {
        daemon("processes=1 threads=5 maximum-requests=5000x");
        assertTrue(only(check(tree), ID).message().contains("maximum-requests=5000 "));
    }

    @Test
    void optionsMoveBothLimitsAndTheRecommendedRange() throws Exception {
        daemon("processes=1 threads=5 maximum-requests=600");
        Finding f = only(check(tree, Map.of("FP201.threshold", "200", "FP201.errorAbove", "500"), 0, List.of()), ID);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().endsWith("; use 100-200"), f::message);
    }
}
