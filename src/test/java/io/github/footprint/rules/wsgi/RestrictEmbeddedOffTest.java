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

class RestrictEmbeddedOffTest {
    private static final String ID = "FP209";

    @TempDir
    Path tree;

    @Test
    void preforkChildrenEachCarryAnUnusedInterpreter() throws Exception {
        write(tree, "apache2.conf",
                "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "MaxRequestWorkers 150",
                "WSGIDaemonProcess app threads=15",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache2.conf", 2), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("All 1 WSGI mount(s) run in daemons, yet WSGIRestrictEmbedded is unset (Off): Python in up to 150"
                + " children costs 874.4 MiB; add WSGIRestrictEmbedded On", f.message());
        assertEquals("Each of up to 150 prefork child processes (MaxRequestWorkers 150) initialises Python though no"
                + " application runs in it: 5.8 MiB RSS per child (measured: 11.2 MiB against 5.4 MiB with"
                + " WSGIRestrictEmbedded On), 150 x 5.8 MiB = 874.4 MiB in all. Write it outside any <VirtualHost>: it"
                + " is one setting for the whole server.", f.detail());
    }

    @Test
    void anExplicitOffIsWhereTheFindingIs() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=15",
                "WSGIRestrictEmbedded On",
                "WSGIRestrictEmbedded Off",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 3), f.location());
        assertEquals("All 1 WSGI mount(s) run in daemons, yet WSGIRestrictEmbedded Off: Python in up to 16 children"
                + " costs 98.6 MiB; add WSGIRestrictEmbedded On", f.message());
        assertTrue(f.detail().startsWith("Each of up to 16 event child processes (MaxRequestWorkers 400 /"
                + " ThreadsPerChild 25)"), f::detail);
    }

    @Test
    void linesHttpdRefusesAreErrorsInHttpdsWords() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "WSGIRestrictEmbedded On",
                "</VirtualHost>",
                "WSGIRestrictEmbedded On Off");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertEquals(Severity.ERROR, fs.get(0).severity());
        assertTrue(Refusal.is(fs.get(0)));
        assertEquals("WSGIRestrictEmbedded On: httpd refuses to start with 'WSGIRestrictEmbedded cannot occur within"
                + " <VirtualHost> section'; write it once at server level", fs.get(0).message());
        assertEquals("It is one setting for the whole server: write it once, outside any <VirtualHost> or section.",
                fs.get(0).detail());
        assertTrue(fs.get(1).message().contains("'WSGIRestrictEmbedded takes one argument, Enable/Disable use of"
                + " embedded mode.'"), fs.get(1)::message);
    }

    @Test
    void quietWhenPythonIsNeededInTheChildrenOrModWsgiIsNotLoaded() throws Exception {
        write(tree, "embedded/apache/app.conf",
                "WSGIDaemonProcess app threads=15",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app",
                "WSGIScriptAlias /old /srv/old/old.wsgi");
        write(tree, "handler/apache/app.conf",
                "WSGIDaemonProcess app threads=15",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app",
                "SetHandler wsgi-script");
        write(tree, "preload/apache/app.conf",
                "WSGIDaemonProcess app threads=15",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app",
                "WSGIImportScript /srv/app/app.wsgi process-group=%{GLOBAL} application-group=%{GLOBAL}");
        write(tree, "nomounts/apache2.conf",
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so");
        write(tree, "notloaded/apache2.conf",
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so",
                "<VirtualHost *:80>",
                "WSGIRestrictEmbedded On",
                "</VirtualHost>");
        for (String c : List.of("embedded", "handler", "preload", "nomounts", "notloaded")) {
            List<Finding> fs = findings(check(tree.resolve(c)), ID);
            assertTrue(fs.isEmpty(), () -> c + ": " + describe(fs));
        }
    }
}
