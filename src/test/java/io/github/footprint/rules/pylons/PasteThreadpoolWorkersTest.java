package io.github.footprint.rules.pylons;

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

class PasteThreadpoolWorkersTest {
    private static final String ID = "FP307";

    @TempDir
    Path tree;

    private void server(String... lines) throws Exception {
        String[] ini = new String[lines.length + 2];
        ini[0] = "[server:main]";
        ini[1] = "use = egg:Paste#http";
        System.arraycopy(lines, 0, ini, 2, lines.length);
        write(tree, "app/production.ini", ini);
    }

    @Test
    void fewerWorkersThanSpawnIfUnderIsPastesAssertionError() throws Exception {
        server("threadpool_workers = 3");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("[server:main] threadpool_workers = 3 is below threadpool_spawn_if_under = 5 (default)"
                + " (AssertionError); set threadpool_spawn_if_under = 3 or lower", f.message());
        assertEquals("Paste's ThreadPool asserts spawn_if_under <= nworkers, so paster serve stops at start-up with"
                + " AssertionError: spawn_if_under (5) should be less than nworkers (3). threadpool_workers = 5 or"
                + " more works too.", f.detail());
        assertEquals("Paste's ThreadPool asserts spawn_if_under <= nworkers, so paster serve stops at start-up with"
                + " AssertionError: spawn_if_under (5) should be less than nworkers (3). threadpool_workers = 5 or more"
                + " works too.", f.detail());
    }

    @Test
    void noWorkerAtAllIsTheMixinsAssertion() throws Exception {
        server("threadpool_workers = -1", "threadpool_spawn_if_under = 0");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.detail().contains("AssertionError: ThreadPoolMixIn servers must have at least one worker"),
                f::detail);
    }

    @Test
    void manyWorkersAreAWarningWithTheirStackCostAndTheThresholdIsAnOption() throws Exception {
        server("threadpool_workers = 30");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("[server:main] threadpool_workers = 30 is above the threshold 10, 240 MiB of stacks for no"
                + " throughput; keep it at 10 or fewer and run more processes", f.message());
        assertEquals("It starts 30 worker threads in the one paster serve process: each reserves a thread stack (8 MiB"
                + " of address space unless a stack size is set, 240 MiB for 30), and when none is idle Paste adds up"
                + " to threadpool_spawn_if_under = 5 (default) more. One Python process runs one thread at a time under"
                + " the GIL, so more threads add memory, not throughput: run more processes (or mod_wsgi daemon"
                + " processes) for more concurrency.", f.detail());
        List<Finding> raised = findings(check(tree, Map.of("FP307.threshold", "30"), 0, List.of()), ID);
        assertTrue(raised.isEmpty(), () -> describe(raised));
    }

    @Test
    void whatTheServerReallyReceivesCounts() throws Exception {
        // [DEFAULT]'s key is dropped from the section (FP302) and never reaches server_runner: the default 10 runs
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "threadpool_workers = 2",
                "[server:main]",
                "use = egg:Paste#http",
                "threadpool_workers = 2",
                "[server:perrequest]",
                "use = egg:Paste#http",
                "use_threadpool = false",
                "threadpool_spawn_if_under = 20",
                "[server:waitress]",
                "use = egg:waitress#main",
                "threadpool_spawn_if_under = 20",
                "[server:comment]",
                "use = egg:Paste#http",
                "threadpool_spawn_if_under = 20  # a ValueError, FP301's to report");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
