package io.github.footprint.model.wsgi;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.model.Deployment;

/**
 * mod_wsgi's routing as {@link ModWsgi} reads it. The group choices, application group names and refusals
 * asserted here were checked against Debian's apache2 2.4 + mod_wsgi 4.9.4: the refusals with {@code apache2 -t}
 * (also in oracle/WsgiMountsOracleTest), the choices by starting httpd and asking an application for
 * {@code mod_wsgi.process_group} and {@code mod_wsgi.application_group} (the values in the comments).
 */
class ModWsgiTest {
    @TempDir
    Path tree;

    private Deployment deployment(String... lines) throws Exception {
        write(tree, "apache/app.conf", lines);
        return check(tree).environments().get(0).deployment();
    }

    private ModWsgi wsgi(String... lines) throws Exception {
        return deployment(lines).modWsgi();
    }

    private static Mount mount(ModWsgi w, int line) {
        return w.mounts().stream().filter(m -> m.location().line() == line).findFirst().orElseThrow();
    }

    @Test
    void perDirectorySettingsWinInHttpdsMergeOrder() throws Exception {
        ModWsgi w = wsgi(
                "WSGIDaemonProcess a threads=1",
                "WSGIDaemonProcess b threads=1",
                "WSGIDaemonProcess c threads=1",
                "<Directory /srv/app>",
                "WSGIProcessGroup a",
                "</Directory>",
                "<VirtualHost *:80>",
                "ServerName a.example.com",
                "WSGIProcessGroup b",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName b.example.com",
                "<Location />",
                "WSGIProcessGroup b",
                "</Location>",
                "<Directory /srv/app>",
                "WSGIProcessGroup c",
                "</Directory>",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "WSGIApplicationGroup %{GLOBAL}",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName c.example.com",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=c application-group=%{SERVER}",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName d.example.com",
                "<Directory /srv/app>",
                "WSGIProcessGroup b",
                "</Directory>",
                "<Directory /srv>",
                "WSGIProcessGroup c",
                "</Directory>",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>");
        // httpd: pg='a' ag='a.example.com|': the main server's <Directory> beats the virtual host's own line
        Mount a = mount(w, 10);
        assertEquals("a", a.processGroup());
        assertEquals(GroupSelection.Source.DIRECTIVE, a.processGroupSelection().source());
        assertEquals(new Location("apache/app.conf", 5), a.processGroupSelection().location());
        assertEquals("a.example.com|", a.applicationGroup().key());
        // httpd: pg='b' ag='': <Location> comes after <Directory>
        Mount b = mount(w, 20);
        assertEquals("b", b.processGroup());
        assertEquals("", b.applicationGroup().key());
        assertEquals(ApplicationGroup.Kind.GLOBAL, b.applicationGroup().kind());
        // httpd: pg='c' ag='c.example.com': the alias's own options
        Mount c = mount(w, 25);
        assertEquals(GroupSelection.Source.OPTION, c.processGroupSelection().source());
        assertEquals("c", c.processGroup());
        assertEquals("c.example.com", c.applicationGroup().key());
        // a substitution in application-group= means no preloading and no check while reading
        assertFalse(c.preloaded());
        // httpd: pg='b' ag='d.example.com|': the deeper <Directory> wins whatever the order
        Mount d = mount(w, 35);
        assertEquals("b", d.processGroup());
        assertEquals("d.example.com|", d.applicationGroup().key());
        for (Mount m : w.mounts()) {
            assertSame(m.daemon(), m.processGroupSelection().daemon());
            assertEquals(m.processGroup(), m.daemon().name());
            assertTrue(m.unreachableFrom().isEmpty(), m::toString);
            assertNull(m.refusal(), m::toString);
        }
    }

    @Test
    void resourceNamesCarryHostPortAndLowerCaseScriptName() throws Exception {
        ModWsgi w = wsgi(
                "<VirtualHost *:8080>",
                "ServerName a.example.com",
                "WSGIScriptAlias /Blog/ /srv/blog.wsgi",
                "WSGIScriptAliasMatch ^/(\\w+) /srv/$1.wsgi",
                "</VirtualHost>",
                "<VirtualHost *:443>",
                "ServerName https://a.example.com:443",
                "WSGIScriptAlias / /srv/app.wsgi",
                "</VirtualHost>",
                "WSGIScriptAlias /x /srv/x.wsgi");
        // httpd with "Host: a.example.com:18812" gave 'a.example.com:18812|'; /Sub gave '...|/sub'
        assertEquals("a.example.com:8080|/blog", mount(w, 3).applicationGroup().key());
        assertNull(mount(w, 4).applicationGroup().key(), "one group per matched SCRIPT_NAME");
        assertEquals("a.example.com|", mount(w, 8).applicationGroup().key());
        // a vhost-only project: the main server's name is not in the files
        assertNull(mount(w, 10).applicationGroup().key());
        assertTrue(mount(w, 10).embedded());
        assertEquals(null, mount(w, 10).processGroup());
    }

    @Test
    void substitutionsAreUnknownAndGlobalIsEmbedded() throws Exception {
        ModWsgi w = wsgi(
                "WSGIDaemonProcess app",
                "WSGIScriptAlias /a /srv/a.wsgi process-group=%{ENV:GROUP}",
                "WSGIScriptAlias /b /srv/b.wsgi process-group=%{GLOBAL}",
                "WSGIScriptAlias /c /srv/c.wsgi process-group=%{FOO}",
                "WSGIScriptAlias /d /srv/d.wsgi process-group=%{SERVER} application-group=%{ENV:APP}");
        assertEquals(GroupSelection.Mode.UNKNOWN, mount(w, 2).processGroupSelection().mode());
        assertEquals("%{ENV:GROUP}", mount(w, 2).processGroup());
        assertNull(mount(w, 2).daemon());
        assertTrue(mount(w, 3).embedded());
        // mod_wsgi takes a %-value it does not know as a name
        assertEquals(GroupSelection.Mode.DAEMON, mount(w, 4).processGroupSelection().mode());
        assertNull(mount(w, 4).daemon());
        assertEquals(GroupSelection.Mode.UNKNOWN, mount(w, 5).processGroupSelection().mode());
        assertEquals(ApplicationGroup.Kind.ENV, mount(w, 5).applicationGroup().kind());
        assertFalse(mount(w, 5).preloaded());
    }

    @Test
    void bothOptionsMakeHttpdCheckTheGroupAtThatLine() throws Exception {
        ModWsgi w = wsgi(
                "WSGIScriptAlias /early /srv/a.wsgi process-group=app application-group=%{GLOBAL}",
                "WSGIScriptAlias /only /srv/a.wsgi process-group=app",
                "WSGIDaemonProcess app",
                "WSGIScriptAlias /late /srv/a.wsgi process-group=app application-group=%{GLOBAL}",
                "WSGIScriptAlias /none /srv/a.wsgi process-group=nosuch application-group=x",
                "<VirtualHost *:80>",
                "ServerName a.example.com",
                "WSGIDaemonProcess inA",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName b.example.com",
                "WSGIScriptAlias / /srv/a.wsgi process-group=inA application-group=x",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "WSGIScriptAlias / /srv/a.wsgi process-group=inA application-group=x",
                "ServerName a.example.com",
                "</VirtualHost>",
                "<VirtualHost *:443>",
                "ServerName a.example.com:443",
                "WSGIScriptAlias / /srv/a.wsgi process-group=inA application-group=x",
                "</VirtualHost>",
                "WSGIScriptAliasMatch ^/(\\w+) /srv/$1.wsgi process-group=nosuch application-group=x",
                "WSGIScriptAliasMatch ^/(\\w+) /srv/one.wsgi process-group=nosuch application-group=x");
        assertEquals("WSGI process group not yet configured.", mount(w, 1).refusal().message());
        // WSGIDaemonProcess app is defined at apache/app.conf:3, after this line
        assertEquals(GroupRefusal.Kind.NOT_YET_CONFIGURED, mount(w, 1).refusal().kind());
        assertEquals("apache/app.conf:3", mount(w, 1).refusal().definedLater().location().toString());
        assertNull(mount(w, 2).refusal(), "one option alone is only checked per request");
        assertNull(mount(w, 4).refusal());
        // no WSGIDaemonProcess nosuch is defined anywhere
        assertEquals("nosuch", mount(w, 5).refusal().group());
        assertNull(mount(w, 5).refusal().definedLater());
        assertEquals("WSGI process group not accessible.", mount(w, 12).refusal().message());
        // ServerName after the alias: at that line the virtual host has none yet
        assertEquals("WSGI process group not matchable.", mount(w, 15).refusal().message());
        // same host, another port: accepted
        assertNull(mount(w, 20).refusal());
        // a '$' in the script of a WSGIScriptAliasMatch: neither preloaded nor checked (apache2 -t: Syntax OK)
        assertFalse(mount(w, 22).preloaded());
        assertNull(mount(w, 22).refusal());
        assertEquals("WSGI process group not yet configured.", mount(w, 23).refusal().message());
    }

    @Test
    void importScriptsNeedBothGroupsAndAnEarlierDaemon() throws Exception {
        ModWsgi w = wsgi(
                "WSGIImportScript /srv/a.wsgi process-group=svc application-group=%{GLOBAL}",
                "WSGIDaemonProcess svc threads=0",
                "WSGIImportScript /srv/a.wsgi process-group=svc application-group=%{GLOBAL}",
                "WSGIImportScript /srv/a.wsgi process-group=svc",
                "WSGIImportScript /srv/a.wsgi application-group=x",
                "WSGIImportScript /srv/a.wsgi process-group=%{ENV:X} application-group=x",
                "WSGIImportScript /srv/a.wsgi process-group=%{GLOBAL} application-group=%{GLOBAL}");
        List<String> refusals = w.imports().stream().map(ImportScript::refusalMessage).collect(Collectors.toList());
        assertEquals(java.util.Arrays.asList("WSGI process group not yet configured.", null,
                "Name of WSGI application group required.", "Name of WSGI process group required.",
                "WSGI process group not yet configured.", null), refusals);
        assertEquals("svc", w.imports().get(1).processGroup().daemon().name());
        assertTrue(w.imports().get(5).processGroup().mode() == GroupSelection.Mode.EMBEDDED);
    }

    @Test
    void requestsOfAnotherServerNameCannotUseAVirtualHostsGroup() throws Exception {
        ModWsgi w = wsgi(
                "ServerName main.example.com",
                "<VirtualHost *:80>",
                "ServerName a.example.com",
                "WSGIDaemonProcess app threads=2",
                "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app.wsgi",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName b.example.com",
                "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app.wsgi",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "WSGIScriptAlias / /srv/app.wsgi process-group=app",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName a.example.com:8080",
                "WSGIScriptAlias / /srv/app.wsgi process-group=app",
                "</VirtualHost>",
                "WSGIScriptAlias /sub /srv/app.wsgi process-group=app");
        assertTrue(mount(w, 6).unreachableFrom().isEmpty());
        // httpd: 'Daemon process called 'app' cannot be accessed by this WSGI application', HTTP 500
        assertEquals(List.of("b.example.com"), names(mount(w, 11).unreachableFrom()));
        // no ServerName: the main server's, main.example.com
        assertEquals(1, mount(w, 14).unreachableFrom().size());
        assertEquals("main.example.com", mount(w, 14).unreachableFrom().get(0).effectiveName());
        assertTrue(mount(w, 18).unreachableFrom().isEmpty());
        // a main-server alias serves every virtual host: reachable only from those named a.example.com
        assertEquals(java.util.Arrays.asList("main.example.com", "b.example.com", null),
                mount(w, 20).unreachableFrom().stream().map(ServerScope::serverName).collect(Collectors.toList()));
    }

    private static List<String> names(List<ServerScope> servers) {
        return servers.stream().map(ServerScope::effectiveName).collect(Collectors.toList());
    }

    @Test
    void restrictEmbeddedIsTakenAtServerLevelOnly() throws Exception {
        ModWsgi w = wsgi(
                "WSGIRestrictEmbedded on",
                "<VirtualHost *:80>",
                "WSGIRestrictEmbedded Off",
                "</VirtualHost>",
                "<Directory /srv>",
                "WSGIRestrictEmbedded Off",
                "</Directory>",
                "WSGIRestrictEmbedded yes");
        assertEquals(java.util.Arrays.asList(null, "WSGIRestrictEmbedded cannot occur within <VirtualHost> section",
                "WSGIRestrictEmbedded not allowed in <Directory> context", "WSGIRestrictEmbedded must be one of: Off | On"),
                w.restrictEmbedded().stream().map(RestrictEmbedded::problem).collect(Collectors.toList()));
        assertTrue(w.embeddedRestricted());
        assertEquals(1, w.effectiveRestrictEmbedded().orElseThrow().location().line());
    }

    @Test
    void loadedIsKnownOnlyWithAMainFile() throws Exception {
        Path full = tree.resolve("full");
        write(full, "apache2/apache2.conf",
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so");
        ModWsgi loaded = check(full).environments().get(0).deployment().modWsgi();
        assertEquals(Boolean.TRUE, loaded.loaded());
        assertEquals(new Location("apache2/apache2.conf", 2), loaded.loadModule());
        assertTrue(loaded.active());
        assertFalse(loaded.used());
        write(tree.resolve("vhost"), "apache/app.conf", "WSGIDaemonProcess app");
        ModWsgi vhostOnly = check(tree.resolve("vhost")).environments().get(0).deployment().modWsgi();
        assertNull(vhostOnly.loaded());
        assertTrue(vhostOnly.used());
        assertTrue(vhostOnly.active());
    }
}
