package io.github.footprint.model.pylons;

import io.github.footprint.base.Secrets;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.footprint.base.Location;
import io.github.footprint.base.PythonInt;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.ModelBuilder;
import io.github.footprint.model.ModelParameters;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.ApacheLayout;
import io.github.footprint.parse.apache.ApacheParser;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.PasteIniReader;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.parse.scripts.ScriptReader;
import io.github.footprint.rules.Phrases;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pylons part of the model: PasteDeploy's loading of the INI files, apps, engines, servers. */
class PylonsModelTest {
    @TempDir
    Path dir;

    private int trees;

    /** A fresh tree for every build. */
    private Deployment build(List<String> prefixes, String... pathsAndTexts) {
        Path root = dir.resolve("t" + trees++);
        Trees.write(root, files(pathsAndTexts));
        SourceSet sources = Trees.load(root);
        List<ScriptFacts> scripts = new ArrayList<>();
        for (SourceFile f : sources.files()) {
            if (f.kind() == FileKind.PYTHON && f.parseable()) {
                scripts.add(ScriptReader.read(f));
            }
        }
        ApacheLayout layout = ApacheLayout.find(sources, null, null);
        HostPathMapper mapper = new HostPathMapper(sources, Map.of(), layout.root());
        ApacheConfig apache = sources.files(FileKind.APACHE).isEmpty() ? null
                : ApacheParser.parse(sources, mapper, layout.main(),
                        new ApacheParser.Options("2.4", "event", Trees.environment(sources)));
        List<IniDocument> inis = new ArrayList<>();
        for (SourceFile f : sources.files(FileKind.INI)) {
            inis.add(new PasteIniReader().read(f));
        }
        return ModelBuilder.build("default", sources, mapper, apache, inis, scripts,
                ModelParameters.defaults().withSqlalchemyPrefixes(prefixes));
    }

    private Deployment build(String... pathsAndTexts) {
        return build(ModelParameters.DEFAULT_SQLALCHEMY_PREFIXES, pathsAndTexts);
    }

    private static final String VHOST = "<VirtualHost *:80>\nWSGIDaemonProcess app threads=8\nWSGIProcessGroup app\n"
            + "WSGIScriptAlias / /srv/app/app.wsgi\n</VirtualHost>\n";
    private static final String WSGI = "from paste.deploy import loadapp\n"
            + "application = loadapp('config:/srv/app/production.ini')\n";

    private static List<String> problems(Deployment d) {
        // the markers of secret values (masked in reports) are no part of what the messages say
        return d.problems().stream().map(p -> Secrets.strip(p.toString())).collect(Collectors.toList());
    }

    @Test
    void aLinkedAppIsInterpolatedWithItsHostFolderAnUnlinkedOneWithItsProjectFolder() {
        String ini = "[app:main]\nuse = egg:myapp\nsqlalchemy.url = sqlite:///%(here)s/app.db\n";
        Deployment linked = build("apache/app.conf", VHOST, "app/app.wsgi", WSGI, "app/production.ini", ini);
        PylonsApp app = linked.apps().get(0);
        assertEquals("app", app.servedBy().name());
        assertEquals("sqlite:////srv/app/app.db", app.engines().get(0).url());
        // here = /srv/app, the file's folder on the host
        assertEquals("/srv/app", app.here());
        assertTrue(app.hereOnHost());
        Deployment alone = build("app/production.ini", ini);
        PylonsApp unlinked = alone.apps().get(0);
        assertNull(unlinked.servedBy());
        assertEquals("sqlite:///app/app.db", unlinked.engines().get(0).url());
        // here = app, the file's folder in the project (no loadapp in the project names it, so its folder on the
        // host is unknown)
        assertEquals("app", unlinked.here());
        assertFalse(unlinked.hereOnHost());
    }

    @Test
    void aPipelineLinksTheAppItEndsIn() {
        Deployment d = build("apache/app.conf", VHOST, "app/app.wsgi", WSGI, "app/production.ini",
                "[pipeline:main]\npipeline = egg:Paste#cgitb myapp\n[app:myapp]\nuse = egg:myapp\n"
                        + "sqlalchemy.url = postgresql://db/app\n");
        assertEquals(1, d.apps().size());
        PylonsApp app = d.apps().get(0);
        assertEquals("app:myapp", app.section().name());
        assertEquals("app", app.servedBy().name());
        assertTrue(Phrases.link(app).contains(" (it reaches [app:myapp] through [pipeline:main]) in daemon group 'app'"),
                Phrases.link(app));
    }

    @Test
    void pastesUrlMapLinksEveryAppItMaps() {
        Deployment d = build("apache/app.conf", VHOST, "app/app.wsgi", WSGI, "app/production.ini",
                "[composite:main]\nuse = egg:Paste#urlmap\n/ = shop\n/admin = admin\n[app:shop]\nuse = egg:shop\n"
                        + "[app:admin]\nuse = egg:admin\n[app:unused]\nuse = egg:other\n");
        assertEquals(List.of("app:shop app", "app:admin app", "app:unused null"), d.apps().stream()
                .map(a -> a.section().name() + " " + (a.servedBy() == null ? null : a.servedBy().name()))
                .collect(Collectors.toList()));
        assertTrue(Phrases.link(d.apps().get(1)).contains(" (it reaches [app:admin] through [composite:main])"),
                Phrases.link(d.apps().get(1)));
    }

    @Test
    void aSectionAnotherBuildsOnIsPartOfThatAppAcrossFiles() {
        Deployment d = build("apache/app.conf", VHOST, "app/app.wsgi", WSGI,
                "app/production.ini", "[DEFAULT]\ndebug = false\n[app:main]\nuse = config:base.ini\n"
                        + "sqlalchemy.pool_size = 3\n",
                "app/base.ini", "[app:main]\nuse = egg:myapp\nsqlalchemy.url = postgresql://db/app\n"
                        + "sqlalchemy.pool_size = 10\n");
        assertEquals(List.of("app/production.ini#app:main"), d.apps().stream()
                .map(a -> a.ini().file().treePath() + "#" + a.section().name()).collect(Collectors.toList()));
        PylonsApp app = d.apps().get(0);
        assertEquals("app", app.servedBy().name());
        SqlEngine e = app.engines().get(0);
        assertEquals(3, e.poolSize());
        assertEquals(new Location("app/production.ini", 5), e.poolSizeLocation());
        assertEquals(new Location("app/base.ini", 3), e.location());
        assertEquals(List.of(), problems(d));
    }

    @Test
    void enginesByTheConfiguredPrefixesAndPylonsNamedForm() {
        String ini = "[DEFAULT]\nsqlalchemy.pool_size = 2\n[app:main]\nuse = egg:myapp\n"
                + "sqlalchemy.default.url = postgresql://db/app\nsqlalchemy.default.max_overflow = 1\n"
                + "sqlalchemy.log.url = postgresql://db/log\nsqlalchemy.url = postgresql://db/main\n";
        // no prefixes given: every PREFIXurl key is an engine, in the order of the settings
        Deployment found = build("app/production.ini", ini);
        assertEquals(List.of("sqlalchemy.default.", "sqlalchemy.log.", "sqlalchemy."),
                found.apps().get(0).enginePrefixes());
        assertFalse(found.apps().get(0).prefixesGiven());
        assertEquals(List.of("sqlalchemy. [pool_size, url]", "sqlalchemy.default. [url, max_overflow]",
                "sqlalchemy.log. [url]"), found.apps().get(0).engines().stream().map(SqlEngine::toString)
                .collect(Collectors.toList()));
        Deployment stock = build(List.of("sqlalchemy."), "app/production.ini", ini);
        assertTrue(stock.apps().get(0).prefixesGiven());
        List<SqlEngine> engines = stock.apps().get(0).engines();
        // global_conf first, then local_conf: [DEFAULT] reaches engine_from_config too
        assertEquals(List.of("sqlalchemy. [pool_size, url]", "sqlalchemy.default. [url, max_overflow] (not read)",
                "sqlalchemy.log. [url] (not read)"),
                engines.stream().map(SqlEngine::toString).collect(Collectors.toList()));
        assertEquals(2, engines.get(0).poolSize());
        assertEquals(new Location("app/production.ini", 2), engines.get(0).poolSizeLocation());
        assertEquals(SqlEngine.DEFAULT_POOL_SIZE, engines.get(1).poolSize());
        assertEquals(1, engines.get(1).maxOverflow());
        Deployment named = build(List.of("sqlalchemy.default.", "sqlalchemy.log."), "app/production.ini", ini);
        assertEquals(List.of("sqlalchemy. [pool_size, url] (not read)", "sqlalchemy.default. [url, max_overflow]",
                "sqlalchemy.log. [url]"), named.apps().get(0).engines().stream()
                .map(SqlEngine::toString).collect(Collectors.toList()));
    }

    @Test
    void enginesFoundInTheSettings() {
        // Pylons 0.9.6's engine_from_config(config, 'sqlalchemy.default.'), as the 2009 post writes it
        Deployment blog = build("app/production.ini", "[app:main]\nuse = egg:myapp\n"
                + "sqlalchemy.default.url = postgresql://db/app\nsqlalchemy.default.pool_size = 3\n"
                + "sqlalchemy.default.max_overflow = 7\n");
        assertEquals(List.of("sqlalchemy.default. [url, pool_size, max_overflow]"), blog.apps().get(0).engines()
                .stream().map(SqlEngine::toString).collect(Collectors.toList()));
        assertEquals(10, blog.apps().get(0).engines().get(0).limit());
        // no url at all: the stock prefix, whose call then raises KeyError: 'url' (FP303)
        Deployment noUrl = build("app/production.ini", "[app:main]\nuse = egg:myapp\nsqlalchemy.pool_size = 3\n");
        assertEquals(List.of("sqlalchemy."), noUrl.apps().get(0).enginePrefixes());
        // keys of other libraries and a named form without its url name no engine
        Deployment none = build("app/production.ini", "[app:main]\nuse = egg:myapp\n"
                + "beaker.session.sqlalchemy.url = postgresql://db/s\nsqlalchemy.log.pool_size = 2\n");
        assertEquals(List.of(), none.apps().get(0).enginePrefixes());
        assertEquals(List.of("sqlalchemy.log. [pool_size] (not read)"), none.apps().get(0).engines().stream()
                .map(SqlEngine::toString).collect(Collectors.toList()));
    }

    @Test
    void aPoolSizeThatIsNoIntegerIsUnknownAndItsMeaningKept() {
        Deployment d = build("app/production.ini", "[app:main]\nuse = egg:myapp\n"
                + "sqlalchemy.default.url = postgresql://db/app\n"
                + "sqlalchemy.default.pool_size = 3     # 5 is default\n"
                + "sqlalchemy.default.max_overflow = 7  # pool_size+max_overflow = max simultaneous database sessions\n");
        SqlEngine e = d.apps().get(0).engines().get(0);
        assertTrue(e.sizeUnreadable());
        assertNull(e.poolSize());
        assertNull(e.limit());
        assertEquals(3, e.meantPoolSize());
        assertEquals(7, e.meantMaxOverflow());
        assertEquals(new Location("app/production.ini", 4), e.unreadableSetting().location());
        SqlEngine word = build("app/production.ini", "[app:main]\nuse = egg:myapp\nsqlalchemy.url = postgresql://db/a\n"
                + "sqlalchemy.pool_size = ten\n").apps().get(0).engines().get(0);
        assertTrue(word.sizeUnreadable());
        assertNull(word.meantPoolSize());
        assertEquals(SqlEngine.DEFAULT_MAX_OVERFLOW, word.meantMaxOverflow());
    }

    @Test
    void serversKnowWhetherModWsgiLoadsTheirFile() {
        String ini = "[app:main]\nuse = egg:myapp\n[server:main]\nuse = egg:Paste#http\nthreadpool_workers = 20\n";
        Deployment linked = build("apache/app.conf", VHOST, "app/app.wsgi", WSGI, "app/production.ini", ini);
        PasteServer s = linked.servers().get(0);
        assertTrue(s.isPasteHttp());
        assertTrue(Phrases.loadapp(s.modWsgi()).startsWith("WSGIScriptAlias / (apache/app.conf:4) runs /srv/app/app.wsgi"),
                Phrases.loadapp(s.modWsgi()));
        assertTrue(s.modWsgi().resolved());
        assertEquals("20", s.context().localConf().get("threadpool_workers").value());
        Deployment alone = build("app/production.ini", ini.replace("egg:Paste#http", "egg:paste#http"));
        assertNull(alone.servers().get(0).modWsgi());
        assertTrue(alone.servers().get(0).isPasteHttp());
        Deployment waitress = build("app/production.ini", ini.replace("egg:Paste#http", "egg:waitress#main"));
        assertFalse(waitress.servers().get(0).isPasteHttp());
    }

    @Test
    void whatPasteDeployRefusesIsAProblemOfTheDeploymentAndShadowedKeysAreKept() {
        Deployment d = build("app/production.ini", "[DEFAULT]\ndebug = true\n[app:main]\nuse = egg:myapp\n"
                + "debug = false\nsqlalchemy.url = postgresql://app:p%40ss@db/app\n");
        assertEquals(List.of("app/production.ini:6: PasteDeploy stops with InterpolationSyntaxError: '%' must be followed"
                    + " by '%' or '(', found: '%40ss@db/app'; write %% for a literal %"), problems(d));
        assertEquals(1, d.shadowedKeys().size());
        assertEquals(new Location("app/production.ini", 5), d.shadowedKeys().get(0).local().location());
        // the app stays, without settings: nothing certain can be said about them
        assertNull(d.apps().get(0).context());
        assertEquals(List.of(), d.apps().get(0).engines());
    }

    @Test
    void aServerSectionModWsgiNeverReadsIsNotReportedWhenPasteDeployWouldRefuseIt() {
        Deployment d = build("apache/app.conf", VHOST, "app/app.wsgi", WSGI, "app/production.ini",
                "[app:main]\nuse = egg:myapp\n[server:main]\nport = 5000\n");
        assertEquals(List.of(), problems(d));
        Deployment alone = build("app/production.ini", "[app:main]\nuse = egg:myapp\n[server:main]\nport = 5000\n");
        assertEquals(List.of("app/production.ini:3: PasteDeploy stops with LookupError: No loader given in section"
                    + " 'server:main'; add use = egg:Dist#name (or a paste.server_factory = module:function line)"),
                problems(alone));
    }

    @Test
    void getAndSetReachTheAppsSettings() {
        Deployment d = build("app/production.ini", "[DEFAULT]\ndebug = true\ndb = postgresql://db/app\n"
                + "[app:main]\nuse = egg:myapp\nset debug = false\nget sqlalchemy.url = db\n");
        Map<String, Setting> merged = d.apps().get(0).context().merged();
        assertEquals("false", merged.get("debug").value());
        assertEquals(Setting.Origin.SET, merged.get("debug").origin());
        assertEquals("postgresql://db/app", d.apps().get(0).engines().get(0).url());
    }

    @Test
    void pythonIntAsSqlalchemysAsintReadsIt() {
        assertEquals(10, PythonInt.of(" 10 "));
        assertEquals(-1, PythonInt.of("-1"));
        assertEquals(1000, PythonInt.of("1_000"));
        assertEquals(5, PythonInt.of("\u0665"));
        assertEquals(7, PythonInt.of("\u00a07"));
        for (String bad : new String[] {"", "+", "1_", "_1", "1__0", "1.0", "10 # ten", "ten", "99999999999"}) {
            assertNull(PythonInt.of(bad), bad);
        }
    }
}
