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

class EmbeddedModeTest {
    private static final String ID = "FP208";

    @TempDir
    Path tree;

    @Test
    void underPreforkEveryChildCarriesACopy() throws Exception {
        write(tree, "apache2.conf",
                "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "MaxRequestWorkers 150",
                "WSGIDaemonProcess app threads=15",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache2.conf", 5), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIScriptAlias / runs embedded in up to 150 prefork children, at least 1.1 GiB for the"
                + " interpreters alone; run it in daemon 'app' (process-group=app)", f.message());
        assertEquals("WSGIScriptAlias / /srv/app/app.wsgi runs embedded: no WSGIProcessGroup or process-group= selects"
                + " a daemon group. Each of up to 150 prefork children (MaxRequestWorkers 150) loads its own Python"
                + " interpreter and copy of the application: at least 150 x 7.3 MiB = 1.1 GiB for the interpreters"
                + " alone (measured per child), plus the application in each (appRss 40 MiB), and maximum-requests"
                + " cannot recycle them. WSGIDaemonProcess app (apache2.conf:4) is defined: run it there with"
                + " process-group=app on this line or WSGIProcessGroup app.", f.detail());
    }

    @Test
    void underEventOneCopyPerChildProcessIsAWarning() throws Exception {
        write(tree, "apache2.conf",
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "ThreadsPerChild 25",
                "MaxRequestWorkers 150",
                "<VirtualHost *:80>",
                "WSGIProcessGroup %{GLOBAL}",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("WSGIScriptAlias / runs embedded in up to 6 event children, at least 45.7 MiB for the interpreters"
                + " alone; run it in a WSGIDaemonProcess (process-group=)", f.message());
        assertTrue(f.detail().startsWith("WSGIScriptAlias / /srv/app/app.wsgi runs embedded: WSGIProcessGroup %{GLOBAL}"
                + " (apache2.conf:6) selects the Apache children. Each of up to 6 event child processes"
                + " (MaxRequestWorkers 150 / ThreadsPerChild 25; the threads of a child share its copy and one"
                + " interpreter lock) loads its own Python interpreter and copy of the application: at least 6 x 7.6 MiB"
                + " = 45.7 MiB for the interpreters alone"), f::detail);
        assertTrue(f.detail().endsWith("Run it in a daemon group: WSGIDaemonProcess app processes=1 threads=15"
                + " maximum-requests=500 at server level, and process-group=app on this line or WSGIProcessGroup app."),
                f::detail);
    }

    @Test
    void withEmbeddedModeRestrictedTheMountAnswersHttp500() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIRestrictEmbedded On",
                "WSGIScriptAlias / /srv/app/app.wsgi");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIScriptAlias / runs embedded, but WSGIRestrictEmbedded On turns that off (HTTP 500 for every"
                + " request); run it in a WSGIDaemonProcess (process-group=)", f.message());
        assertTrue(f.detail().contains(" WSGIRestrictEmbedded On (apache/app.conf:1) turns embedded mode off: every"
                + " request to it gets HTTP 500 ('Embedded mode of mod_wsgi disabled by runtime configuration')"),
                f::detail);
    }

    @Test
    void aGroupOfAnotherServerNameIsNotSuggested() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "ServerName a.example.com",
                "WSGIDaemonProcess a threads=5",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "ServerName b.example.com",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertTrue(f.detail().endsWith("Run it in a daemon group: WSGIDaemonProcess app processes=1 threads=15"
                + " maximum-requests=500 at server level, and process-group=app on this line or WSGIProcessGroup app."),
                f::detail);
        assertTrue(f.message().endsWith("; run it in a WSGIDaemonProcess (process-group=)"), f::message);
    }

    @Test
    void daemonModeAndGroupsChosenPerRequestAreNotReported() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=5",
                "<Directory /srv/app>",
                "WSGIProcessGroup app",
                "</Directory>",
                "WSGIScriptAlias / /srv/app/app.wsgi",
                "WSGIScriptAlias /e /srv/e/e.wsgi process-group=%{ENV:G}");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
