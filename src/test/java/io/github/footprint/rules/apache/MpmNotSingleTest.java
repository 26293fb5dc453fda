package io.github.footprint.rules.apache;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class MpmNotSingleTest {
    private static final String ID = "FP101";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String EVENT = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so";
    private static final String PREFORK = "LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so";
    private static final String WORKER = "LoadModule mpm_worker_module /usr/lib/apache2/modules/mod_mpm_worker.so";

    @TempDir
    Path tree;

    @Test
    void noMpmIsReportedOnTheMainFileAsAWhole() throws Exception {
        write(tree, MAIN, "Listen 80");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 0), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("no MPM is loaded: httpd stops with 'AH00534: Configuration error: No MPM loaded.'; load exactly"
                + " one (Debian: a2enmod mpm_event)", f.message());
        assertEquals("No LoadModule mpm_prefork_module, mpm_worker_module or mpm_event_module is reached from"
                + " apache2/apache2.conf.", f.detail());
    }

    @Test
    void anMpmInADisabledFileOrAnUnreadSectionIsNotLoaded() throws Exception {
        write(tree, MAIN,
                "IncludeOptional mods-enabled/*.load",
                "<IfDefine PREFORK>",
                "    " + PREFORK,
                "</IfDefine>");
        write(tree, "apache2/mods-available/mpm_event.load", EVENT);
        assertEquals(new Location(MAIN, 0), only(check(tree), ID).location());
    }

    @Test
    void theSecondMpmIsReportedAndTheMessageListsAll() throws Exception {
        write(tree, MAIN,
                "IncludeOptional mods-enabled/*.load",
                "Listen 80");
        write(tree, "apache2/mods-enabled/mpm_event.load", "# Conflicts: mpm_worker mpm_prefork", EVENT);
        write(tree, "apache2/mods-enabled/mpm_prefork.load", "# Conflicts: mpm_event mpm_worker", PREFORK);
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache2/mods-enabled/mpm_prefork.load", 2), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("LoadModule mpm_prefork_module loads a second MPM, so httpd refuses to start (AH00534); keep one"
                + " (Debian: a2dismod the others)", f.message());
        assertEquals("httpd stops with 'AH00534: Configuration error: More than one MPM loaded.'. The MPMs loaded:"
                + " mpm_event_module (apache2/mods-enabled/mpm_event.load:2), mpm_prefork_module"
                + " (apache2/mods-enabled/mpm_prefork.load:2). Directives of the others belong in their <IfModule>.",
                f.detail());
    }

    @Test
    void everyMpmAfterTheFirstIsReported() throws Exception {
        write(tree, MAIN, PREFORK, WORKER, EVENT);
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(List.of(new Location(MAIN, 2), new Location(MAIN, 3)),
                fs.stream().map(Finding::location).collect(Collectors.toList()), () -> describe(fs));
        assertTrue(fs.get(1).message().startsWith("LoadModule mpm_event_module loads a second MPM, so httpd refuses to"
                + " start (AH00534)"), fs.get(1)::message);
        assertTrue(fs.get(1).detail().startsWith("httpd stops with 'AH00534: Configuration error: More than one MPM"
                + " loaded.'. The MPMs loaded: mpm_prefork_module (apache2/apache2.conf:1),"
                + " mpm_worker_module (apache2/apache2.conf:2), mpm_event_module (apache2/apache2.conf:3). "),
                fs.get(1)::detail);
    }

    @Test
    void theSameMpmTwiceIsOneMpm() throws Exception {
        // httpd: "AH01574: module mpm_event_module is already loaded, skipping", then Syntax OK
        write(tree, MAIN, EVENT, EVENT, "Listen 80");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void aVhostOnlyProjectAssumesTheMpmParameter() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    ServerName app.example.com",
                "</VirtualHost>");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void httpd22HasItsMpmCompiledIn() throws Exception {
        write(tree, MAIN, "Listen 80");
        List<Finding> fs = findings(run(request(tree).apacheVersion("2.2")), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
