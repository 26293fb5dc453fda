package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Finding;
import io.github.footprint.report.ConsoleReporter;
import io.github.footprint.report.JsonReporter;
import io.github.footprint.report.ReportTarget;

/** The whole pipeline on small trees: environments, rendering, secrets, determinism, bad input, policy. */
class CheckEngineTest {
    @TempDir
    Path base;

    private static List<String> ids(EnvironmentResult r) {
        return r.findings().stream().map(f -> f.ruleId() + "@" + f.location()).collect(Collectors.toList());
    }

    @Test
    void eachEnvironmentRendersItsOwnPropertiesAndNamesItself() throws Exception {
        Trees.deploy(base, "apache/app.conf",
                "WSGIDaemonProcess app threads=5 maximum-requests=@max.requests@\n",
                "env/dev.properties", "max.requests=500\n",
                "env/prod.properties", "max.requests=5000\n");
        Properties devProps = new Properties();
        CheckResult r = new CheckEngine().run(Trees.request(base)
                .environment("dev", base.resolve("src/main/deploy/env/dev.properties"), devProps, Map.of())
                .environment("prod", base.resolve("src/main/deploy/env/prod.properties"), devProps, Map.of())
                .build());
        assertEquals(2, r.environments().size());
        assertEquals("dev", r.environments().get(0).id());
        // no memory budget: FP505 speaks once per environment, about the project (no file), so it sorts first
        // FP006: the vhost-only project is read inside an assumed server (no distribution's layout), said once each
        assertEquals(List.of("FP006@", "FP505@"), ids(r.environments().get(0)));
        assertEquals(List.of("FP006@", "FP505@", "FP201@src/main/deploy/apache/app.conf:1"),
                ids(r.environments().get(1)));
        assertEquals(5000, r.environments().get(1).deployment().daemons().get(0).maximumRequests());
    }

    @Test
    void userPropertiesOverrideEnvironmentProperties() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app maximum-requests=${max}\n");
        Properties env = new Properties();
        env.setProperty("max", "500");
        Properties user = new Properties();
        user.setProperty("max", "20");
        CheckResult r = new CheckEngine().run(Trees.request(base).userProperties(user)
                .environment("x", null, env, Map.of()).build());
        assertEquals(20, r.environments().get(0).deployment().daemons().get(0).maximumRequests());
        assertEquals(List.of("FP006@", "FP505@", "FP203@src/main/deploy/app.conf:1"), ids(r.environments().get(0)));
    }

    @Test
    void findingsPointAtTheTemplateLineWhenAValueSpansLines() throws Exception {
        Trees.deploy(base, "app.conf", "# header\n@block@\nWSGIDaemonProcess b maximum-requests=30000\n");
        Properties p = new Properties();
        p.setProperty("block", "# one\n# two\nWSGIDaemonProcess a maximum-requests=20000");
        CheckResult r = new CheckEngine().run(Trees.request(base).properties(p).build());
        assertEquals(List.of("FP006@", "FP505@", "FP201@src/main/deploy/app.conf:2",
                "FP201@src/main/deploy/app.conf:3"),
                ids(r.environments().get(0)));
    }

    @Test
    void unresolvedPlaceholderFlowsOnLiterallyAsModWsgiReadsIt() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=${nope} maximum-requests=500\n");
        CheckResult r = new CheckEngine().run(Trees.request(base).build());
        EnvironmentResult e = r.environments().get(0);
        // atoi("${nope}") is 0: exactly what mod_wsgi would run with
        assertEquals(0, e.deployment().daemons().get(0).threads());
        Finding f = e.findings().stream().filter(x -> !x.ruleId().equals("FP505") && !x.ruleId().equals("FP006"))
                .findFirst().orElseThrow();
        assertEquals("FP002", f.ruleId());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("AH00111"), f.message());
    }

    @Test
    void secretsNeverLeaveInAnyOutput() throws Exception {
        Trees.deploy(base,
                "app/production.ini", "[app:main]\nsqlalchemy.url = postgresql://app:Pl4ntedUrlPw@db/app\n"
                        + "beaker.session.secret = Pl4ntedSecret\n"
                        + "password Pl4ntedBareword\n"
                        + "api_token = @token@ and @missing.one@\n"
                        + "bad line with Pl4ntedUrlPw inside\n",
                "apache/app.conf", "SetEnv DB_PASSWORD Pl4ntedEnvPw\nWSGIDaemonProcess Pl4ntedEnvPw x\n");
        Properties user = new Properties();
        user.setProperty("token", "Pl4ntedToken");
        CheckResult r = new CheckEngine().run(Trees.request(base).userProperties(user).build());
        Trees.Console console = new Trees.Console();
        new ConsoleReporter().write(r.view(), ReportTarget.console(console));
        Path json = new JsonReporter().write(r.view(), ReportTarget.files(base.resolve("target/footprint"))).orElseThrow();
        String all = console.text() + "\n" + Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(all.contains("****"), all);
        for (String secret : List.of("Pl4ntedUrlPw", "Pl4ntedSecret", "Pl4ntedBareword", "Pl4ntedToken",
                "Pl4ntedEnvPw")) {
            assertFalse(all.contains(secret), secret + " leaked:\n" + all);
        }
        // the findings that quote those lines are still there
        assertTrue(r.environments().get(0).findings().stream().anyMatch(f -> f.ruleId().equals("FP001")));
        assertTrue(r.environments().get(0).findings().stream().anyMatch(f -> f.ruleId().equals("FP002")));
    }

    @Test
    void sameInputGivesIdenticalBytes() throws Exception {
        Trees.deploy(base, "b.conf", "WSGIDaemonProcess b maximum-requests=20000\n",
                "a.conf", "WSGIDaemonProcess a\nWSGIDaemonProcess a maximum-requests=10\n",
                "app.ini", "[app:main]\nport = 80 # x\n");
        byte[] first = Files.readAllBytes(new JsonReporter().write(new CheckEngine().run(Trees.request(base).build())
                .view(), ReportTarget.files(base.resolve("out1"))).orElseThrow());
        byte[] second = Files.readAllBytes(new JsonReporter().write(new CheckEngine().run(Trees.request(base).build())
                .view(), ReportTarget.files(base.resolve("out2"))).orElseThrow());
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertFalse(text.contains(base.toString()), "absolute path in report");
        // ordered by file (the project-level FP505 first), then line, then rule
        int project = text.indexOf("\"file\":\"\"");
        int a = text.indexOf("\"file\":\"src/main/deploy/a.conf\"");
        int app = text.indexOf("\"file\":\"src/main/deploy/app.ini\"");
        int b = text.indexOf("\"file\":\"src/main/deploy/b.conf\"");
        assertTrue(project >= 0 && project < a && a < app && app < b, text);
    }

    @Test
    void badFilesAreLocatedFindingsAndTheRestIsStillChecked() throws Exception {
        Trees.deploy(base, "empty.conf", "", "ok.conf", "WSGIDaemonProcess ok maximum-requests=20000\n");
        Files.write(base.resolve("src/main/deploy/binary.conf"), new byte[] {'L', 'i', 'n', 'e', '\n', 0, 1, 2});
        Files.write(base.resolve("src/main/deploy/latin.ini"), "[app:main]\nname = caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(base.resolve("src/main/deploy/dir.conf"));
        Files.createSymbolicLink(base.resolve("src/main/deploy/dangling.conf"), base.resolve("nowhere.conf"));
        CheckResult r = new CheckEngine().run(Trees.request(base).build());
        List<String> found = ids(r.environments().get(0));
        assertTrue(found.contains("FP001@src/main/deploy/binary.conf:2"), found.toString());
        assertTrue(found.contains("FP001@src/main/deploy/latin.ini:2"), found.toString());
        assertTrue(found.contains("FP001@src/main/deploy/dangling.conf"), found.toString());
        assertTrue(found.contains("FP005@src/main/deploy/empty.conf"), found.toString());
        assertTrue(found.contains("FP201@src/main/deploy/ok.conf:1"), found.toString());
        Finding latin = r.environments().get(0).findings().stream()
                .filter(f -> f.location().file().endsWith("latin.ini")).findFirst().orElseThrow();
        assertTrue(latin.message().contains("byte 0xE9 at line 2, column 11"), latin.message());
    }

    @Test
    void missingSourceDirectoryIsAWarningNotASilentPass() throws Exception {
        CheckResult r = new CheckEngine().run(Trees.request(base).build());
        Finding f = r.environments().get(0).findings().get(0);
        assertEquals("FP005", f.ruleId());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("does not exist"), f.message());
    }

    @Test
    void severityOverridesAndOffApply() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess a maximum-requests=20000\nWSGIDaemonProcess b\n");
        CheckResult r = new CheckEngine().run(Trees.request(base)
                .rules(Map.of("FP201", "info", "FP202", "off", "FP505", "off", "FP006", "off", "FP201.errorAbove",
                        "100000")).build());
        List<Finding> fs = r.environments().get(0).findings();
        assertEquals(1, fs.size());
        assertEquals("FP201", fs.get(0).ruleId());
        assertEquals(Severity.INFO, fs.get(0).severity());
    }

    @Test
    void ruleOptionsAreValidated() {
        RequestException unknownRule = assertThrows(RequestException.class,
                () -> Trees.request(base).rules(Map.of("FP999", "off")).build());
        assertEquals("rules: FP999 is not a rule id; 'mvn footprint:rules' lists them", unknownRule.getMessage());
        RequestException unknownOption = assertThrows(RequestException.class,
                () -> Trees.request(base).rules(Map.of("FP201.limit", "5")).build());
        assertEquals("rules: FP201 has no option 'limit'; its options are threshold, errorAbove",
                unknownOption.getMessage());
        RequestException badSeverity = assertThrows(RequestException.class,
                () -> Trees.request(base).rules(Map.of("FP201", "fatal")).build());
        assertEquals("rules: FP201 = 'fatal' is not error, warning, info or off", badSeverity.getMessage());
    }

    @Test
    void propertiesFileThatIsADirectoryIsAConfigurationError() throws Exception {
        Files.createDirectories(base.resolve("env.properties"));
        RequestException e = assertThrows(RequestException.class, () -> Trees.request(base)
                .environment("prod", base.resolve("env.properties"), new Properties(), Map.of()).build());
        assertTrue(e.getMessage().endsWith("is a directory, not a properties file"), e.getMessage());
    }
}
