package io.github.footprint.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;

/** README tells the truth: its rules table is the catalogue, and CI runs its test command. */
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
}
