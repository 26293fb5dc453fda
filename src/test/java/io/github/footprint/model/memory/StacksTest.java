package io.github.footprint.model.memory;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.Phrases;

/**
 * The effective stack of each kind of thread (docs/domain/linux.md#default-stack-size,
 * docs/memory-model.md#what-every-daemon-process-has) and which start-up
 * files reach httpd, on trees read as CheckEngine reads them.
 */
class StacksTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tree;

    private static final String EVENT = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so";

    private Deployment deployment() throws Exception {
        return check(tree).environments().get(0).deployment();
    }

    private void apache(String... lines) throws Exception {
        String[] all = new String[lines.length + 2];
        all[0] = EVENT;
        all[1] = "Listen 80";
        System.arraycopy(lines, 0, all, 2, lines.length);
        write(tree, "apache2/apache2.conf", all);
    }

    private static String describe(StackSize s) {
        return (s.known() ? Long.toString(s.bytes().getAsLong()) : "unknown") + " " + s.source() + (s.location() == null ? "" : " " + s.setting() + " @" + s.location());
    }

    @Test
    void nothingSetGivesGlibcsDefaultEverywhere() throws Exception {
        apache("WSGIDaemonProcess app threads=5");
        Deployment d = deployment();
        Stacks s = d.stacks();
        assertEquals(8 * MIB + " DEFAULT", describe(s.threadDefault()));
        assertEquals(8 * MIB + " DEFAULT", describe(s.apacheThreads().orElseThrow()));
        DaemonGroup app = d.daemons().get(0);
        assertEquals(8 * MIB + " DEFAULT", describe(s.daemon(app).requestThreads()));
        assertNull(s.startup().stackLimit());
        assertEquals("8 MiB (glibc's default under the usual ulimit -s 8192)", Phrases.stack(s.threadDefault()));
    }

    @Test
    void ulimitInEnvvarsReachesEveryKindOfThreadThatSetsNothingItself() throws Exception {
        apache("ThreadStackSize 262144", "WSGIDaemonProcess a threads=5", "WSGIDaemonProcess b threads=5 stack-size=1048576");
        write(tree, "apache2/envvars", "export APACHE_RUN_USER=www-data", "ulimit -s 512");
        Deployment d = deployment();
        Stacks s = d.stacks();
        assertEquals("524288 RLIMIT ulimit -s 512 @apache2/envvars:2", describe(s.threadDefault()));
        // ThreadStackSize sizes the MPM's threads only (docs/memory-model.md#what-every-daemon-process-has: no effect
        // on daemons)
        assertEquals("262144 SETTING ThreadStackSize 262144 @apache2/apache2.conf:3", describe(s.apacheThreads().get()));
        assertEquals("524288 RLIMIT ulimit -s 512 @apache2/envvars:2",
                describe(s.daemon(d.daemons().get(0)).requestThreads()));
        assertEquals("1048576 SETTING stack-size=1048576 @apache2/apache2.conf:5",
                describe(s.daemon(d.daemons().get(1)).requestThreads()));
        assertEquals(List.of(HttpdStartup.Reach.ENVVARS), s.startup().reaches());
    }

    @Test
    void valuesBelowThePthreadMinimumAreIgnored() throws Exception {
        apache("ThreadStackSize 1024", "WSGIDaemonProcess a threads=5 stack-size=4096",
                "WSGIDaemonProcess b threads=5 stack-size=8M");
        Deployment d = deployment();
        assertEquals(8 * MIB + " DEFAULT", describe(d.stacks().apacheThreads().get()));
        assertEquals(8 * MIB + " DEFAULT", describe(d.stacks().daemon(d.daemons().get(0)).requestThreads()));
        assertEquals(8 * MIB + " DEFAULT", describe(d.stacks().daemon(d.daemons().get(1)).requestThreads()));
    }

    @Test
    void unlimitedTinyAndComputedRlimits() throws Exception {
        apache("WSGIDaemonProcess a threads=5");
        write(tree, "apache2/envvars", "ulimit -s unlimited");
        assertEquals(2 * MIB + " RLIMIT_UNLIMITED ulimit -s unlimited @apache2/envvars:1",
                describe(deployment().stacks().threadDefault()));
        // glibc: at least PTHREAD_STACK_MIN, rounded up to a page
        write(tree, "apache2/envvars", "ulimit -s 8");
        assertEquals("16384 RLIMIT ulimit -s 8 @apache2/envvars:1", describe(deployment().stacks().threadDefault()));
        write(tree, "apache2/envvars", "ulimit -s $STACK_KB");
        StackSize unknown = deployment().stacks().threadDefault();
        assertFalse(unknown.known());
        assertEquals("unknown UNKNOWN ulimit -s $STACK_KB @apache2/envvars:1", describe(unknown));
        // ulimit -H leaves the soft limit, which is the one that sizes stacks
        write(tree, "apache2/envvars", "ulimit -H -s 512");
        assertEquals(8 * MIB + " DEFAULT", describe(deployment().stacks().threadDefault()));
    }

    @Test
    void systemdUnitsThenDropInsThenStartersThenEnvvars() throws Exception {
        apache("WSGIDaemonProcess a threads=5");
        write(tree, "systemd/apache2.service", "[Service]", "LimitSTACK=2M", "LimitAS=4G");
        write(tree, "systemd/apache2.service.d/20-stack.conf", "[Service]", "LimitSTACK=1M:8M");
        write(tree, "systemd/apache2.service.d/10-stack.conf", "[Service]", "LimitSTACK=4M");
        Stacks s = deployment().stacks();
        assertEquals(MIB + " RLIMIT LimitSTACK=1M:8M @systemd/apache2.service.d/20-stack.conf:2",
                describe(s.threadDefault()));
        assertEquals("LimitAS=4G at systemd/apache2.service:3", s.startup().addressSpaceLimit().toString());
        assertEquals(4L << 30, s.startup().addressSpaceLimit().bytes().getAsLong());
        write(tree, "bin/start.sh", "#!/bin/sh", "ulimit -s 768", "exec apache2ctl -DFOREGROUND", "ulimit -s 1");
        assertEquals(768 * 1024 + " RLIMIT ulimit -s 768 @bin/start.sh:2", describe(deployment().stacks().threadDefault()));
        write(tree, "apache2/envvars", "ulimit -s 512");
        s = deployment().stacks();
        assertEquals("524288 RLIMIT ulimit -s 512 @apache2/envvars:1", describe(s.threadDefault()));
        assertEquals(List.of(HttpdStartup.Reach.UNIT, HttpdStartup.Reach.DROP_IN, HttpdStartup.Reach.DROP_IN,
                HttpdStartup.Reach.STARTER, HttpdStartup.Reach.ENVVARS), s.startup().reaches());
    }

    @Test
    void scriptsThatDoNotStartHttpdDoNotReachIt() throws Exception {
        apache("WSGIDaemonProcess a threads=5");
        write(tree, "bin/worker.sh", "ulimit -s 256", "export MALLOC_ARENA_MAX=1", "exec celery worker");
        write(tree, "systemd/celery.service", "[Service]", "LimitSTACK=128K", "Environment=MALLOC_ARENA_MAX=1");
        Stacks s = deployment().stacks();
        assertTrue(s.threadDefault().isDefault());
        assertFalse(s.startup().mallocArenaMaxSet());
        assertEquals(List.of("bin/worker.sh:1 ulimit -s", "bin/worker.sh:2 MALLOC_ARENA_MAX",
                "systemd/celery.service:2 LimitSTACK", "systemd/celery.service:3 MALLOC_ARENA_MAX"),
                s.startup().notReaching().stream().map(f -> f.location() + " " + f.name()).collect(Collectors.toList()));
    }

    @Test
    void mallocArenaMaxReachesHttpdOnlyWhenExported() throws Exception {
        apache("WSGIDaemonProcess a threads=5");
        write(tree, "apache2/envvars", "MALLOC_ARENA_MAX=2");
        HttpdStartup st = deployment().stacks().startup();
        assertFalse(st.mallocArenaMaxSet());
        assertEquals(new Location("apache2/envvars", 1), st.mallocArenaMaxAssignment().location());
        assertNull(st.mallocArenaMax());
        write(tree, "apache2/envvars", "MALLOC_ARENA_MAX=2", "export MALLOC_ARENA_MAX");
        assertEquals(2L, deployment().stacks().startup().mallocArenaMax());
        write(tree, "apache2/envvars", "export MALLOC_ARENA_MAX=4");
        assertEquals(4L, deployment().stacks().startup().mallocArenaMax());
        // already in the environment from the unit: an assignment in envvars changes the exported value
        write(tree, "apache2/envvars", "MALLOC_ARENA_MAX=3");
        write(tree, "systemd/apache2.service", "[Service]", "Environment=MALLOC_ARENA_MAX=2");
        assertEquals(3L, deployment().stacks().startup().mallocArenaMax());
    }

    @Test
    void applicationThreadsFollowTheWsgiScriptTheDaemonLoads() throws Exception {
        apache("WSGIDaemonProcess app threads=5 stack-size=524288", "WSGIDaemonProcess other threads=5",
                "WSGIScriptAlias /app /srv/app/app.wsgi process-group=app",
                "WSGIScriptAlias /other /srv/other/other.wsgi process-group=other");
        write(tree, "srv/app/app.wsgi", "import threading", "threading.stack_size(256 * 1024)",
                "from paste.deploy import loadapp");
        write(tree, "srv/other/other.wsgi", "import threading", "threading.stack_size(size_from_env())");
        Deployment d = deployment();
        Stacks.DaemonStacks app = d.stacks().daemon(d.daemons().get(0));
        Stacks.DaemonStacks other = d.stacks().daemon(d.daemons().get(1));
        assertEquals("524288 SETTING stack-size=524288 @apache2/apache2.conf:3", describe(app.requestThreads()));
        Map<String, StackSize> appThreads = app.applicationThreads();
        assertEquals(List.of("srv/app/app.wsgi"), List.copyOf(appThreads.keySet()));
        assertEquals("262144 SETTING stack_size(256 * 1024) @srv/app/app.wsgi:2",
                describe(appThreads.get("srv/app/app.wsgi")));
        assertEquals("unknown UNKNOWN stack_size(size_from_env()) @srv/other/other.wsgi:2",
                describe(other.applicationThreads().get("srv/other/other.wsgi")));
    }

    @Test
    void aStackSizeThatRaisesLeavesTheOneBeforeAndZeroRestoresTheDefault() throws Exception {
        apache("WSGIDaemonProcess app threads=5", "WSGIScriptAlias / /srv/app/app.wsgi process-group=app");
        write(tree, "srv/app/app.wsgi", "import threading", "threading.stack_size(65536)",
                "threading.stack_size(1024)", "threading.stack_size(131072)");
        Deployment d = deployment();
        assertEquals("65536 SETTING stack_size(65536) @srv/app/app.wsgi:2",
                describe(d.stacks().daemon(d.daemons().get(0)).applicationThreads().get("srv/app/app.wsgi")));
        write(tree, "srv/app/app.wsgi", "import threading", "threading.stack_size(65536)", "threading.stack_size(0)");
        d = deployment();
        assertTrue(d.stacks().daemon(d.daemons().get(0)).applicationThreads().get("srv/app/app.wsgi").isDefault());
    }

    @Test
    void preforkHasNoWorkerThreads() throws Exception {
        write(tree, "apache2/apache2.conf", "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so",
                "ThreadStackSize 524288");
        assertTrue(deployment().stacks().apacheThreads().isEmpty());
    }
}
