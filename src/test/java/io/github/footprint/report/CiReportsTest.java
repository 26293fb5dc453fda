package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.rules.RuleCatalog;

/** SARIF, JUnit XML and JSON as CI reads them: valid, complete, stable, byte-identical for the same input. */
class CiReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path base;

    private Path deploy(String conf) throws Exception {
        Path src = Files.createDirectories(base.resolve("src/main/deploy/apache"));
        Files.write(src.resolve("app.conf"), conf.getBytes(StandardCharsets.UTF_8));
        Files.write(base.resolve("src/main/deploy/prod.properties"), "max=20000\n".getBytes(StandardCharsets.UTF_8));
        return base.resolve("src/main/deploy");
    }

    private CheckResult run(Path src) throws Exception {
        return run(src, "error");
    }

    private static Path sarif(CheckResult r, Path out) throws Exception {
        return new SarifReporter().write(r.view(), ReportTarget.files(out)).orElseThrow();
    }

    private CheckResult run(Path src, String failOn) throws Exception {
        Properties dev = new Properties();
        dev.setProperty("max", "500");
        return new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("target/footprint")).toolVersion("0.1.0-SNAPSHOT")
                .rules(Map.of("FP203", "off")).failOn(failOn)
                .environment("dev", null, dev, Map.of())
                .environment("prod", src.resolve("prod.properties"), new Properties(), Map.of())
                .build());
    }

    private static final String CONF = "WSGIDaemonProcess app threads=5 maximum-requests=@max@\n"
            + "WSGIDaemonProcess other threads=5\n";

    @Test
    void sarifIsValidAgainstTheOfficialSchemaAndComplete() throws Exception {
        Path out = sarif(run(deploy(CONF)), base.resolve("target/footprint"));
        JsonNode sarif = JSON.readTree(out.toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(Set.of(), errors);

        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        // the rules the results name, once each, in the catalogue's order; no page of a rule that found nothing
        List<String> named = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            named.add(r.get("ruleId").asText());
        }
        List<String> listed = new ArrayList<>();
        rules.forEach(r -> listed.add(r.get("id").asText()));
        List<String> expected = new ArrayList<>();
        RuleCatalog.rules().forEach(r -> {
            if (named.contains(r.meta().id())) {
                expected.add(r.meta().id());
            }
        });
        assertEquals(expected, listed);
        assertEquals(List.of("FP006", "FP201", "FP202", "FP505"), listed);
        JsonNode fp201 = rules.get(index(rules, "FP201"));
        assertEquals("maximum-requests-too-high", fp201.get("name").asText());
        assertEquals("warning", fp201.get("defaultConfiguration").get("level").asText());
        // the page ships in the plugin: SARIF carries it whole; a link only where the user published the pages
        assertEquals(RuleCatalog.page("FP201"), fp201.get("help").get("markdown").asText());
        assertEquals(RuleCatalog.page("FP201"), fp201.get("help").get("text").asText());
        assertFalse(fp201.has("helpUri"), fp201.toString());
        assertFalse(run.get("tool").get("driver").has("informationUri"));
        assertFalse(fp201.get("fullDescription").get("text").asText().isBlank());

        List<String> got = new ArrayList<>();
        for (JsonNode r : run.get("results")) {
            JsonNode loc = r.get("locations").get(0).get("physicalLocation");
            assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
            got.add(r.get("properties").get("environment").asText() + " " + r.get("ruleId").asText() + " "
                    + r.get("level").asText() + " " + loc.get("artifactLocation").get("uri").asText() + ":"
                    + loc.get("region").get("startLine").asInt());
        }
        // FP006 (no main httpd file: the server assumed) and FP505 (no memory budget) are about the project as a
        // whole: SARIF places them at the source directory
        assertEquals(List.of("dev FP006 note src/main/deploy:1", "dev FP505 note src/main/deploy:1",
                "dev FP202 warning src/main/deploy/apache/app.conf:2", "prod FP006 note src/main/deploy:1",
                "prod FP505 note src/main/deploy:1", "prod FP201 error src/main/deploy/apache/app.conf:1",
                "prod FP202 warning src/main/deploy/apache/app.conf:2"), got);
    }

    @Test
    void withHelpUrlEveryReportLinksThePublishedPage() throws Exception {
        Path src = deploy(CONF);
        Properties max = new Properties();
        max.setProperty("max", "20000");
        CheckResult r = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("target/footprint")).toolVersion("0.1.0-SNAPSHOT").properties(max)
                .helpUrl("https://example.org/footprint/rules/").build());
        Path out = base.resolve("target/footprint");
        JsonNode rules = JSON.readTree(sarif(r, out).toFile()).get("runs").get(0).get("tool").get("driver").get("rules");
        assertEquals("https://example.org/footprint/rules/FP201.md", rules.get(index(rules, "FP201")).get("helpUri")
                .asText());
        JsonNode findings = JSON.readTree(new JsonReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()
                .toFile()).get("environments").get(0).get("findings");
        assertTrue(findings.size() >= 2, findings.toString());
        findings.forEach(f -> assertEquals("https://example.org/footprint/rules/" + f.get("rule").asText() + ".md",
                f.get("help").asText()));
        String junit = Files.readString(new JUnitReporter().write(r.view(), ReportTarget.files(out)).orElseThrow());
        assertTrue(junit.contains(" to see what a leak costs before recycling.\nhttps://example.org/footprint/rules/FP201.md</failure>"), junit);

        // {id} in the URL: a site of HTML pages
        CheckResult html = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(out).helpUrl("https://example.org/rules/{id}.html").build());
        assertEquals("https://example.org/rules/FP201.html", html.view().helpUrl("FP201").orElseThrow());

        // without it: JSON says null, JUnit carries no link
        CheckResult none = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(out).build());
        JsonNode plain = JSON.readTree(new JsonReporter().write(none.view(), ReportTarget.files(out)).orElseThrow()
                .toFile()).get("environments").get(0).get("findings");
        plain.forEach(f -> assertTrue(f.get("help").isNull(), f.toString()));
        String plainJunit = Files.readString(new JUnitReporter().write(none.view(), ReportTarget.files(out))
                .orElseThrow());
        assertFalse(plainJunit.contains("://"), plainJunit);
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode broken = JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"FP201\",\"level\":\"fatal\",\"message\":{\"text\":\"m\"},"
                + "\"locations\":[{\"physicalLocation\":{\"region\":{\"startLine\":0}}}]}]}]}");
        String errors = schema.validate(broken).toString();
        assertTrue(errors.contains("$.runs[0].results[0].level: does not have a value in the enumeration"), errors);
        assertTrue(errors.contains("startLine: must have a minimum value of 1"), errors);
    }

    @Test
    void fingerprintsSurviveUnrelatedEdits() throws Exception {
        Path src = deploy(CONF);
        List<String> before = fingerprints(sarif(run(src), base.resolve("a")));
        Files.write(src.resolve("apache/app.conf"), ("# a comment added above\nTimeout 30\n" + CONF)
                .getBytes(StandardCharsets.UTF_8));
        List<String> after = fingerprints(sarif(run(src), base.resolve("b")));
        assertEquals(before, after);
        Files.write(src.resolve("apache/app.conf"), CONF.replace("threads=5 maximum-requests", "threads=6 maximum-requests")
                .getBytes(StandardCharsets.UTF_8));
        List<String> changed = fingerprints(sarif(run(src), base.resolve("c")));
        assertNotEquals(before, changed);
    }

    private static List<String> fingerprints(Path sarif) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(sarif.toFile()).get("runs").get(0).get("results")) {
            out.add(r.get("partialFingerprints").get(SarifReporter.FINGERPRINT).asText());
        }
        return out;
    }

    @Test
    void junitHasOneCasePerRuleAndEnvironmentFailedPerFinding() throws Exception {
        CheckResult r = run(deploy(CONF), "warning");
        Path out = new JUnitReporter().write(r.view(), ReportTarget.files(base.resolve("target/footprint")))
                .orElseThrow();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        int rules = RuleCatalog.rules().size();
        assertEquals(Integer.toString(2 * rules), root.getAttribute("tests"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        assertEquals("footprint.dev", ((Element) suites.item(0)).getAttribute("name"));
        // dev: FP202 fails (warning at failOn=warning); prod: FP201 and FP202
        assertEquals("1", ((Element) suites.item(0)).getAttribute("failures"));
        assertEquals("2", ((Element) suites.item(1)).getAttribute("failures"));
        assertEquals("3", root.getAttribute("failures"));
        assertEquals("2", root.getAttribute("skipped"));
        NodeList cases = ((Element) suites.item(1)).getElementsByTagName("testcase");
        assertEquals(rules, cases.getLength());
        Element fp201 = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").startsWith("FP201 ")) {
                fp201 = c;
            }
        }
        NodeList failures = fp201.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("error", ((Element) failures.item(0)).getAttribute("type"));
        assertTrue(((Element) failures.item(0)).getAttribute("message")
                .startsWith("src/main/deploy/apache/app.conf:1: WSGIDaemonProcess app: maximum-requests=20000"));
    }

    @Test
    void everyReportIsByteIdenticalForTheSameInputAndHoldsNoAbsolutePath() throws Exception {
        Path src = deploy(CONF);
        for (String name : List.of("a", "b")) {
            CheckResult r = run(src);
            for (Format f : List.of(Format.JSON, Format.SARIF, Format.JUNIT)) {
                f.reporter().write(r.view(), ReportTarget.files(base.resolve(name)));
            }
        }
        for (String file : List.of(JsonReporter.FILE, SarifReporter.FILE, JUnitReporter.FILE)) {
            byte[] a = Files.readAllBytes(base.resolve("a").resolve(file));
            assertArrayEquals(a, Files.readAllBytes(base.resolve("b").resolve(file)), file);
            String text = new String(a, StandardCharsets.UTF_8);
            assertFalse(text.contains(base.toString()), file + " holds an absolute path");
        }
        try (java.util.stream.Stream<Path> s = Files.list(base.resolve("a"))) {
            assertEquals(3, s.count(), "only the three reports, no temporary file left behind");
        }
    }

    private static int index(JsonNode rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).get("id").asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
