package io.github.footprint.rules.budget;

import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_RESTRICTED_BASE;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_PARENT_WSGI_VIRTUAL;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static io.github.footprint.rules.RuleTestSupport.writeApacheMain;
import static io.github.footprint.rules.budget.Measured.ARENA;
import static io.github.footprint.rules.budget.Measured.GIB;
import static io.github.footprint.rules.budget.Measured.KIB;
import static io.github.footprint.rules.budget.Measured.MIB;
import static io.github.footprint.rules.budget.Measured.bytes;
import static io.github.footprint.rules.budget.Measured.daemonVirtual;
import static io.github.footprint.rules.budget.Measured.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.base.Finding;

/**
 * Address space per docs/memory-model.md: base + (threads + 2) stacks of stack + 4 KiB + arenas of 64 MiB, the arenas
 * min(threads + 1, cap - 1) with the cap MALLOC_ARENA_MAX or 8 x cpuCores.
 */
class VirtualMemoryOverBudgetTest {
    private static final String ID = "FP503";
    private static final String MAIN = "apache2/apache2.conf";
    private static final long DEFAULT_STACK = 8 * MIB;
    private static final long SMALL_STACK = 512 * KIB;

    @TempDir
    Path tree;

    /** Event, Debian's sizing (6 children of 25 threads), restricted mod_wsgi; MaxRequestWorkers on 6, the daemon on 7. */
    private void event(String line5, String daemonOptions) throws Exception {
        writeApacheMain(tree, "event", "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "WSGIRestrictEmbedded On", line5, "MaxRequestWorkers 150",
                "WSGIDaemonProcess app processes=2 threads=15 maximum-requests=500" + daemonOptions,
                "WSGIProcessGroup app", "WSGIScriptAlias / /srv/app/app.wsgi");
    }

    private static long child(long stack, long arenas) {
        return bytes(THREADED_CHILD_RESTRICTED_BASE) + 27 * stack(stack) + arenas * ARENA;
    }

    @Test
    void arenasAndStacksAreNamedWithWhatEachFixSaves() throws Exception {
        event("ServerName app.example.com", "");
        // 2 cores: a cap of 16, so 15 arenas per process
        long total = bytes(THREADED_PARENT_WSGI_VIRTUAL) + 6 * child(DEFAULT_STACK, 15)
                + 2 * daemonVirtual(15, DEFAULT_STACK, 15);
        long arenas = (6 + 2) * 15 * ARENA;
        long stacks = (6 * 27 + 2 * 17) * stack(DEFAULT_STACK);
        long arenaSaving = arenas - (6 + 2) * ARENA;
        long stackSaving = stacks - (6 * 27 + 2 * 17) * stack(SMALL_STACK);
        Finding f = only(run(request(tree).host("virtualMemory", 2 * GIB)), ID);
        assertEquals(new Location(MAIN, 6), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("Worst-case address space is " + Sizes.format(total) + ", above virtualMemory=2 GiB by "
                + Sizes.format(total - 2 * GIB) + "; MALLOC_ARENA_MAX=2 saves " + Sizes.format(arenaSaving) + " and 512"
                + " KiB stacks " + Sizes.format(stackSaving), f.message());
        assertEquals("Largest: apache children " + Sizes.format(6 * child(DEFAULT_STACK,
                        15)) + " (6 x " + Sizes.format(child(DEFAULT_STACK, 15)) + ", " + MAIN + ":6), daemon 'app' "
                + Sizes.format(2 * daemonVirtual(15, DEFAULT_STACK, 15)) + " (2 x "
                + Sizes.format(daemonVirtual(15, DEFAULT_STACK, 15)) + ", " + MAIN + ":7), apache parent "
                + Sizes.format(bytes(THREADED_PARENT_WSGI_VIRTUAL)) + " (1 x "
                + Sizes.format(bytes(THREADED_PARENT_WSGI_VIRTUAL)) + ", " + MAIN + ":3). Of it, malloc arenas reserve "
                + Sizes.format(arenas) + " (arena cap 16, glibc's default of 8 per core x cpuCores 2) and thread stacks "
                + Sizes.format(stacks) + ". Adding 'export MALLOC_ARENA_MAX=2' to envvars saves "
                + Sizes.format(arenaSaving) + "; setting ThreadStackSize 524288 (stacks of 8 MiB now) and"
                + " stack-size=524288 on daemon 'app' (8 MiB now, " + MAIN + ":7) saves " + Sizes.format(stackSaving)
                + ": " + Sizes.format(total - arenaSaving - stackSaving) + " in all, within the budget.", f.detail());
    }

    @Test
    void theArenaCapFollowsCpuCores() throws Exception {
        event("ThreadStackSize 524288", " stack-size=524288");
        // 1 core: a cap of 8, so 7 arenas per process; the stacks are small already
        long total = bytes(THREADED_PARENT_WSGI_VIRTUAL) + 6 * child(SMALL_STACK, 7)
                + 2 * daemonVirtual(15, SMALL_STACK, 7);
        long arenas = (6 + 2) * 7 * ARENA;
        Finding f = only(run(request(tree).host("virtualMemory", GIB).host("cpuCores", 1)), ID);
        assertTrue(f.message().startsWith("Worst-case address space is " + Sizes.format(total) + ","), f::message);
        assertTrue(f.detail().contains(". Of it, malloc arenas reserve " + Sizes.format(arenas) + " (arena cap 8,"
                + " glibc's default of 8 per core x cpuCores 1) and thread stacks "), f::detail);
        assertTrue(f.detail().contains(". Adding 'export MALLOC_ARENA_MAX=2' to envvars saves "
                + Sizes.format(arenas - 8 * ARENA) + ": "), f::detail);
        assertFalse(f.detail().contains("ThreadStackSize"), f::detail);
        assertFalse(f.message().contains("stacks"), f::message);
    }

    /** Processes to stop to remove {@code excess} bytes at {@code each} per process. */
    private static long stop(long excess, long each) {
        return (excess + each - 1) / each;
    }

    @Test
    void whenArenasAndStacksAreSmallAlreadyOnlyFewerProcessesHelp() throws Exception {
        event("ThreadStackSize 524288", " stack-size=524288");
        write(tree, "apache2/envvars", "export APACHE_RUN_USER=www-data", "export MALLOC_ARENA_MAX=2");
        long total = bytes(THREADED_PARENT_WSGI_VIRTUAL) + 6 * child(SMALL_STACK, 1)
                + 2 * daemonVirtual(15, SMALL_STACK, 1);
        Finding f = only(run(request(tree).host("virtualMemory", 512 * MIB)), ID);
        assertEquals("Worst-case address space is " + Sizes.format(total) + ", above virtualMemory=512 MiB by "
                + Sizes.format(total - 512 * MIB) + "; run fewer threads or processes", f.message());
        assertTrue(f.detail().endsWith("(arena cap 2, MALLOC_ARENA_MAX=2 (apache2/envvars:2)) and thread stacks "
                + Sizes.format((6 * 27 + 2 * 17) * stack(SMALL_STACK)) + ". Run fewer threads or processes: the"
                + " largest part is apache children (6 x " + Sizes.format(child(SMALL_STACK, 1)) + "); MaxRequestWorkers "
                + 25 * (6 - stop(total - 512 * MIB, child(SMALL_STACK, 1))) + " at apache2/apache2.conf:6 stops "
                + stop(total - 512 * MIB, child(SMALL_STACK, 1)) + " of them, which fits."), f::detail);
    }

    @Test
    void whenTheFixesAreNotEnoughItSaysWhatIsLeft() throws Exception {
        event("ServerName app.example.com", "");
        long after = bytes(THREADED_PARENT_WSGI_VIRTUAL) + 6 * child(SMALL_STACK, 1)
                + 2 * daemonVirtual(15, SMALL_STACK, 1);
        Finding f = only(run(request(tree).host("virtualMemory", 512 * MIB)), ID);
        long stop = stop(after - 512 * MIB, child(SMALL_STACK, 1));
        assertTrue(f.detail().endsWith(", which still leaves " + Sizes.format(after - 512 * MIB) + " over: run fewer"
                + " threads or processes as well: the largest part is apache children (6 x "
                + Sizes.format(child(SMALL_STACK, 1)) + " after those fixes); MaxRequestWorkers " + 25 * (6 - stop)
                + " at apache2/apache2.conf:6 stops " + stop + " of them, which fits."), f::detail);
        assertTrue(f.message().endsWith("; then run fewer processes"), f::message);
    }

    @Test
    void withinTheBudgetOrWithoutOneNothingIsReported() throws Exception {
        event("ServerName app.example.com", "");
        long total = bytes(THREADED_PARENT_WSGI_VIRTUAL) + 6 * child(DEFAULT_STACK, 15)
                + 2 * daemonVirtual(15, DEFAULT_STACK, 15);
        List<Finding> exact = findings(run(request(tree).host("virtualMemory", total)), ID);
        assertTrue(exact.isEmpty(), () -> describe(exact));
        assertEquals(1, findings(run(request(tree).host("virtualMemory", total - 1)), ID).size());
        List<Finding> none = findings(run(request(tree).host("memory", 64 * MIB)), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
    }
}
