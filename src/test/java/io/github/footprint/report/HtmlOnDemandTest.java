package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.testing.WatchingLoader;

/**
 * Cold start: a check that writes console, JSON, SARIF and JUnit loads no class of the HTML report and none of the
 * Markdown library; asked for html, it loads the report's classes but still no Markdown class (the rule pages come
 * rendered in the jar). Seen in a {@link WatchingLoader}, which tells what was loaded.
 */
class HtmlOnDemandTest {
    private static final List<String> HTML_CLASSES = List.of("io.github.footprint.report.HtmlReporter",
            "io.github.footprint.report.html.HtmlPage", "io.github.footprint.report.html.Charts",
            "io.github.footprint.report.html.RulePages");
    private static final List<String> MARKDOWN_CLASSES = List.of("org.commonmark.parser.Parser",
            "org.commonmark.renderer.html.HtmlRenderer", "org.commonmark.ext.gfm.tables.TablesExtension");

    @TempDir
    Path base;

    /** Runs the check on a tree inside the loader and writes the reports of that {@code formats} value. */
    public static final class Driver {
        public static void run(Path base, String formats) throws Exception {
            CheckRequest request = new CheckRequest.Builder().baseDirectory(base)
                    .sourceDirectory(base.resolve("src/main/deploy")).outputDirectory(base.resolve("target/footprint"))
                    .formats(formats).environment("dev", null, new Properties(), Map.of("memory", "64M")).build();
            CheckResult r = new CheckEngine().run(request);
            ReportTarget target = ReportTarget.files(request.outputDirectory());
            for (Format f : request.formats()) {
                if (f != Format.CONSOLE) {
                    f.reporter().write(r.view(), target);
                }
            }
        }
    }

    private void tree() throws Exception {
        Path apache = Files.createDirectories(base.resolve("src/main/deploy/apache"));
        Files.writeString(apache.resolve("app.conf"), "WSGIDaemonProcess app processes=2 threads=5 maximum-requests=5000\n");
        Path app = Files.createDirectories(base.resolve("src/main/deploy/app"));
        Files.writeString(app.resolve("production.ini"), "[app:main]\nuse = egg:app\nsqlalchemy.url = sqlite://\n");
    }

    private List<String> loadedAfter(String formats) throws Exception {
        tree();
        WatchingLoader w = new WatchingLoader("io.github.footprint.", "org.commonmark.");
        w.run(Driver.class, new Class<?>[] {Path.class, String.class}, base, formats);
        List<String> loaded = new ArrayList<>();
        List<String> all = new ArrayList<>(HTML_CLASSES);
        all.addAll(MARKDOWN_CLASSES);
        for (String c : all) {
            if (w.defined(c)) {
                loaded.add(c);
            }
        }
        // the run did happen in this loader
        assertTrue(w.defined(CheckEngine.class.getName()));
        return loaded;
    }

    @Test
    void withoutHtmlNoHtmlClassLoads() throws Exception {
        assertEquals(List.of(), loadedAfter("console,json,sarif,junit"));
        assertTrue(Files.exists(base.resolve("target/footprint/footprint.json")));
        assertFalse(Files.exists(base.resolve("target/footprint/index.html")));
    }

    @Test
    void withHtmlTheyDoButNoMarkdownClass() throws Exception {
        assertEquals(HTML_CLASSES, loadedAfter("console,json,html"));
        assertTrue(Files.exists(base.resolve("target/footprint/index.html")));
        // the page cites a rule, so its page is in it: from the rendering the build put into the classes
        assertTrue(Files.readString(base.resolve("target/footprint/index.html")).contains("<section class=\"fp-rule\""));
    }
}
