package io.github.footprint.report;

import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.findings.ReportView;
import io.github.footprint.report.html.HtmlPage;

/**
 * index.html without a browser: the same input gives the same bytes; no secret reaches it; text from the user's
 * files cannot open markup; it names nothing outside itself; every link has its target; html is a default format.
 */
class HtmlReporterTest {
    private static final String SECRET = "Pl4ntedHtmlSecret";

    @TempDir
    Path tree;

    private static String page(ReportView view, Path out) throws Exception {
        Path p = new HtmlReporter().write(view, ReportTarget.files(out)).orElseThrow();
        assertEquals("index.html", p.getFileName().toString());
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void theSameInputGivesTheSameBytes() throws Exception {
        Path project = Path.of("src/it/budget-two-environments").toAbsolutePath();
        byte[] first = Files.readAllBytes(new HtmlReporter().write(new CheckEngine().run(PomSettings.of(project,
                tree.resolve("a")).build()).view(), ReportTarget.files(tree.resolve("a"))).orElseThrow());
        byte[] second = Files.readAllBytes(new HtmlReporter().write(new CheckEngine().run(PomSettings.of(project,
                tree.resolve("b")).build()).view(), ReportTarget.files(tree.resolve("b"))).orElseThrow());
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        // two environments, each a bar of each chart, on one scale
        assertTrue(text.contains("<g class=\"fp-row\" data-env=\"vps\">"), text);
        assertTrue(text.contains("<g class=\"fp-row\" data-env=\"dedicated\">"), text);
        assertTrue(text.contains("over by 9.0 MiB"), text);
    }

    @Test
    void noSecretReachesThePage() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    WSGIDaemonProcess " + SECRET + " threads=2 maximum-requests=5000",
                "    WSGIProcessGroup " + SECRET,
                "    WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>");
        write(tree, "app/app.wsgi",
                "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini#" + SECRET + "')");
        write(tree, "app/production.ini",
                "[app:" + SECRET + "]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app:" + SECRET + "@db/app",
                "sqlalchemy.pool_size = 20 # " + SECRET);
        CheckResult r = run(request(tree).host("memory", "64M").host("databaseConnections", "3")
                .pathMappings(Map.of("/srv/app", "app")));
        String html = page(r.view(), tree.resolve("out"));
        assertFalse(html.contains(SECRET), "a secret in the page");
        assertTrue(html.contains("daemon &#39;****&#39;"), "the daemon's name is masked where it is shown");
        assertTrue(html.contains("[app:****]"), "the pool's section is masked where it is shown");
    }

    @Test
    void textFromTheFilesCannotOpenMarkup() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess a<img/src=x>b threads=2 maximum-requests=5000",
                "WSGIDaemonProcess \"x</title><script>alert(1)</script>\" threads=2");
        CheckResult r = run(request(tree).host("memory", "64M"));
        String html = page(r.view(), tree.resolve("out"));
        assertFalse(html.contains("<img"), html);
        assertFalse(Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(html).find(), html);
        assertTrue(html.contains("a&lt;img/src=x&gt;b"), html);
    }

    @Test
    void namesNothingOutsideItselfAndEveryLinkHasItsTarget() throws Exception {
        Path project = Path.of("examples/blog-2009").toAbsolutePath();
        CheckResult r = new CheckEngine().run(PomSettings.of(project, tree).build());
        String html = page(r.view(), tree);
        // nothing to fetch: no src, no stylesheet link, no url() but the page's own patterns, no script
        assertFalse(Pattern.compile("\\ssrc=").matcher(html).find());
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("@import"));
        Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (urls.find()) {
            assertTrue(urls.group(1).startsWith("#fp-f-"), urls.group());
        }
        Set<String> ids = new TreeSet<>();
        Matcher id = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            assertTrue(ids.add(id.group(1)), "duplicate id " + id.group(1));
        }
        List<String> hrefs = new ArrayList<>();
        Matcher href = Pattern.compile("\\shref=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            hrefs.add(href.group(1));
        }
        assertTrue(hrefs.contains("#FP105"), hrefs.toString());
        for (String h : hrefs) {
            assertTrue(h.startsWith("#") && ids.contains(h.substring(1)), "a link to nothing: " + h);
        }
        // the content security policy forbids any load; only the inline style applies
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    }

    /** README shows the page of examples/blog-2009 as HtmlReportBrowserTest took it: a small PNG, 1280 px wide. */
    @Test
    void theReadmeShowsTheScreenshot() throws Exception {
        Path png = Path.of("docs/report-blog-2009.png");
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length < 150 * 1024, bytes.length + " bytes");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(HtmlReportBrowserTest.WIDTH, img.getWidth());
        assertTrue(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)
                .contains("](docs/report-blog-2009.png)"));
    }

    @Test
    void htmlIsADefaultFormat() throws Exception {
        CheckRequest r = new CheckRequest.Builder().baseDirectory(tree).sourceDirectory(tree)
                .outputDirectory(tree.resolve("out")).build();
        assertEquals(List.of(Format.CONSOLE, Format.JSON, Format.SARIF, Format.JUNIT, Format.HTML),
                new ArrayList<>(r.formats()));
        assertEquals(Format.HTML, Format.parse("html").orElseThrow());
        assertTrue(HtmlPage.ruleTitle("FP201").startsWith("FP201 "));
    }
}
