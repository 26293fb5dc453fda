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
 * stack-size below the pthread minimum is ignored (docs/domain/mod_wsgi.md#measured-behaviour wsgi_stack_1);
 * 16384-32768 is applied and
 * crashed a mod_wsgi 4.9.4 daemon at its first request (measured for FP211: 32768 in 7 of 7 starts, 16384 in 2 of 4;
 * 36864 and more served in every start).
 */
class StackSizeTooSmallTest {
    private static final String ID = "FP211";
    private static final String CONF = "apache/app.conf";

    @TempDir
    Path tree;

    private Finding finding(String stackSize) throws Exception {
        write(tree, CONF, "WSGIDaemonProcess app threads=5 maximum-requests=500 stack-size=" + stackSize);
        return only(check(tree), ID);
    }

    private void assertClean(String... lines) throws Exception {
        write(tree, CONF, lines);
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void belowThePthreadMinimumTheThreadsKeepTheDefault() throws Exception {
        Finding f = finding("4096");
        assertEquals(new Location(CONF, 1), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIDaemonProcess app: stack-size=4096 is below the pthread minimum of 16384 bytes, so it is"
                + " ignored; use stack-size=524288 (512 KiB)", f.message());
        assertEquals("mod_wsgi ignores the error and its 5 request thread(s) get the default stack instead, 8 MiB"
                + " (glibc's default under the usual ulimit -s 8192).", f.detail());
    }

    @Test
    void theDefaultItFallsBackToIsTheOneHttpdStartsWith() throws Exception {
        write(tree, "apache/envvars", "ulimit -s 1024");
        assertEquals("WSGIDaemonProcess app: stack-size=1 is below the pthread minimum of 16384 bytes, so it is"
                + " ignored; use stack-size=524288 (512 KiB)", finding("1").message());
    }

    @Test
    void aSuffixIsNotAUnit() throws Exception {
        Finding f = finding("512K");
        assertTrue(f.message().startsWith("WSGIDaemonProcess app: stack-size=512 is below the pthread minimum of 16384"
                + " bytes"), f::message);
        assertTrue(f.detail().startsWith("mod_wsgi reads '512K' as 512; the value is bytes."), f::detail);
    }

    @Test
    void upToThirtyTwoKibIsTooSmallForPython() throws Exception {
        Finding f = finding("32768");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIDaemonProcess app: stack-size=32768 gives its 5 request thread(s) at most 32 KiB, too small"
                + " for Python; use stack-size=524288 (512 KiB)", f.message());
        assertEquals("CPython will not start a thread of its own with less than 32 KiB (threading.stack_size), and a"
                + " mod_wsgi 4.9.4 daemon with stack-size=32768 died with SIGSEGV at its first request in every start"
                + " measured (HTTP 500).", f.detail());
    }

    @Test
    void boundaries() throws Exception {
        assertTrue(finding("16383").message().contains("is below the pthread minimum"));
        assertTrue(finding("16384").message().contains("too small for Python"));
        assertTrue(finding("20000").message().contains("too small for Python"));
        assertClean("WSGIDaemonProcess app threads=5 stack-size=32769");
        assertClean("WSGIDaemonProcess app threads=5 stack-size=524288");
    }

    @Test
    void absentZeroAndNegativeAreNotThisRulesCase() throws Exception {
        // 0 and less: mod_wsgi refuses the line ("Invalid stack size for WSGI daemon process."), FP204
        assertClean("WSGIDaemonProcess a threads=5", "WSGIDaemonProcess b threads=5 stack-size=0",
                "WSGIDaemonProcess c threads=5 stack-size=-4096", "WSGIDaemonProcess d threads=5 stack-size=abc");
    }
}
