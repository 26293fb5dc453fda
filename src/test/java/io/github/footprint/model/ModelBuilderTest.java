package io.github.footprint.model;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.SqlEngine;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.ApacheLayout;
import io.github.footprint.parse.apache.ApacheParser;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.PasteIniReader;
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

/** The model stage over small trees read as CheckEngine reads them. */
class ModelBuilderTest {
    @TempDir
    Path dir;

    /** source, parse (scripts, Apache, INI), model: CheckEngine's order, default parameters. */
    private Deployment build(String... pathsAndTexts) {
        Trees.write(dir, files(pathsAndTexts));
        SourceSet sources = Trees.load(dir);
        List<ScriptFacts> scripts = new ArrayList<>();
        for (SourceFile f : sources.files()) {
            if ((f.kind() == FileKind.SHELL || f.kind() == FileKind.SYSTEMD || f.kind() == FileKind.PYTHON)
                    && f.parseable()) {
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
        return ModelBuilder.build("default", sources, mapper, apache, inis, scripts, ModelParameters.defaults());
    }

    @Test
    void definedNamesAreTheVariablesThatResolve() {
        Deployment d = build("apache2.conf", "Define WITH value\nDefine WITHOUT\n", "envvars",
                "export APACHE_LOG_DIR=/var/log/apache2\n");
        assertTrue(d.definedNames().contains("WITH"));
        assertTrue(d.definedNames().contains("APACHE_LOG_DIR"));
        // httpd: AH00111 'Config variable ${WITHOUT} is not defined'
        assertFalse(d.definedNames().contains("WITHOUT"));
        assertEquals(List.of("WITH", "WITHOUT"), List.copyOf(d.apache().orElseThrow().defines().keySet()));
    }

    private static final String WSGI = "import os\nfrom paste.deploy import loadapp\n"
            + "application = loadapp('config:/srv/app/production.ini')\n";
    private static final String INI = "[app:main]\nuse = egg:app\nsqlalchemy.url = postgresql://db/app\n"
            + "sqlalchemy.pool_size = 3\n[server:main]\nuse = egg:waitress#main\n";

    private static String groupOf(Deployment d) {
        Mount m = d.mounts().get(0);
        return m.processGroup();
    }

    @Test
    void processGroupOptionOnTheAliasLinksTheAppToItsDaemon() {
        Deployment d = build("apache/app.conf", "<VirtualHost *:80>\nServerName app.example.org\n"
                + "WSGIDaemonProcess app processes=2 threads=4\n"
                + "WSGIScriptAlias / /srv/app/app.wsgi process-group=app application-group=%{GLOBAL}\n</VirtualHost>\n",
                "srv/app.wsgi", WSGI, "srv/production.ini", INI);
        assertEquals(1, d.daemons().size());
        DaemonGroup g = d.daemons().get(0);
        assertEquals("app.example.org", g.serverName());
        assertEquals("apache/app.conf", g.location().file());
        assertEquals(3, g.location().line());
        assertEquals("app", groupOf(d));
        assertEquals("app.example.org", d.mounts().get(0).serverName());
        PylonsApp app = d.apps().get(0);
        assertEquals("app:main", app.section().name());
        assertTrue(app.servedBy() == g, Phrases.link(app));
        assertEquals("WSGIScriptAlias / (apache/app.conf:4) runs /srv/app/app.wsgi [the only file of that name in the"
                + " project], whose paste.deploy.loadapp (srv/app.wsgi:3) opens /srv/app/production.ini [the only file"
                + " of that name in the project], section main in daemon group 'app' (apache/app.conf:3)",
                Phrases.link(app));
        assertEquals(1, app.engines().size());
        assertEquals(3, app.engines().get(0).poolSize());
        assertEquals(SqlEngine.DEFAULT_MAX_OVERFLOW, app.engines().get(0).maxOverflow());
    }

    @Test
    void wsgiProcessGroupInTheVirtualHost() {
        Deployment d = build("app.conf", "WSGIProcessGroup server\n<VirtualHost *:80>\nWSGIDaemonProcess app\n"
                + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app/app.wsgi\n</VirtualHost>\n", "app.wsgi", WSGI,
                "production.ini", INI);
        assertEquals("app", groupOf(d));
        assertEquals("app", d.apps().get(0).servedBy().name());
    }

    @Test
    void wsgiProcessGroupInADirectoryThatHoldsTheScript() {
        Deployment d = build("app.conf", "<VirtualHost *:80>\nWSGIDaemonProcess app\nWSGIDaemonProcess other\n"
                + "WSGIProcessGroup other\nWSGIScriptAlias / /srv/app/app.wsgi\n<Directory /srv/app>\n"
                + "WSGIProcessGroup app\n</Directory>\n<Directory /srv/elsewhere>\nWSGIProcessGroup other\n"
                + "</Directory>\n</VirtualHost>\n", "app.wsgi", WSGI, "production.ini", INI);
        assertEquals("app", groupOf(d));
    }

    @Test
    void wsgiProcessGroupAtServerLevel() {
        Deployment d = build("app.conf", "WSGIDaemonProcess app\nWSGIProcessGroup app\n<VirtualHost *:80>\n"
                + "WSGIScriptAlias / /srv/app/app.wsgi\n</VirtualHost>\n", "app.wsgi", WSGI, "production.ini", INI);
        assertEquals("app", groupOf(d));
        assertEquals(null, d.daemons().get(0).serverName());
    }

    @Test
    void wsgiProcessGroupInAServerLevelDirectoryAppliesToEveryVirtualHost() {
        // httpd merges the main server's <Directory> sections into every virtual host (core's sec_dir)
        Deployment d = build("app.conf", "WSGIDaemonProcess app\n<Directory /srv/app>\nWSGIProcessGroup app\n"
                + "</Directory>\n<VirtualHost *:80>\nWSGIScriptAlias / /srv/app/app.wsgi\n</VirtualHost>\n",
                "app.wsgi", WSGI, "production.ini", INI);
        assertEquals("app", groupOf(d));
        assertEquals("app", d.apps().get(0).servedBy().name());
        // a section of the virtual host itself comes after the main server's and wins
        Deployment own = build("app.conf", "WSGIDaemonProcess app\nWSGIDaemonProcess mine\n<Directory /srv/app>\n"
                + "WSGIProcessGroup app\n</Directory>\n<VirtualHost *:80>\n<Directory /srv/app>\n"
                + "WSGIProcessGroup mine\n</Directory>\nWSGIScriptAlias / /srv/app/app.wsgi\n</VirtualHost>\n");
        assertEquals("mine", groupOf(own));
    }

    @Test
    void globalProcessGroupMeansEmbedded() {
        Deployment d = build("app.conf", "WSGIDaemonProcess app\n<VirtualHost *:80>\nWSGIProcessGroup %{GLOBAL}\n"
                + "WSGIScriptAlias / /srv/app/app.wsgi\n</VirtualHost>\n", "app.wsgi", WSGI, "production.ini", INI);
        assertEquals(null, groupOf(d));
        assertEquals(null, d.apps().get(0).servedBy());
        assertTrue(Phrases.link(d.apps().get(0)).endsWith("; it runs embedded in the Apache children, in no daemon group"),
                Phrases.link(d.apps().get(0)));
        Deployment none = build("app.conf", "WSGIScriptAlias / /srv/app/app.wsgi\n");
        assertEquals(null, groupOf(none));
    }

    @Test
    void anUndefinedProcessGroupIsSaid() {
        Deployment d = build("app.conf", "WSGIScriptAlias / /srv/app/app.wsgi process-group=nope\n", "app.wsgi", WSGI,
                "production.ini", INI);
        assertEquals(null, d.apps().get(0).servedBy());
        assertTrue(Phrases.link(d.apps().get(0)).endsWith("; its process group 'nope' is not defined"), Phrases.link(d.apps().get(0)));
    }

    @Test
    void relativeConfigPathsAndSectionNames() {
        Deployment d = build("app.conf", "WSGIDaemonProcess app\n"
                + "WSGIScriptAlias /x /srv/app/app.wsgi process-group=app\n", "app/app.wsgi",
                "import os\nfrom paste.deploy import loadapp\n"
                        + "application = loadapp(\"config:production.ini#blog\", relative_to=os.path.dirname(__file__))\n",
                "app/production.ini", "[app:main]\nuse = egg:main\n[app:blog]\nuse = egg:blog\n");
        assertEquals(2, d.apps().size());
        PylonsApp main = d.apps().get(0);
        PylonsApp blog = d.apps().get(1);
        assertEquals("blog", blog.section().shortName());
        assertEquals("app", blog.servedBy().name());
        assertEquals(null, main.servedBy());
        assertEquals("no WSGIScriptAlias of the project leads to a .wsgi script that loads app/production.ini",
                Phrases.link(main));
    }

    @Test
    void aMountsUrlAndScriptAreItsFirstTwoArguments() {
        Deployment d = build("app.conf", "<VirtualHost *:80>\nWSGIScriptAliasMatch ^/api(.*) /srv/api.wsgi\n"
                + "WSGIScriptAlias /b /srv/b.wsgi\n</VirtualHost>\nWSGIScriptAlias /c\n");
        assertEquals(List.of("^/api(.*) /srv/api.wsgi", "/b /srv/b.wsgi"),
                d.mounts().stream().map(m -> m.url() + " " + m.script()).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void onlySectionsPasteDeployFindsAreApps() {
        Deployment d = build("production.ini", "[app:main]\nuse = egg:a\n[ app:other ]\nuse = egg:b\n"
                + "[application:blog]\nuse = egg:c\n[server:main]\nuse = egg:waitress#main\n[app]\nuse = egg:d\n");
        assertEquals(List.of("app:main", "application:blog", "app"),
                d.apps().stream().map(a -> a.section().name()).collect(java.util.stream.Collectors.toList()));
    }
}
