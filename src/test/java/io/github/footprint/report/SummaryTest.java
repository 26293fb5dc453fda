package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.findings.ReportView;

/** The check's last line: counts over the run, per environment when there are several, and what failOn did. */
class SummaryTest {
    @TempDir
    Path base;

    private ReportView run(String conf, String failOn, boolean twoEnvironments) throws Exception {
        Path src = Files.createDirectories(base.resolve("src/main/deploy"));
        Files.write(src.resolve("app.conf"), conf.getBytes(StandardCharsets.UTF_8));
        CheckRequest.Builder b = new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("target")).failOn(failOn);
        if (twoEnvironments) {
            Properties low = new Properties();
            low.setProperty("max", "500");
            Properties high = new Properties();
            high.setProperty("max", "20000");
            b.environment("dev", null, low, Map.of()).environment("prod", null, high, Map.of("memory", "1G"));
        }
        return new CheckEngine().run(b.build()).view();
    }

    private static final String TWO = "WSGIDaemonProcess a maximum-requests=20000\nWSGIDaemonProcess b\n";

    @Test
    void failingRunSaysSo() throws Exception {
        ReportView v = run(TWO, "error", false);
        assertEquals("footprint: 1 error, 1 warning, 2 infos (default); failOn=error: the build fails", Summary.line(v));
        assertEquals(Severity.ERROR, Summary.level(v));
    }

    @Test
    void neverReportsThatTheBuildPassesAnyway() throws Exception {
        ReportView v = run(TWO, "never", false);
        assertEquals("footprint: 1 error, 1 warning, 2 infos (default); failOn=never: the build passes anyway",
                Summary.line(v));
        assertEquals(Severity.WARNING, Summary.level(v));
    }

    @Test
    void warningsUnderFailOnErrorPassAnyway() throws Exception {
        ReportView v = run("WSGIDaemonProcess b\n", "error", false);
        assertEquals("footprint: 0 errors, 1 warning, 2 infos (default); failOn=error: the build passes anyway",
                Summary.line(v));
        assertEquals("footprint: 0 errors, 1 warning, 2 infos (default); failOn=warning: the build fails",
                Summary.line(run("WSGIDaemonProcess b\n", "warning", false)));
    }

    @Test
    void aCleanRunPasses() throws Exception {
        ReportView v = run("WSGIDaemonProcess b maximum-requests=500\n", "error", false);
        assertEquals("footprint: 0 errors, 0 warnings, 2 infos (default); failOn=error: the build passes",
                Summary.line(v));
        assertEquals(Severity.INFO, Summary.level(v));
    }

    @Test
    void severalEnvironmentsAreCountedEach() throws Exception {
        ReportView v = run("WSGIDaemonProcess a maximum-requests=@max@\n", "error", true);
        assertEquals("footprint: 1 error, 0 warnings, 3 infos (dev: 0 errors, 0 warnings, 2 infos; prod: 1 error,"
                + " 0 warnings, 1 info); failOn=error: the build fails", Summary.line(v));
    }

    @Test
    void pluralsAreWords() {
        assertEquals("2 errors, 0 warnings, 4 infos", Summary.counts(2, 0, 4));
        assertEquals("1 error, 1 warning, 1 info", Summary.counts(1, 1, 1));
    }
}
