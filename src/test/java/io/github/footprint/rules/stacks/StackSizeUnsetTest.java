package io.github.footprint.rules.stacks;

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

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/** Stack mappings per docs/memory-model.md#what-every-daemon-process-has, #apache-processes-measured: 8196 KiB by
 * default, 516 KiB at 512 KiB; T + 2 stacks. */
class StackSizeUnsetTest {
    private static final String ID = "FP401";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String EVENT = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so";

    @TempDir
    Path tree;

    private void assertClean() throws Exception {
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void aDaemonUnderItsOwnLimit() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=15 virtual-memory-limit=1073741824");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("WSGIDaemonProcess app: 17 unsized thread stacks reserve 136.1 MiB of address space per process;"
                + " add stack-size=524288 (8.6 MiB)", f.message());
        assertEquals("No stack-size=, no ulimit -s or LimitSTACK= in httpd's start-up: its 17 thread stacks reserve"
                + " 8196 KiB each, 136.1 MiB of address space per process, under virtual-memory-limit=1073741824 (1"
                + " GiB). With stack-size=524288 the same threads take 8.6 MiB, and the same resident memory.",
                f.detail());
    }

    @Test
    void theVirtualMemoryParameterIsABudgetForEveryProcess() throws Exception {
        write(tree, MAIN, EVENT, "Listen 80", "ThreadsPerChild 25", "WSGIDaemonProcess app threads=5");
        List<Finding> fs = findings(run(request(tree).host("virtualMemory", 2L << 30)), ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertEquals(new Location(MAIN, 3), fs.get(0).location());
        assertEquals("Apache's event children: 27 unsized thread stacks reserve 216.1 MiB per child; add"
                + " ThreadStackSize 524288 (13.6 MiB per child)", fs.get(0).message());
        assertEquals("No ThreadStackSize, no ulimit -s or LimitSTACK= in httpd's start-up: each child's 27 thread"
                + " stacks (ThreadsPerChild 25 and 2 more) reserve 8196 KiB each, 216.1 MiB of address space per child,"
                + " under virtualMemory=2 GiB. ThreadStackSize 524288 keeps the same resident memory.",
                fs.get(0).detail());
        assertEquals(new Location(MAIN, 4), fs.get(1).location());
        assertEquals("WSGIDaemonProcess app: 7 unsized thread stacks reserve 56.0 MiB of address space per process; add"
                + " stack-size=524288 (3.5 MiB)", fs.get(1).message());
        assertTrue(fs.get(1).detail().contains(" under virtualMemory=2 GiB"), fs.get(1)::detail);
        // without the parameter nothing counts the address space
        assertClean();
    }

    @Test
    void ulimitVInHttpdsStartUpAndEachKindOfThreadOnItsOwn() throws Exception {
        write(tree, MAIN, EVENT, "Listen 80", "ThreadStackSize 524288", "WSGIDaemonProcess app threads=5");
        write(tree, "apache2/envvars", "ulimit -v 4194304");
        // ThreadStackSize sizes the MPM's threads, not the daemon's
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 4), f.location());
        assertTrue(f.detail().contains(" under ulimit -v 4194304 (4 GiB) at apache2/envvars:1. "), f::detail);
        write(tree, MAIN, EVENT, "Listen 80", "WSGIDaemonProcess app threads=5 stack-size=524288");
        assertEquals(new Location(MAIN, 1), only(check(tree), ID).location());
        write(tree, "apache2/envvars", "ulimit -v 4194304", "ulimit -s 512");
        write(tree, MAIN, EVENT, "Listen 80", "WSGIDaemonProcess app threads=5");
        assertClean();
    }

    @Test
    void aComputedStackIsSetAndLimitsOfOtherServicesDoNotCount() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=5 virtual-memory-limit=1073741824");
        write(tree, "apache/envvars", "ulimit -s \"$STACK_KB\"");
        assertClean();
        write(tree, "apache/envvars", "export LANG=C");
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=5");
        write(tree, "bin/worker.sh", "ulimit -v 1048576", "exec celery worker");
        assertClean();
    }

    @Test
    void noThreadsOrNoMpmOfItsOwnNothingToSay() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=0 virtual-memory-limit=1073741824");
        assertClean();
        // a vhost-only project: the MPM is assumed, its threads are not the project's to size
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=5 stack-size=524288");
        assertTrue(findings(run(request(tree).host("virtualMemory", 2L << 30)), ID).isEmpty());
        write(tree, MAIN, "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so", "Listen 80");
        assertTrue(findings(run(request(tree).host("virtualMemory", 2L << 30)), ID).isEmpty());
    }
}
