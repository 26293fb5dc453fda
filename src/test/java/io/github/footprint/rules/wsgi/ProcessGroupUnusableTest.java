package io.github.footprint.rules.wsgi;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Finding;

class ProcessGroupUnusableTest {
    private static final String ID = "FP207";

    @TempDir
    Path tree;

    @Test
    void bothOptionsBeforeTheDefinitionIsARefusalAtTheAlias() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app application-group=%{GLOBAL}",
                "WSGIDaemonProcess app threads=5");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(Refusal.is(f), f::message);
        assertEquals("WSGIScriptAlias process-group=app: httpd refuses to start with 'WSGI process group not yet"
                + " configured.'; define WSGIDaemonProcess app above this line", f.message());
        assertEquals("The line mounts / and gives both process-group=app and application-group=%{GLOBAL}, so mod_wsgi"
                + " checks the group while reading it: WSGIDaemonProcess app is defined at apache/app.conf:2, after"
                + " this line. Put WSGIDaemonProcess app above this line (at server level, outside any <VirtualHost>,"
                + " order is then easy to keep), or select the group with WSGIProcessGroup, which mod_wsgi only checks"
                + " per request.", f.detail());
    }

    @Test
    void aGroupNoLineDefinesIsNotYetConfigured() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=nosuch application-group=%{GLOBAL}");
        Finding f = findings(check(tree), ID).get(0);
        assertTrue(Refusal.is(f), f::message);
        assertEquals("WSGIScriptAlias process-group=nosuch: httpd refuses to start with 'WSGI process group not yet"
                + " configured.'; define WSGIDaemonProcess nosuch above this line", f.message());
        assertTrue(f.detail().contains(", so mod_wsgi checks the group while reading it: no WSGIDaemonProcess nosuch"
                + " is defined anywhere."), f::detail);
    }

    @Test
    void anotherVirtualHostsNameIsNotAccessibleAndAMissingOneNotMatchable() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "ServerName app.example.com",
                "WSGIDaemonProcess app threads=5",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName www.example.com",
                "WSGIScriptAlias / /srv/app.wsgi process-group=app application-group=x",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "WSGIScriptAlias / /srv/app.wsgi process-group=app application-group=x",
                "</VirtualHost>");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(List.of(7, 10), fs.stream().map(f -> f.location().line()).collect(Collectors.toList()),
                () -> describe(fs));
        assertTrue(fs.get(0).message().contains("httpd refuses to start with 'WSGI process group not accessible.';"
                + " define WSGIDaemonProcess app outside any <VirtualHost>"), fs.get(0)::message);
        assertTrue(fs.get(0).detail().contains(": the group is defined in <VirtualHost *:80> (apache/app.conf:1) named"
                + " app.example.com, and this line is in <VirtualHost *:80> (apache/app.conf:5) named www.example.com"),
                fs.get(0)::detail);
        assertTrue(fs.get(1).message().contains("'WSGI process group not matchable.'"), fs.get(1)::message);
        assertTrue(fs.get(1).detail().contains("this line is in <VirtualHost *:80> (apache/app.conf:9) with no"
                + " ServerName before this line"), fs.get(1)::detail);
    }

    @Test
    void anUndefinedGroupFailsPerRequestAndTheMessageSuggestsTheCaseVariant() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess blog threads=5",
                "<VirtualHost *:80>",
                "ServerName blog.example.com",
                "WSGIProcessGroup Blog",
                "WSGIScriptAlias / /srv/blog/blog.wsgi",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 4), f.location());
        assertFalse(Refusal.is(f), f::message);
        assertEquals("WSGIProcessGroup Blog names no WSGIDaemonProcess, so its requests get HTTP 500; names are"
                + " case-sensitive: did you mean 'blog'?", f.message());
        assertEquals("httpd starts (apache2 -t says Syntax OK), then answers every request to WSGIScriptAlias /"
                + " (apache/app.conf:5) with HTTP 500 and logs 'No WSGI daemon process called 'Blog' has been"
                + " configured'. Names are case-sensitive: did you mean 'blog' (apache/app.conf:1)?", f.detail());
    }

    @Test
    void aLoneProcessGroupOptionIsReportedAtTheAliasOnce() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIScriptAlias / /srv/app.wsgi process-group=app",
                "WSGIScriptAlias /x /srv/x.wsgi process-group=app");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertTrue(fs.get(0).detail().endsWith("Define it, such as WSGIDaemonProcess app processes=1 threads=15"
                + " maximum-requests=500, at server level outside any <VirtualHost>."), fs.get(0)::detail);
    }

    @Test
    void aGroupOfAnotherServerNameAnswersHttp500FromThatServer() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "ServerName app.example.com",
                "WSGIDaemonProcess app threads=5",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName www.example.com",
                "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app.wsgi",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 7), f.location());
        assertFalse(Refusal.is(f), f::message);
        assertEquals("WSGIProcessGroup app is another virtual host's group: requests through 1 server(s) get HTTP 500;"
                + " define the group at server level, outside any <VirtualHost>", f.message());
        assertEquals("It selects the group for WSGIScriptAlias / at apache/app.conf:8. WSGIDaemonProcess app"
                + " (apache/app.conf:3) is defined in <VirtualHost *:80> (apache/app.conf:1) named app.example.com,"
                + " and mod_wsgi lets a virtual host's group serve only requests of servers with the same"
                + " ServerName: requests through <VirtualHost *:80> (apache/app.conf:5) named www.example.com get"
                + " HTTP 500 ('Daemon process called 'app' cannot be accessed by this WSGI application'). Define"
                + " the group at server level to share it, or give each server its own group.", f.detail());
    }

    @Test
    void importScriptsNeedBothOptionsAndTakeNoSubstitution() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess jobs threads=0",
                "WSGIImportScript /srv/w.py process-group=jobs",
                "WSGIImportScript /srv/w.py process-group=%{ENV:G} application-group=%{GLOBAL}",
                "WSGIImportScript /srv/w.py process-group=jobs application-group=%{GLOBAL}");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertTrue(fs.get(0).message().contains("'Name of WSGI application group required.'"), fs.get(0)::message);
        assertTrue(fs.get(1).detail().endsWith("WSGIImportScript takes the group name as written, with no"
                + " substitution: name a WSGIDaemonProcess defined above this line."), fs.get(1)::detail);
    }

    @Test
    void substitutionsGlobalAndServerLevelGroupsAreFine() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=5",
                "<VirtualHost *:80>",
                "ServerName a.example.com",
                "WSGIProcessGroup %{ENV:GROUP}",
                "WSGIScriptAlias / /srv/app.wsgi",
                "WSGIScriptAlias /b /srv/app.wsgi process-group=app application-group=%{GLOBAL}",
                "WSGIScriptAlias /c /srv/app.wsgi process-group=%{GLOBAL} application-group=%{GLOBAL}",
                "WSGIScriptAlias /d /srv/app.wsgi process-group=%{RESOURCE} application-group=x",
                "</VirtualHost>");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void anUnresolvedPlaceholderIsFp002sNotAGroupName() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=5",
                "WSGIProcessGroup @missing.group@",
                "WSGIScriptAlias / /srv/app.wsgi",
                "WSGIScriptAlias /x /srv/x.wsgi process-group=@other.group@ application-group=%{GLOBAL}");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
        assertEquals(2, findings(check(tree), "FP002").size());
    }
}
