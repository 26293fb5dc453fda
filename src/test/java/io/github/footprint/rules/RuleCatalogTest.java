package io.github.footprint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;

/**
 * The catalogue's completeness (gixy's and error-prone's meta-tests): every rule has well-formed metadata, a
 * page with every section, and a fixture folder with a positive and a clean case. The checks are one function,
 * {@link #problems}, which the tests at the end feed incomplete rules to show that it catches each omission.
 */
class RuleCatalogTest {
    private static final Pattern ID = Pattern.compile("FP\\d{3}");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Everything wrong with one rule, as sentences; empty when the rule is complete.
     *
     * @param page the rule's Markdown page, or null when it has none
     * @param fixtures the rule's fixture folder ({@code rules/FPnnn}), which may not exist
     */
    static List<String> problems(RuleMeta meta, String page, Path fixtures) throws IOException {
        List<String> out = new ArrayList<>();
        String id = meta.id();
        if (!ID.matcher(id).matches()) {
            out.add("id '" + id + "' is not FP and three digits");
        }
        if (!KEBAB.matcher(meta.name()).matches()) {
            out.add(id + ": name '" + meta.name() + "' is not kebab-case");
        }
        String summary = meta.summary();
        if (summary.isBlank()) {
            out.add(id + ": the summary is empty");
        } else {
            if (summary.endsWith(".")) {
                out.add(id + ": the summary ends with a period");
            }
            if (!summary.equals(summary.strip())) {
                out.add(id + ": the summary has leading or trailing blanks");
            }
            if (summary.contains("`") || summary.contains("**")) {
                out.add(id + ": the summary contains Markdown");
            }
        }
        for (String option : meta.options()) {
            if (!option.matches("[a-z][A-Za-z0-9]*")) {
                out.add(id + ": option '" + option + "' is not lowerCamelCase");
            }
        }
        pageProblems(meta, page, out);
        fixtureProblems(id, fixtures, out);
        return out;
    }

    private static void pageProblems(RuleMeta meta, String markdown, List<String> out) {
        String id = meta.id();
        if (markdown == null) {
            out.add(id + ": no page src/main/resources/io/github/footprint/rules/" + id + ".md");
            return;
        }
        RulePage page = RulePage.parse(markdown);
        for (String p : page.problems()) {
            out.add(id + ".md: " + p);
        }
        String title = id + " " + meta.name();
        if (!title.equals(page.title())) {
            out.add(id + ".md: the title line is '# " + page.title() + "', not '# " + title + "'");
        }
        List<String> expected = new ArrayList<>(RulePage.SECTIONS);
        if (meta.options().length > 0) {
            expected.add(RulePage.OPTIONS);
        }
        if (!expected.equals(page.sectionNames())) {
            out.add(id + ".md: the sections are " + page.sectionNames() + ", not " + expected
                    + (meta.options().length > 0 ? "" : " (Options only for a rule that has options)"));
        }
        for (String s : page.sectionNames()) {
            if (page.section(s).isEmpty()) {
                out.add(id + ".md: section '" + s + "' is empty");
            }
        }
        for (String example : List.of(RulePage.BAD, RulePage.GOOD)) {
            if (page.section(example) != null && page.blocks(example).isEmpty()) {
                out.add(id + ".md: the " + example + " has no code block");
            }
        }
        String options = page.section(RulePage.OPTIONS);
        for (String option : meta.options()) {
            if (options == null || !options.contains("`" + option + "`")) {
                out.add(id + ".md: option '" + option + "' is not documented (as `" + option + "`) in Options");
            }
        }
    }

    private static void fixtureProblems(String id, Path folder, List<String> out) throws IOException {
        List<Path> cases = RuleFixturesTest.cases(folder);
        if (cases.isEmpty()) {
            out.add(id + ": no fixture cases in src/test/resources/rules/" + id + "/");
            return;
        }
        if (cases.stream().noneMatch(RuleFixturesTest::isClean)) {
            out.add(id + ": no clean fixture case (a folder ending in " + RuleFixturesTest.CLEAN_SUFFIX + ")");
        }
        if (cases.stream().allMatch(RuleFixturesTest::isClean)) {
            out.add(id + ": no positive fixture case (a folder not ending in " + RuleFixturesTest.CLEAN_SUFFIX + ")");
        }
    }

    private static String pageOrNull(String id) {
        try {
            return RuleCatalog.page(id);
        } catch (IOException e) {
            return null;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCataloguedRuleIsComplete() {
        Path fixtures = RuleFixturesTest.fixtureRoot();
        return RuleCatalog.rules().stream().map(r -> dynamicTest(r.meta().id() + " " + r.meta().name(),
                () -> assertEquals(List.of(), problems(r.meta(), pageOrNull(r.meta().id()),
                        fixtures.resolve(r.meta().id())))));
    }

    @Test
    void idsAreUniqueAndInOrder() {
        List<String> ids = RuleCatalog.rules().stream().map(r -> r.meta().id()).collect(Collectors.toList());
        assertEquals(ids.size(), new HashSet<>(ids).size(), () -> "duplicate ids in " + ids);
        assertEquals(ids.stream().sorted().collect(Collectors.toList()), ids, "the catalogue is not in id order");
        Set<String> names = new HashSet<>();
        for (Rule r : RuleCatalog.rules()) {
            assertTrue(names.add(r.meta().name()), () -> "two rules are named " + r.meta().name());
        }
    }

    @Test
    void everyPageBelongsToACataloguedRule() throws IOException, URISyntaxException {
        URL url = RuleCatalog.class.getResource("/io/github/footprint/rules/");
        Set<String> ids = RuleCatalog.rules().stream().map(r -> r.meta().id()).collect(Collectors.toSet());
        try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
            List<String> stray = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).filter(Predicate.not(ids::contains)).sorted()
                    .collect(Collectors.toList());
            assertEquals(List.of(), stray, "pages for rules the catalogue does not have");
        }
    }

    // The checks themselves: each omission must be caught.

    @RuleMeta(id = "FP99", name = "Bad_Name", severity = Severity.WARNING, summary = "Ends with a `period`.",
            options = {"Threshold"})
    private static final class Malformed implements Rule {
        @Override
        public void check(Deployment d, RuleContext ctx) {
        }
    }

    @RuleMeta(id = "FP998", name = "well-formed", severity = Severity.INFO, summary = "A well-formed rule",
            options = {"limit"})
    private static final class WellFormed implements Rule {
        @Override
        public void check(Deployment d, RuleContext ctx) {
        }
    }

    private static final String COMPLETE_PAGE = String.join("\n",
            "# FP998 well-formed",
            "",
            "## What it finds",
            "Something.",
            "## Why it matters",
            "A number: 42 (DOMAIN.md).",
            "## Bad example",
            "```apache file=apache/app.conf",
            "WSGIDaemonProcess app threads=5",
            "```",
            "## Good example",
            "```apache file=apache/app.conf",
            "WSGIDaemonProcess app threads=5 maximum-requests=500",
            "```",
            "## How to fix",
            "Fix it.",
            "## Options",
            "- `limit` (default 1): argued here.",
            "");

    private static Path fixtureFolder(Path root, String... cases) throws IOException {
        for (String c : cases) {
            RuleTestSupport.write(root.resolve(c), "apache/app.conf", "Listen 80");
        }
        return root;
    }

    private static boolean mentions(List<String> problems, String text) {
        return problems.stream().anyMatch(p -> p.contains(text));
    }

    @Test
    void aCompleteRulePasses(@TempDir Path tmp) throws IOException {
        Path fixtures = fixtureFolder(tmp, "positive", "positive_clean");
        assertEquals(List.of(), problems(new WellFormed().meta(), COMPLETE_PAGE, fixtures));
    }

    @Test
    void malformedMetadataFails(@TempDir Path tmp) throws IOException {
        List<String> p = problems(new Malformed().meta(), null, tmp.resolve("FP99"));
        assertTrue(mentions(p, "is not FP and three digits"), p::toString);
        assertTrue(mentions(p, "is not kebab-case"), p::toString);
        assertTrue(mentions(p, "ends with a period"), p::toString);
        assertTrue(mentions(p, "contains Markdown"), p::toString);
        assertTrue(mentions(p, "is not lowerCamelCase"), p::toString);
        assertTrue(mentions(p, "no page"), p::toString);
        assertTrue(mentions(p, "no fixture cases"), p::toString);
    }

    @Test
    void anEmptySummaryFails(@TempDir Path tmp) throws IOException {
        @RuleMeta(id = "FP997", name = "no-summary", severity = Severity.INFO, summary = " ")
        final class NoSummary implements Rule {
            @Override
            public void check(Deployment d, RuleContext ctx) {
            }
        }
        assertTrue(mentions(problems(new NoSummary().meta(), null, tmp), "the summary is empty"));
    }

    @Test
    void everyMissingSectionFails(@TempDir Path tmp) throws IOException {
        Path fixtures = fixtureFolder(tmp, "positive", "positive_clean");
        for (String section : List.of("What it finds", "Why it matters", "Bad example", "Good example", "How to fix",
                "Options")) {
            String page = withoutSection(COMPLETE_PAGE, section);
            List<String> p = problems(new WellFormed().meta(), page, fixtures);
            assertTrue(mentions(p, "the sections are"), () -> "without '" + section + "': " + p);
        }
    }

    private static String withoutSection(String page, String section) {
        List<String> out = new ArrayList<>();
        boolean skip = false;
        for (String line : page.split("\n", -1)) {
            if (line.startsWith("## ")) {
                skip = line.equals("## " + section);
            }
            if (!skip) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    @Test
    void pageDefectsFail(@TempDir Path tmp) throws IOException {
        Path fixtures = fixtureFolder(tmp, "positive", "positive_clean");
        RuleMeta meta = new WellFormed().meta();
        assertTrue(mentions(problems(meta, COMPLETE_PAGE.replace("# FP998 well-formed", "# FP998 other-name"),
                fixtures), "the title line"));
        assertTrue(mentions(problems(meta, COMPLETE_PAGE.replace("```apache file=apache/app.conf\nWSGIDaemonProcess"
                + " app threads=5\n", "```apache\nWSGIDaemonProcess app threads=5\n"), fixtures), "has no file=PATH"));
        assertTrue(mentions(problems(meta, COMPLETE_PAGE.replace("file=apache/app.conf",
                "file=/etc/apache2/app.conf"), fixtures), "is not a path relative"));
        assertTrue(mentions(problems(meta, COMPLETE_PAGE.replace("- `limit` (default 1): argued here.",
                "Nothing to say."), fixtures), "option 'limit' is not documented"));
        assertTrue(mentions(problems(meta, COMPLETE_PAGE.replace("Fix it.", ""), fixtures),
                "section 'How to fix' is empty"));
        String unclosed = COMPLETE_PAGE.substring(0, COMPLETE_PAGE.indexOf("## How to fix"))
                .replace("maximum-requests=500\n```", "maximum-requests=500\n");
        assertTrue(mentions(problems(meta, unclosed, fixtures), "never closed"));
        String configurationWithFile = COMPLETE_PAGE.replace("## Good example\n", "## Good example\n```xml configuration"
                + " file=pom.xml\n<configuration><memory>1G</memory></configuration>\n```\n");
        assertTrue(mentions(problems(meta, configurationWithFile, fixtures), "a configuration block is written ```xml"
                + " configuration, without file="));
        String twoConfigurations = COMPLETE_PAGE.replace("## Bad example\n", "## Bad example\n```xml configuration\n"
                + "<configuration><memory>1G</memory></configuration>\n```\n```xml configuration\n"
                + "<configuration><memory>2G</memory></configuration>\n```\n");
        assertTrue(mentions(problems(meta, twoConfigurations, fixtures), "the Bad example has two configuration blocks"));
        String noBlock = COMPLETE_PAGE.replace("```apache file=apache/app.conf\nWSGIDaemonProcess app threads=5\n```",
                "See the Good example.");
        assertTrue(mentions(problems(meta, noBlock, fixtures), "the Bad example has no code block"));
    }

    @Test
    void anOptionsSectionWithoutOptionsFails(@TempDir Path tmp) throws IOException {
        @RuleMeta(id = "FP996", name = "no-options", severity = Severity.INFO, summary = "No options")
        final class NoOptions implements Rule {
            @Override
            public void check(Deployment d, RuleContext ctx) {
            }
        }
        Path fixtures = fixtureFolder(tmp, "positive", "positive_clean");
        List<String> p = problems(new NoOptions().meta(), COMPLETE_PAGE.replace("FP998 well-formed",
                "FP996 no-options"), fixtures);
        assertTrue(mentions(p, "Options only for a rule that has options"), p::toString);
    }

    @Test
    void fixturesWithoutACleanOrAPositiveCaseFail(@TempDir Path tmp) throws IOException {
        RuleMeta meta = new WellFormed().meta();
        List<String> onlyPositive = problems(meta, COMPLETE_PAGE, fixtureFolder(tmp.resolve("a"), "positive"));
        assertEquals(1, onlyPositive.size(), onlyPositive::toString);
        assertTrue(mentions(onlyPositive, "no clean fixture case"), onlyPositive::toString);
        List<String> onlyClean = problems(meta, COMPLETE_PAGE, fixtureFolder(tmp.resolve("b"), "x_clean"));
        assertEquals(1, onlyClean.size(), onlyClean::toString);
        assertTrue(mentions(onlyClean, "no positive fixture case"), onlyClean::toString);
    }
}
