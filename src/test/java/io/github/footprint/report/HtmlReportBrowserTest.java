package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckResult;

/**
 * What a person sees of {@code index.html}, in a real browser: Debian's headless Chromium opens the page of each
 * example (their {@code src/main/deploy} checked in-process with the settings of their pom) and of the
 * two-environment IT, and the test checks that the page loads with no console error and requests nothing but
 * itself, that each bar's parts are as wide as footprint.json's numbers say on the chart's one scale and the budget
 * line sits at the budget (both within a pixel, read from the laid-out page), that every link lands inside the page,
 * and that a screenshot is not blank. The screenshot of examples/blog-2009 is written to
 * {@code target/footprint-screenshots/report-blog-2009.png}, the source of {@code docs/report-blog-2009.png}.
 *
 * <p>Skipped, saying so, when {@code /usr/bin/chromium} is absent ({@code .ci/run} installs it).
 */
class HtmlReportBrowserTest {
    static final int WIDTH = 1280;
    static final int HEIGHT = 1000;
    /** The parts a bar shows before the others are one part (as a console table shows 20 rows). */
    private static final int PARTS = 20;
    static final Path SCREENSHOTS = Path.of("target/footprint-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Chromium.available(),
                "skipped: no headless browser at " + Chromium.BINARY + " (Debian's chromium package; .ci/run installs it)");
        browser = new Chromium(WIDTH, HEIGHT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<String> projects() {
        return Stream.of("examples/blog-2009", "examples/tuned", "src/it/budget-two-environments",
                "src/it/platform-hosts");
    }

    @ParameterizedTest
    @MethodSource("projects")
    void aPersonSeesTheMemoryPicture(String project) throws Exception {
        Path base = Path.of(project).toAbsolutePath();
        String name = base.getFileName().toString();
        Path out = Path.of("target/html-report-pages").resolve(name).toAbsolutePath();
        CheckResult r = new CheckEngine().run(PomSettings.of(base, out).build());
        Path json = new JsonReporter().write(r.view(), ReportTarget.files(out)).orElseThrow();
        Path page = new HtmlReporter().write(r.view(), ReportTarget.files(out)).orElseThrow();
        JsonNode report = JSON.readTree(json.toFile());

        URI url = page.toUri();
        browser.open(url);
        List<String> problems = browser.problems();
        assertEquals(List.of(), problems, "console errors, failed or blocked loads");
        assertEquals(List.of(url.toString()), browser.requests(), "the page requests nothing but itself");
        assertFalse(browser.events().isEmpty());

        checkCharts(report);
        checkLinks(report);
        checkTextEquivalents(report);

        byte[] png = browser.screenshot();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img);
        assertEquals(WIDTH, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() > 16, "a blank screenshot: " + colours.size() + " colour(s)");
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("report-" + name + ".png"), png);
    }

    /**
     * Each chart is an image with a title and a description naming every environment and its numbers, and the
     * summary table holds a row per environment: what a screen reader reads instead of the bars.
     */
    private static void checkTextEquivalents(JsonNode report) throws Exception {
        JsonNode charts = browser.eval("Array.from(document.querySelectorAll('svg.fp-svg')).map(svg => ({"
                + " role: svg.getAttribute('role'), chart: svg.dataset.chart,"
                + " label: svg.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id)"
                + "   .textContent).join(' | ')}))");
        JsonNode rows = browser.eval("Array.from(document.querySelectorAll('#fp-summary tbody th')).map(th =>"
                + " th.textContent)");
        List<String> ids = new ArrayList<>();
        for (JsonNode env : report.get("environments")) {
            ids.add(env.get("id").asText());
        }
        List<String> summary = new ArrayList<>();
        rows.forEach(r -> summary.add(r.asText()));
        assertEquals(ids, summary, "the summary table has a row per environment");
        for (JsonNode c : charts) {
            assertEquals("img", c.get("role").asText());
            String label = c.get("label").asText();
            for (String id : ids) {
                assertTrue(label.contains(id + ": "), label);
            }
            if (c.get("chart").asText().equals("connections")) {
                // several hosts: the fleet's connections, and each host's, in words
                for (JsonNode env : report.get("environments")) {
                    JsonNode db = env.get("databaseConnections");
                    if (db.get("hosts").asInt() > 1 && !db.get("fleetMax").isNull()) {
                        String words = env.get("id").asText() + ": " + db.get("fleetMax").asLong() + " connections on "
                                + db.get("hosts").asInt() + " hosts (" + db.get("max").asLong() + " per host)";
                        assertTrue(label.contains(words), words + " in " + label);
                    }
                }
            }
        }
    }

    /**
     * Printed (the print style sheet): the navigation is gone, the charts are still to scale, and a PDF comes out.
     */
    @org.junit.jupiter.api.Test
    void printsWithTheChartsToScale() throws Exception {
        Path base = Path.of("src/it/budget-two-environments").toAbsolutePath();
        Path out = Path.of("target/html-report-pages/print").toAbsolutePath();
        CheckResult r = new CheckEngine().run(PomSettings.of(base, out).build());
        JsonNode report = JSON.readTree(new JsonReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()
                .toFile());
        Path page = new HtmlReporter().write(r.view(), ReportTarget.files(out)).orElseThrow();
        browser.open(page.toUri());
        browser.call("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertEquals("none", browser.eval("getComputedStyle(document.querySelector('.fp nav')).display").asText());
        checkCharts(report);
        byte[] pdf = java.util.Base64.getDecoder().decode(browser.call("Page.printToPDF",
                java.util.Map.of("printBackground", true)).get("data").asText());
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of(), browser.problems());
    }

    /**
     * Thirty daemon groups of ten sizes: each bar shows the 20 largest and one part for the other ten, still to
     * scale, and the table below lists all thirty.
     */
    @org.junit.jupiter.api.Test
    void aBarOfManyDaemonsShowsTheLargestAndOnePartForTheRest() throws Exception {
        Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "many-daemons");
        Path src = base.resolve("src/main/deploy");
        Files.createDirectories(src);
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            conf.append("WSGIDaemonProcess app").append(i).append(" processes=").append(1 + i % 10)
                    .append(" threads=2\n");
        }
        Files.writeString(src.resolve("apps.conf"), conf.toString());
        Path out = base.resolve("target/footprint");
        CheckResult r = new CheckEngine().run(new io.github.footprint.engine.CheckRequest.Builder().baseDirectory(base)
                .sourceDirectory(src).outputDirectory(out).toolVersion("test").host("memory", "4G").build());
        JsonNode report = JSON.readTree(new JsonReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()
                .toFile());
        assertTrue(report.get("environments").get(0).get("memory").get("components").size() > PARTS + 5,
                report.toString());
        Path page = new HtmlReporter().write(r.view(), ReportTarget.files(out)).orElseThrow();
        browser.open(page.toUri());
        checkCharts(report);
        assertEquals(PARTS + 1, browser.eval("document.querySelectorAll('#fp-chart-resident rect.fp-seg').length")
                .asInt());
        assertTrue(browser.eval("document.querySelector('#fp-chart-resident .fp-legend').textContent").asText()
                .contains("more"), "the legend names the summed part");
        assertTrue(browser.eval("document.querySelectorAll('table.fp-table tbody tr').length").asInt() > PARTS + 5,
                "the table lists every component");
        assertEquals(List.of(), browser.problems());
    }

    /**
     * Jenkins serves archived HTML under {@code default-src 'none'; img-src 'self'; style-src 'self'}: the page's
     * style sheet is blocked, and the charts must still draw to scale, their fills and lines being SVG attributes.
     */
    @org.junit.jupiter.api.Test
    void underJenkinsPolicyTheChartsStillDrawToScale() throws Exception {
        Path base = Path.of("examples/blog-2009").toAbsolutePath();
        Path out = Path.of("target/html-report-pages/jenkins-csp").toAbsolutePath();
        CheckResult r = new CheckEngine().run(PomSettings.of(base, out).build());
        JsonNode report = JSON.readTree(new JsonReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()
                .toFile());
        Path page = new HtmlReporter().write(r.view(), ReportTarget.files(out)).orElseThrow();
        String html = Files.readString(page);
        Files.writeString(page, html.replace("<head>\n", "<head>\n<meta http-equiv=\"Content-Security-Policy\""
                + " content=\"default-src 'none'; img-src 'self'; style-src 'self'\">\n"));
        browser.open(page.toUri());
        List<String> problems = browser.problems();
        assertFalse(problems.isEmpty(), "the inline style sheet is refused");
        for (String p : problems) {
            assertTrue(p.contains("Content Security Policy") && p.contains("style"), p);
        }
        assertEquals("none", browser.eval("getComputedStyle(document.querySelector('.fp-legend')).display === 'flex'"
                + " ? 'styled' : 'none'").asText(), "the style sheet did not apply");
        checkCharts(report);
    }

    /**
     * Every chart against footprint.json: one scale per chart (the largest total or budget of any environment), the
     * parts of each bar in the JSON's order and as wide as its bytes (or connections) on that scale, the budget line
     * at the budget; within a pixel, as laid out at 1280 px.
     */
    private static void checkCharts(JsonNode report) throws Exception {
        JsonNode charts = browser.eval("Array.from(document.querySelectorAll('svg.fp-svg')).map(svg => {"
                + " const box = e => { const r = e.getBoundingClientRect(); return {x: r.left, w: r.width}; };"
                + " return {chart: svg.dataset.chart, scale: svg.dataset.scale,"
                + "  plot: box(svg.querySelector('rect.fp-plot')),"
                + "  rows: Array.from(svg.querySelectorAll('g.fp-row')).map(g => ({env: g.dataset.env,"
                + "   segs: Array.from(g.querySelectorAll('rect.fp-seg')).map(box),"
                + "   budget: g.querySelector('line.fp-budget') ? box(g.querySelector('line.fp-budget')) : null}))};"
                + "})");
        List<String> drawn = new ArrayList<>();
        for (JsonNode c : charts) {
            drawn.add(c.get("chart").asText());
        }
        List<String> expected = new ArrayList<>();
        for (String chart : List.of("resident", "virtual", "connections")) {
            if (scale(report, chart) > 0) {
                expected.add(chart);
            }
        }
        assertEquals(expected, drawn, "a chart for each measure with something to draw");
        int bars = 0;
        for (JsonNode c : charts) {
            String chart = c.get("chart").asText();
            long scale = scale(report, chart);
            assertEquals(scale, c.get("scale").asLong(), chart + ": the scale is the largest total or budget");
            double plotX = c.get("plot").get("x").asDouble();
            double plotW = c.get("plot").get("w").asDouble();
            assertTrue(plotW >= 700, chart + ": the plot is " + plotW + " px wide at " + WIDTH + " px");
            double perUnit = plotW / scale;
            JsonNode rows = c.get("rows");
            JsonNode envs = report.get("environments");
            assertEquals(envs.size(), rows.size(), chart + ": one bar per environment");
            for (int i = 0; i < envs.size(); i++) {
                JsonNode env = envs.get(i);
                JsonNode row = rows.get(i);
                String what = chart + " [" + env.get("id").asText() + "]";
                assertEquals(env.get("id").asText(), row.get("env").asText(), what);
                List<Long> parts = parts(env, chart);
                JsonNode segs = row.get("segs");
                assertEquals(parts.size(), segs.size(), what + ": one part per component or pool");
                long at = 0;
                for (int k = 0; k < parts.size(); k++) {
                    double x = segs.get(k).get("x").asDouble();
                    double w = segs.get(k).get("w").asDouble();
                    assertEquals(parts.get(k) * perUnit, w, 1.0, what + " part " + k + " width");
                    assertEquals(plotX + at * perUnit, x, 1.0, what + " part " + k + " start");
                    at += parts.get(k);
                    bars++;
                }
                Long budget = budget(env, chart);
                if (budget == null) {
                    assertTrue(row.get("budget").isNull(), what + ": no budget, no line");
                } else {
                    assertEquals(plotX + budget * perUnit, row.get("budget").get("x").asDouble(), 1.0,
                            what + ": the budget line sits at the budget");
                }
            }
        }
        assertTrue(bars > 0, "no bar drawn");
    }

    /** The chart's parts of one environment from footprint.json: bytes per component, connections per pool. */
    private static List<Long> parts(JsonNode env, String chart) {
        List<Long> out = new ArrayList<>();
        if (chart.equals("connections")) {
            JsonNode db = env.get("databaseConnections");
            // against the database's budget, every identical host's pools together
            if (!db.get("unbounded").asBoolean() && !db.get("unknown").asBoolean()) {
                for (JsonNode p : db.get("pools")) {
                    out.add(p.get("connections").asLong() * db.get("hosts").asLong());
                }
            }
        } else {
            List<Long> all = new ArrayList<>();
            for (JsonNode comp : env.get("memory").get("components")) {
                all.add(comp.get(chart.equals("resident") ? "residentBytes" : "virtualBytes").asLong());
            }
            if (all.size() <= PARTS) {
                return all;
            }
            // of more, the PARTS largest (the earlier of equals) in their order, then the others as one part
            List<Integer> bySize = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                bySize.add(i);
            }
            bySize.sort((a, b) -> all.get(b).equals(all.get(a)) ? a - b : Long.compare(all.get(b), all.get(a)));
            Set<Integer> largest = new TreeSet<>(bySize.subList(0, PARTS));
            long rest = 0;
            for (int i = 0; i < all.size(); i++) {
                if (largest.contains(i)) {
                    out.add(all.get(i));
                } else {
                    rest += all.get(i);
                }
            }
            out.add(rest);
        }
        return out;
    }

    private static Long budget(JsonNode env, String chart) {
        JsonNode b = chart.equals("resident") ? env.get("memory").get("budgetBytes")
                : chart.equals("virtual") ? env.get("memory").get("virtualBudgetBytes")
                        : env.get("databaseConnections").get("budget");
        return b.isNull() ? null : b.asLong();
    }

    private static long scale(JsonNode report, String chart) {
        long scale = 0;
        for (JsonNode env : report.get("environments")) {
            long total = 0;
            for (long p : parts(env, chart)) {
                total += p;
            }
            scale = Math.max(scale, total);
            Long budget = budget(env, chart);
            if (budget != null) {
                scale = Math.max(scale, budget);
            }
        }
        return scale;
    }

    /**
     * Every link of the page lands on an element of the page; every rule a finding cites is linked, and its link
     * opens a section holding the rule's page.
     */
    private static void checkLinks(JsonNode report) throws Exception {
        JsonNode links = browser.eval("Array.from(document.querySelectorAll('a[href]')).map(a => ({"
                + " href: a.getAttribute('href'), text: a.textContent,"
                + " target: a.getAttribute('href').startsWith('#')"
                + "   ? (document.getElementById(a.getAttribute('href').substring(1)) || {textContent: null}).textContent"
                + "   : null}))");
        Set<String> linked = new TreeSet<>();
        for (JsonNode l : links) {
            String href = l.get("href").asText();
            assertTrue(href.startsWith("#"), "a link out of the page: " + href);
            assertFalse(l.get("target").isNull(), "a link to nothing: " + href);
            if (href.matches("#FP\\d{3}")) {
                linked.add(href.substring(1));
                assertEquals(href.substring(1), l.get("text").asText());
                assertTrue(l.get("target").asText().contains(href.substring(1) + " "),
                        href + " opens the rule's page");
            }
        }
        Set<String> cited = new TreeSet<>();
        for (JsonNode env : report.get("environments")) {
            for (JsonNode f : env.get("findings")) {
                cited.add(f.get("rule").asText());
            }
        }
        assertEquals(cited, linked, "every rule cited is linked");
    }
}
