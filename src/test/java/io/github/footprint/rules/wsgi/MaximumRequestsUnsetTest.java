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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class MaximumRequestsUnsetTest {
    private static final String ID = "FP202";

    @TempDir
    Path tree;

    @Test
    void absentMeansModWsgisDefaultZeroAndTheFixIsAValue() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app processes=2 threads=5");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("WSGIDaemonProcess app has no maximum-requests: its 2 process(es) never recycle; add"
                + " maximum-requests=500 (100-1000) and graceful-timeout", f.message());
        assertEquals("mod_wsgi's default 0 means never: a leak in the application grows until the host swaps or the OOM"
                + " killer ends it. graceful-timeout lets the requests in flight finish when a process is recycled.",
                f.detail());
    }

    @Test
    void explicitZeroAndTextSayHowTheValueReads() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess zero maximum-requests=0",
                "WSGIDaemonProcess text maximum-requests=abc");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertTrue(fs.get(0).message().startsWith("WSGIDaemonProcess zero maximum-requests=0 reads as 0, never: its 1"
                + " process(es) never recycle"), fs.get(0)::message);
        assertTrue(fs.get(1).message().startsWith("WSGIDaemonProcess text maximum-requests=abc reads as 0, never"),
                fs.get(1)::message);
        assertTrue(fs.get(1).detail().startsWith("0 means never: a leak in the application grows"), fs.get(1)::detail);
    }

    @Test
    void anyPositiveValueCounts() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app maximum-requests=500",
                "WSGIDaemonProcess lenient maximum-requests=1k");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
