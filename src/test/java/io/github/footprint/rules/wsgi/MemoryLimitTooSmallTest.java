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

/**
 * The verdicts against real daemons (Apache 2.4.71, mod_wsgi 4.9.4): docs/domain/mod_wsgi.md#measured-behaviour's
 * wsgi_vmlimit cases,
 * docs/domain/mod_wsgi.md#when-a-thread-cannot-be-created's memory-limit case, and the boundaries measured for FP212
 * (see ThreadMemoryTest).
 */
class MemoryLimitTooSmallTest {
    private static final String ID = "FP212";
    private static final String CONF = "apache/app.conf";

    @TempDir
    Path tree;

    private List<Finding> daemon(String options) throws Exception {
        write(tree, CONF, "WSGIDaemonProcess bad processes=1 " + options, "WSGIProcessGroup bad",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        return findings(check(tree), ID);
    }

    private void assertFits(String options) throws Exception {
        List<Finding> fs = daemon(options);
        assertTrue(fs.isEmpty(), () -> options + ":" + describe(fs));
    }

    private Finding doesNotFit(String options) throws Exception {
        List<Finding> fs = daemon(options);
        assertEquals(1, fs.size(), () -> options + ":" + describe(fs));
        return fs.get(0);
    }

    @Test
    void wsgiVmlimit256mT50DoesNotFitAndFailsAtTheTwentyEighthThread() throws Exception {
        Finding f = doesNotFit("threads=50 virtual-memory-limit=268435456");
        assertEquals(new Location(CONF, 1), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIDaemonProcess bad: virtual-memory-limit=268435456 (256 MiB) is below the 498.7 MiB its 50"
                + " request thread(s) need; raise it above that", f.message());
        assertEquals("RLIMIT_AS counts every thread stack, here 52 stacks (50 request thread(s) and mod_wsgi's 2 own)"
                + " of 8 MiB (glibc's default under the usual ulimit -s 8192), each mapped with a guard page (8196"
                + " KiB), 8 KiB more per request thread, 18.1 MiB for the process and the 64 MiB malloc arena the first"
                + " request makes. Only 27 of 50 request threads start: mod_wsgi logs 'Couldn't create worker thread"
                + " 27', restarts the daemon, and requests hang. Raise the limit above 498.7 MiB plus what the"
                + " application allocates. Or shrink the stacks (with stack-size=524288 it needs 108.7 MiB).",
                f.detail());
    }

    @Test
    void theMeasuredCasesThatStarted() throws Exception {
        assertFits("threads=50 stack-size=524288 virtual-memory-limit=268435456"); // wsgi_vmlimit_256m_t50_stack512k
        assertFits("threads=15 virtual-memory-limit=1073741824"); // wsgi_vmlimit_1g
        assertFits("threads=50 virtual-memory-limit=522899456"); // measured for FP212: the need with one arena
    }

    @Test
    void withoutRoomForTheFirstArenaARestartFails() throws Exception {
        // measured for FP212: at the arena-free need all 50 threads start the first time, but a restart with a
        // request waiting made the arena first and failed at thread 41
        Finding f = doesNotFit("threads=50 virtual-memory-limit=455790592");
        assertTrue(f.message().contains(" is below the 498.7 MiB its 50 request thread(s) need; raise it above that"),
                f::message);
        assertTrue(f.detail().contains(" All 50 threads start on a first start, but a daemon restarted while requests"
                + " wait makes that arena before its last threads, and thread creation fails then. "), f::detail);
        assertTrue(doesNotFit("threads=50 virtual-memory-limit=447389696").detail()
                .contains("Only 49 of 50 request threads start: mod_wsgi logs 'Couldn't create worker thread 49'"));
        assertTrue(doesNotFit("threads=15 virtual-memory-limit=153358336").detail()
                .contains("Only 14 of 15 request threads start"));
    }

    @Test
    void memoryLimitIsRlimitDataAndCountsEveryStack() throws Exception {
        // docs/domain/mod_wsgi.md#when-a-thread-cannot-be-created: "Couldn't create worker thread 9 in daemon process
        // 'lim'"
        Finding f = doesNotFit("threads=25 memory-limit=104857600");
        assertEquals("WSGIDaemonProcess bad: memory-limit=104857600 (100 MiB) is below the 221.9 MiB its 25 request"
                + " thread(s) need; raise it above that", f.message());
        assertEquals("memory-limit is RLIMIT_DATA, which on Linux 4.7 and later counts every thread stack, here 27"
                + " stacks (25 request thread(s) and mod_wsgi's 2 own) of 8 MiB (glibc's default under the usual ulimit"
                + " -s 8192), on top of 5.9 MiB for the process. Only 9 of 25 request threads start: mod_wsgi logs"
                + " 'Couldn't create worker thread 9', restarts the daemon, and requests hang. Raise the limit above"
                + " 221.9 MiB plus what the application allocates. Or shrink the stacks (with stack-size=524288 it"
                + " needs 19.4 MiB).", f.detail());
        // measured for FP212: 120 MiB starts 12, 150 MiB 16
        assertTrue(doesNotFit("threads=25 memory-limit=125829120").detail().contains("Only 12 of 25"));
        assertTrue(doesNotFit("threads=25 memory-limit=157286400").detail().contains("Only 16 of 25"));
        assertFits("threads=25 memory-limit=232718336"); // 6080 KiB + 27 x 8 MiB
        assertFits("threads=25 stack-size=524288 memory-limit=104857600");
    }

    @Test
    void aSuffixIsNotAUnit() throws Exception {
        Finding f = doesNotFit("threads=5 memory-limit=500M");
        assertEquals("WSGIDaemonProcess bad: memory-limit=500M (read as 500 bytes) is below the 61.9 MiB its 5 request"
                + " thread(s) need; raise it above that", f.message());
        assertTrue(f.detail().startsWith("mod_wsgi reads '500M' as 500 bytes. memory-limit is RLIMIT_DATA"), f::detail);
        assertTrue(f.detail().contains(" Not one request thread fits: mod_wsgi cannot create worker thread 0,"
                + " restarts the daemon, and requests hang. "), f::detail);
    }

    @Test
    void theAddressSpaceLimitOfHttpdsStartUpReachesTheDaemons() throws Exception {
        write(tree, "apache/envvars", "export APACHE_RUN_USER=www-data", "ulimit -v 262144");
        Finding f = doesNotFit("threads=50");
        assertEquals("WSGIDaemonProcess bad: its inherited address-space limit (256 MiB) is below the 498.7 MiB its 50"
                + " request thread(s) need; raise it above that", f.message());
        assertTrue(f.detail().startsWith("The limit comes from httpd's start-up: ulimit -v 262144 (256 MiB) at"
                + " apache/envvars:2. "), f::detail);
        // the lower of the two binds
        assertTrue(doesNotFit("threads=50 virtual-memory-limit=1073741824").detail().contains(" at apache/envvars:2,"
                + " lower than its virtual-memory-limit=1073741824. "));
        assertTrue(doesNotFit("threads=50 virtual-memory-limit=134217728").message().startsWith(
                "WSGIDaemonProcess bad: virtual-memory-limit=134217728 (128 MiB) is below"));
        write(tree, "apache/envvars", "ulimit -v 262144", "ulimit -s 512");
        assertFits("threads=50");
    }

    @Test
    void systemdLimitAsToo() throws Exception {
        write(tree, "systemd/apache2.service", "[Service]", "LimitAS=256M");
        assertTrue(doesNotFit("threads=50").detail().startsWith("The limit comes from httpd's start-up: LimitAS=256M"
                + " (256 MiB) at systemd/apache2.service:2."));
        write(tree, "systemd/apache2.service", "[Service]", "LimitAS=infinity");
        assertFits("threads=50");
    }

    @Test
    void nothingToSayWithoutThreadsOrWithAComputedStack() throws Exception {
        assertFits("threads=0 virtual-memory-limit=1048576");
        write(tree, "apache/envvars", "ulimit -s \"$STACK\"");
        assertFits("threads=50 virtual-memory-limit=268435456");
    }
}
