package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.model.mpm.MpmAdjustment;

/**
 * Real httpd is the judge of the MPM model: generated configurations go through {@code apache2 -t} and through
 * footprint; the accept/reject verdicts must agree, and for accepted ones the start-up warnings httpd prints
 * (which state the effective values) must equal, line for line and in order, the adjustments footprint computes.
 */
class MpmOracleTest {
    /** Rules whose error findings mean httpd refuses to start. */
    static final Set<String> REFUSING = Set.of("FP001", "FP003", "FP101", "FP103", "FP104", "FP204", "FP206");

    private static final String[] VALUES = {"-3", "0", "1", "2", "3", "5", "10", "16", "20", "24", "25", "32", "50",
        "64", "75", "100", "130", "150", "170", "200", "250", "256", "300", "400", "1000", "20001", "30000", "100001",
        "200001", "300000", "abc", "5x", "25 "};
    private static final String[] PREFORK = {"ServerLimit", "MaxRequestWorkers", "MaxClients", "StartServers",
        "MinSpareServers", "MaxSpareServers", "MaxConnectionsPerChild", "MaxRequestsPerChild"};
    private static final String[] THREADED = {"ServerLimit", "ThreadLimit", "ThreadsPerChild", "MaxRequestWorkers",
        "MaxClients", "StartServers", "MinSpareThreads", "MaxSpareThreads", "MaxConnectionsPerChild"};

    @TempDir
    Path dir;

    /** One generated case: a name, the MPM (null: none), and the lines after the preamble. */
    static final class Case {
        final String name;
        final String mpm;
        final List<String> lines;
        final String second;

        Case(String name, String mpm, List<String> lines, String second) {
            this.name = name;
            this.mpm = mpm;
            this.lines = lines;
            this.second = second;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        Random r = new Random(20261127L);
        for (String mpm : List.of("prefork", "worker", "event")) {
            String[] names = mpm.equals("prefork") ? PREFORK : THREADED;
            for (int i = 0; i < 70; i++) {
                List<String> lines = new ArrayList<>();
                int n = 1 + r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    lines.add(names[r.nextInt(names.length)] + " " + VALUES[r.nextInt(VALUES.length)]);
                }
                if (r.nextInt(4) == 0) {
                    // the same settings inside the MPM's own <IfModule>, in either spelling
                    String test = r.nextBoolean() ? "mpm_" + mpm + "_module" : mpm + ".c";
                    lines.add(0, "<IfModule " + test + ">");
                    lines.add("</IfModule>");
                }
                out.add(new Case(mpm + "-" + i, mpm, lines, null));
            }
        }
        // structure: what httpd refuses, and what it tolerates
        out.add(new Case("worker-foreign-prefork-directive", "worker", List.of("MaxSpareServers 10"), null));
        out.add(new Case("prefork-foreign-threaded-directive", "prefork", List.of("ThreadsPerChild 25"), null));
        out.add(new Case("event-foreign-guarded", "event", List.of("<IfModule mpm_prefork_module>",
                "MaxSpareServers 10", "</IfModule>"), null));
        out.add(new Case("prefork-foreign-guarded-c", "prefork", List.of("<IfModule worker.c>", "ThreadsPerChild 25",
                "</IfModule>"), null));
        out.add(new Case("negated-guard", "prefork", List.of("<IfModule !mpm_prefork_module>", "ThreadsPerChild 25",
                "</IfModule>"), null));
        out.add(new Case("event-in-vhost", "event", List.of("<VirtualHost *:80>", "MaxRequestWorkers 100",
                "</VirtualHost>"), null));
        out.add(new Case("prefork-in-vhost", "prefork", List.of("<VirtualHost *:80>", "StartServers 2",
                "</VirtualHost>"), null));
        out.add(new Case("two-mpms", "event", List.of(), "prefork"));
        out.add(new Case("same-mpm-twice", "event", List.of(), "event"));
        out.add(new Case("no-mpm", null, List.of("Timeout 30"), null));
        out.add(new Case("debian-event-defaults", "event", List.of("StartServers 2", "MinSpareThreads 25",
                "MaxSpareThreads 75", "ThreadLimit 64", "ThreadsPerChild 25", "MaxRequestWorkers 150",
                "MaxConnectionsPerChild 0"), null));
        out.add(new Case("measured-chain", "worker", List.of("ThreadLimit 20", "ThreadsPerChild 25",
                "MaxRequestWorkers 170", "ServerLimit 4"), null));
        out.add(new Case("order-does-not-matter", "event", List.of("ThreadsPerChild 64", "ThreadLimit 32"), null));
        out.add(new Case("alias-last-wins", "prefork", List.of("MaxRequestWorkers 300", "MaxClients 100"), null));
        out.add(new Case("alias-last-wins-2", "prefork", List.of("MaxClients 100", "MaxRequestWorkers 300"), null));
        return out;
    }

    @Test
    void verdictsAndEffectiveValuesEqualHttpds() throws Exception {
        Assumptions.assumeTrue(Httpd.installed(), "apache2 is not installed (apt-get install apache2): the httpd"
                + " oracle cannot run here");
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int warnings = 0;
        List<Case> cases = cases();
        for (Case c : cases) {
            Path caseDir = Files.createDirectories(dir.resolve(c.name));
            Path src = Files.createDirectories(caseDir.resolve("deploy"));
            StringBuilder conf = new StringBuilder(Httpd.preamble(caseDir, c.mpm, false));
            if (c.second != null) {
                conf.append("LoadModule mpm_").append(c.second).append("_module ")
                        .append(Httpd.MODULES.resolve("mod_mpm_" + c.second + ".so")).append('\n');
            }
            for (String l : c.lines) {
                conf.append(l).append('\n');
            }
            Path file = src.resolve("httpd.conf");
            Files.write(file, conf.toString().getBytes(StandardCharsets.UTF_8));
            Httpd.Verdict httpd = Httpd.configtest(file);
            EnvironmentResult ours = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(caseDir)
                    .sourceDirectory(src).outputDirectory(caseDir.resolve("out")).build()).environments().get(0);
            List<Finding> refusals = ours.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && REFUSING.contains(f.ruleId()))
                    .collect(Collectors.toList());
            boolean httpdAccepts = httpd.rc == 0;
            if (httpdAccepts != refusals.isEmpty()) {
                disagreements.add(c.name + ": httpd rc=" + httpd.rc + " " + httpd.lines + " but footprint "
                        + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
                continue;
            }
            if (httpdAccepts) {
                accepted++;
                List<String> expected = httpd.warnings();
                List<String> actual = new ArrayList<>();
                for (MpmAdjustment a : ours.deployment().mpm().adjustments()) {
                    if (!a.isSilent()) {
                        actual.add(a.code() + ": " + a.text());
                    }
                }
                warnings += expected.size();
                if (!expected.equals(actual)) {
                    disagreements.add(c.name + " " + c.lines + ":\n  httpd:     " + expected + "\n  footprint: "
                            + actual);
                }
            } else {
                rejected++;
            }
        }
        System.out.printf("httpd oracle: %d configurations, %d accepted (%d start-up warnings compared), %d"
                + " rejected, %d disagreements%n", cases.size(), accepted, warnings, rejected, disagreements.size());
        assertTrue(cases.size() >= 200, "at least 200 configurations");
        assertEquals(Collections.emptyList(), disagreements);
    }

    @Test
    void generatorIsDeterministic() {
        List<String> a = cases().stream().map(c -> c.name + c.lines).collect(Collectors.toList());
        List<String> b = cases().stream().map(c -> c.name + c.lines).collect(Collectors.toList());
        assertEquals(a, b);
    }
}
