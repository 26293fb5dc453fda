package io.github.footprint.parse.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.Placeholder;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Apache file of the real-world corpus (src/test/resources/corpus/apache, origins in its SOURCES.tsv),
 * read as CheckEngine reads a tree: SourceLoader, ApacheLayout.find, HostPathMapper, ApacheParser.parse, with
 * the variables the tree's start-up scripts export as the environment. No file may give an FP001-kind
 * problem (SYNTAX, ERROR) except the Augeas snippets that are broken on purpose, which must give exactly
 * httpd's complaint, located.
 */
class ApacheCorpusTest {
    private static final Path APACHE = Trees.corpus().resolve("apache");

    private static List<ParseProblem> fp001(ApacheConfig c) {
        return c.problems().stream().filter(p -> p.kind() == ParseProblem.Kind.SYNTAX && p.severity() == Severity.ERROR)
                .collect(Collectors.toList());
    }

    private static List<ParseProblem> errors(ApacheConfig c, ParseProblem.Kind kind) {
        return c.problems().stream().filter(p -> p.kind() == kind && p.severity() == Severity.ERROR)
                .collect(Collectors.toList());
    }

    private static ApacheConfig read(SourceSet s, String explicitMain) {
        ApacheLayout layout = ApacheLayout.find(s, explicitMain, null);
        HostPathMapper mapper = new HostPathMapper(s, Map.of(), layout.root());
        return ApacheParser.parse(s, mapper, layout.main(),
                new ApacheParser.Options("2.4", "event", Trees.environment(s)));
    }

    // ---------------------------------------------------------------- Debian 12's /etc/apache2

    @Test
    void debianTreeReadsFromApache2ConfWithTheEventMpm() {
        SourceSet s = Trees.load(APACHE.resolve("debian12-etc-apache2"));
        ApacheConfig c = read(s, null);
        assertEquals("apache2.conf", c.mainFile().treePath());
        assertEquals(List.of(), fp001(c));
        assertEquals(List.of(), errors(c, ParseProblem.Kind.INCLUDE));
        assertEquals(List.of(), c.problems());
        assertTrue(c.modules().contains("mpm_event_module"));
        assertTrue(c.modules().contains("event.c"));
        assertFalse(c.modules().contains("mpm_prefork_module"));
        assertFalse(c.modules().contains("mpm_worker_module"));
        assertTrue(c.modules().contains("wsgi_module"));

        // mods-enabled/mpm_event.conf is a link to mods-available/mpm_event.conf: one file, read once
        List<Directive> mrw = c.find("MaxRequestWorkers");
        assertEquals(1, mrw.size());
        assertEquals(List.of("150"), mrw.get(0).args());
        assertEquals("mods-available/mpm_event.conf", mrw.get(0).location().file());
        assertEquals(13, mrw.get(0).location().line());
        assertEquals(List.of("25"), c.find("ThreadsPerChild").get(0).args());
        assertEquals(1, c.find("ThreadsPerChild").size());

        // the enabled files are read through their links, in IncludeOptional's order; disabled ones never
        List<String> read = c.filesRead().stream().map(SourceFile::treePath).collect(Collectors.toList());
        assertEquals("apache2.conf", read.get(0));
        assertTrue(read.indexOf("mods-available/mpm_event.load") < read.indexOf("mods-available/mpm_event.conf"));
        assertTrue(read.indexOf("ports.conf") < read.indexOf("conf-available/charset.conf"));
        assertTrue(read.contains("sites-available/000-default.conf"));
        assertFalse(read.contains("sites-available/default-ssl.conf"));
        assertFalse(read.contains("mods-available/mpm_prefork.conf"));
        assertEquals(37, read.size() - 2, "apache2.conf, ports.conf and the 37 enabled links");
    }

    @Test
    void debianVariablesComeFromEnvvarsExports() {
        SourceSet s = Trees.load(APACHE.resolve("debian12-etc-apache2"));
        Map<String, String> env = Trees.environment(s);
        assertEquals("www-data", env.get("APACHE_RUN_USER"));
        ApacheConfig c = read(s, null);
        assertEquals(List.of("www-data"), c.find("User").get(0).args());
        List<String> errorLog = c.find("ErrorLog").get(0).args();
        assertTrue(errorLog.get(0).startsWith("/var/log/apache2"), errorLog.toString());
        assertTrue(errorLog.get(0).endsWith("/error.log"), errorLog.toString());
        List<String> left = new ArrayList<>();
        c.walk(d -> {
            if (d.rawArgs().contains("${APACHE_")) {
                left.add(d.toString());
            }
        });
        assertEquals(List.of(), left, "every ${APACHE_*} resolved from envvars");
        Directive custom = c.find("CustomLog").stream().filter(d -> d.location().file().startsWith("sites"))
                .findFirst().orElseThrow();
        assertEquals("sites-available/000-default.conf", custom.location().file());
        assertTrue(custom.arg().startsWith("/var/log/apache2") && custom.arg().endsWith("/access.log"), custom.arg());
        assertEquals("VirtualHost", custom.parent().name());
    }

    @Test
    void debianTreeWithoutEnvvarsKeepsTheLiteralVariables() {
        SourceSet s = Trees.load(APACHE.resolve("debian12-etc-apache2"));
        ApacheLayout layout = ApacheLayout.find(s, null, null);
        ApacheConfig c = ApacheParser.parse(s, new HostPathMapper(s, Map.of(), layout.root()), layout.main(),
                new ApacheParser.Options("2.4", "event", Map.of()));
        assertEquals(List.of("${APACHE_LOG_DIR}/error.log"), c.find("ErrorLog").get(0).args());
        assertEquals(List.of(), fp001(c));
    }

    // ---------------------------------------------------------------- httpd's own docs/conf templates

    /** What httpd's build substitutes into docs/conf/*.conf.in (the default /usr/local/apache2 layout). */
    private static Properties httpdBuild() {
        Properties p = new Properties();
        p.setProperty("ServerRoot", "/usr/local/apache2");
        p.setProperty("Port", "80");
        p.setProperty("SSLPort", "443");
        p.setProperty("LoadModule", "LoadModule mpm_event_module modules/mod_mpm_event.so\n"
                + "LoadModule authz_core_module modules/mod_authz_core.so\n"
                + "LoadModule mime_module modules/mod_mime.so\nLoadModule dir_module modules/mod_dir.so");
        for (String d : List.of("cgidir:cgi-bin", "errordir:error", "htdocsdir:htdocs", "iconsdir:icons",
                "logfiledir:logs", "manualdir:manual", "runtimedir:logs", "sysconfdir:conf")) {
            String[] kv = d.split(":");
            p.setProperty("exp_" + kv[0], "/usr/local/apache2/" + kv[1]);
            p.setProperty("rel_" + kv[0], kv[1]);
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> httpdDocsConfTemplatesRenderAndRead() {
        return Stream.of("2.4.x", "trunk").map(v -> DynamicTest.dynamicTest(v, () -> {
            SourceSet s = Trees.load(APACHE.resolve("httpd-docs-conf").resolve(v), httpdBuild(), true);
            List<String> placeholders = new ArrayList<>();
            for (SourceFile f : s.files()) {
                assertEquals(List.of(), f.problems().stream().map(p -> p.message()).collect(Collectors.toList()));
                for (Placeholder p : f.unresolved()) {
                    placeholders.add(f.treePath() + ":" + p.line() + " " + p.form().render(p.name()));
                }
            }
            // trunk's httpd-macro.conf.in shows a <Macro> with ${server} in comments: httpd's own syntax, no property
            assertEquals(v.equals("trunk") ? List.of("extra/httpd-macro.conf.in:7 ${server}",
                    "extra/httpd-macro.conf.in:9 ${server}", "extra/httpd-macro.conf.in:10 ${server}",
                    "extra/httpd-macro.conf.in:11 ${server}", "extra/httpd-macro.conf.in:12 ${server}",
                    "httpd.conf.in:134 ${DOCROOT}", "httpd.conf.in:135 ${DOCROOT}") : List.of(), placeholders);
            ApacheConfig c = read(s, "httpd.conf.in");
            assertEquals("httpd.conf.in", c.mainFile().treePath());
            assertEquals(List.of(), fp001(c));
            assertEquals(List.of(), errors(c, ParseProblem.Kind.INCLUDE));
            assertEquals(List.of("/usr/local/apache2/htdocs"), c.find("DocumentRoot").get(0).args());
            assertEquals(s.files(FileKind.APACHE).size(), c.filesRead().size());
        }));
    }

    /**
     * httpd's build replaces {@code @@Name@@} (ServerRoot, Port, SSLPort, LoadModule); the corpus README wants
     * them rendered from properties. TemplateRenderer renders {@code @name@} and {@code ${name}} only (Maven's
     * delimiters), so {@code @@Port@@} stays literal and is not even recorded as unresolved.
     */
    @Test
    void httpdDocsConfAtAtPlaceholdersAreRendered() {
        SourceSet s = Trees.load(APACHE.resolve("httpd-docs-conf").resolve("2.4.x"), httpdBuild(), true);
        for (SourceFile f : s.files()) {
            for (String line : f.lines()) {
                assertFalse(line.contains("@@"), f + ": " + line);
            }
        }
        ApacheConfig c = read(s, "httpd.conf.in");
        assertEquals("/usr/local/apache2", c.serverRoot());
        assertEquals(List.of("80"), c.find("Listen").get(0).args());
        assertTrue(c.modules().contains("mpm_event_module"));
        Directive load = c.find("LoadModule").get(0);
        assertEquals(66, load.location().line());
    }

    // ---------------------------------------------------------------- Augeas

    @Test
    void augeasTestTreeReadsAsAVhostOnlyProject() {
        SourceSet s = Trees.load(APACHE.resolve("augeas/tests-root"));
        ApacheConfig c = read(s, null);
        assertEquals(null, c.mainFile());
        assertEquals(List.of(), fp001(c));
        assertEquals(List.of(), errors(c, ParseProblem.Kind.INCLUDE));
        assertEquals(12, c.filesRead().size());
        assertTrue(c.modules().contains("ssl_module"));
    }

    /** The snippets httpd refuses for their structure, with what footprint says (httpd's words). */
    private static final Map<String, List<String>> BROKEN = new LinkedHashMap<>();

    static {
        // "<IfModule>" without argument
        BROKEN.put("snippet-L0036-let.conf", List.of("2: <IfModule> directive requires additional arguments"));
        // "<a> # a comment": the comment holds no '>', so the header has none
        BROKEN.put("snippet-L0346-get.conf", List.of("1: <a> directive missing closing '>'"));
        BROKEN.put("snippet-L0483-get.conf", List.of("1: <IfModule> directive requires additional arguments"));
        // httpd 2.4.71: "<FilesMatch> was not closed." (the last '>' of the line ends the header)
        BROKEN.put("snippet-L0583-get.conf", List.of("1: <FilesMatch> was not closed."));
    }

    @TestFactory
    Stream<DynamicTest> augeasSnippetsGiveLocatedProblemsOnlyWhereBroken() throws IOException {
        Path dir = APACHE.resolve("augeas/test_httpd-snippets");
        List<Path> snippets;
        try (Stream<Path> st = Files.list(dir)) {
            snippets = st.sorted().collect(Collectors.toList());
        }
        assertEquals(52, snippets.size());
        return snippets.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString();
            SourceSet s = Trees.load(dir, List.of(name));
            ApacheConfig c = read(s, null);
            for (ParseProblem problem : c.problems()) {
                assertEquals(name, problem.location().file());
                assertTrue(problem.location().line() > 0, problem.toString());
            }
            List<String> got = fp001(c).stream().map(x -> x.location().line() + ": " + x.message())
                    .collect(Collectors.toList());
            assertEquals(BROKEN.getOrDefault(name, List.of()), got);
        }));
    }

    /**
     * {@code <a>...</a>} (snippet L0353) is well formed; httpd refuses it only as an unknown directive ("Invalid
     * command '<a'"), and footprint has no table of directives: no FP001, by design.
     */
    @Test
    void anUnknownButWellFormedSectionIsNotASyntaxError() {
        Path dir = APACHE.resolve("augeas/test_httpd-snippets");
        ApacheConfig c = read(Trees.load(dir, List.of("snippet-L0353-get.conf")), null);
        assertEquals(List.of(), c.problems());
        assertTrue(c.directives().get(0).isSection());
        assertEquals("a", c.directives().get(0).name());
    }

    // ---------------------------------------------------------------- mod_wsgi vhosts

    @TestFactory
    Stream<DynamicTest> wsgiVhostsReadWithoutSyntaxErrors() throws IOException {
        Path root = Trees.corpus().resolve("wsgi-vhosts");
        List<Path> confs;
        try (Stream<Path> st = Files.walk(root)) {
            confs = st.filter(Files::isRegularFile).filter(f -> FileKind.of(f.getFileName().toString()) == FileKind.APACHE)
                    .sorted().collect(Collectors.toList());
        }
        // 9 with freeipa's ipa.conf.template, httpd configuration by its name without the template suffix (its $NAME
        // placeholders make it a sed-style template, loaded but not parsed until a reader for them exists)
        assertEquals(9, confs.size());
        return confs.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            SourceSet s = Trees.load(p.getParent(), List.of(p.getFileName().toString()));
            if (!s.files().get(0).parseable()) {
                // a template of a dialect no engine reads yet is handed on unread
                assertEquals(io.github.footprint.source.template.Dialect.SED, s.files().get(0).dialect());
                return;
            }
            ApacheConfig c = read(s, null);
            assertNotNull(c);
            assertEquals(List.of(), fp001(c));
            assertEquals(List.of(), errors(c, ParseProblem.Kind.INCLUDE));
            assertFalse(c.find("WSGIDaemonProcess").isEmpty() && c.find("WSGIScriptAlias").isEmpty());
        }));
    }
}
