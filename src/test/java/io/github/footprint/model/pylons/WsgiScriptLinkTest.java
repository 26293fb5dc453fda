package io.github.footprint.model.pylons;

import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.findings.FootprintView;
import io.github.footprint.model.Deployment;
import io.github.footprint.report.ConsoleSink;
import io.github.footprint.report.Format;
import io.github.footprint.report.ReportTarget;

/**
 * Real start-up scripts of {@code src/test/resources/wsgi-scripts} linked in whole checks: the model follows the path
 * each script computes (with {@code __file__} the alias target) to the INI file of the project, so the pool is counted
 * for the daemon's processes and compared with its threads.
 */
class WsgiScriptLinkTest {
    private static final Path RESOURCES = Paths.get("src", "test", "resources");
    private static final Path CORPUS = RESOURCES.resolve("wsgi-scripts");

    @TempDir
    Path tree;

    @TempDir
    Path out;

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    private List<String> console(CheckResult r) throws IOException {
        List<String> lines = new ArrayList<>();
        ConsoleSink sink = new ConsoleSink() {
            @Override
            public void error(String line) {
                lines.add(line);
            }

            @Override
            public void warn(String line) {
                lines.add(line);
            }

            @Override
            public void info(String line) {
                lines.add(line);
            }
        };
        Format.CONSOLE.reporter().write(r.view(), new ReportTarget(out, sink));
        return lines;
    }

    /**
     * The CKAN case of the real projects (kohakurei/ansible-role-ckan as rendered): Debian's layout, the role's
     * vhost (daemon ckan_default of 2 processes x 15 threads), CKAN's stock {@code apache.wsgi} of 2.0-2.8 as
     * published, which computes {@code os.path.join(os.path.dirname(os.path.abspath(__file__)), 'production.ini')},
     * and a CKAN production.ini without pool keys (SQLAlchemy's 5 + 10). Two processes open 15 each: 30. (The
     * role's own production.ini has the password ckan_default, the daemon's name too, which masking would hide.)
     */
    private CheckRequest.Builder ckan() throws IOException {
        Path project = RESOURCES.resolve("projects/kohakurei__ansible-role-ckan");
        copy(project.resolve("tree/files/ckan_default.conf"), tree.resolve("etc/apache2/sites-enabled/ckan_default.conf"));
        copy(CORPUS.resolve("ckan__ckan__apache-wsgi-2.8/apache.wsgi"), tree.resolve("etc/ckan/default/apache.wsgi"));
        write(tree, "etc/ckan/default/production.ini",
                "[DEFAULT]",
                "debug = false",
                "",
                "[app:main]",
                "use = egg:ckan",
                "full_stack = true",
                "cache_dir = /tmp/%(ckan.site_id)s/",
                "beaker.session.key = ckan",
                "ckan.site_id = default",
                "sqlalchemy.url = postgresql://ckan_default:pass@localhost/ckan_default",
                "ckan.site_url = http://default.ckanhosted.com");
        return request(tree);
    }

    @Test
    void ckanStockApacheWsgiTwoProcessesOf15Threads30Connections() throws Exception {
        CheckResult r = run(ckan());
        Deployment d = r.environments().get(0).deployment();
        PylonsApp app = d.apps().get(0);
        Loadapp l = app.loadapp();
        assertEquals("/etc/ckan/default/apache.wsgi", l.scriptFile());
        assertEquals("paste.deploy.loadapp", l.loader());
        assertEquals("/etc/ckan/default/production.ini", l.hostPath());
        assertEquals("etc/ckan/default/production.ini", l.iniFile());
        assertEquals("ckan_default", app.servedBy().name());
        FootprintView fp = r.view().environments().get(0).footprint();
        assertEquals(30, fp.connections().getAsLong());
        FootprintView.Pool pool = fp.pools().get(0);
        assertEquals(2, pool.processes());
        assertEquals(15, pool.perProcess().getAsLong());
        FootprintView.Link link = pool.link().orElseThrow();
        assertEquals("__file__ = '/etc/ckan/default/apache.wsgi' (mod_wsgi: the WSGIScriptAlias target as written)"
                + " (line 7) -> os.path.abspath(…) (line 7) -> os.path.dirname(…) (line 7) -> os.path.join(…,"
                + " 'production.ini') (line 7) -> config_filepath = … (line 7) -> 'config:%s' % … (line 10) ->"
                + " PasteDeploy: config: URI 'config:/etc/ckan/default/production.ini', path"
                + " '/etc/ckan/default/production.ini' (line 10) -> '/etc/ckan/default/production.ini'",
                link.derivation());
        List<String> lines = console(r);
        assertTrue(lines.contains("  database connections: max 30; databaseConnections unset"), () -> String.join("\n",
                lines));
        assertTrue(lines.contains("    [app:main] sqlalchemy.: 2 processes of daemon 'ckan_default' x 15 = 30"),
                () -> String.join("\n", lines));
        // 15 connections for 15 threads: FP304 says nothing, and no longer that no alias leads to the INI
        assertEquals(List.of(), findings(r, "FP304"), () -> describe(findings(r, "FP304")));
        assertEquals(List.of(), findings(r, "FP305"), () -> describe(findings(r, "FP305")));
    }

    private static Properties expected(Path folder) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve("EXPECTED.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static List<Path> withIni() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path folder : s.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                if (!expected(folder).getProperty("ini.fixture").equals("none")) {
                    out.add(folder);
                }
            }
        }
        return out;
    }

    @Test
    void fourScriptsOfTheCorpusCarryTheirIni() throws IOException {
        assertEquals(4, withIni().size());
    }

    /**
     * Each script of the corpus whose INI is beside it, in a project: a vhost mounts the script at its
     * {@code host.script} in daemon 'app', {@code pathMappings} map the script's host folder to the folder's copy; the
     * model must link the INI at {@code ini.fixture} through the path python3 computed ({@code ini.path}), with its
     * section. A script named without {@code .wsgi}/{@code .py} (OpenShift's {@code wsgi/application}) is copied as
     * {@code NAME.wsgi} and mapped file to file, since footprint reads Python scripts by their extension; its
     * {@code __file__} stays the alias target.
     */
    @TestFactory
    Stream<DynamicTest> everyScriptWithItsIniIsLinkedToIt() throws IOException {
        return withIni().stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            Properties p = expected(folder);
            String hostScript = p.getProperty("host.script");
            String hostDir = hostScript.substring(0, hostScript.lastIndexOf('/'));
            String script = p.getProperty("script");
            String scriptDir = script.contains("/") ? script.substring(0, script.lastIndexOf('/')) : "";
            Path root = tree.resolve(folder.getFileName().toString());
            Path app = root.resolve("app");
            // the host folder of the script is the folder of the copy where the script lies
            String appFolder = scriptDir.isEmpty() ? "app" : "app/" + scriptDir;
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    copy(f, app.resolve(folder.relativize(f).toString()));
                }
            }
            CheckRequest.Builder b = request(root);
            String name = script.substring(script.lastIndexOf('/') + 1);
            if (!name.endsWith(".wsgi") && !name.endsWith(".py")) {
                Files.move(app.resolve(script), app.resolve(script + ".wsgi"));
                b.pathMapping(hostScript, appFolder + "/" + name + ".wsgi");
            }
            b.pathMapping(hostDir, appFolder);
            write(root, "apache/app.conf",
                    "<VirtualHost *:80>",
                    "    WSGIDaemonProcess app processes=2 threads=5",
                    "    WSGIScriptAlias / " + hostScript + " process-group=app",
                    "</VirtualHost>");
            CheckResult r = run(b);
            Deployment d = r.environments().get(0).deployment();
            String iniFile = "app/" + p.getProperty("ini.fixture");
            List<PylonsApp> linked = d.apps().stream().filter(a -> a.loadapp() != null).collect(Collectors.toList());
            assertFalse(linked.isEmpty(), () -> "nothing linked; apps " + d.apps().stream()
                    .map(a -> a.ini().file().treePath() + " " + a.section().name() + ": " + a.unresolved())
                    .collect(Collectors.toList()));
            for (PylonsApp a : linked) {
                assertEquals(iniFile, a.ini().file().treePath());
                assertEquals(p.getProperty("ini.path"), a.loadapp().hostPath());
                assertEquals(hostScript, a.loadapp().scriptFile());
                assertEquals(p.getProperty("ini.section"), a.loadapp().section());
                assertEquals("app", a.servedBy().name());
            }
        }));
    }
}
