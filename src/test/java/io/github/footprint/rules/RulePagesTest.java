package io.github.footprint.rules;

import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;
import io.github.footprint.rules.input.UnresolvedPlaceholder;
import io.github.footprint.source.FileKind;

/**
 * Executes every rule page: the Bad example's blocks, written as a deploy tree, must make the real engine
 * report the page's rule; the Good example's must not. So the pages cannot drift from the rules.
 *
 * <p>An example may hold the plugin configuration it runs with, an {@code ```xml configuration} block whose
 * {@code <configuration>} children are budget and host parameters ({@code <memory>512M</memory>}); the
 * budget rules need one to fire, or to stay quiet.
 *
 * <p>Beyond the page's own rule, the examples must stand on their own: no placeholder is left unresolved
 * unless the page is about placeholders (the test runs without properties), and a Good example is one httpd
 * and PasteDeploy accept, so no rule reports an error on it.
 */
class RulePagesTest {
    private static final String PLACEHOLDER_RULE = new UnresolvedPlaceholder().meta().id();
    private static final Map<FileKind, String> LANGUAGE = Map.of(FileKind.APACHE, "apache", FileKind.INI, "ini",
            FileKind.PYTHON, "python", FileKind.SHELL, "sh", FileKind.SYSTEMD, "ini");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicContainer> everyRulePageRunsAsDocumented() {
        return RuleCatalog.rules().stream().map(rule -> {
            String id = rule.meta().id();
            return dynamicContainer(id + " " + rule.meta().name(), Stream.of(
                    dynamicTest("Bad example is reported", () -> badExampleIsReported(id)),
                    dynamicTest("Good example is clean", () -> goodExampleIsClean(id))));
        });
    }

    private void badExampleIsReported(String id) throws Exception {
        CheckResult result = run(id, RulePage.BAD);
        List<Finding> own = findings(result, id);
        assertFalse(own.isEmpty(), () -> id + ".md: the Bad example produces no " + id + " finding; all findings:"
                + describe(result.environments().get(0).findings()));
        assertNoUnresolvedPlaceholders(id, RulePage.BAD, result);
    }

    private void goodExampleIsClean(String id) throws Exception {
        CheckResult result = run(id, RulePage.GOOD);
        List<Finding> all = result.environments().get(0).findings();
        assertTrue(findings(result, id).isEmpty(), () -> id + ".md: the Good example produces " + id + " findings:"
                + describe(findings(result, id)));
        assertNoUnresolvedPlaceholders(id, RulePage.GOOD, result);
        List<Finding> errors = all.stream().filter(f -> f.severity() == Severity.ERROR).collect(Collectors.toList());
        assertTrue(errors.isEmpty(), () -> id + ".md: the Good example is not one httpd and PasteDeploy accept; other"
                + " rules report errors:" + describe(errors));
    }

    private static void assertNoUnresolvedPlaceholders(String id, String example, CheckResult result) {
        if (id.equals(PLACEHOLDER_RULE)) {
            return;
        }
        List<Finding> placeholders = findings(result, PLACEHOLDER_RULE);
        assertTrue(placeholders.isEmpty(), () -> id + ".md: the " + example + " uses placeholders no property"
                + " resolves; only the " + PLACEHOLDER_RULE + " page may:" + describe(placeholders));
    }

    /** Writes the example's blocks into a fresh tree and checks it. */
    private CheckResult run(String id, String example) throws Exception {
        RulePage page = RulePage.parse(RuleCatalog.page(id));
        assertEquals(List.of(), page.problems(), () -> id + ".md is malformed");
        List<RulePage.Block> blocks = page.blocks(example);
        assertFalse(blocks.isEmpty(), () -> id + ".md: the " + example + " has no code block");
        Path dir = tmp.resolve(id).resolve(example.replace(' ', '-'));
        write(id, example, blocks, dir);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (RulePage.Block b : blocks) {
            if (b.configuration()) {
                parameters.putAll(configuration(id, b));
            }
        }
        return RuleTestSupport.run(RuleTestSupport.parameters(RuleTestSupport.request(dir), parameters));
    }

    /** The children of an {@code xml configuration} block's {@code <configuration>}, name to text. */
    static Map<String, String> configuration(String id, RulePage.Block b) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(b.text().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("configuration", root.getTagName(), () -> id + ".md line " + b.line() + ": a configuration block"
                + " holds one <configuration> element");
        Map<String, String> out = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                Element e = (Element) children.item(i);
                assertTrue(RuleTestSupport.PARAMETERS.contains(e.getTagName()), () -> id + ".md line " + b.line()
                        + ": <" + e.getTagName() + "> is not one of " + RuleTestSupport.PARAMETERS);
                out.put(e.getTagName(), e.getTextContent().strip());
            }
        }
        assertFalse(out.isEmpty(), () -> id + ".md line " + b.line() + ": an empty configuration block");
        return out;
    }

    private static void write(String id, String example, List<RulePage.Block> blocks, Path dir) throws IOException {
        Set<String> seen = new HashSet<>();
        Files.createDirectories(dir);
        for (RulePage.Block b : blocks) {
            if (b.configuration()) {
                continue;
            }
            assertTrue(seen.add(b.file()), () -> id + ".md line " + b.line() + ": the " + example + " has two blocks"
                    + " for file=" + b.file());
            String expected = LANGUAGE.get(FileKind.of(b.file()));
            if (expected != null) {
                assertEquals(expected, b.language(), () -> id + ".md line " + b.line() + ": a block for " + b.file()
                        + " should be marked as " + expected);
            }
            Path file = dir.resolve(b.file());
            Files.createDirectories(file.getParent());
            Files.writeString(file, b.text(), StandardCharsets.UTF_8);
        }
    }
}
