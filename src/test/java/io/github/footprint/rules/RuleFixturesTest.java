package io.github.footprint.rules;

import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.report.ConsoleLines;

/**
 * Runs the engine on every fixture case and compares where the case's rule reports with where the case
 * says it must (gixy's fixture folders with error-prone's line markers).
 *
 * <p>Layout: {@code src/test/resources/rules/FPnnn/<case>/} is a small deploy tree; its files are the source
 * directory. Conventions:
 * <ul>
 * <li>A case folder whose name ends in {@code _clean} must produce no finding of {@code FPnnn}, and carries no
 * marker.</li>
 * <li>Any other case must produce exactly the marked findings of {@code FPnnn}: a whole line
 * {@code # expect: FPnnn} (in Apache, INI, shell and Python files alike; configparser and httpd read it as a
 * comment) says that a finding points at the line <em>directly below</em> it. The comparison is on the set
 * of (file, line) pairs, so two findings on one line need one marker.</li>
 * <li>Findings about a whole file or the whole tree have line 0 and cannot be marked in a file. A case lists
 * them in {@value #FILE_LEVEL}, one {@code path:0 FPnnn} a line, where {@code path} is relative to the case
 * folder and {@code .} is the case folder (the source directory) itself; {@code #} starts a comment.</li>
 * <li>A case may set rule options and severities in {@value #OPTIONS} ({@code FP201.threshold=200}), the
 * {@code rules} parameter as a pom would give it.</li>
 * <li>A case may set budgets and host statements in {@value #PARAMETERS} ({@code memory=512M},
 * {@code databaseConnections=40}; the names of {@link RuleTestSupport#PARAMETERS}), as a pom would give them.</li>
 * <li>A finding about the project as a whole (no file, such as FP505) is listed in {@value #FILE_LEVEL} with an
 * empty path: {@code :0 FP505}.</li>
 * </ul>
 * The control files are excluded from the check: they are not part of the deployment.
 */
class RuleFixturesTest {
    /** Expectations that cannot be marked on a line above: {@code path:line FPnnn}. */
    static final String FILE_LEVEL = "expect-file-level.txt";
    /** The case's {@code rules} parameter, as properties. */
    static final String OPTIONS = "options.properties";
    /** The case's budget and host parameters, as properties. */
    static final String PARAMETERS = "parameters.properties";
    static final String CLEAN_SUFFIX = "_clean";

    private static final Pattern MARKER = Pattern.compile("^\\s*[#;]\\s*expect\\s*:\\s*(.*?)\\s*$");
    private static final Pattern FILE_LEVEL_LINE = Pattern.compile("^(\\S*):(\\d+)\\s+(FP\\d{3})$");

    /** The fixture root on the test class path ({@code target/test-classes/rules}). */
    static Path fixtureRoot() {
        URL url = RuleFixturesTest.class.getResource("/rules");
        if (url == null) {
            throw new IllegalStateException("no /rules fixture folder on the test class path");
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case folders of one rule, sorted; empty when the rule has no fixture folder. */
    static List<Path> cases(Path ruleFolder) throws IOException {
        if (!Files.isDirectory(ruleFolder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(ruleFolder)) {
            return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    static boolean isClean(Path caseFolder) {
        return caseFolder.getFileName().toString().endsWith(CLEAN_SUFFIX);
    }

    @TestFactory
    Stream<DynamicNode> everyFixtureCaseReportsExactlyItsMarkedLines() throws IOException {
        Path root = fixtureRoot();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Rule rule : RuleCatalog.rules()) {
            String id = rule.meta().id();
            List<DynamicNode> tests = new ArrayList<>();
            for (Path c : cases(root.resolve(id))) {
                tests.add(dynamicTest(c.getFileName().toString(), () -> runCase(id, c)));
            }
            nodes.add(dynamicContainer(id + " " + rule.meta().name(), tests));
        }
        return nodes.stream();
    }

    @Test
    void everyFixtureFolderBelongsToACataloguedRule() throws IOException {
        Set<String> ids = RuleCatalog.rules().stream().map(r -> r.meta().id()).collect(Collectors.toSet());
        try (Stream<Path> s = Files.list(fixtureRoot())) {
            List<String> stray = s.map(p -> p.getFileName().toString()).filter(n -> !ids.contains(n)).sorted()
                    .collect(Collectors.toList());
            assertEquals(List.of(), stray, "fixture folders for rules the catalogue does not have");
        }
    }

    private static void runCase(String id, Path caseFolder) throws Exception {
        Expectations exp = Expectations.read(caseFolder);
        for (String[] marker : exp.markers) {
            if (!marker[1].equals(id)) {
                fail(caseFolder.getFileName() + "/" + marker[0] + ": a marker for " + marker[1] + " in a case of "
                        + id + "; fixture cases only mark their own rule's findings");
            }
        }
        CheckResult result = RuleTestSupport.run(RuleTestSupport.parameters(RuleTestSupport.request(caseFolder)
                .rules(exp.options).excludes(List.of(FILE_LEVEL, OPTIONS, PARAMETERS)), exp.parameters));
        List<Finding> own = findings(result, id);
        // a finding at several places (one cause) counts at each of them, the macro body line a Use line stands
        // for too
        Set<String> actual = own.stream().flatMap(f -> f.places().stream()).map(at -> at.file() + ":" + at.line())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(List.of(), ConsoleLines.tooLong(result.view()), () -> caseFolder.getFileName() + ": console"
                + " lines longer than their location and " + ConsoleLines.LIMIT + " characters");
        List<String> longFirstLines = result.environments().stream().flatMap(env -> env.findings().stream())
                // the rule's words; a finding of some template branches carries the engine's short mark beyond them
                .filter(f -> f.message().length() - (f.message().endsWith(Finding.SOME_BRANCHES)
                        ? Finding.SOME_BRANCHES.length() : 0) > Finding.FIRST_LINE)
                .map(f -> f.message().length() + " " + f.ruleId() + " " + f.message()).collect(Collectors.toList());
        assertEquals(List.of(), longFirstLines, () -> caseFolder.getFileName() + ": first lines longer than "
                + Finding.FIRST_LINE + " characters");
        String context = caseFolder.getFileName() + ": " + id + " findings" + describe(own) + "\nall findings"
                + describe(result.environments().get(0).findings());
        if (isClean(caseFolder)) {
            assertTrue(exp.expected.isEmpty(), () -> caseFolder.getFileName() + " is a clean case but carries markers "
                    + exp.expected);
            assertEquals(Set.of(), actual, () -> "clean case reports " + context);
        } else {
            assertFalse(exp.expected.isEmpty(), () -> caseFolder.getFileName() + " is a positive case without a single"
                    + " '# expect: " + id + "' marker or " + FILE_LEVEL + " entry");
            assertEquals(exp.expected, actual, () -> "marked lines differ from " + context);
        }
    }

    /** What a case folder expects: marked (file, line) pairs, and its rule options. */
    static final class Expectations {
        final Set<String> expected = new TreeSet<>();
        /** {file:markerLine, rule} for every marker, to check that they all name the case's rule. */
        final List<String[]> markers = new ArrayList<>();
        final Map<String, String> options = new LinkedHashMap<>();
        final Map<String, String> parameters = new LinkedHashMap<>();

        static Expectations read(Path caseFolder) throws IOException {
            Expectations e = new Expectations();
            List<Path> files;
            try (Stream<Path> s = Files.walk(caseFolder)) {
                files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            }
            for (Path f : files) {
                String rel = caseFolder.relativize(f).toString().replace('\\', '/');
                if (rel.equals(FILE_LEVEL)) {
                    e.readFileLevel(f);
                } else if (rel.equals(OPTIONS)) {
                    readProperties(f, e.options);
                } else if (rel.equals(PARAMETERS)) {
                    readProperties(f, e.parameters);
                } else {
                    e.readMarkers(rel, f);
                }
            }
            return e;
        }

        private static void readProperties(Path f, Map<String, String> into) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> into.put(k, p.getProperty(k)));
        }

        private void readMarkers(String rel, Path f) throws IOException {
            // ISO-8859-1 maps every byte to a char: markers are ASCII, and a case may hold bytes that are not UTF-8
            List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKER.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                int markerLine = i + 1;
                if (markerLine >= lines.size()) {
                    fail(rel + ":" + markerLine + ": a marker on the last line marks nothing");
                }
                for (String ruleId : m.group(1).split("\\s*,\\s*")) {
                    if (!ruleId.matches("FP\\d{3}")) {
                        fail(rel + ":" + markerLine + ": '" + ruleId + "' in a marker is not a rule id");
                    }
                    markers.add(new String[] {rel + ":" + markerLine, ruleId});
                    expected.add(rel + ":" + (markerLine + 1));
                }
            }
        }

        private void readFileLevel(Path f) throws IOException {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                Matcher m = FILE_LEVEL_LINE.matcher(t);
                if (!m.matches()) {
                    fail(FILE_LEVEL + ": '" + t + "' is not 'path:line FPnnn'");
                }
                markers.add(new String[] {FILE_LEVEL, m.group(3)});
                expected.add(m.group(1) + ":" + m.group(2));
            }
        }
    }
}
