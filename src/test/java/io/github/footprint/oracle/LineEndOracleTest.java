package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.parse.apache.ApacheConfig;

/**
 * Real httpd judges where footprint ends the lines of an Apache file. httpd's {@code ap_cfg_getline} (server/util.c)
 * ends a line at LF only: a CR before the LF is trimmed as white space (and may stand between a continuation's
 * backslash and the LF), a lone CR is white space inside the line, so three directives separated by lone CRs are one
 * line. Each case runs through {@code apache2 -t -D DUMP_CONFIG} and footprint's check: the verdicts must agree, a
 * refusal must be located at httpd's line, and an accepted tree must be the one mod_info prints.
 */
class LineEndOracleTest {
    @TempDir
    Path dir;

    static Map<String, Map<String, String>> cases() {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        String daemon = "WSGIDaemonProcess app processes=2 threads=15";
        String alias = "WSGIScriptAlias / /srv/app/app.wsgi process-group=app application-group=%{GLOBAL}";
        // issue 13's case: three directives separated by lone CRs are one line, and mod_wsgi refuses its options
        one(c, "lone-cr-joins-three-directives", daemon + "\r" + alias + "\rTimeout 30\n");
        one(c, "lone-cr-only-file-without-lf", daemon + "\r" + alias + "\rTimeout 30");
        one(c, "crlf", daemon + "\r\n" + alias + "\r\nTimeout 30\r\n");
        one(c, "crlf-and-lf-mixed", daemon + "\r\n" + alias + "\nTimeout 30\r\n<VirtualHost *:80>\n"
                + "ServerName a\r\n</VirtualHost>\r\n");
        one(c, "mixed-with-a-lone-cr", "Timeout 30\r\n" + daemon + "\rKeepAlive On\n" + alias + "\n");
        one(c, "lone-cr-before-the-lf-is-trimmed", daemon + "\r\r\n" + alias + "\r\r\n");
        one(c, "crlf-continuation", "WSGIDaemonProcess app \\\r\n  processes=2 \\\r\n  threads=15\r\n" + alias + "\r\n");
        one(c, "cr-inside-a-quoted-argument", "WSGIDaemonProcess app \"display-name=a\rb\" threads=15\n" + alias + "\n");
        one(c, "cr-inside-an-unquoted-argument", "WSGIDaemonProcess app display-name=a\rb threads=15\n" + alias + "\n");
        one(c, "lone-cr-after-a-directive-makes-a-comment-an-argument", daemon + "\r# a comment\n" + alias + "\n");
        one(c, "lone-cr-after-a-comment-comments-the-rest-out", "# a comment\rWSGIDaemonProcess app bogus=1\n"
                + daemon + "\n" + alias + "\n");
        one(c, "lone-cr-inside-a-section-header", "<VirtualHost *:80>\rServerName a\n" + daemon + "\n"
                + "</VirtualHost>\n");
        one(c, "lone-cr-after-a-close-tag-of-a-true-ifmodule", "<IfModule mpm_event_module>\nTimeout 5\n"
                + "</IfModule>\rTimeout 6\n");
        one(c, "lone-cr-after-a-close-tag", "<VirtualHost *:80>\nServerName a\n</VirtualHost>\rTimeout 6\n");
        one(c, "crlf-between-mpm-directives", "<IfModule mpm_event_module>\r\nThreadsPerChild 25\r\n"
                + "MaxRequestWorkers 50\r\n</IfModule>\r\n");
        one(c, "lone-cr-in-a-macro-body", "<Macro App $name>\n" + "WSGIDaemonProcess $name processes=2\r"
                + "threads=15\n</Macro>\nUse App a\n");
        one(c, "lone-cr-in-a-use-line", "<Macro App $name $n>\nWSGIDaemonProcess $name processes=$n\n</Macro>\n"
                + "Use App a\r2\n");
        one(c, "lone-cr-in-a-quoted-use-value", "<Macro App @name>\nWSGIDaemonProcess app display-name=@name\n"
                + "</Macro>\nUse App \"a\rb\"\n");
        return c;
    }

    private static void one(Map<String, Map<String, String>> c, String name, String text) {
        Httpd.one(c, name, text);
    }

    @Test
    void linesEndWhereHttpdEndsThem() throws Exception {
        Assumptions.assumeTrue(Httpd.wsgiInstalled() && Files.isRegularFile(Httpd.MODULES.resolve("mod_macro.so"))
                && Files.isRegularFile(Httpd.MODULES.resolve("mod_info.so")), "apache2 with mod_wsgi, mod_macro and"
                + " mod_info is not installed: the line-end oracle cannot run here");
        Map<String, Map<String, String>> cases = cases();
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        for (Map.Entry<String, Map<String, String>> e : cases.entrySet()) {
            String name = e.getKey();
            Path src = MacroOracleTest.writeCase(dir, name, e.getValue());
            String prefix = src.getParent() + "/";
            Httpd.Dump httpd = Httpd.dumpConfig(src.resolve("httpd.conf"));
            EnvironmentResult ours = Httpd.footprint(src);
            List<Finding> refusals = ours.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && MacroOracleTest.refuses(f))
                    .collect(Collectors.toList());
            if ((httpd.rc == 0) != refusals.isEmpty()) {
                disagreements.add(name + ": httpd rc=" + httpd.rc + " " + String.join(" | ", httpd.err)
                        + " but footprint " + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
                continue;
            }
            if (httpd.rc != 0) {
                rejected++;
                String err = String.join("\n", httpd.err).replace(prefix, "");
                String located = MacroOracleTest.located(err);
                if (located == null || refusals.stream().noneMatch(f -> located.equals(f.location().toString()))) {
                    disagreements.add(name + ": httpd refuses at " + located + " (" + err + ") but footprint's"
                            + " refusals are " + refusals);
                }
                continue;
            }
            accepted++;
            ApacheConfig config = ours.deployment().apache().orElseThrow();
            List<String> theirs = httpd.out.stream().map(l -> MacroOracleTest.normalize(l.replace(prefix + "deploy/",
                    ""))).collect(Collectors.toList());
            List<String> mine = MacroOracleTest.dump(config).stream().map(MacroOracleTest::normalize)
                    .collect(Collectors.toList());
            if (!theirs.equals(mine)) {
                disagreements.add(name + ": mod_info dumps\n  " + String.join("\n  ", theirs)
                        + "\nbut footprint's tree is\n  " + String.join("\n  ", mine));
            }
        }
        System.out.printf("httpd line-end oracle: %d cases, %d accepted (trees compared), %d rejected (lines"
                + " compared), %d disagreements%n", cases.size(), accepted, rejected, disagreements.size());
        assertTrue(rejected > 0 && accepted > 0);
        assertEquals(Collections.emptyList(), disagreements);
    }
}
