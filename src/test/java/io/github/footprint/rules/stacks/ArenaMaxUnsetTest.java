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

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.base.Finding;
import io.github.footprint.model.Host;
import io.github.footprint.model.memory.Calibration;
import io.github.footprint.model.memory.ThreadMemory;

/** Arena counts and sizes per docs/memory-model.md#fitted-model: min(T + 1, 8 x 2 cores - 1) arenas of 64 MiB after
 * load. */
class ArenaMaxUnsetTest {
    private static final String ID = "FP403";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String EVENT = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so";

    @TempDir
    Path tree;

    private void assertClean() throws Exception {
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void anAssignmentThatIsNotExported() throws Exception {
        write(tree, "apache2/envvars", "export APACHE_RUN_USER=www-data", "ulimit -v 4194304", "MALLOC_ARENA_MAX=2");
        write(tree, "apache2/sites-enabled/app.conf", "WSGIDaemonProcess app threads=15 stack-size=524288");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache2/envvars", 3), f.location());
        assertEquals(Severity.INFO, f.severity());
        // sites-enabled/ is Debian's layout: Debian's stock event server stands around the vhost, its children count
        assertEquals("MALLOC_ARENA_MAX=2 is not exported: malloc arenas take most of the address space of 2 process"
                + " groups; add 'export MALLOC_ARENA_MAX=2' to envvars", f.message());
        assertEquals("Not exported, MALLOC_ARENA_MAX=2 stays a variable of the shell and httpd's environment has none."
                + " Under ulimit -v 4194304 (4 GiB) at apache2/envvars:2, glibc's malloc arenas (64 MiB of address"
                + " space each, up to 8 per core; cpuCores 2) would take most of the address space: Apache's event"
                + " children would reserve 15 arenas, 960 MiB of 1.2 GiB per child; WSGIDaemonProcess app would reserve"
                + " 15 arenas, 960 MiB of 1.0 GiB per process. Environment=MALLOC_ARENA_MAX=2 in httpd's unit works"
                + " too. Measured, the cap cut a threads=50 daemon from 1397 to 502 MiB and an event child from 1183 to"
                + " 287 MiB of address space, with the same resident memory.", f.detail());
    }

    @Test
    void aDaemonsOwnLimitAndTheApacheChildrenUnderTheParameter() throws Exception {
        write(tree, MAIN, EVENT, "Listen 80", "WSGIDaemonProcess app threads=4 virtual-memory-limit=2147483648");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertTrue(f.message().startsWith("no MALLOC_ARENA_MAX in httpd's environment: malloc arenas take most of"
                + " the address space of "), f::message);
        assertTrue(f.detail().startsWith("Under their virtual-memory-limit, glibc's malloc arenas (64 MiB of address space each, up to 8 per core;"
                + " cpuCores 2) would take most of the address space: WSGIDaemonProcess app"
                + " (virtual-memory-limit=2147483648) would reserve 5 arenas, 320 MiB of 426.4 MiB per process."),
                f::detail);
        Finding both = only(run(request(tree).host("virtualMemory", 8L << 30)), ID);
        assertTrue(both.detail().contains("Under virtualMemory=8 GiB, glibc's") && both.detail().contains(
                "most of the address space: Apache's event children would reserve 15 arenas, 960 MiB of 1.2 GiB per"
                + " child; WSGIDaemonProcess app"), both::detail);
    }

    @Test
    void exportedOrInTheUnitIsSet() throws Exception {
        write(tree, "apache2/sites-enabled/app.conf", "WSGIDaemonProcess app threads=15 stack-size=524288");
        write(tree, "apache2/envvars", "ulimit -v 4194304", "MALLOC_ARENA_MAX=2", "export MALLOC_ARENA_MAX");
        assertClean();
        write(tree, "apache2/envvars", "ulimit -v 4194304");
        write(tree, "systemd/apache2.service.d/malloc.conf", "[Service]", "Environment=\"MALLOC_ARENA_MAX=2\"");
        assertClean();
        // a unit of another service does not reach httpd
        write(tree, "systemd/apache2.service.d/malloc.conf", "[Service]");
        write(tree, "systemd/celery.service", "[Service]", "Environment=MALLOC_ARENA_MAX=2");
        assertEquals(new Location("apache2/sites-enabled/app.conf", 1), only(check(tree), ID).location());
    }

    @Test
    void theArenaCapFollowsCpuCores() throws Exception {
        write(tree, "apache2/envvars", "ulimit -v 4194304");
        write(tree, "apache2/sites-enabled/app.conf", "WSGIDaemonProcess app threads=15 stack-size=524288");
        // 4 cores: a cap of 32, so 15 threads and the main thread each get an arena: 16, not the 15 of 2 cores
        long arenas = Math.min(15 + 1, ThreadMemory.ARENAS_PER_CORE * 4 - 1);
        Calibration cal = Calibration.measured();
        long total = cal.bytes(Calibration.Constant.DAEMON_VIRTUAL_BASE)
                + 15 * cal.bytes(Calibration.Constant.DAEMON_THREAD_VIRTUAL)
                + (15 + ThreadMemory.DAEMON_INTERNAL_THREADS) * (524288 + ThreadMemory.STACK_GUARD)
                + arenas * ThreadMemory.ARENA_SIZE + Host.DEFAULT_APP_RSS;
        Finding f = only(run(request(tree).host("cpuCores", 4)), ID);
        // sites-enabled/ is Debian's layout: the stock event children (25 threads: 26 arenas under a cap of 31) first
        assertTrue(f.detail().contains("up to 8 per core; cpuCores 4) would take most of the address space:"
                + " Apache's event children would reserve 26 arenas, 1.6 GiB of 1.9 GiB per child;"
                + " WSGIDaemonProcess app would reserve " + arenas + " arenas, " + Sizes.format(arenas
                        * ThreadMemory.ARENA_SIZE) + " of " + Sizes.format(total) + " per process"), f::detail);
    }

    @Test
    void noBudgetOrArenasThatDoNotDominate() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=15");
        assertClean();
        // 17 stacks of 64 MiB outweigh 15 arenas
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=15 stack-size=67108864"
                + " virtual-memory-limit=4294967296");
        assertClean();
    }
}
