package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
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
 * A daemon written once in a mod_macro {@code <Macro>} and made by two {@code Use} lines (the FP202 fixture
 * {@code macro_used_twice}): each finding stands at its Use line (where the values of that instance are) and names
 * the macro line (where the text is) in its detail and as its second place, in every report: the console (the count
 * on the line, the detail and every place with verbose), footprint.json's {@code locations} and detail, SARIF's
 * {@code locations} and message, the JUnit text (its places; it prints no details) and the HTML report.
 */
class MacroPlacesInEveryReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITES = "src/main/deploy/apache/sites.conf";
    private static final String MACRO = "src/main/deploy/apache/macro-wsgi.conf";
    private static final String NOTE = "Made by a mod_macro Use (Use wsgiapp, macro 'wsgiapp' at " + MACRO + ":6): ";

    @TempDir
    Path base;

    private CheckResult run(boolean verbose) throws Exception {
        Path src = Files.createDirectories(base.resolve("src/main/deploy/apache"));
        Path fixture = fixture();
        for (String name : new String[] {"macro-wsgi.conf", "sites.conf"}) {
            Files.copy(fixture.resolve(name), src.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base)
                .sourceDirectory(base.resolve("src/main/deploy")).outputDirectory(base.resolve("target/footprint"))
                .toolVersion("0.1.0-SNAPSHOT").verbose(verbose).build());
    }

    private static Path fixture() throws URISyntaxException {
        return Paths.get(MacroPlacesInEveryReportTest.class.getResource("/rules/FP202/macro_used_twice/apache").toURI());
    }

    private static List<Finding> fp202(CheckResult r) {
        return r.environments().get(0).findings().stream().filter(f -> f.ruleId().equals("FP202"))
                .collect(Collectors.toList());
    }

    @Test
    void eachUseIsAFindingAtItsUseLineWithTheMacroLineSecond() throws Exception {
        List<Finding> fs = fp202(run(false));
        assertEquals(2, fs.size(), fs::toString);
        assertEquals(List.of(new Location(SITES, 2), new Location(MACRO, 6)),
                fs.get(0).places().stream().map(Location::plain).collect(Collectors.toList()));
        assertEquals(List.of(new Location(SITES, 4), new Location(MACRO, 6)),
                fs.get(1).places().stream().map(Location::plain).collect(Collectors.toList()));
        for (Finding f : fs) {
            assertTrue(f.detail().startsWith(NOTE), f.detail());
            assertTrue(f.message().length() <= Finding.FIRST_LINE, f.message());
            // the rule's words are those of a daemon written in a file
            assertTrue(f.message().startsWith("WSGIDaemonProcess " + (f == fs.get(0) ? "shop" : "blog")
                    + " has no maximum-requests: its 2 process(es) never recycle"), f.message());
        }
    }

    @Test
    void theConsoleCountsBothPlacesAndVerboseNamesBoth() throws Exception {
        List<String> lines = ConsoleLines.of(run(false).view()).stream().map(l -> l.text).collect(Collectors.toList());
        List<String> fp202 = lines.stream().filter(l -> l.contains(" FP202 ")).collect(Collectors.toList());
        assertEquals(2, fp202.size(), lines::toString);
        assertTrue(fp202.get(0).startsWith("[default] " + SITES + ":2: FP202 WSGIDaemonProcess shop"), fp202::toString);
        assertTrue(fp202.get(1).startsWith("[default] " + SITES + ":4: FP202 WSGIDaemonProcess blog"), fp202::toString);
        for (String l : fp202) {
            assertTrue(l.contains(" (2 places"), l);
        }
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
        for (int i = 0; i < 2; i++) {
            int at = verbose.indexOf(fp202.get(i));
            assertTrue(at >= 0, () -> String.join("\n", verbose));
            String below = verbose.subList(at + 1, Math.min(verbose.size(), at + 12)).stream().map(String::strip)
                    .collect(Collectors.joining(" "));
            assertTrue(below.startsWith(NOTE.strip()), below);
            assertTrue(below.contains("places: " + SITES + ":" + (2 + 2 * i) + " " + MACRO + ":6"), below);
        }
    }

    @Test
    void jsonSarifJunitAndHtmlCarryTheUseLineThenTheMacroLine() throws Exception {
        ReportView view = run(false).view();
        Path out = base.resolve("target/footprint");

        JsonNode json = JSON.readTree(new JsonReporter().write(view, ReportTarget.files(out)).orElseThrow().toFile());
        List<String> jsonPlaces = new ArrayList<>();
        for (JsonNode n : json.get("environments").get(0).get("findings")) {
            if (n.get("rule").asText().equals("FP202")) {
                assertTrue(n.get("detail").asText().startsWith(NOTE), n::toString);
                StringBuilder b = new StringBuilder(n.get("file").asText() + ":" + n.get("line").asInt() + " ->");
                for (JsonNode l : n.get("locations")) {
                    b.append(' ').append(l.get("file").asText()).append(':').append(l.get("line").asInt());
                }
                jsonPlaces.add(b.toString());
            }
        }
        assertEquals(List.of(SITES + ":2 -> " + SITES + ":2 " + MACRO + ":6",
                SITES + ":4 -> " + SITES + ":4 " + MACRO + ":6"), jsonPlaces, json::toString);

        JsonNode sarif = JSON.readTree(new SarifReporter().write(view, ReportTarget.files(out)).orElseThrow().toFile());
        List<String> sarifPlaces = new ArrayList<>();
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals("FP202")) {
                assertTrue(r.get("message").get("markdown").asText().contains(MACRO + ":6"), r::toString);
                StringBuilder b = new StringBuilder();
                for (JsonNode l : r.get("locations")) {
                    String uri = l.get("physicalLocation").get("artifactLocation").get("uri").asText();
                    b.append(b.length() == 0 ? "" : " ").append(uri.substring(uri.lastIndexOf('/') + 1)).append(':')
                            .append(l.get("physicalLocation").get("region").get("startLine").asInt());
                }
                sarifPlaces.add(b.toString());
            }
        }
        assertEquals(List.of("sites.conf:2 macro-wsgi.conf:6", "sites.conf:4 macro-wsgi.conf:6"), sarifPlaces,
                sarif::toString);

        String junit = Files.readString(new JUnitReporter().write(view, ReportTarget.files(out)).orElseThrow());
        for (String place : new String[] {SITES + ":2", SITES + ":4", MACRO + ":6"}) {
            assertTrue(junit.contains(place), () -> place + " not in " + junit);
        }

        String html = Files.readString(new HtmlReporter().write(view, ReportTarget.files(out)).orElseThrow());
        for (String place : new String[] {SITES + ":2", SITES + ":4", MACRO + ":6"}) {
            assertTrue(html.contains(place), () -> place + " not in the HTML report");
        }
    }
}
