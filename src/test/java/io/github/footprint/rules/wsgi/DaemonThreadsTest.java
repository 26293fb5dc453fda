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

class DaemonThreadsTest {
    private static final String ID = "FP210";

    @TempDir
    Path tree;

    @Test
    void zeroThreadsBehindAMountIsAnError() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app processes=1 threads=0",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIDaemonProcess app threads=0 starts no request threads, yet 1 mount(s) send requests to it,"
                + " which hang; give it threads=5 or more", f.message());
        assertEquals("threads=0 is mod_wsgi's managed-process mode, meant for a WSGIImportScript service. Requests come"
                + " to it from WSGIScriptAlias / (apache/app.conf:2): they are never answered and hang until the client"
                + " gives up (measured with mod_wsgi 4.9.4).", f.detail());
    }

    @Test
    void textThatAtoiReadsAsZeroIsSaid() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=five");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.detail().startsWith("threads=five reads as 0 (mod_wsgi reads numbers with atoi). threads=0 is"
                + " mod_wsgi's managed-process mode"), f::detail);
        assertTrue(f.detail().contains("and no WSGIImportScript loads anything into it: its process exits at once and"
                + " mod_wsgi starts it again, about once a second (measured), for nothing"), f::detail);
    }

    @Test
    void tooManyThreadsIsAWarningWithTheStackCost() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app processes=2 threads=50");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("WSGIDaemonProcess app threads=50 in each of its 2 process(es): past a few, threads wait for"
                + " Python's lock; use threads=15 or fewer", f.message());
        assertEquals("Python runs one thread at a time (the interpreter lock), so past a few threads requests wait for"
                + " it instead of running, while each thread still costs a stack of 8 MiB (50 x (8 MiB + a 4 KiB guard"
                + " page) = 400.2 MiB of address space per process, stack-size unset), about 40.4 KiB RSS, and once"
                + " busy a malloc arena of 64 MiB address space (up to 8 per core; measured: 1397 MiB VmSize at 50"
                + " threads against 1115 MiB at 15). mod_wsgi's docs suggest 5 threads to start; add processes only for"
                + " CPU-bound work.", f.detail());
    }

    @Test
    void theThresholdIsAnOptionAndAnAbsentCountIs15() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess a threads=25",
                "WSGIDaemonProcess b",
                "WSGIDaemonProcess c threads=8");
        assertTrue(findings(check(tree), ID).isEmpty());
        List<Finding> fs = findings(check(tree, Map.of("FP210.threshold", "10"), 0, List.of()), ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertTrue(fs.get(1).message().startsWith("WSGIDaemonProcess b threads=15 in each of its 1 process(es)"),
                fs.get(1)::message);
        assertTrue(fs.get(0).message().endsWith("; use threads=10 or fewer"), fs.get(0)::message);
    }

    @Test
    void aManagedProcessForAnImportScriptAndRefusedCountsAreNotThisRules() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess jobs threads=0",
                "WSGIImportScript /srv/jobs/worker.py process-group=jobs application-group=%{GLOBAL}",
                "WSGIDaemonProcess neg threads=-1",
                "WSGIDaemonProcess huge threads=70000");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void anUnresolvedPlaceholderIsFp002sNotZeroThreads() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=@app.threads@",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app");
        assertTrue(findings(check(tree), ID).isEmpty());
        assertEquals(1, findings(check(tree), "FP002").size());
    }
}
