package io.github.footprint.parse.apache;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader does not recurse on the depth of its input (issue 13): deeply nested sections, conditionals, skipped
 * bodies and macro expansions are read on a thread whose stack holds a few hundred frames at most. What httpd
 * itself does at these depths is in DepthOracleTest.
 */
class DepthTest {
    private static final String PRE = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n"
            + "LoadModule macro_module /usr/lib/apache2/modules/mod_macro.so\n";
    /** A stack far too small for a recursion per level of any of the depths below. */
    private static final long SMALL_STACK = 256 * 1024;

    @TempDir
    Path dir;

    static String nested(String open, String close, String inner, int depth) {
        StringBuilder b = new StringBuilder(depth * (open.length() + close.length() + 2) + inner.length());
        for (int i = 0; i < depth; i++) {
            b.append(open).append('\n');
        }
        b.append(inner).append('\n');
        for (int i = 0; i < depth; i++) {
            b.append(close).append('\n');
        }
        return b.toString();
    }

    /** Runs {@code task} on a thread with a small stack; its StackOverflowError, if any, fails the test. */
    static <T> T onSmallStack(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", SMALL_STACK);
        t.start();
        t.join();
        if (failure.get() instanceof Exception) {
            throw (Exception) failure.get();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get().toString(), failure.get());
        }
        return result.get();
    }

    private ApacheConfig main(String text) throws Exception {
        Trees.write(dir, files("apache2.conf", PRE + text));
        return onSmallStack(() -> Trees.apache(Trees.load(dir), "2.4", "event", Map.of()));
    }

    private static List<String> problems(ApacheConfig c) {
        return c.problems().stream().map(p -> p.location().line() + ": " + p.message()).collect(Collectors.toList());
    }

    private static int depth(Directive d) {
        int n = 0;
        for (Directive p = d.parent(); p != null; p = p.parent()) {
            n++;
        }
        return n;
    }

    @Test
    void twoThousandNestedTrueConditionals() throws Exception {
        // apache2 -t: Syntax OK
        ApacheConfig c = main(nested("<IfModule !x.c>", "</IfModule>", "Timeout 5", 2000) + "KeepAlive On\n");
        assertEquals(List.of(), problems(c));
        assertEquals(2001, depth(c.find("Timeout").get(0)));
        assertEquals(1, depth(c.find("KeepAlive").get(0)));
        int[] walked = {0};
        c.walk(d -> walked[0]++);
        assertEquals(2 + 2000 + 2, walked[0]);
    }

    @Test
    void tenThousandNestedFalseConditionals() throws Exception {
        // apache2 -t: Syntax OK
        ApacheConfig c = main(nested("<IfModule x.c>", "</IfModule>", "Timeout 5", 10000) + "KeepAlive On\n");
        assertEquals(List.of(), problems(c));
        assertTrue(c.find("Timeout").isEmpty());
        assertEquals(1, c.find("KeepAlive").size());
    }

    @Test
    void twoThousandNestedLocations() throws Exception {
        // apache2 -t reads them and then refuses "<Location not allowed in <Location> context" (a directive
        // context footprint does not check); the tree is read whole
        ApacheConfig c = main(nested("<Location /x>", "</Location>", "Require all granted", 2000));
        assertEquals(List.of(), problems(c));
        assertEquals(2001, depth(c.find("Require").get(0)));
        assertEquals(2000, c.find("Require").get(0).enclosing("Location") == null ? -1
                : depth(c.find("Require").get(0)) - 1);
    }

    @Test
    void aHundredThousandLevelsOfEveryKind() throws Exception {
        int n = 100_000;
        ApacheConfig c = main(nested("<IfModule !x.c>", "</IfModule>", "Timeout 5", n)
                + nested("<IfModule x.c>", "</IfModule>", "Timeout 6", n)
                + nested("<Location /x>", "</Location>", "Require all granted", n)
                + nested("<VirtualHost *:80>", "</VirtualHost>", "KeepAlive On", n));
        List<String> p = problems(c);
        // httpd reads a true conditional's body and a skipped body with a recursive call each: it crashes long
        // before these depths; footprint says so once for each kind
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith((3 + ApacheParser.HTTPD_COND_DEPTH) + ": " + (ApacheParser.HTTPD_COND_DEPTH + 1)
                + " nested <IfModule> sections"), p.get(0));
        assertTrue(p.get(1).startsWith((4 + 2 * n + ApacheParser.HTTPD_SOAK_DEPTH) + ": "
                + (ApacheParser.HTTPD_SOAK_DEPTH + 1) + " nested sections in a skipped block"), p.get(1));
        assertTrue(p.get(1).contains("skipped"), p.get(1));
        assertTrue(c.problems().stream().allMatch(x -> x.severity() == Severity.WARNING));
        assertEquals(n + 1, depth(c.find("Timeout").get(0)));
        assertEquals(n + 1, depth(c.find("Require").get(0)));
        assertEquals(n + 1, depth(c.find("KeepAlive").get(0)));
    }

    @Test
    void deepUnclosedSectionsAreEachReported() throws Exception {
        ApacheConfig c = main("<VirtualHost *:80>\n".repeat(50_000));
        assertEquals(50_000, c.problems().size());
        assertEquals("3: <VirtualHost> was not closed.", problems(c).get(50_000 - 1));
        ApacheConfig skipped = main("<IfModule x.c>\n" + "<VirtualHost *:80>\n".repeat(50_000));
        assertEquals(List.of("3: Expected </VirtualHost> before end of configuration (line 50003, in a block httpd"
                + " skips)"), problems(skipped).subList(0, 1));
    }

    @Test
    void aChainOfThreeThousandMacrosIsReadWithoutRecursion() throws Exception {
        // apache2 -t: Syntax OK (3.6 s and 540 MB: the name of each expansion holds all the enclosing ones)
        StringBuilder b = new StringBuilder();
        int n = 3000;
        for (int i = 0; i < n; i++) {
            b.append("<Macro m").append(i).append(">\nUse m").append(i + 1).append("\n</Macro>\n");
        }
        b.append("<Macro m").append(n).append(">\nTimeout 5\n</Macro>\nUse m0\n");
        long start = System.nanoTime();
        ApacheConfig c = main(b.toString());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        assertEquals(List.of(), problems(c));
        Directive t = c.find("Timeout").get(0);
        assertEquals(3 * n + 6, t.location().line());
        assertEquals("m3000", t.macroLine().use().name());
        int chain = 0;
        for (MacroUse u = t.macroLine().use(); u != null; u = u.via()) {
            chain++;
        }
        assertEquals(n + 1, chain);
        // the name is written out to a bounded depth only
        assertTrue(t.macroLine().use().where().length() < 20_000);
    }

    @Test
    void macrosThatDoubleStopAtFootprintsBound() throws Exception {
        // m0 uses m1 twice, m1 uses m2 twice... 2^40 lines: httpd expands until its memory is gone
        StringBuilder b = new StringBuilder();
        int n = 40;
        for (int i = 0; i < n; i++) {
            b.append("<Macro m").append(i).append(">\nUse m").append(i + 1).append("\nUse m").append(i + 1)
                    .append("\n</Macro>\n");
        }
        b.append("<Macro m").append(n).append(">\nTimeout 5\n</Macro>\nUse m0\nKeepAlive On\n");
        long start = System.nanoTime();
        ApacheConfig c = main(b.toString());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        List<ParseProblem> errors = c.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                .collect(Collectors.toList());
        assertEquals(1, errors.size(), problems(c).toString());
        assertTrue(errors.get(0).message().startsWith("footprint stops expanding mod_macro Use lines here"));
        assertEquals(4 * n + 6, errors.get(0).location().line());
        assertTrue(c.find("Timeout").size() <= ApacheParser.MAX_EXPANDED_LINES);
        assertEquals(1, c.find("KeepAlive").size());
    }
}
