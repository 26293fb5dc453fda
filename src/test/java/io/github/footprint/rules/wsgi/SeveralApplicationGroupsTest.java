package io.github.footprint.rules.wsgi;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class SeveralApplicationGroupsTest {
    private static final String ID = "FP213";

    @TempDir
    Path tree;

    @Test
    void oneScriptUnderTwoHostNamesIsTwoInterpretersPerProcess() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app processes=2 threads=15",
                "WSGIProcessGroup app",
                "<VirtualHost *:80>",
                "ServerName example.com",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName www.example.com",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("WSGIDaemonProcess app loads 2 application groups, 2 interpreters per process;"
                + " WSGIApplicationGroup %{GLOBAL} saves 2 interpreter copies", f.message());
        assertEquals("The groups: 'example.com|' for WSGIScriptAlias / (apache/app.conf:5); 'www.example.com|' for"
                + " WSGIScriptAlias / (apache/app.conf:9). Each of its 2 process(es) holds 2 Python interpreters, each"
                + " importing the application's modules again (appRss 40 MiB each). They all load /srv/app/app.wsgi:"
                + " one group (WSGIApplicationGroup %{GLOBAL}, or the same application-group=) serves them all.",
                f.detail());
    }

    @Test
    void groupsWorkedOutPerRequestAreListedNotCounted() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=15",
                "<VirtualHost *:80>",
                "ServerName a.example.com",
                "WSGIProcessGroup app",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "WSGIScriptAlias /admin /srv/admin/admin.wsgi",
                "WSGIScriptAliasMatch ^/(\\w+)/ /srv/sites/$1.wsgi",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertTrue(f.detail().contains("'a.example.com|/admin' for WSGIScriptAlias /admin (apache/app.conf:6), and more"
                + " per request from WSGIScriptAliasMatch ^/(\\w+)/ (apache/app.conf:7) under %{RESOURCE} (the default)"
                + " (one per URL the pattern matches)."), f::detail);
        assertTrue(f.message().endsWith("; keep one application's scripts in one group (%{GLOBAL})"), f::message);
        assertTrue(f.detail().endsWith(" Scripts of one application belong in one group; different applications need"
                + " their own, and this is what hosting them together costs."), f::detail);
    }

    @Test
    void portsEightyAndFourFortyThreeShareAGroupAndGlobalIsOne() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=15",
                "WSGIDaemonProcess other threads=15",
                "<VirtualHost *:80>",
                "ServerName a.example.com",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app",
                "</VirtualHost>",
                "<VirtualHost *:443>",
                "ServerName a.example.com",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app",
                "</VirtualHost>",
                "WSGIApplicationGroup %{GLOBAL}",
                "WSGIScriptAlias /x /srv/x.wsgi process-group=other",
                "WSGIScriptAlias /y /srv/y.wsgi process-group=other");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
