package io.github.footprint.model;

import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.findings.FootprintView;

/**
 * Debian keeps disabled modules, sites and confs in {@code *-available}; only an {@code *-enabled} link (what
 * {@code a2enmod}/{@code a2ensite} make) turns one on. The footprint names such a file as where something is sized
 * only when it is enabled: a disabled one sizes nothing and is never named.
 */
class AvailableFilesTest {
    @TempDir
    Path tree;

    private static List<String> sizedAt(CheckResult r) {
        FootprintView fp = r.view().environments().get(0).footprint();
        List<String> out = new ArrayList<>();
        for (FootprintView.Component c : fp.components()) {
            out.add(c.name() + " " + c.where());
        }
        fp.gracefulStop().ifPresent(g -> out.add("graceful stop " + g.where()));
        return out;
    }

    @Test
    void anEnabledModuleIsNamedADisabledOneNever() throws Exception {
        write(tree, "apache2/apache2.conf",
                "IncludeOptional mods-enabled/*.load",
                "IncludeOptional mods-enabled/*.conf",
                "IncludeOptional sites-enabled/*.conf");
        write(tree, "apache2/mods-available/mpm_event.load",
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so");
        write(tree, "apache2/mods-available/mpm_event.conf",
                "<IfModule mpm_event_module>",
                "    MaxRequestWorkers 100",
                "</IfModule>");
        // installed, not enabled: its MaxRequestWorkers sizes nothing
        write(tree, "apache2/mods-available/mpm_prefork.load",
                "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so");
        write(tree, "apache2/mods-available/mpm_prefork.conf",
                "<IfModule mpm_prefork_module>",
                "    MaxRequestWorkers 999",
                "</IfModule>");
        write(tree, "apache2/sites-available/other.conf",
                "WSGIDaemonProcess other processes=9 threads=3");
        Files.createDirectories(tree.resolve("apache2/mods-enabled"));
        Files.createSymbolicLink(tree.resolve("apache2/mods-enabled/mpm_event.load"),
                Path.of("../mods-available/mpm_event.load"));
        Files.createSymbolicLink(tree.resolve("apache2/mods-enabled/mpm_event.conf"),
                Path.of("../mods-available/mpm_event.conf"));
        CheckResult r = run(request(tree));
        assertEquals(List.of("apache parent apache2/mods-available/mpm_event.load:1",
                "apache children apache2/mods-available/mpm_event.conf:2",
                "graceful stop apache2/mods-available/mpm_event.load:1"), sizedAt(r));
    }

    @Test
    void aProjectWithoutAMainFileNeverNamesADisabledSite() throws Exception {
        write(tree, "apache2/ports.conf", "Listen 80");
        write(tree, "apache2/sites-available/app.conf",
                "<VirtualHost *:80>",
                "    WSGIDaemonProcess app processes=4 threads=5",
                "    WSGIScriptAlias / /srv/app/app.wsgi process-group=app",
                "</VirtualHost>");
        // read in Debian's stock tree (platform auto: sites-available/): sized where Debian's enabled MPM is
        List<String> debian = sizedAt(run(request(tree)));
        assertEquals(List.of(), debian.stream().filter(s -> s.contains("-available") && !s.contains(" platform:"))
                .collect(Collectors.toList()), () -> String.join("\n", debian));
        assertEquals(List.of("apache parent platform:debian/mods-available/wsgi.load:1",
                "apache children platform:debian/mods-available/mpm_event.conf:13",
                "graceful stop platform:debian/mods-available/mpm_event.load:2"), debian);
        // the project's files alone: the first file read, never the disabled site
        List<String> none = sizedAt(run(request(tree).host("platform", "none")));
        assertEquals(List.of("apache parent apache2/ports.conf", "apache children apache2/ports.conf"), none);
    }
}
