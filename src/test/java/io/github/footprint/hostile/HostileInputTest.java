package io.github.footprint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hostile-input suite: every case of {@link HostileCases} runs the real check (the engine, then the console,
 * JSON, SARIF, JUnit and HTML reports) in its own tree within 10 s, and ends with complete, well-formed reports or one
 * clear error; no output holds the machine's absolute paths, a Java exception, or content from outside the project.
 */
class HostileInputTest {
    /**
     * Cases that still break a promise (too slow): listed, reported as skipped with why, and to be fixed. None now.
     * Each former member measured alone (a JVM of its own, the machine shared, process CPU of the first run with
     * its JIT, then the warm main thread): 50,000 unclosed sections 3.9 s (JUnit XML unbuffered: 9.4 s before);
     * Define doubling 1.8 s (line bound: 17 s and OutOfMemoryError before); 100,000 INI sections 4.5-7.5 s CPU of
     * which 1.4-2.5 s is the main thread, the rest the collector on a 130 MB model (linear; 9.8 s before, ini4j
     * per line); Jinja 3,000 nested parentheses 2.2 s (refused before the evaluator: 9 s of quadratic lookahead
     * before); 10,000 continuation lines 3.3 s / warm 0.8 s, 100,000 virtual hosts 5.5 s / 0.9 s, a million-line
     * Jinja loop 5.7 s / 0.9 s, a 10 MiB line 2.7 s / 0.6 s: linear (twice the input, about twice the time);
     * 3,000 nested YAML maps 2.8 s (refused at PyYAML's depth).
     */
    static final Set<String> OPEN = Set.of();

    /**
     * Cases whose reader still recurses on the input's depth: the stage's last resort catches the exhausted stack and
     * says so in an internal-error finding (FP001, the failure's class named), the build fails, the reports are whole.
     * None now: Jinja2 templates and YAML files are refused at the depth python3's Jinja2 and PyYAML refuse them.
     */
    static final Set<String> LAST_RESORT = Set.of();

    /** A Java failure's name in output ({@code EvalException} is WebError's, quoted by a rule page). */
    private static final Pattern JAVA_FAILURE = Pattern.compile(
            "(?<!Eval)Exception\\b|StackOverflowError|OutOfMemoryError|\\bat (java|io\\.github)\\.[\\w.$]+\\(");

    @TempDir
    Path dir;

    static Stream<HostileCases.Case> cases() {
        return HostileCases.all().stream();
    }

    @Test
    void theSuiteHasAtLeastEightyCases() {
        List<HostileCases.Case> all = HostileCases.all();
        assertTrue(all.size() - OPEN.size() >= 80, all.size() + " cases, " + OPEN.size() + " open");
        assertEquals(all.size(), all.stream().map(c -> c.name).distinct().count(), "case names are unique");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInTimeWithWholeReports(HostileCases.Case k) throws Exception {
        Assumptions.assumeFalse(OPEN.contains(k.name), "open: " + k.name + " still takes longer than 10 s");
        Path base = Files.createDirectories(dir.resolve("project"));
        Path src = Files.createDirectories(base.resolve("src/main/deploy"));
        k.setup.write(base, src);
        HostileRun.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> HostileRun.run(base, b -> k.request.accept(b, base)), k.name);
        String all = o.everything();
        assertFalse(all.contains(base.toString()), k.name + ": the project's absolute path in the output");
        assertFalse(all.contains(dir.toString()), k.name + ": the machine's temporary folder in the output");
        String outside = LAST_RESORT.contains(k.name) ? all.replaceAll("internal error of footprint while [^(]*\\("
                + "(StackOverflowError|OutOfMemoryError) in ", "") : all;
        assertFalse(JAVA_FAILURE.matcher(outside).find(), () -> k.name + ": a Java failure in the output: "
                + excerpt(outside, JAVA_FAILURE));
        assertEquals(LAST_RESORT.contains(k.name), all.contains("internal error of footprint"),
                k.name + ": an internal error exactly where the last resort is known to act");
        assertFalse(all.contains("root:x:0:0"), k.name + ": /etc/passwd quoted");
        if (o.error != null) {
            // one clear error, as the goal says it: one line, no stack trace
            assertFalse(o.error.isBlank());
            assertFalse(o.error.contains("\n"), o.error);
            assertTrue(o.files.isEmpty(), "no reports beside a refused request");
        } else {
            HostileRun.parseReports(o);
            assertNotNull(o.summary);
            for (String report : new String[] {"footprint.json", "footprint.sarif", "TEST-footprint.xml",
                    "index.html"}) {
                assertTrue(o.files.containsKey(report), k.name + ": " + report + " missing; written: "
                        + o.files.keySet());
            }
            assertTrue(o.files.get("index.html").endsWith("</html>\n") || o.files.get("index.html")
                    .strip().endsWith("</html>"), "the HTML page is whole");
            JsonNode summary = o.json.get("summary");
            assertNotNull(summary, "footprint.json has its summary");
            int errors = 0;
            for (JsonNode env : o.json.get("environments")) {
                for (JsonNode f : env.get("findings")) {
                    errors += "error".equals(f.get("severity").asText()) ? 1 : 0;
                    String file = f.has("file") ? f.get("file").asText() : "";
                    assertFalse(file.startsWith("/"), k.name + ": an absolute path in a finding: " + file);
                    for (char c : file.toCharArray()) {
                        assertTrue(c >= 0x20 && c != 0x7F, k.name + ": a control character in a path");
                    }
                }
            }
            assertEquals(errors, summary.get("errors").asInt());
            assertEquals(errors > 0, o.fails, "the build fails exactly when an error is found (failOn=error)");
            for (String line : o.console) {
                assertFalse(line.contains("\r"), "a console line holds a CR");
            }
        }
        k.expect.check(o);
    }

    private static String excerpt(String text, Pattern p) {
        java.util.regex.Matcher m = p.matcher(text);
        if (!m.find()) {
            return "";
        }
        return text.substring(Math.max(0, m.start() - 200), Math.min(text.length(), m.end() + 100));
    }
}
