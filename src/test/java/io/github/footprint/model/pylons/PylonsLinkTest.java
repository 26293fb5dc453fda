package io.github.footprint.model.pylons;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.footprint.base.Location;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.ModelBuilder;
import io.github.footprint.model.ModelParameters;
import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.ApacheLayout;
import io.github.footprint.parse.apache.ApacheParser;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.PasteIniReader;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.parse.scripts.ScriptReader;
import io.github.footprint.parse.scripts.python.IniLoad;
import io.github.footprint.rules.Phrases;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link from a {@code WSGIScriptAlias} through its {@code .wsgi} script to the INI file it loads, one tree per loader
 * the Python reader knows: the script runs with {@code __file__} the alias target as written, the path it computes is
 * mapped into the project, and the section it takes picks the app; an unknown path is kept with its reason, never
 * matched to an app.
 */
class PylonsLinkTest {
    @TempDir
    Path dir;

    private int trees;

    /** The vhost of every case: daemon 'app' of 2 processes x 3 threads, the script at /srv/app/app.wsgi. */
    private static final String VHOST = "<VirtualHost *:80>\nWSGIDaemonProcess app processes=2 threads=3\n"
            + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app/app.wsgi\n</VirtualHost>\n";
    private static final String INI = "[app:main]\nuse = egg:myapp\nsqlalchemy.url = postgresql://db/app\n"
            + "sqlalchemy.pool_size = 2\nsqlalchemy.max_overflow = 1\n"
            + "[app:admin]\nuse = egg:admin\nsqlalchemy.url = postgresql://db/admin\n";

    private Deployment build(Map<String, String> pathMappings, String... pathsAndTexts) {
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
        HostPathMapper mapper = new HostPathMapper(sources, pathMappings, layout.root());
        ApacheConfig apache = sources.files(FileKind.APACHE).isEmpty() ? null
                : ApacheParser.parse(sources, mapper, layout.main(),
                        new ApacheParser.Options("2.4", "event", Trees.environment(sources)));
        List<IniDocument> inis = new ArrayList<>();
        for (SourceFile f : sources.files(FileKind.INI)) {
            inis.add(new PasteIniReader().read(f));
        }
        return ModelBuilder.build("default", sources, mapper, apache, inis, scripts, ModelParameters.defaults());
    }

    /** A tree of the vhost, the script at app/app.wsgi and the INI at app/production.ini. */
    private Deployment withScript(String... scriptLines) {
        return build(Map.of(), "apache/app.conf", VHOST, "app/app.wsgi", String.join("\n", scriptLines) + "\n",
                "app/production.ini", INI);
    }

    private static PylonsApp app(Deployment d, String section) {
        return d.apps().stream().filter(a -> a.section().name().equals(section)).findFirst().orElseThrow();
    }

    /** [app:main] linked to daemon 'app' by the given loader, its pool counted for the daemon's 2 processes. */
    private static Loadapp assertMainLinked(Deployment d, IniLoad.Kind kind, String loader) {
        PylonsApp main = app(d, "app:main");
        Loadapp l = main.loadapp();
        assertNotNull(l, () -> "not linked; unresolved " + d.apps().get(0).unresolved());
        assertEquals(kind, l.load().kind());
        assertEquals(loader, l.loader());
        assertEquals("/srv/app/app.wsgi", l.scriptFile());
        assertEquals("/srv/app/production.ini", l.hostPath());
        assertEquals("app/production.ini", l.iniFile());
        assertEquals(HostPathMapper.Rule.UNIQUE_NAME, l.iniMapping());
        assertEquals("main", l.section());
        assertEquals("app", main.servedBy().name());
        Footprint.Pool pool = d.footprint().pools().stream().filter(p -> p.app() == main).findFirst().orElseThrow();
        assertEquals(2, pool.processes());
        assertEquals(6, pool.connections().getAsLong());
        // the section picks the app: [app:admin] is in the same file but no loader takes it
        assertNull(app(d, "app:admin").loadapp());
        return l;
    }

    @Test
    void loadappOfAPathJoinedToTheScriptsFolder() {
        Loadapp l = assertMainLinked(withScript(
                "import os",
                "from paste.deploy import loadapp",
                "here = os.path.dirname(os.path.abspath(__file__))",
                "application = loadapp('config:' + os.path.join(here, 'production.ini'))"),
                IniLoad.Kind.LOADAPP, "paste.deploy.loadapp");
        assertEquals(new Location("app/app.wsgi", 4), l.location());
        String path = Phrases.derivation(l);
        assertTrue(path.startsWith("__file__ = '/srv/app/app.wsgi' (mod_wsgi: the WSGIScriptAlias target as written)"
                + " (line 3) -> os.path.abspath(…) (line 3) -> os.path.dirname(…) (line 3)"), path);
        assertTrue(path.endsWith("-> '/srv/app/production.ini'"), path);
    }

    @Test
    void appconfigWithMakeAppRelativeToTheScript() {
        Loadapp l = assertMainLinked(withScript(
                "import os",
                "from paste.deploy import appconfig",
                "from myapp.config.middleware import make_app",
                "conf = appconfig('config:production.ini', relative_to=os.path.dirname(__file__))",
                "application = make_app(conf.global_conf, **conf.local_conf)"),
                IniLoad.Kind.APPCONFIG, "paste.deploy.appconfig");
        assertEquals(new Location("app/app.wsgi", 5), l.load().makeApp());
    }

    @Test
    void pyramidsGetAppAndGetAppsettings() {
        assertMainLinked(withScript(
                "from pyramid.paster import get_app, setup_logging",
                "ini_path = '/srv/app/production.ini'",
                "setup_logging(ini_path)",
                "application = get_app(ini_path, 'main')"),
                IniLoad.Kind.GET_APP, "pyramid.paster.get_app");
        assertMainLinked(withScript(
                "from pyramid.paster import get_appsettings",
                "from myapp import main",
                "settings = get_appsettings('/srv/app/production.ini')",
                "application = main({}, **settings)"),
                IniLoad.Kind.GET_APPSETTINGS, "pyramid.paster.get_appsettings");
    }

    @Test
    void ckansConfigLoaderAndConfigparser() {
        assertMainLinked(withScript(
                "import os",
                "from ckan.cli import CKANConfigLoader",
                "from ckan.config.middleware import make_app",
                "config_filepath = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'production.ini')",
                "application = make_app(CKANConfigLoader(config_filepath).get_config())"),
                IniLoad.Kind.CKAN_CONFIG_LOADER, "ckan.cli.CKANConfigLoader");
        assertMainLinked(withScript(
                "import configparser",
                "from myapp import main",
                "c = configparser.ConfigParser()",
                "c.read('/srv/app/production.ini')",
                "application = main({}, **dict(c.items('app:main')))"),
                IniLoad.Kind.CONFIGPARSER, "configparser.ConfigParser.read");
    }

    @Test
    void theSectionTheLoaderTakesPicksTheApp() {
        for (String call : new String[] {"loadapp('config:/srv/app/production.ini#admin')",
            "loadapp('config:/srv/app/production.ini', name='admin')"}) {
            Deployment d = withScript("from paste.deploy import loadapp", "application = " + call);
            assertNull(app(d, "app:main").loadapp(), call);
            Loadapp l = app(d, "app:admin").loadapp();
            assertEquals("admin", l.section(), call);
            assertEquals("app", app(d, "app:admin").servedBy().name(), call);
        }
    }

    @Test
    void loggingAloneLinksNothingAndSaysSo() {
        Deployment d = withScript(
                "import logging.config",
                "logging.config.fileConfig('/srv/app/production.ini')",
                "def application(environ, start_response):",
                "    pass");
        PylonsApp main = app(d, "app:main");
        assertNull(main.loadapp());
        assertEquals(List.of(Loadapp.Missing.NO_LOADER), main.unresolved().stream().map(Loadapp::missing)
                .collect(Collectors.toList()));
        assertTrue(Phrases.link(main).endsWith(": WSGIScriptAlias / (apache/app.conf:4) runs /srv/app/app.wsgi [the"
                + " only file of that name in the project], which calls no INI loader footprint knows (loadapp,"
                + " appconfig, get_app, get_appsettings, CKANConfigLoader, ConfigParser.read)"), Phrases.link(main));
    }

    @Test
    void anUnknownPathIsStatedWithItsReasonAndThePoolCountedOnceWithTheAssumption() {
        Deployment d = withScript(
                "import os",
                "from pyramid.paster import get_app",
                "ini = os.environ.get('APP_INI', '/srv/app/production.ini')",
                "application = get_app(ini, 'main')");
        PylonsApp main = app(d, "app:main");
        assertNull(main.loadapp());
        assertNull(main.servedBy());
        Loadapp open = main.unresolved().get(0);
        assertEquals(Loadapp.Missing.PATH_UNKNOWN, open.missing());
        assertNull(open.hostPath());
        assertEquals(new Location("app/app.wsgi", 3), open.derivation().reasonLocation());
        String link = Phrases.link(main);
        assertTrue(link.startsWith("no WSGIScriptAlias of the project leads to a .wsgi script that loads"
                + " app/production.ini: WSGIScriptAlias / (apache/app.conf:4) runs /srv/app/app.wsgi [the only file"
                + " of that name in the project], whose pyramid.paster.get_app (app/app.wsgi:4) opens a path footprint"
                + " cannot compute: "), link);
        assertTrue(link.contains("APP_INI") && link.endsWith("(app/app.wsgi:3)"), link);
        // never guessed: one process, with the assumption stated
        Footprint.Pool pool = d.footprint().pools().get(0);
        assertEquals(1, pool.processes());
        Assumption a = d.footprint().assumptions().stream()
                .filter(x -> x.kind() == Assumption.Kind.POOL_IN_ONE_PROCESS).findFirst().orElseThrow();
        assertTrue(Phrases.assumption(a).contains("opens a path footprint cannot compute"), Phrases.assumption(a));
    }

    @Test
    void aPathOutsideTheProjectOrNoIniFileIsSaidSo() {
        Deployment outside = withScript("from paste.deploy import loadapp",
                "application = loadapp('config:/etc/other/site.ini')");
        Loadapp l = outside.unresolvedLinks().get(0);
        assertEquals(Loadapp.Missing.OUTSIDE, l.missing());
        assertEquals("/etc/other/site.ini", l.hostPath());
        assertTrue(Phrases.unresolved(l).endsWith("opens /etc/other/site.ini, which no rule maps into the project (set"
                + " pathMappings for its folder)"), Phrases.unresolved(l));
        // mapped by pathMappings, the same path reaches the file
        Deployment mapped = build(Map.of("/etc/other", "app"), "apache/app.conf", VHOST, "app/app.wsgi",
                "from paste.deploy import loadapp\napplication = loadapp('config:/etc/other/production.ini')\n",
                "app/production.ini", INI);
        assertEquals(HostPathMapper.Rule.PATH_MAPPINGS, app(mapped, "app:main").loadapp().iniMapping());
        assertEquals("app", app(mapped, "app:main").servedBy().name());
    }

    @Test
    void theScriptRunsAsTheAliasTargetWithoutTrailingSlashes() {
        // the 2009 post's alias: WSGIScriptAlias /site.wsgi/ /apps/myapplication/myapplication.wsgi/
        Deployment d = build(Map.of(), "apache/app.conf", VHOST.replace("WSGIScriptAlias / /srv/app/app.wsgi",
                "WSGIScriptAlias /site.wsgi/ /srv/app/app.wsgi/"), "app/app.wsgi",
                "import os\nfrom paste.deploy import loadapp\n"
                        + "application = loadapp('config:' + os.path.dirname(__file__) + '/production.ini')\n",
                "app/production.ini", INI);
        Loadapp l = app(d, "app:main").loadapp();
        assertEquals("/srv/app/app.wsgi", l.scriptFile());
        assertEquals("/srv/app/production.ini", l.hostPath());
        // WSGIScriptAliasMatch with a substitution: __file__ is not known, nor what depends on it
        Deployment match = build(Map.of(), "apache/app.conf", VHOST.replace("WSGIScriptAlias / /srv/app/app.wsgi",
                "WSGIScriptAliasMatch ^/([a-z]+) /srv/$1/app.wsgi"), "app/app.wsgi",
                "import os\nfrom paste.deploy import loadapp\n"
                        + "application = loadapp('config:' + os.path.dirname(__file__) + '/production.ini')\n",
                "app/production.ini", INI);
        assertNull(app(match, "app:main").loadapp());
        Loadapp open = match.unresolvedLinks().get(0);
        assertNull(open.scriptFile());
        assertEquals(Loadapp.Missing.PATH_UNKNOWN, open.missing());
    }

    @Test
    void aScriptCPythonRefusesLoadsNothing() {
        Deployment d = withScript("from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini'");
        assertNull(app(d, "app:main").loadapp());
        assertEquals(Loadapp.Missing.SCRIPT_REFUSED, d.unresolvedLinks().get(0).missing());
    }
}
