package io.github.footprint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Sizes;
import io.github.footprint.report.ConsoleReporter;
import io.github.footprint.report.ConsoleSink;

import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.report.ReportTarget;

/**
 * README tells the truth: its rules table is the catalogue, CI runs its test command, and its footprint table is
 * what the plugin prints for examples/tuned.
 */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void rulesTableIsTheCatalogue() throws IOException {
        String text = readme();
        String table = text.substring(text.indexOf("<!-- rules:begin"), text.indexOf("<!-- rules:end -->"));
        List<String> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.startsWith("| FP")) {
                rows.add(line.trim());
            }
        }
        List<String> expected = new ArrayList<>();
        for (Rule r : RuleCatalog.rules()) {
            RuleMeta m = r.meta();
            expected.add("| " + m.id() + " | " + m.name() + " | " + m.severity().label() + " | " + m.summary() + " |");
        }
        assertEquals(expected, rows);
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        String command = null;
        for (String line : readme().split("\n")) {
            if (line.startsWith("mvn ") && line.trim().endsWith(" verify") && !line.contains("-f ")) {
                command = line.trim();
            }
        }
        assertEquals("mvn -B -ntp verify", command);
        String expected = command;
        String ci = Files.readString(Path.of(".ci/run"), StandardCharsets.UTF_8);
        assertTrue(ci.lines().anyMatch(l -> l.trim().equals(expected)), ".ci/run must run: " + expected);
    }

    /** The single element of that name in a pom's text. */
    private static String element(String pom, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(pom);
        assertTrue(m.find(), name);
        String v = m.group(1).trim();
        assertFalse(m.find(), "more than one " + name);
        return v;
    }

    @Test
    void footprintTableIsARealRunOfTheTunedExample(@TempDir Path out) throws Exception {
        Path project = Path.of("examples/tuned").toAbsolutePath();
        // the plugin as examples/tuned/pom.xml configures it
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        String id = element(pom, "id");
        CheckResult r = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(project)
                .sourceDirectory(project.resolve("src/main/deploy")).outputDirectory(out)
                .host("requestGrowth", element(pom, "requestGrowth"))
                .host("memory", element(pom, "memory"))
                .host("virtualMemory", element(pom, "virtualMemory"))
                .host("databaseConnections", element(pom, "databaseConnections"))
                .environment(id, project.resolve(element(pom, "propertiesFile")), new Properties(), Map.of())
                .build());
        List<String> printed = new ArrayList<>();
        new ConsoleReporter().write(r.view(), ReportTarget.console(new ConsoleSink() {
            @Override
            public void error(String line) {
                printed.add("[ERROR] " + line);
            }

            @Override
            public void warn(String line) {
                printed.add("[WARNING] " + line);
            }

            @Override
            public void info(String line) {
                printed.add("[INFO] " + line);
            }
        }));
        int start = printed.indexOf("[INFO] footprint [" + id + "] worst case on one host:");
        assertTrue(start >= 0, String.join("\n", printed));

        String text = readme();
        String block = text.substring(text.indexOf("<!-- footprint-table:begin"), text.indexOf("<!-- footprint-table:end"));
        List<String> shown = List.of(block.substring(block.indexOf("```\n") + 4, block.lastIndexOf("```")).split("\n"));
        assertEquals(String.join("\n", printed.subList(start, printed.size())), String.join("\n", shown));
    }
}
