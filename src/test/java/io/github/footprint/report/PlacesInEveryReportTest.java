package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.findings.ReportView;

/**
 * One cause at several places (the same undefined variable on three lines) is one finding with all its places, and
 * every report shows every place: the console (the count and the others on the line, all of them with verbose),
 * footprint.json's {@code locations}, SARIF's {@code locations}, the JUnit text and the HTML report.
 */
class PlacesInEveryReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "src/main/deploy/apache/app.conf";

    @TempDir
    Path base;

    private CheckResult run(boolean verbose) throws Exception {
        Path src = Files.createDirectories(base.resolve("src/main/deploy/apache"));
        Files.write(src.resolve("app.conf"), ("ServerName ${NOPE}\n"
                + "ServerAdmin ${NOPE}\n"
                + "WSGIDaemonProcess app threads=5 maximum-requests=500\n"
                + "DocumentRoot ${NOPE}\n").getBytes(StandardCharsets.UTF_8));
        return new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base)
                .sourceDirectory(base.resolve("src/main/deploy")).outputDirectory(base.resolve("target/footprint"))
                .toolVersion("0.1.0-SNAPSHOT").verbose(verbose).build());
    }

    private static Finding fp002(CheckResult r) {
        List<Finding> fs = r.environments().get(0).findings().stream().filter(f -> f.ruleId().equals("FP002"))
                .collect(Collectors.toList());
        assertEquals(1, fs.size(), fs::toString);
        return fs.get(0);
    }

    @Test
    void oneFindingAtThreePlaces() throws Exception {
        Finding f = fp002(run(false));
        assertEquals(List.of(new Location(FILE, 1), new Location(FILE, 2), new Location(FILE, 4)), f.locations());
        assertEquals(new Location(FILE, 1), f.location());
    }

    @Test
    void theConsoleCountsThemAndNamesTheOthersAndVerboseListsThemAll() throws Exception {
        List<String> lines = new ArrayList<>();
        for (ConsoleLines.Line l : ConsoleLines.of(run(false).view())) {
            lines.add(l.text);
        }
        String line = lines.stream().filter(l -> l.contains(" FP002 ")).findFirst().orElseThrow();
        assertTrue(line.startsWith("[default] " + FILE + ":1: FP002 ${NOPE} is not defined"), line);
        assertTrue(line.endsWith(" (3 places; also line 2, line 4)"), line);
        List<String> verbose = new ArrayList<>();
        ConsoleSink sink = new ConsoleSink() {
            @Override
            public void error(String s) {
                verbose.add(s);
            }

            @Override
            public void warn(String s) {
                verbose.add(s);
            }

            @Override
            public void info(String s) {
                verbose.add(s);
            }
        };
        new ConsoleReporter().write(run(true).view(), ReportTarget.console(sink));
        int at = verbose.indexOf(line);
        assertTrue(at >= 0, () -> String.join("\n", verbose));
        // the detail and the places, wrapped and indented below the line
        String below = verbose.subList(at + 1, Math.min(verbose.size(), at + 10)).stream().map(String::strip)
                .collect(Collectors.joining(" "));
        assertTrue(below.contains("httpd warns 'AH00111: Config variable ${NOPE} is not defined'"), below);
        assertTrue(below.contains("places: " + FILE + ":1 " + FILE + ":2 " + FILE + ":4"), below);
    }

    @Test
    void jsonSarifJunitAndHtmlCarryEveryPlace() throws Exception {
        ReportView view = run(false).view();
        Path out = base.resolve("target/footprint");

        JsonNode json = JSON.readTree(new JsonReporter().write(view, ReportTarget.files(out)).orElseThrow().toFile());
        JsonNode finding = null;
        for (JsonNode n : json.get("environments").get(0).get("findings")) {
            if (n.get("rule").asText().equals("FP002")) {
                finding = n;
            }
        }
        assertTrue(finding != null, json::toString);
        List<String> places = new ArrayList<>();
        for (JsonNode l : finding.get("locations")) {
            places.add(l.get("file").asText() + ":" + l.get("line").asInt());
        }
        assertEquals(List.of(FILE + ":1", FILE + ":2", FILE + ":4"), places, finding::toString);
        assertTrue(finding.get("detail").asText().contains("AH00111"), finding::toString);

        JsonNode sarif = JSON.readTree(new SarifReporter().write(view, ReportTarget.files(out)).orElseThrow().toFile());
        JsonNode result = null;
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals("FP002")) {
                result = r;
            }
        }
        assertTrue(result != null, sarif::toString);
        List<Integer> lines = new ArrayList<>();
        for (JsonNode l : result.get("locations")) {
            assertTrue(l.get("physicalLocation").get("artifactLocation").get("uri").asText().endsWith("apache/app.conf"),
                    l::toString);
            lines.add(l.get("physicalLocation").get("region").get("startLine").asInt());
        }
        assertEquals(List.of(1, 2, 4), lines, result::toString);
        assertTrue(result.get("message").get("markdown").asText().contains("AH00111"), result::toString);

        String junit = Files.readString(new JUnitReporter().write(view, ReportTarget.files(out)).orElseThrow());
        for (int line : new int[] {1, 2, 4}) {
            assertTrue(junit.contains(FILE + ":" + line), junit);
        }

        String html = Files.readString(new HtmlReporter().write(view, ReportTarget.files(out)).orElseThrow());
        for (int line : new int[] {1, 2, 4}) {
            assertTrue(html.contains(FILE + ":" + line), () -> FILE + ":" + line + " not in the HTML report");
        }
    }
}
