package io.github.footprint.rules.wsgi;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class MaximumRequestsTooLowTest {
    private static final String ID = "FP203";

    @TempDir
    Path tree;

    @Test
    void suffixIsExplainedAsAtoiReadsIt() throws Exception {
        write(tree, "apache/app.conf",
                "# meant as 1000",
                "WSGIDaemonProcess app processes=2 threads=5 maximum-requests=1k");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 2), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("WSGIDaemonProcess app: maximum-requests=1 restarts each process after 1 request(s); use at least"
                + " 50, typically 100-1000", f.message());
        assertEquals("'1k' reads as 1: mod_wsgi uses atoi and drops what follows the digits. Every restart re-imports"
                + " the application (seconds of CPU, and requests wait or fail meanwhile).", f.detail());
    }

    @Test
    void aPlainLowValueHasNoAtoiNote() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app maximum-requests=49");
        Finding f = only(check(tree), ID);
        assertTrue(f.message().startsWith("WSGIDaemonProcess app: maximum-requests=49 restarts each process after 49"
                + " request(s)"), f::message);
        assertFalse(f.message().contains("atoi"), f::message);
    }

    @Test
    void theMinimumOptionIsTheNumberTheMessageAsksFor() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app maximum-requests=100",
                "WSGIDaemonProcess admin maximum-requests=200");
        Finding f = only(check(tree, Map.of("FP203.minimum", "200"), 0, List.of()), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertTrue(f.message().endsWith("; use at least 200, typically 100-1000"), f::message);
    }

    @Test
    void neverRecycledIsNotTooLow() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess unset threads=5",
                "WSGIDaemonProcess zero maximum-requests=0",
                "WSGIDaemonProcess text maximum-requests=abc",
                "WSGIDaemonProcess minimum maximum-requests=50");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
