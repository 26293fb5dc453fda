package io.github.footprint.rules.budget;

import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_PYTHON_RSS;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.base.Finding;

class MemoryNearBudgetTest {
    private static final String ID = "FP502";
    private static final String MAIN = "apache2/apache2.conf";

    @TempDir
    Path tree;

    /** Event with Debian's sizing, a daemon of four processes on line 6; WSGIRestrictEmbedded as given. */
    private long event(boolean restricted) throws Exception {
        writeApacheMain(tree, "event", "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "WSGIRestrictEmbedded " + (restricted ? "On" : "Off"), "MaxRequestWorkers 150",
                "WSGIDaemonProcess app processes=4 threads=15 maximum-requests=500", "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        long child = bytes(restricted ? THREADED_CHILD_RESTRICTED_RSS : THREADED_CHILD_PYTHON_RSS);
        return bytes(THREADED_PARENT_WSGI_RSS) + 6 * child + 4 * daemon(15);
    }

    @Test
    void aboveNinetyPercentItGivesTheHeadroomAndTheCutBackUnderIt() throws Exception {
        long total = event(false);
        long memory = 300 * MIB;
        long limit = memory * 90 / 100;
        long stop = (total - limit + daemon(15) - 1) / daemon(15);
        Finding f = only(run(request(tree).host("memory", memory)), ID);
        assertEquals(new Location(MAIN, 6), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("Worst-case resident memory is " + Sizes.format(total) + ", "
                + String.format(Locale.ROOT, "%.1f", total * 100.0 / memory) + " % of memory=300 MiB, above 90 %; set"
                + " processes=3 on daemon 'app'", f.message());
        assertTrue(f.detail().startsWith(Sizes.format(memory - total) + " of headroom is less than the 10 % this rule"
                + " keeps free. Largest: daemon 'app' " + Sizes.format(4 * daemon(15))), f::detail);
        assertTrue(f.detail().contains(". To stay under 90 % (" + Sizes.format(limit) + "), stop " + stop + " of the 4"
                + " processes of daemon 'app' (" + Sizes.format(daemon(15)) + " each = "), f::detail);
        assertTrue(f.detail().contains("): processes=" + (4 - stop) + " at " + MAIN + ":6"), f::detail);
    }

    @Test
    void exactlyAtTheThresholdIsQuietOneByteAboveIsNot() throws Exception {
        long total = event(true);
        // memory = 10k bytes puts the threshold at exactly 9k bytes
        long k = (total + 8) / 9;
        List<Finding> at = findings(run(request(tree).host("memory", 10 * k)), ID);
        assertTrue(at.isEmpty(), () -> "9k = " + 9 * k + " >= " + total + describe(at));
        assertEquals(1, findings(run(request(tree).host("memory", 10 * (k - 1))), ID).size());
    }

    @Test
    void thePercentOptionMovesTheThreshold() throws Exception {
        long total = event(true);
        long memory = 300 * MIB;
        // about 84 %: quiet at the default, reported at 80
        assertTrue(total * 100 > memory * 80 && total * 100 <= memory * 90);
        List<Finding> quiet = findings(run(request(tree).host("memory", memory)), ID);
        assertTrue(quiet.isEmpty(), () -> describe(quiet));
        Finding f = only(run(request(tree).host("memory", memory).rules(Map.of("FP502.percent", "80"))), ID);
        assertTrue(f.detail().contains(" of headroom is less than the 20 % this rule keeps free."), f::detail);
        assertTrue(f.detail().contains(". To stay under 80 % (" + Sizes.format(memory * 80 / 100) + "), "),
                f::detail);
    }

    @Test
    void overTheBudgetIsFp501NotThisAndNoBudgetIsNothing() throws Exception {
        long total = event(false);
        List<Finding> over = findings(run(request(tree).host("memory", total - 1)), ID);
        assertTrue(over.isEmpty(), () -> describe(over));
        assertEquals(1, findings(run(request(tree).host("memory", total)), ID).size());
        List<Finding> none = findings(run(request(tree)), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
    }
}
