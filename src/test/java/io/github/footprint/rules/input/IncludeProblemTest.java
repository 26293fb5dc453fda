package io.github.footprint.rules.input;

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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class IncludeProblemTest {
    private static final String ID = "FP003";
    private static final String MAIN = "apache2/apache2.conf";

    @TempDir
    Path tree;

    private void main(String... lines) throws Exception {
        String[] all = new String[lines.length + 2];
        all[0] = "ServerRoot \"/etc/apache2\"";
        all[1] = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so";
        System.arraycopy(lines, 0, all, 2, lines.length);
        write(tree, MAIN, all);
    }

    @Test
    void missingFileIsHttpdsCouldNotOpen() throws Exception {
        main("Include ports.conf");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(MAIN, 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("Could not open configuration file ports.conf: No such file or directory", f.message());
    }

    @Test
    void unmatchedWildcardIsHttpdsNoMatches() throws Exception {
        main("Include sites-enabled/*.conf");
        // the folder exists: httpd's message for a missing folder is a different one (Could not open directory)
        write(tree, "apache2/sites-enabled/app.conf.dpkg-old", "Listen 80");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("Include/IncludeOptional: No matches for the wildcard '*.conf' in 'sites-enabled', failing",
                f.message());
    }

    @Test
    void cycleNamesTheFileAndHttpdsDepthLimit() throws Exception {
        main("Include conf/a.conf");
        write(tree, "apache2/conf/a.conf", "Include conf/b.conf");
        write(tree, "apache2/conf/b.conf", "Include conf/a.conf");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache2/conf/b.conf", 1), f.location());
        assertEquals("Include conf/a.conf includes apache2/conf/a.conf again, a cycle httpd stops on; include each file"
                + " once", f.message());
        assertTrue(f.detail().contains("includes apache2/conf/a.conf, which is already being read: a cycle"),
                f::detail);
        assertTrue(f.detail().contains("Exceeded maximum include depth of 128"), f::detail);
    }

    @Test
    void includeOptionalToleratesWhatHttpdTolerates() throws Exception {
        main("IncludeOptional conf-enabled/*.conf",
                "IncludeOptional local.conf",
                "IncludeOptional [c]onf.modules.d/*.conf");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void pathOutsideTheProjectIsInfoThatSuggestsPathMappings() throws Exception {
        main("Include /opt/vendor/httpd/*.conf");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("Include /opt/vendor/httpd/*.conf names a file outside the deploy project, which is not read: map"
                + " it with pathMappings to check it", f.message());
    }

    /** FP003's page gives pathMappings as the fix for the info above. */
    @Test
    void pathMappingsBringTheFileIntoTheProject() throws Exception {
        main("Include /opt/vendor/httpd/*.conf");
        write(tree, "vendor/tuning.conf", "Timeout 60");
        List<Finding> fs = findings(run(request(tree).pathMappings(Map.of("/opt/vendor/httpd", "vendor"))), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
