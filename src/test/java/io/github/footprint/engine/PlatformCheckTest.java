package io.github.footprint.engine;

import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Platform;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;

/**
 * A project without an httpd main file, read inside its platform's stock tree: the MPM values, envvars variables and
 * modules come from the distribution, the project's files override them, the output says which server it was, and
 * nothing of the stock files is reported as the user's.
 */
class PlatformCheckTest {
    @TempDir
    Path tree;

    private void vhost(String path, String... extra) throws Exception {
        String[] lines = new String[6 + extra.length];
        lines[0] = "<VirtualHost *:80>";
        lines[1] = "    ServerName app.example.com";
        System.arraycopy(extra, 0, lines, 2, extra.length);
        lines[2 + extra.length] = "    WSGIDaemonProcess app processes=2 threads=15 maximum-requests=500";
        lines[3 + extra.length] = "    WSGIProcessGroup app";
        lines[4 + extra.length] = "    WSGIScriptAlias / /srv/app/app.wsgi";
        lines[5 + extra.length] = "</VirtualHost>";
        write(tree, path, lines);
    }

    private static Deployment deployment(CheckResult r) {
        return r.environments().get(0).deployment();
    }

    @Test
    void debiansStockServerAroundAVhost() throws Exception {
        vhost("apache2/sites-enabled/app.conf", "    ErrorLog ${APACHE_LOG_DIR}/app-error.log");
        CheckResult r = run(request(tree));
        Deployment d = deployment(r);
        assertEquals(Platform.DEBIAN, d.parameters().platform().platform());
        Mpm mpm = d.mpm();
        assertEquals(Mpm.Kind.EVENT, mpm.kind());
        assertFalse(mpm.assumed());
        assertEquals(150, mpm.effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(6, mpm.maxChildren());
        // the values' place is the stock file's, never a project path
        assertEquals("platform:debian/mods-available/mpm_event.conf:13",
                mpm.value(MpmDirective.MAX_REQUEST_WORKERS).orElseThrow().location().toString());
        assertTrue(mpm.value(MpmDirective.MAX_REQUEST_WORKERS).orElseThrow().location().stock());
        // Debian's envvars defines ${APACHE_LOG_DIR}; mod_wsgi is enabled by the stock tree, not assumed
        assertEquals(List.of(), findings(r, "FP002"));
        assertFalse(d.footprint().assumptions().stream().anyMatch(a -> a.kind()
                == Assumption.Kind.MOD_WSGI_ASSUMED_LOADED || a.kind() == Assumption.Kind.MPM_ASSUMED));
        Finding f = only(r, "FP006");
        assertEquals(Severity.INFO, f.severity());
        assertEquals("No main httpd file: read inside Debian 12's stock apache2 2.4.71 (event MPM, 6 children x 25"
                + " threads); set platform if the host runs another server", f.message());
        // the stock files are context: the project's files count, and the stock ones are no file of the project
        assertEquals(1, d.sources().files().size());
    }

    @Test
    void theProjectsOwnFilesOverrideTheStockOnes() throws Exception {
        vhost("apache2/sites-enabled/app.conf");
        write(tree, "apache2/mods-available/mpm_event.conf", "<IfModule mpm_event_module>", "    ServerLimit 20",
                "    ThreadsPerChild 20", "    MaxRequestWorkers 300", "</IfModule>");
        Mpm mpm = deployment(run(request(tree))).mpm();
        assertEquals(300, mpm.effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(15, mpm.maxChildren());
        assertEquals("apache2/mods-available/mpm_event.conf:4",
                mpm.value(MpmDirective.MAX_REQUEST_WORKERS).orElseThrow().location().toString());
        // a conf of the project's, read after the module's configuration
        write(tree, "apache2/conf-enabled/tuning.conf", "MaxRequestWorkers 100");
        assertEquals(5, deployment(run(request(tree))).mpm().maxChildren());
    }

    @Test
    void aSiteLinkedIntoSitesEnabledIsReadWhateverThePlatform() throws Exception {
        vhost("apache2/sites-available/app.conf");
        Files.createDirectories(tree.resolve("apache2/sites-enabled"));
        Files.createSymbolicLink(tree.resolve("apache2/sites-enabled/app.conf"), Path.of("../sites-available/app.conf"));
        vhost("apache2/sites-available/off.conf");
        for (String platform : List.of("auto", "debian", "none")) {
            Deployment d = deployment(run(request(tree).host("platform", platform)));
            // app.conf through its link; off.conf only in sites-available, never read
            assertEquals(List.of("app"), d.daemons().stream().map(g -> g.name()).collect(Collectors.toList()),
                    platform);
            assertEquals("apache2/sites-available/app.conf:3", d.daemons().get(0).location().toString(), platform);
        }
        // and the file that is never read is named
        assertTrue(only(run(request(tree)), "FP006").detail().contains("; not read: apache2/sites-available/off.conf"
                + " (in *-available or hidden, and no link or install step enables it)."));
    }

    @Test
    void upstreamHttpdWithItsCompiledInEventValues() throws Exception {
        vhost("conf.d/app.conf");
        CheckResult r = run(request(tree));
        Deployment d = deployment(r);
        assertEquals(Platform.HTTPD, d.parameters().platform().platform());
        Mpm mpm = d.mpm();
        assertEquals(Mpm.Kind.EVENT, mpm.kind());
        assertFalse(mpm.assumed(), "the MPM is linked into upstream's binary, not assumed");
        assertEquals(400, mpm.effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(16, mpm.maxChildren());
        // upstream httpd does not ship mod_wsgi: its loading by the host is assumed and said
        assertTrue(d.footprint().assumptions().stream().anyMatch(a -> a.kind()
                == Assumption.Kind.MOD_WSGI_ASSUMED_LOADED));
        assertEquals(List.of("app"), d.daemons().stream().map(g -> g.name()).collect(Collectors.toList()));
        assertTrue(only(r, "FP006").detail().startsWith("The project's files are read inside"
                + " upstream httpd 2.4.62's default httpd.conf (event MPM built in, compiled-in values) (platform=auto,"
                + " from folder conf.d/)"));
    }

    @Test
    void noneAssumesTheServerAndSaysSo() throws Exception {
        vhost("vhosts/app.conf");
        CheckResult r = run(request(tree));
        Deployment d = deployment(r);
        assertEquals(Platform.NONE, d.parameters().platform().platform());
        assertTrue(d.mpm().assumed());
        assertEquals(16, d.mpm().maxChildren());
        assertEquals("No main httpd file and no distribution's layout found: assumed event MPM, 16 children x 25"
                + " threads; set platform to debian or httpd, or add the main file", only(r, "FP006").message());
        // the user says debian: the same vhost in Debian's stock tree
        assertEquals(6, deployment(run(request(tree).host("platform", "debian"))).mpm().maxChildren());
        assertTrue(only(run(request(tree).host("platform", "none")), "FP006").detail()
                .startsWith("No main httpd file and platform=none: the server is assumed"));
    }

    @Test
    void aProjectWithItsOwnMainFileIsItsOwnServer() throws Exception {
        vhost("apache2/sites-enabled/app.conf");
        write(tree, "apache2/apache2.conf", "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so",
                "Listen 80", "MaxRequestWorkers 20", "IncludeOptional sites-enabled/*.conf");
        CheckResult r = run(request(tree).host("platform", "debian"));
        assertEquals(20, deployment(r).mpm().maxChildren());
        assertFalse(deployment(r).parameters().platform().applied());
        assertEquals(List.of(), findings(r, "FP006"));
    }

    @Test
    void aFindingAboutTheStockServerShowsItsStockPlace() throws Exception {
        vhost("apache2/sites-enabled/app.conf");
        // 64 MiB cannot hold Debian's 6 event children beside the daemons: FP105 at the stock MaxRequestWorkers line
        CheckResult r = run(request(tree).host("memory", "64M"));
        Finding f = only(r, "FP105");
        assertEquals("platform:debian/mods-available/mpm_event.conf:13", f.location().toString());
        assertTrue(f.location().stock());
        // and a finding whose fix is the user's stands at the user's line, not at the stock LoadModule
        assertEquals("apache2/sites-enabled/app.conf:3", only(r, "FP209").location().toString());
    }

    @Test
    void platformPerEnvironmentAndTheWordsOfAWrongValue() throws Exception {
        vhost("vhosts/app.conf");
        CheckResult r = run(request(tree).environment("deb", null, new Properties(), Map.of("platform", "debian"))
                .environment("plain", null, new Properties(), Map.of()));
        assertEquals(6, r.environments().get(0).deployment().mpm().maxChildren());
        assertEquals(16, r.environments().get(1).deployment().mpm().maxChildren());
        RequestException e = assertThrows(RequestException.class, () -> run(request(tree).host("platform", "rhel")));
        assertEquals("platform 'rhel' is not one of auto, debian, httpd, none", e.getMessage());
        e = assertThrows(RequestException.class, () -> run(request(tree).environment("x", null, new Properties(),
                Map.of("platform", "ubuntu"))));
        assertEquals("environment x platform 'ubuntu' is not one of auto, debian, httpd, none", e.getMessage());
        e = assertThrows(RequestException.class, () -> run(request(tree).apacheVersion("2.2").host("platform",
                "debian")));
        assertEquals("platform debian is a stock httpd 2.4 configuration and apacheVersion is 2.2: use platform none"
                + " (or auto) with 2.2", e.getMessage());
        // auto with 2.2: none
        assertEquals(Platform.NONE, deployment(run(request(tree).apacheVersion("2.2"))).parameters().platform()
                .platform());
    }
}
