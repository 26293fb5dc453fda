package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;

/**
 * Real httpd judges footprint's reading of httpd syntax: each case is a small tree (a main file that includes
 * the case after a self-contained preamble, plus extra files) run through {@code apache2 -t} and through
 * footprint. The accept/reject verdicts must agree; where httpd names the line of its first error, footprint
 * must report an error at that line of that file.
 */
class SyntaxOracleTest {
    private static final Pattern AH00526 = Pattern.compile("Syntax error on line (\\d+) of ([^:]+):");
    private static final Pattern READING = Pattern.compile("Error reading (\\S+) at line (\\d+):");

    @TempDir
    Path dir;

    /** name -> files (path -> text); "case.conf" is included right after the preamble. */
    static Map<String, Map<String, String>> cases() {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        one(c, "plain", "Timeout 30\nKeepAlive On\n");
        one(c, "continuation", "Timeout \\\n  30\n");
        one(c, "continuation-in-section-header", "<Directory \\\n /srv>\nRequire all granted\n</Directory>\n");
        one(c, "comment-swallows-next-line", "# note \\\nBogusDirective 1\n");
        one(c, "escaped-backslash-is-not-continuation", "# note \\\\\nTimeout 30\n");
        one(c, "case-insensitive-names", "timeout 30\n<directory /srv>\n</DIRECTORY>\n");
        one(c, "lower-case-ifmodule", "<ifModule mpm_event_module>\nThreadsPerChild 25\n</ifmodule>\n");
        one(c, "quoted-args", "ServerAdmin \"a b@example.com\"\nErrorDocument 404 \"not \\\"here\\\" at all\"\nDefine \"x\\\"y\" 'a b'\n");
        one(c, "unclosed-virtualhost", "<VirtualHost *:80>\nServerName a\n");
        one(c, "unclosed-directory-nested", "<VirtualHost *:80>\n<Directory /x>\n</VirtualHost>\n");
        one(c, "mismatched-close", "<Directory /x>\n</Location>\n");
        one(c, "close-without-open", "</VirtualHost>\n");
        one(c, "missing-gt", "<Directory /x\n</Directory>\n");
        one(c, "ifmodule-no-arg", "<IfModule>\n</IfModule>\n");
        one(c, "false-ifmodule-unclosed", "<IfModule mod_nonexistent.c>\nTimeout 30\n");
        one(c, "true-ifmodule-unclosed", "<IfModule mpm_event_module>\nTimeout 30\n");
        one(c, "false-ifmodule-body-not-read", "<IfModule mod_nonexistent.c>\nBogusDirective 1\n</IfModule>\n");
        one(c, "false-ifmodule-nested-mismatch", "<IfModule mod_nonexistent.c>\n<Directory /x>\n</IfModule>\n");
        one(c, "ifmodule-by-file-name", "<IfModule event.c>\nThreadsPerChild 25\n</IfModule>\n");
        one(c, "ifmodule-mpm-file-name-does-not-match", "<IfModule mod_mpm_event.c>\nBogusDirective 1\n</IfModule>\n");
        one(c, "ifmodule-negated", "<IfModule !mpm_prefork_module>\nThreadsPerChild 25\n</IfModule>\n");
        one(c, "nested-ifmodule", "<IfModule mpm_event_module>\n<IfModule authz_core_module>\n<IfModule !x.c>\n"
                + "Timeout 30\n</IfModule>\n</IfModule>\n</IfModule>\n");
        one(c, "define-and-ifdefine", "Define FOO\n<IfDefine FOO>\nTimeout 30\n</IfDefine>\n"
                + "<IfDefine !FOO>\nBogusDirective\n</IfDefine>\n");
        one(c, "undefine", "Define FOO\nUnDefine FOO\n<IfDefine FOO>\nBogusDirective\n</IfDefine>\n");
        one(c, "define-with-colon", "Define a:b 1\n");
        one(c, "define-variable-expands", "Define T 30\nTimeout ${T}\n");
        one(c, "ifversion-ge", "<IfVersion >= 2.4>\nTimeout 30\n</IfVersion>\n");
        one(c, "ifversion-lt-false", "<IfVersion < 2.4>\nBogusDirective\n</IfVersion>\n");
        one(c, "ifversion-regex", "<IfVersion ~ ^2\\.4>\nTimeout 30\n</IfVersion>\n");
        one(c, "ifversion-negated-eq", "<IfVersion != 2.2.0>\nTimeout 30\n</IfVersion>\n");
        one(c, "several-sections", "<VirtualHost *:80>\n<Location />\n<Limit GET>\nRequire all granted\n</Limit>\n"
                + "</Location>\n</VirtualHost>\n");
        one(c, "unknown-section-balanced", "<Location /a>\n<If \"true\">\nRequire all granted\n</If>\n</Location>\n");
        one(c, "empty", "");
        one(c, "only-comments", "# one\n  # two\n");
        one(c, "blank-lines-and-indent", "\n\n   Timeout 30   \n\t\n");
        one(c, "crlf", "Timeout 30\r\n<Directory /x>\r\n</Directory>\r\n");
        one(c, "no-final-newline", "Timeout 30");
        one(c, "byte-order-mark", "\uFEFFTimeout 30\n");
        one(c, "byte-order-mark-before-comment", "\uFEFF# comment\nTimeout 30\n");
        one(c, "mpm-directive-in-vhost", "<VirtualHost *:80>\nThreadsPerChild 25\n</VirtualHost>\n");
        one(c, "foreign-mpm-directive", "MaxSpareServers 10\n");
        one(c, "mpm-directive-in-directory", "<Directory /x>\nMaxRequestWorkers 100\n</Directory>\n");
        one(c, "core-mpm-directive-in-location", "<Location /x>\nThreadStackSize 524288\n</Location>\n");
        one(c, "mpm-directive-in-true-ifmodule", "<IfModule mpm_event_module>\nMaxRequestWorkers 100\n</IfModule>\n");
        one(c, "long-line", "ServerAdmin " + "a".repeat(17 * 1024 * 1024) + "\n");
        Map<String, String> inc = new LinkedHashMap<>();
        inc.put("case.conf", "Include inc/one.conf\n");
        inc.put("inc/one.conf", "Timeout 30\n");
        c.put("include-relative", inc);
        one(c, "include-missing", "Include inc/missing.conf\n");
        one(c, "includeoptional-missing", "IncludeOptional inc/missing.conf\n");
        one(c, "include-glob-no-match", "Include inc/*.conf\n");
        one(c, "includeoptional-glob-no-match", "IncludeOptional inc/*.conf\n");
        one(c, "includeoptional-bracket-trick", "IncludeOptional [i]nc/*.conf\n");
        Map<String, String> glob = new LinkedHashMap<>();
        glob.put("case.conf", "Include inc/*.conf\n");
        glob.put("inc/a.conf", "Timeout 30\n");
        glob.put("inc/b.conf", "<Directory /x>\n");
        c.put("include-glob-error-in-second", glob);
        Map<String, String> dirs = new LinkedHashMap<>();
        dirs.put("case.conf", "Include inc\n");
        dirs.put("inc/a.conf", "Timeout 30\n");
        dirs.put("inc/sub/b.txt", "<Directory /x>\n");
        c.put("include-directory-recursive", dirs);
        Map<String, String> dot = new LinkedHashMap<>();
        dot.put("case.conf", "Include inc/*\n");
        dot.put("inc/a.conf", "Timeout 30\n");
        dot.put("inc/.hidden.conf", "<Directory /x>\n");
        c.put("include-glob-skips-dot-files", dot);
        Map<String, String> mid = new LinkedHashMap<>();
        mid.put("case.conf", "Include vhosts/*/site.conf\n");
        mid.put("vhosts/a/site.conf", "Timeout 30\n");
        mid.put("vhosts/b/site.conf", "</Directory>\n");
        c.put("include-wildcard-in-directory", mid);
        Map<String, String> sect = new LinkedHashMap<>();
        sect.put("case.conf", "<VirtualHost *:80>\nInclude inc/v.conf\n</VirtualHost>\n");
        sect.put("inc/v.conf", "ServerName v\n<Location />\n");
        c.put("include-unclosed-in-included-file", sect);
        Map<String, String> cyc = new LinkedHashMap<>();
        cyc.put("case.conf", "Include inc/a.conf\n");
        cyc.put("inc/a.conf", "Include inc/b.conf\n");
        cyc.put("inc/b.conf", "Include inc/a.conf\n");
        c.put("include-cycle", cyc);
        return c;
    }

    private static void one(Map<String, Map<String, String>> c, String name, String text) {
        Httpd.one(c, name, text);
    }

    @Test
    void verdictsEqualHttpds() throws Exception {
        Assumptions.assumeTrue(Httpd.installed(), "apache2 is not installed (apt-get install apache2): the httpd"
                + " oracle cannot run here");
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int lines = 0;
        Map<String, Map<String, String>> cases = cases();
        for (Map.Entry<String, Map<String, String>> e : cases.entrySet()) {
            Path src = Httpd.writeCase(dir, e.getKey(), false, e.getValue());
            Httpd.Verdict httpd = Httpd.configtest(src.resolve("httpd.conf"));
            EnvironmentResult ours = Httpd.footprint(src);
            List<Finding> refusals = ours.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && MpmOracleTest.REFUSING.contains(f.ruleId()))
                    .collect(Collectors.toList());
            if ((httpd.rc == 0) != refusals.isEmpty()) {
                disagreements.add(e.getKey() + ": httpd rc=" + httpd.rc + " " + abbreviate(httpd.lines)
                        + " but footprint " + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
                continue;
            }
            if (httpd.rc == 0) {
                accepted++;
                continue;
            }
            rejected++;
            // httpd nests "Syntax error on line N of FILE:" once per Include level: the innermost is the error
            String out = String.join("\n", httpd.lines);
            Matcher m = AH00526.matcher(out);
            int line = -1;
            String where = null;
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                where = m.group(2);
            }
            // "Error reading FILE at line N: Line too long" names the line inside the included file
            Matcher reading = READING.matcher(out);
            if (reading.find()) {
                where = reading.group(1);
                line = Integer.parseInt(reading.group(2));
            }
            // httpd's message buffer cuts a 128-level chain before its end: count the levels instead
            int levels = out.split("Syntax error on line", -1).length - 1;
            boolean recursion = out.contains("Exceeded maximum include depth") || levels > 50;
            if (where != null && !recursion) {
                String file = "deploy/" + src.relativize(Path.of(where)).toString().replace('\\', '/');
                int at = line;
                lines++;
                boolean located = refusals.stream()
                        .anyMatch(f -> f.location().file().equals(file) && f.location().line() == at);
                if (!located) {
                    disagreements.add(e.getKey() + ": httpd's first error is at " + file + ":" + line + " ("
                            + abbreviate(httpd.lines) + ") but footprint's are " + refusals);
                }
            }
        }
        System.out.printf("httpd syntax oracle: %d cases, %d accepted, %d rejected (%d error lines compared), %d"
                + " disagreements%n", cases.size(), accepted, rejected, lines, disagreements.size());
        assertEquals(Collections.emptyList(), disagreements);
    }

    private static String abbreviate(List<String> lines) {
        String s = String.join(" | ", lines);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
