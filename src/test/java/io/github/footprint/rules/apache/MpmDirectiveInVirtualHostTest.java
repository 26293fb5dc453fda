package io.github.footprint.rules.apache;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class MpmDirectiveInVirtualHostTest {
    private static final String ID = "FP104";
    private static final String MAIN = "apache2/apache2.conf";
    private static final String SITE = "apache2/sites-enabled/app.conf";

    @TempDir
    Path tree;

    private void site(String... body) throws Exception {
        write(tree, MAIN,
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so",
                "Listen 80",
                "IncludeOptional sites-enabled/*.conf");
        String[] lines = new String[body.length + 3];
        lines[0] = "<VirtualHost *:80>";
        lines[1] = "    ServerName app.example.com";
        System.arraycopy(body, 0, lines, 2, body.length);
        lines[lines.length - 1] = "</VirtualHost>";
        write(tree, SITE, lines);
    }

    @Test
    void anMpmDirectiveInAVirtualHostIsHttpdsContextError() throws Exception {
        site("    MaxRequestWorkers 50");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(SITE, 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("MaxRequestWorkers inside <VirtualHost *:80>: httpd refuses to start; move it to the main"
                + " configuration", f.message());
        assertEquals("httpd stops with 'MaxRequestWorkers cannot occur within <VirtualHost> section'. MPM sizing is"
                + " server-wide: a virtual host or a directory section cannot set it.", f.detail());
    }

    @Test
    void coreMpmDirectivesAndOldNamesAreGlobalOnlyToo() throws Exception {
        site("    MaxConnectionsPerChild 1000", "    ThreadStackSize 524288", "    MaxMemFree 2048",
                "    MaxClients 40", "    MaxRequestsPerChild 100");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(List.of(3, 4, 5, 6, 7), fs.stream().map(f -> f.location().line()).collect(Collectors.toList()),
                () -> describe(fs));
        assertEquals("MaxClients inside <VirtualHost *:80>: httpd refuses to start; move it to the main configuration",
                fs.get(3).message());
        assertTrue(fs.get(3).detail().startsWith("httpd stops with 'MaxClients cannot occur within <VirtualHost>"
                + " section'"), fs.get(3)::detail);
    }

    @Test
    void aTrueIfModuleDoesNotLiftTheVirtualHostAndAFalseOneIsNotRead() throws Exception {
        site("    <IfModule mpm_event_module>",
                "        ThreadsPerChild 10",
                "    </IfModule>",
                "    <IfModule mpm_prefork_module>",
                "        MaxRequestWorkers 50",
                "    </IfModule>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(SITE, 4), f.location());
        assertTrue(f.message().startsWith("ThreadsPerChild inside <VirtualHost *:80>: "), f::message);
    }

    @Test
    void inAVhostOnlyProjectToo() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:443>",
                "    ServerName app.example.com",
                "    ThreadsPerChild 10",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 3), f.location());
        assertTrue(f.message().startsWith("ThreadsPerChild inside <VirtualHost *:443>: "), f::message);
    }

    @Test
    void anotherMpmsDirectiveIsFirstAnInvalidCommand() throws Exception {
        // httpd looks the name up before it checks the context: "Invalid command 'MaxSpareServers', ..." (FP103)
        site("    MaxSpareServers 10");
        CheckResult r = check(tree);
        List<Finding> fs = findings(r, ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
        assertEquals(new Location(SITE, 3), only(r, "FP103").location());
    }

    @Test
    void theValueInTheVirtualHostIsNotTheServers() throws Exception {
        // 130 is not a multiple of 25; were it taken as the server's value, FP102 would report AH00513 too
        site("    MaxRequestWorkers 130");
        CheckResult r = check(tree);
        assertEquals(1, findings(r, ID).size());
        List<Finding> fp102 = findings(r, "FP102");
        assertTrue(fp102.isEmpty(), () -> describe(fp102));
    }
}
