package io.github.footprint.rules.apache;

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
import io.github.footprint.rules.RuleTestSupport;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/**
 * The boundaries were checked by starting httpd 2.4.71: 16383 logs AH02436 in every child, 16384 and 65536
 * start without a word, and "8M" is read by strtol as 8.
 */
class ThreadStackTooSmallTest {
    private static final String ID = "FP110";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String PTHREAD = "is below the pthread minimum of 16384 bytes";
    private static final String BELOW_128K = "is below 128 KiB";

    @TempDir
    Path tree;

    private void main(String mpm, String... lines) throws Exception {
        RuleTestSupport.writeApacheMain(tree, mpm, lines);
    }

    private String message(String mpm, String value) throws Exception {
        main(mpm, "ThreadStackSize " + value);
        return only(check(tree), ID).message();
    }

    private String detail(String mpm, String value) throws Exception {
        main(mpm, "ThreadStackSize " + value);
        return only(check(tree), ID).detail();
    }

    private void assertClean(String mpm, String... lines) throws Exception {
        main(mpm, lines);
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void belowThePthreadMinimumIsIgnoredWithAWarningInEveryChild() throws Exception {
        main("event", "ThreadStackSize 1024");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("ThreadStackSize 1024 is below the pthread minimum of 16384 bytes, so httpd uses the default; it"
                + " is bytes, not KiB: use ThreadStackSize 524288 (512 KiB)", f.message());
        assertEquals("Every child logs 'AH02436: WARNING: ThreadStackSize of 1024 is inappropriate, using default' and"
                + " its threads get the default stack (8 MiB with ulimit -s 8192).", f.detail());
    }

    @Test
    void workerHasItsOwnCodeAndASuffixIsNotAUnit() throws Exception {
        assertTrue(message("worker", "8M").startsWith("ThreadStackSize 8 is below the pthread minimum of 16384 bytes,"));
        assertTrue(detail("worker", "8M").startsWith("Every child logs 'AH02435: WARNING: ThreadStackSize of 8 is"
                + " inappropriate, using default' "));
    }

    @Test
    void belowOneHundredTwentyEightKibIsTheDocumentationsCrashWarning() throws Exception {
        main("worker", "ThreadStackSize 65536");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals("ThreadStackSize 65536 is below 128 KiB, too small for common modules; use 262144-524288 (256-512"
                + " KiB)", f.message());
        assertEquals("httpd's documentation warns that 'a setting of 128000 is already too low and causes crashes with"
                + " some common modules'. 256-512 KiB keeps the address space small and the stacks safe.", f.detail());
    }

    @Test
    void boundaries() throws Exception {
        assertTrue(message("event", "16383").contains(PTHREAD));
        assertTrue(message("event", "16384").contains(BELOW_128K));
        assertTrue(message("event", "128000").contains(BELOW_128K));
        assertTrue(message("event", "131071").contains(BELOW_128K));
        assertClean("event", "ThreadStackSize 131072");
        assertClean("event", "ThreadStackSize 524288");
    }

    @Test
    void zeroAndAbsentMeanTheDefaultStack() throws Exception {
        assertClean("event", "ThreadStackSize 0");
        assertClean("worker");
    }

    @Test
    void theLastSettingInReadingOrderCounts() throws Exception {
        main("event", "ThreadStackSize 1024", "IncludeOptional conf-enabled/*.conf");
        write(tree, "apache2/conf-enabled/stack.conf", "ThreadStackSize 262144");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
        write(tree, "apache2/conf-enabled/stack.conf", "ThreadStackSize 65536");
        assertEquals(new Location("apache2/conf-enabled/stack.conf", 1), only(check(tree), ID).location());
    }

    @Test
    void preforkHasNoRequestThreadsToSize() throws Exception {
        assertClean("prefork", "ThreadStackSize 1024");
    }
}
