package io.github.footprint.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkFactory;
import org.apache.maven.reporting.MavenReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.github.footprint.rules.RuleCatalog;

/**
 * {@code footprint:report}: the same parameters as {@code check} (read from the generated plugin descriptor), the
 * page into the site's sink with links to the rule pages it writes into sinks of their own, and the self-contained
 * page when it runs alone.
 */
@MojoTest
class ReportMojoTest {
    @TempDir
    Path site;

    /** The events a sink received, {@code rawText} with its text. */
    static final class Recorded {
        final List<String> calls = new ArrayList<>();
        final StringBuilder raw = new StringBuilder();
        final StringBuilder text = new StringBuilder();

        Sink sink() {
            return (Sink) Proxy.newProxyInstance(Sink.class.getClassLoader(), new Class<?>[] {Sink.class},
                    (proxy, method, args) -> {
                        calls.add(method.getName());
                        if (method.getName().equals("rawText")) {
                            raw.append(args[0]);
                        } else if (method.getName().equals("text")) {
                            text.append(args[0]);
                        }
                        return null;
                    });
        }
    }

    @Test
    @Basedir("/unit/report")
    @InjectMojo(goal = "report", pom = "pom.xml")
    void intoTheSiteWithAPagePerRule(ReportMojo mojo) throws Exception {
        MavenReport report = mojo;
        report.setReportOutputDirectory(site.toFile());
        assertTrue(report.canGenerateReport());
        assertEquals("footprint", report.getOutputName());
        assertEquals(MavenReport.CATEGORY_PROJECT_REPORTS, report.getCategoryName());

        Recorded main = new Recorded();
        Map<String, Recorded> pages = new TreeMap<>();
        SinkFactory factory = (SinkFactory) Proxy.newProxyInstance(SinkFactory.class.getClassLoader(),
                new Class<?>[] {SinkFactory.class}, (proxy, method, args) -> {
                    assertEquals("createSink", method.getName());
                    assertEquals(site.resolve("footprint-rules").toFile(), args[0]);
                    Recorded r = new Recorded();
                    pages.put("footprint-rules/" + args[1], r);
                    return r.sink();
                });
        mojo.generate(main.sink(), factory, Locale.ENGLISH);

        String html = main.raw.toString();
        assertEquals(List.of("head", "title", "text", "title_", "head_", "body", "rawText", "body_", "flush"),
                main.calls);
        assertEquals("Footprint", main.text.toString());
        // two environments on one scale; the small one over its 96M budget, the large one within its 1G
        assertTrue(html.contains("<g class=\"fp-row\" data-env=\"small\">"), html);
        assertTrue(html.contains("<g class=\"fp-row\" data-env=\"large\">"), html);
        assertTrue(html.contains("over by"), html);
        assertTrue(html.contains("headroom"), html);
        assertTrue(html.contains("href=\"footprint-rules/FP201.html\""), html);
        // the page is a site page's body: its style inside, no document of its own
        assertTrue(html.startsWith("<style>"), html);
        assertFalse(html.contains("<html"), html);
        // a page per rule of the catalogue
        assertEquals(RuleCatalog.rules().size(), pages.size());
        Recorded fp201 = pages.get("footprint-rules/FP201.html");
        assertNotNull(fp201, pages.keySet().toString());
        assertEquals("FP201 maximum-requests-too-high", fp201.text.toString());
        assertTrue(fp201.raw.toString().contains("<h1>FP201 maximum-requests-too-high</h1>"));
        assertTrue(fp201.raw.toString().contains("href=\"../footprint.html\""));
    }

    @Test
    @Basedir("/unit/report")
    @InjectMojo(goal = "report", pom = "pom.xml")
    void withoutASinkFactoryTheRulePagesAreFiles(ReportMojo mojo) throws Exception {
        mojo.setReportOutputDirectory(site.toFile());
        mojo.generate(new Recorded().sink(), Locale.ENGLISH);
        String page = Files.readString(site.resolve("footprint-rules/FP201.html"), StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>FP201 maximum-requests-too-high</title>"), page);
    }

    @Test
    @Basedir("/unit/report")
    @InjectMojo(goal = "report", pom = "pom.xml")
    void aloneItWritesTheSelfContainedPage(ReportMojo mojo) throws Exception {
        mojo.setReportOutputDirectory(site.toFile());
        mojo.execute();
        String page = Files.readString(site.resolve("footprint.html"), StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<section class=\"fp-rule\" id=\"FP201\">"), page);
        assertTrue(page.contains("href=\"#FP201\""), page);
    }

    @Test
    void hasTheParametersOfCheck() throws Exception {
        Map<String, String> check = parameters("check");
        Map<String, String> report = parameters("report");
        // what only one of them has: where check writes its reports and which; where the page goes
        // html is among check's default reports
        assertTrue(check.remove("formats").endsWith("${footprint.formats} default=console,json,sarif,junit,html"),
                check.toString());
        assertNotNull(check.remove("outputDirectory"));
        assertNotNull(report.remove("reportOutputDirectory"));
        assertEquals(check, report);
        assertTrue(check.containsKey("memory") && check.containsKey("environments"), check.toString());
    }

    /** A goal's parameters from the plugin descriptor: name to type, property and default. */
    private static Map<String, String> parameters(String goal) throws Exception {
        Document d;
        try (InputStream in = ReportMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "the plugin descriptor is generated before the tests run");
            d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Map<String, String> out = new TreeMap<>();
        for (Element mojo : children(first(d.getDocumentElement(), "mojos"), "mojo")) {
            if (!goal.equals(first(mojo, "goal").getTextContent())) {
                continue;
            }
            Map<String, String> config = new TreeMap<>();
            Element configuration = first(mojo, "configuration");
            if (configuration != null) {
                for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element) {
                        Element e = (Element) n;
                        config.put(e.getTagName(), e.getTextContent() + " default=" + e.getAttribute("default-value"));
                    }
                }
            }
            for (Element p : children(first(mojo, "parameters"), "parameter")) {
                String name = first(p, "name").getTextContent();
                out.put(name, first(p, "type").getTextContent() + " editable=" + first(p, "editable").getTextContent()
                        + " " + config.getOrDefault(name, ""));
            }
            return out;
        }
        throw new AssertionError("no goal " + goal);
    }

    private static Element first(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                out.add((Element) n);
            }
        }
        return out;
    }
}
