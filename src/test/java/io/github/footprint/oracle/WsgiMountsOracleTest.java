package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;
import io.github.footprint.rules.wsgi.Refusal;

/**
 * Real httpd with mod_wsgi judges what footprint says mod_wsgi refuses at start-up: the group checks of
 * {@code WSGIScriptAlias}/{@code WSGIImportScript} (FP207) and the placement and value of
 * {@code WSGIRestrictEmbedded} (FP209), next to what it accepts and fails only per request. Each case runs
 * through {@code apache2 -t} (event, mod_wsgi loaded, {@code ServerName 127.0.0.1} at server level) and through
 * footprint. The verdicts must agree; for a refusal, footprint must report it at the line httpd names, quoting
 * httpd's message.
 */
class WsgiMountsOracleTest {
    private static final Pattern AH00526 = Pattern.compile("Syntax error on line (\\d+) of ([^:]+):");
    /** mod_wsgi rules whose error findings are start-up refusals only when they say so ({@link Refusal#MARK}). */
    private static final Set<String> WSGI = Set.of("FP207", "FP209", "FP215");

    @TempDir
    Path dir;

    static Map<String, Map<String, String>> cases() {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        String alias = "WSGIScriptAlias / /srv/app/app.wsgi";
        one(c, "alias-both-before-definition", alias + " process-group=app application-group=%{GLOBAL}\n"
                + "WSGIDaemonProcess app threads=5\n");
        one(c, "alias-one-option-before-definition", alias + " process-group=app\nWSGIDaemonProcess app threads=5\n");
        one(c, "alias-both-undefined", "WSGIDaemonProcess app threads=5\n" + alias
                + " process-group=nosuch application-group=x\n");
        one(c, "alias-both-after-definition", "WSGIDaemonProcess app threads=5\n" + alias
                + " process-group=app application-group=%{GLOBAL}\n");
        one(c, "aliasmatch-both-undefined", "WSGIScriptAliasMatch ^/(\\w+) /srv/app.wsgi process-group=nosuch"
                + " application-group=x\n");
        one(c, "aliasmatch-dollar-in-script-is-not-checked", "WSGIScriptAliasMatch ^/(\\w+) /srv/$1.wsgi"
                + " process-group=nosuch application-group=x\n");
        one(c, "aliasmatch-dollar-in-url-only", "WSGIScriptAliasMatch ^/app$ /srv/app.wsgi process-group=nosuch"
                + " application-group=x\n");
        one(c, "alias-dollar-in-script-is-checked", alias.replace("app.wsgi", "$1.wsgi")
                + " process-group=nosuch application-group=x\n");
        one(c, "vhost-group-of-another-name", vhost("a.example.com", "WSGIDaemonProcess app threads=5")
                + vhost("b.example.com", alias + " process-group=app application-group=%{GLOBAL}"));
        one(c, "main-server-alias-to-vhost-group", vhost("a.example.com", "WSGIDaemonProcess app threads=5") + alias
                + " process-group=app application-group=%{GLOBAL}\n");
        one(c, "main-server-renamed-before-alias", vhost("a.example.com", "WSGIDaemonProcess app threads=5")
                + "ServerName a.example.com\n" + alias + " process-group=app application-group=%{GLOBAL}\n");
        one(c, "same-name-other-port", vhost("a.example.com", "WSGIDaemonProcess app threads=5")
                + "<VirtualHost *:443>\nServerName a.example.com:443\n" + alias
                + " process-group=app application-group=%{GLOBAL}\n</VirtualHost>\n");
        one(c, "scheme-and-port-in-servername", vhost("http://a.example.com:8080", "WSGIDaemonProcess app threads=5")
                + vhost("https://a.example.com", alias + " process-group=app application-group=x"));
        one(c, "group-vhost-without-servername", vhost(null, "WSGIDaemonProcess app threads=5")
                + vhost("b.example.com", alias + " process-group=app application-group=%{GLOBAL}"));
        one(c, "alias-vhost-without-servername", vhost("a.example.com", "WSGIDaemonProcess app threads=5")
                + vhost(null, alias + " process-group=app application-group=%{GLOBAL}"));
        one(c, "both-without-servername", vhost(null, "WSGIDaemonProcess app threads=5")
                + vhost(null, alias + " process-group=app application-group=%{GLOBAL}"));
        one(c, "servername-after-alias", vhost("a.example.com", "WSGIDaemonProcess app threads=5")
                + "<VirtualHost *:80>\n" + alias + " process-group=app application-group=%{GLOBAL}\n"
                + "ServerName a.example.com\n</VirtualHost>\n");
        one(c, "servername-after-alias-same-vhost", "<VirtualHost *:80>\nWSGIDaemonProcess app threads=5\n" + alias
                + " process-group=app application-group=%{GLOBAL}\nServerName a.example.com\n</VirtualHost>\n");
        one(c, "alias-env-process-group", alias + " process-group=%{ENV:GROUP} application-group=x\n");
        one(c, "alias-env-application-group", alias + " process-group=nosuch application-group=%{ENV:APP}\n");
        one(c, "alias-global-both", alias + " process-group=%{GLOBAL} application-group=%{GLOBAL}\n");
        one(c, "alias-unknown-substitution-is-a-name", alias + " process-group=%{FOO} application-group=x\n");
        one(c, "alias-percent-without-brace", alias + " process-group=%foo application-group=x\n");
        one(c, "alias-quoted-group-name", "WSGIDaemonProcess \"my app\" threads=5\n" + alias
                + " process-group=\"my app\" application-group=x\n");
        one(c, "import-before-definition", "WSGIImportScript /srv/w.py process-group=jobs"
                + " application-group=%{GLOBAL}\nWSGIDaemonProcess jobs threads=0\n");
        one(c, "import-undefined", "WSGIImportScript /srv/w.py process-group=nosuch application-group=%{GLOBAL}\n");
        one(c, "import-after-definition", "WSGIDaemonProcess jobs threads=0\nWSGIImportScript /srv/w.py"
                + " process-group=jobs application-group=%{GLOBAL}\n");
        one(c, "import-global", "WSGIImportScript /srv/w.py process-group=%{GLOBAL} application-group=%{GLOBAL}\n");
        one(c, "import-without-application-group", "WSGIDaemonProcess jobs threads=0\n"
                + "WSGIImportScript /srv/w.py process-group=jobs\n");
        one(c, "import-without-process-group", "WSGIImportScript /srv/w.py application-group=x\n");
        one(c, "import-env-is-a-name", "WSGIImportScript /srv/w.py process-group=%{ENV:G} application-group=x\n");
        one(c, "import-vhost-group-of-another-name", vhost("a.example.com", "WSGIDaemonProcess jobs threads=0")
                + vhost("b.example.com", "WSGIImportScript /srv/w.py process-group=jobs application-group=x"));
        one(c, "processgroup-undefined", "WSGIDaemonProcess real threads=5\nWSGIProcessGroup nosuch\n" + alias + "\n");
        one(c, "processgroup-vhost-group-of-another-name", vhost("a.example.com", "WSGIDaemonProcess app threads=5")
                + vhost("b.example.com", "WSGIProcessGroup app\n" + alias));
        one(c, "processgroup-in-sections", "WSGIDaemonProcess a threads=5\n<Directory /srv>\nWSGIProcessGroup a\n"
                + "WSGIApplicationGroup %{GLOBAL}\n</Directory>\n<Location /x>\nWSGIProcessGroup a\n</Location>\n"
                + "<Files x.wsgi>\nWSGIProcessGroup a\n</Files>\n" + alias + "\n");
        one(c, "threads-zero-behind-a-mount", "WSGIDaemonProcess app threads=0\n" + alias + " process-group=app\n");
        one(c, "restrict-in-vhost", vhost(null, "WSGIRestrictEmbedded On"));
        one(c, "restrict-in-directory", "<Directory /srv>\nWSGIRestrictEmbedded On\n</Directory>\n");
        one(c, "restrict-in-directory-in-vhost", vhost(null, "<Directory /srv>\nWSGIRestrictEmbedded On\n</Directory>"));
        one(c, "restrict-in-location", "<Location /x>\nWSGIRestrictEmbedded On\n</Location>\n");
        one(c, "restrict-bad-value", "WSGIRestrictEmbedded yes\n");
        one(c, "restrict-two-arguments", "WSGIRestrictEmbedded On Off\n");
        one(c, "restrict-lower-case", "WSGIRestrictEmbedded on\n" + alias + " process-group=%{GLOBAL}\n");
        one(c, "restrict-in-true-ifmodule", "<IfModule mod_wsgi.c>\nWSGIRestrictEmbedded On\n</IfModule>\n");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("case.conf", "Include inc/*.conf\n");
        files.put("inc/a.conf", vhost("a.example.com", alias + " process-group=app application-group=%{GLOBAL}"));
        files.put("inc/b.conf", "WSGIDaemonProcess app threads=5\n");
        c.put("alias-in-file-read-before-the-group", files);
        // the options of WSGIScriptAlias itself (FP215)
        one(c, "alias-unknown-option", alias + " foo=bar\n");
        one(c, "alias-option-wrong-case", "WSGIDaemonProcess app threads=5\n" + alias + " Process-Group=app\n");
        one(c, "alias-option-space-before-equals", "WSGIDaemonProcess app threads=5\n" + alias + " process-group =app\n");
        one(c, "alias-option-trailing-comment", "WSGIDaemonProcess app threads=5\n" + alias
                + " process-group=app # the app\n");
        one(c, "alias-empty-process-group", alias + " process-group=\n");
        one(c, "alias-empty-application-group", alias + " application-group=\n");
        one(c, "alias-empty-callable-object", alias + " callable-object=\n");
        one(c, "alias-callable-object", alias + " callable-object=app\n");
        one(c, "alias-pass-authorization-maybe", alias + " pass-authorization=maybe\n");
        one(c, "alias-pass-authorization-on", alias + " pass-authorization=On\n");
        one(c, "alias-pass-authorization-off-lower", alias + " pass-authorization=off\n");
        one(c, "aliasmatch-unknown-option", "WSGIScriptAliasMatch ^/(\\w+) /srv/app.wsgi threads=5\n");
        one(c, "alias-quoted-option-value", "WSGIDaemonProcess app threads=5\n" + alias + " \"process-group=app\"\n");
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("case.conf", "Include inc/*.conf\n");
        ordered.put("inc/a.conf", "WSGIDaemonProcess app threads=5\n");
        ordered.put("inc/b.conf", vhost("a.example.com", alias + " process-group=app application-group=%{GLOBAL}"));
        c.put("alias-in-file-read-after-the-group", ordered);
        return c;
    }

    private static String vhost(String serverName, String body) {
        return "<VirtualHost *:80>\n" + (serverName == null ? "" : "ServerName " + serverName + "\n") + body
                + "\n</VirtualHost>\n";
    }

    private static void one(Map<String, Map<String, String>> c, String name, String text) {
        Httpd.one(c, name, text);
    }

    @Test
    void startUpVerdictsEqualHttpdsWithModWsgi() throws Exception {
        Assumptions.assumeTrue(Httpd.wsgiInstalled(), "apache2 with mod_wsgi is not installed (apt-get install apache2"
                + " libapache2-mod-wsgi-py3): the mod_wsgi oracle cannot run here");
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        Map<String, Map<String, String>> cases = cases();
        for (Map.Entry<String, Map<String, String>> e : cases.entrySet()) {
            Path src = Httpd.writeCase(dir, e.getKey(), true, e.getValue());
            Httpd.Verdict httpd = Httpd.configtest(src.resolve("httpd.conf"));
            EnvironmentResult ours = Httpd.footprint(src);
            List<Finding> refusals = ours.findings().stream().filter(f -> f.severity() == Severity.ERROR
                    && (MpmOracleTest.REFUSING.contains(f.ruleId()) || WSGI.contains(f.ruleId()) && Refusal.is(f)))
                    .collect(Collectors.toList());
            if ((httpd.rc == 0) != refusals.isEmpty()) {
                disagreements.add(e.getKey() + ": httpd rc=" + httpd.rc + " " + httpd.lines + " but footprint "
                        + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
                continue;
            }
            if (httpd.rc == 0) {
                accepted++;
                continue;
            }
            rejected++;
            // the innermost "Syntax error on line N of FILE:" is the error; the line after the last one is its text
            Matcher m = AH00526.matcher(String.join("\n", httpd.lines));
            int line = -1;
            String where = null;
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                where = m.group(2);
            }
            String message = httpd.lines.isEmpty() ? "" : httpd.lines.get(httpd.lines.size() - 1);
            if (where == null) {
                disagreements.add(e.getKey() + ": httpd refused without a line: " + httpd.lines);
                continue;
            }
            String file = "deploy/" + src.relativize(Path.of(where)).toString().replace('\\', '/');
            int at = line;
            boolean said = refusals.stream().anyMatch(f -> f.location().file().equals(file) && f.location().line() == at
                    && f.message().contains("'" + message + "'"));
            if (!said) {
                disagreements.add(e.getKey() + ": httpd refuses at " + file + ":" + line + " with '" + message
                        + "' but footprint's refusals are " + refusals);
            }
        }
        System.out.printf("httpd mod_wsgi oracle: %d cases, %d accepted, %d rejected (lines and messages compared),"
                + " %d disagreements%n", cases.size(), accepted, rejected, disagreements.size());
        assertEquals(Collections.emptyList(), disagreements);
    }
}
