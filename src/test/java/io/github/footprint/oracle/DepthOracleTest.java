package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;

/**
 * Deep input through footprint's whole check (on a thread with the 1 MiB stack of an ordinary JVM thread) and
 * through {@code apache2 -t}: footprint never dies of the depth, and where httpd gives a verdict of its own reading
 * the two agree. Measured with Debian's apache2 2.4.71 and an 8 MiB stack: 2,000 nested {@code <IfModule !x.c>} and
 * 10,000 nested false {@code <IfModule>} are "Syntax OK"; true conditionals crash httpd (segmentation fault) beyond
 * about 8,440 levels, skipped ones beyond about 65,450, where footprint warns and reads on; 2,000 nested
 * {@code <Location>} are read and then refused for their context ("&lt;Location not allowed in &lt;Location&gt;
 * context", a check footprint does not make).
 */
class DepthOracleTest {
    private static final long JVM_STACK = 1024 * 1024;

    @TempDir
    Path dir;

    private static String nested(String open, String close, String inner, int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(open).append('\n');
        }
        b.append(inner).append('\n');
        for (int i = 0; i < depth; i++) {
            b.append(close).append('\n');
        }
        return b.toString();
    }

    private static String chain(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("<Macro m").append(i).append(">\nUse m").append(i + 1).append("\n</Macro>\n");
        }
        return b.append("<Macro m").append(n).append(">\nWSGIDaemonProcess deep processes=2 threads=3\n</Macro>\n")
                .append("Use m0\n").toString();
    }

    /** name -> case.conf; every case holds one WSGIDaemonProcess that must be counted. */
    static Map<String, String> cases() {
        String daemon = "WSGIDaemonProcess deep processes=2 threads=3";
        Map<String, String> c = new LinkedHashMap<>();
        c.put("2000-nested-true-ifmodule", nested("<IfModule !x.c>", "</IfModule>", daemon, 2000));
        c.put("10000-nested-false-ifmodule", nested("<IfModule x.c>", "</IfModule>", "Bogus", 10000) + daemon + "\n");
        c.put("2000-nested-if-in-location", "<Location /x>\n" + nested("<If \"true\">", "</If>", "Require all granted",
                2000) + "</Location>\n" + daemon + "\n");
        c.put("10000-nested-if-in-location", "<Location /x>\n" + nested("<If \"true\">", "</If>",
                "Require all granted", 10000) + "</Location>\n" + daemon + "\n");
        c.put("3000-chained-macros", chain(3000));
        return c;
    }

    private static EnvironmentResult footprintOnJvmStack(Path src) throws Exception {
        AtomicReference<EnvironmentResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(Httpd.footprint(src));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "jvm-stack", JVM_STACK);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError("footprint died on " + src + ": " + failure.get(), failure.get());
        }
        return result.get();
    }

    private static List<Finding> refusals(EnvironmentResult r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR
                && MacroOracleTest.refuses(f)).collect(Collectors.toList());
    }

    @Test
    void deepInputAgreesWithHttpd() throws Exception {
        Assumptions.assumeTrue(Httpd.wsgiInstalled() && Files.isRegularFile(Httpd.MODULES.resolve("mod_macro.so"))
                && Files.isRegularFile(Httpd.MODULES.resolve("mod_info.so")), "apache2 with mod_wsgi and mod_macro is"
                + " not installed: the depth oracle cannot run here");
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> e : cases().entrySet()) {
            Path src = MacroOracleTest.writeCase(dir, e.getKey(), Map.of("case.conf", e.getValue()));
            Httpd.Verdict httpd = Httpd.configtest(src.resolve("httpd.conf"));
            long start = System.nanoTime();
            EnvironmentResult ours = footprintOnJvmStack(src);
            long ms = (System.nanoTime() - start) / 1_000_000;
            List<Finding> refusals = refusals(ours);
            if ((httpd.rc == 0) != refusals.isEmpty()) {
                disagreements.add(e.getKey() + ": httpd rc=" + httpd.rc + " " + httpd.lines + " but footprint "
                        + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
            }
            if (ours.deployment().daemons().stream().noneMatch(d -> d.name().equals("deep"))) {
                disagreements.add(e.getKey() + ": the daemon is not counted");
            }
            if (ms > 10_000) {
                disagreements.add(e.getKey() + ": footprint took " + ms + " ms");
            }
        }
        assertEquals(Collections.emptyList(), disagreements);
    }

    @Test
    void nestedLocationsAreReadAndRefusedByHttpdForTheirContextOnly() throws Exception {
        Assumptions.assumeTrue(Httpd.installed(), "apache2 is not installed");
        Path src = MacroOracleTest.writeCase(dir, "2000-nested-location", Map.of("case.conf",
                nested("<Location /x>", "</Location>", "Require all granted", 2000)));
        Httpd.Verdict httpd = Httpd.configtest(src.resolve("httpd.conf"));
        assertTrue(String.join("\n", httpd.lines).contains("<Location not allowed in <Location> context"),
                httpd.lines.toString());
        EnvironmentResult ours = footprintOnJvmStack(src);
        // footprint read the file whole: no syntax problem, the innermost directive 2,000 sections deep
        assertEquals(List.of(), refusals(ours));
        assertEquals(2001, depthOf(ours, "Require"));
    }

    @Test
    void depthsThatCrashHttpdAreWarnedAbout() throws Exception {
        Assumptions.assumeTrue(Httpd.installed(), "apache2 is not installed");
        Path src = MacroOracleTest.writeCase(dir, "100000-nested-true-ifmodule", Map.of("case.conf",
                nested("<IfModule !x.c>", "</IfModule>", "WSGIDaemonProcess deep processes=2 threads=3", 100_000)));
        Httpd.Verdict httpd = Httpd.configtest(src.resolve("httpd.conf"));
        System.out.println("apache2 -t on 100,000 nested <IfModule !x.c>: exit code " + httpd.rc + " "
                + httpd.lines);
        EnvironmentResult ours = footprintOnJvmStack(src);
        List<Finding> warnings = ours.findings().stream().filter(f -> f.message().contains("crashed"))
                .collect(Collectors.toList());
        assertEquals(1, warnings.size(), ours.findings().toString());
        assertEquals(Severity.WARNING, warnings.get(0).severity());
        assertTrue(ours.deployment().daemons().stream().anyMatch(d -> d.name().equals("deep")));
    }

    private static int depthOf(EnvironmentResult r, String name) {
        io.github.footprint.parse.apache.Directive d = r.deployment().apache().orElseThrow().find(name).get(0);
        int n = 0;
        for (io.github.footprint.parse.apache.Directive p = d.parent(); p != null; p = p.parent()) {
            n++;
        }
        return n;
    }
}
