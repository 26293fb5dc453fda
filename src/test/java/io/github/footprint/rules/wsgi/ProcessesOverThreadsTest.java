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

class ProcessesOverThreadsTest {
    private static final String ID = "FP214";

    @TempDir
    Path tree;

    @Test
    void fourProcessesOfFiveThreadsFitOneProcessOfTwenty() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app processes=4 threads=5 maximum-requests=500");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("WSGIDaemonProcess app processes=4 threads=5: use processes=1 threads=20, as many requests in 34.5"
                + " MiB less, unless they are CPU-bound", f.message());
        assertEquals("processes=4 threads=5 serves 20 requests at once with 4 copies of the interpreter and the"
                + " application; processes=1 threads=20 serves as many with one: 3 x 11.5 MiB = 34.5 MiB less for the"
                + " processes alone (measured daemon RSS: 11.5 MiB + 40.4 KiB per thread), plus 3 copies fewer of the"
                + " application (appRss 40 MiB each) and of its database pools. Keep several processes only for"
                + " CPU-bound requests (one process runs Python on about one core) or an application that is not"
                + " thread-safe.", f.detail());
    }

    @Test
    void onlyWithinMaxThreadsWhichIsAnOption() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess a processes=2",
                "WSGIDaemonProcess b processes=5 threads=5",
                "WSGIDaemonProcess c processes=2 threads=13");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(List.of(2), fs.stream().map(f -> f.location().line()).collect(java.util.stream.Collectors.toList()),
                () -> describe(fs));
        List<Finding> wider = findings(check(tree, Map.of("FP214.maxThreads", "30"), 0, List.of()), ID);
        assertEquals(3, wider.size(), () -> describe(wider));
        assertTrue(wider.get(0).message().startsWith("WSGIDaemonProcess a processes=2 threads=15: use processes=1"
                + " threads=30"), wider.get(0)::message);
        assertTrue(wider.get(0).detail().startsWith("processes=2 threads=15 serves 30 requests"), wider.get(0)::detail);
    }

    @Test
    void oneProcessOrNoRequestThreadsIsQuiet() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess a processes=1 threads=5",
                "WSGIDaemonProcess b threads=5",
                "WSGIDaemonProcess c processes=3 threads=0",
                "WSGIDaemonProcess d processes=0 threads=5");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
