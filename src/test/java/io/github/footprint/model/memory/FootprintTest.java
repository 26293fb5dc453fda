package io.github.footprint.model.memory;

import static io.github.footprint.rules.RuleTestSupport.write;
import static io.github.footprint.rules.RuleTestSupport.writeApacheMain;
import static io.github.footprint.rules.RuleTestSupport.writeLinkedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckRequest;
import io.github.footprint.model.Host;
import io.github.footprint.model.memory.Calibration.Constant;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.RuleTestSupport;

/** What {@link FootprintBuilder} counts, on small deploy trees; sizes recomputed here from the calibration. */
class FootprintTest {
    /** The assumptions as the reports and rules word them. */
    private static List<String> assumptions(Footprint f) {
        return f.assumptions().stream().map(Phrases::assumption).collect(java.util.stream.Collectors.toList());
    }

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final Calibration CAL = Calibration.measured();

    @TempDir
    Path root;

    private Footprint footprint(CheckRequest.Builder b) throws Exception {
        return RuleTestSupport.run(b).environments().get(0).deployment().footprint();
    }

    private Footprint footprint() throws Exception {
        return footprint(RuleTestSupport.request(root));
    }

    private static Footprint.Component part(Footprint f, Footprint.Part p) {
        return f.component(p).orElseThrow(() -> new AssertionError("no " + p + " in " + f.components()));
    }

    private static long daemonRss(int threads, int apps, long appRss) {
        return CAL.bytes(Constant.DAEMON_RSS) + threads * CAL.bytes(Constant.DAEMON_THREAD_RSS) + apps * appRss;
    }

    @Test
    void preforkRunningAnApplicationEmbeddedCarriesItInEveryChild() throws Exception {
        writeApacheMain(root, "prefork", "MaxRequestWorkers 150",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        Footprint f = footprint();
        Footprint.Component children = part(f, Footprint.Part.APACHE_CHILDREN);
        assertEquals(150, children.count());
        assertEquals(CAL.bytes(Constant.PREFORK_CHILD_PYTHON_RSS), children.residentEach());
        assertEquals("apache2/apache2.conf:3", children.location().toString());
        Footprint.Component apps = part(f, Footprint.Part.EMBEDDED_APPLICATIONS);
        assertEquals(150, apps.count());
        assertEquals(Host.DEFAULT_APP_RSS, apps.residentEach());
        assertEquals("apache2/apache2.conf:5", apps.location().toString());
        Footprint.Component parent = part(f, Footprint.Part.APACHE_PARENT);
        assertEquals(CAL.bytes(Constant.PREFORK_PARENT_WSGI_RSS), parent.residentEach());
        assertEquals(parent.resident() + 150 * (CAL.bytes(Constant.PREFORK_CHILD_PYTHON_RSS) + Host.DEFAULT_APP_RSS),
                f.resident());
        assertTrue(f.gracefulStop().isEmpty(), "graceful-stop headroom is an event matter");
    }

    @Test
    void daemonCountsItsThreadsApplicationGroupsStacksAndArenas() throws Exception {
        writeApacheMain(root, "event", "MaxRequestWorkers 150",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "WSGIRestrictEmbedded On",
                "WSGIDaemonProcess app processes=2 threads=4 stack-size=524288",
                "WSGIScriptAlias /a /srv/app/a.wsgi process-group=app application-group=a",
                "WSGIScriptAlias /b /srv/app/b.wsgi process-group=app application-group=b");
        Footprint f = footprint();
        Footprint.Component d = part(f, Footprint.Part.DAEMON);
        assertEquals("daemon 'app'", d.name());
        assertEquals(2, d.count());
        assertEquals(daemonRss(4, 2, Host.DEFAULT_APP_RSS), d.residentEach());
        long stacks = 6 * (512 * KIB + 4 * KIB);
        long arenas = 5 * 64 * MIB; // min(4 + 1, 8 x 2 cores - 1)
        assertEquals(stacks, d.stacksEach());
        assertEquals(arenas, d.arenasEach());
        assertEquals(CAL.bytes(Constant.DAEMON_VIRTUAL_BASE) + 4 * CAL.bytes(Constant.DAEMON_THREAD_VIRTUAL) + stacks
                + arenas + 2 * Host.DEFAULT_APP_RSS, d.virtualEach());
        Footprint.Component children = part(f, Footprint.Part.APACHE_CHILDREN);
        assertEquals(6, children.count());
        assertEquals(CAL.bytes(Constant.THREADED_CHILD_RESTRICTED_RSS), children.residentEach());
        assertEquals(27 * (8 * MIB + 4 * KIB), children.stacksEach());
        assertEquals(15 * 64 * MIB, children.arenasEach());
        assertFalse(f.component(Footprint.Part.EMBEDDED_APPLICATIONS).isPresent());
        Footprint.Component graceful = f.gracefulStop().orElseThrow();
        assertEquals(16 - 6, graceful.count());
        assertEquals(f.components().stream().mapToLong(Footprint.Component::resident).sum(), f.resident());
    }

    @Test
    void maximumRequestsBoundsRequestGrowth() throws Exception {
        writeApacheMain(root, "event", "WSGIDaemonProcess app threads=5 maximum-requests=500",
                "WSGIDaemonProcess leaky threads=5");
        Footprint f = footprint(RuleTestSupport.request(root).host("requestGrowth", 40 * KIB));
        List<Footprint.Component> daemons = f.components().stream().filter(c -> c.part() == Footprint.Part.DAEMON)
                .collect(Collectors.toList());
        assertEquals(daemonRss(5, 1, Host.DEFAULT_APP_RSS) + 500 * 40 * KIB, daemons.get(0).residentEach());
        assertEquals(daemonRss(5, 1, Host.DEFAULT_APP_RSS), daemons.get(1).residentEach());
        assertTrue(assumptions(f).stream().anyMatch(a -> a.startsWith("daemon 'leaky' (apache2/apache2.conf:4) has no"
                + " maximum-requests, so at requestGrowth 40 KiB its processes grow without bound")), assumptions(f).toString());
        assertTrue(assumptions(f).stream().anyMatch(a -> a.startsWith("no WSGIScriptAlias of the project runs in daemon"
                + " 'app'")), assumptions(f).toString());
    }

    @Test
    void arenaCapComesFromMallocArenaMaxOrTheCores() throws Exception {
        writeApacheMain(root, "event", "WSGIDaemonProcess app threads=50");
        Footprint eight = footprint(RuleTestSupport.request(root).host("cpuCores", 8));
        assertEquals(64, eight.arenaMax());
        assertEquals(51 * 64 * MIB, part(eight, Footprint.Part.DAEMON).arenasEach());
        assertEquals(26 * 64 * MIB, part(eight, Footprint.Part.APACHE_CHILDREN).arenasEach());
        write(root, "apache2/envvars", "export MALLOC_ARENA_MAX=2");
        Footprint capped = footprint(RuleTestSupport.request(root).host("cpuCores", 8));
        assertEquals(2, capped.arenaMax());
        assertEquals("MALLOC_ARENA_MAX=2 (apache2/envvars:1)", Phrases.arenaMaxFrom(capped));
        assertEquals(64 * MIB, part(capped, Footprint.Part.DAEMON).arenasEach());
        assertEquals(64 * MIB, part(capped, Footprint.Part.APACHE_CHILDREN).arenasEach());
    }

    @Test
    void appRssZeroLeavesTheMeasuredProcessesOnly() throws Exception {
        writeApacheMain(root, "worker", "WSGIDaemonProcess app processes=3 threads=15");
        Footprint f = footprint(RuleTestSupport.request(root).host("appRss", 0));
        assertEquals(daemonRss(15, 1, 0), part(f, Footprint.Part.DAEMON).residentEach());
        assertEquals(3, part(f, Footprint.Part.DAEMON).count());
    }

    @Test
    void poolsMultiplyByTheProcessesThatLoadTheApplication() throws Exception {
        writeLinkedApp(root, "processes=3 threads=10", "sqlalchemy.url = postgresql://app@db/app",
                "sqlalchemy.pool_size = 4", "sqlalchemy.max_overflow = 2");
        Footprint f = footprint();
        assertEquals(1, f.pools().size());
        Footprint.Pool p = f.pools().get(0);
        assertEquals(3, p.processes());
        assertEquals(OptionalInt.of(6), p.perProcess());
        assertEquals(OptionalLong.of(18), f.connections());
        assertEquals("app/production.ini:4", p.location().toString()); // pool_size
        assertTrue(Phrases.processesFrom(p).startsWith("processes=3 of daemon 'app' (apache/app.conf:3)"), Phrases.processesFrom(p));
    }

    @Test
    void defaultPoolIsFifteenAndAZeroPoolSizeIsUnbounded() throws Exception {
        writeLinkedApp(root, "processes=2 threads=4", "sqlalchemy.url = postgresql://app@db/app");
        assertEquals(OptionalLong.of(2 * 15), footprint().connections());
        writeLinkedApp(root, "processes=2 threads=4", "sqlalchemy.url = postgresql://app@db/app",
                "sqlalchemy.pool_size = 0");
        Footprint f = footprint();
        assertTrue(f.pools().get(0).unbounded());
        assertEquals(OptionalLong.empty(), f.connections());
    }

    @Test
    void aPoolNoMountLeadsToIsCountedOnceAndSaysSo() throws Exception {
        write(root, "app/production.ini", "[app:main]", "use = egg:myapp", "sqlalchemy.url = postgresql://app@db/app");
        Footprint f = footprint();
        assertEquals(OptionalLong.of(15), f.connections());
        assertEquals(1, f.pools().get(0).processes());
        assertTrue(assumptions(f).stream().anyMatch(a -> a.startsWith("the pool of app/production.ini [app:main]"
                + " (sqlalchemy.) is counted for one process: no WSGIScriptAlias")), assumptions(f).toString());
    }

    @Test
    void sqliteOpensNoServerConnections() throws Exception {
        writeLinkedApp(root, "processes=2 threads=4", "sqlalchemy.url = sqlite:///%(here)s/app.db");
        assertEquals(List.of(), footprint().pools());
        assertEquals(OptionalLong.of(0), footprint().connections());
    }

    @Test
    void vhostOnlyProjectAssumesTheMpmParameter() throws Exception {
        writeLinkedApp(root, "processes=1 threads=15");
        Footprint f = footprint(RuleTestSupport.request(root).mpm("prefork"));
        assertTrue(assumptions(f).contains("no main httpd file loads an MPM: prefork with its compiled-in defaults is"
                + " assumed (parameter mpm)"), assumptions(f).toString());
        assertEquals(256, part(f, Footprint.Part.APACHE_CHILDREN).count());
        assertEquals("apache/app.conf", part(f, Footprint.Part.APACHE_CHILDREN).location().toString());
    }
}
