package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Secrets;
import io.github.footprint.report.ConsoleReporter;
import io.github.footprint.report.HtmlReporter;
import io.github.footprint.report.JUnitReporter;
import io.github.footprint.report.JsonReporter;
import io.github.footprint.report.ReportTarget;
import io.github.footprint.report.SarifReporter;

/**
 * Every way a secret leaked in the hostile-input trial, through every report format (console, JSON, SARIF, JUnit,
 * HTML): a secret is masked wherever it travels (quoted, substituted, interpolated, cut), and nothing else is masked
 * (a short password inside paths, a placeholder's name, a file name).
 */
class SecretsLeakTest {
    @TempDir
    Path base;

    /** The check of the tree, every report written; the texts by format. */
    private Map<String, String> reports(CheckRequest.Builder request) throws Exception {
        CheckResult r = new CheckEngine().run(request.build());
        Path out = base.resolve("target/footprint");
        Map<String, String> texts = new LinkedHashMap<>();
        Trees.Console console = new Trees.Console();
        new ConsoleReporter().write(r.view(), ReportTarget.console(console));
        texts.put("console", console.text());
        texts.put("json", read(new JsonReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
        texts.put("sarif", read(new SarifReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
        texts.put("junit", read(new JUnitReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
        texts.put("html", read(new HtmlReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
        for (Map.Entry<String, String> e : texts.entrySet()) {
            assertFalse(Secrets.marked(e.getValue()), "a marker reached the " + e.getKey() + " report");
        }
        return texts;
    }

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** No secret in any format, as written or as each format escapes it. */
    private static void noLeak(Map<String, String> texts, String... secrets) {
        for (Map.Entry<String, String> e : texts.entrySet()) {
            for (String s : secrets) {
                for (String form : forms(s)) {
                    assertFalse(e.getValue().contains(form),
                            "'" + form + "' in the " + e.getKey() + " report:\n" + e.getValue());
                }
            }
        }
    }

    /** A secret as written, in JSON's and HTML's escapes, and in Python's repr. */
    private static List<String> forms(String s) {
        List<String> out = new ArrayList<>(List.of(s));
        String json = s.replace("\\", "\\\\").replace("\"", "\\\"");
        String html = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
        String repr = s.replace("\\", "\\\\").replace("'", "\\'");
        for (String f : List.of(json, html, repr, repr.replace("\\", "\\\\"))) {
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Each format shows this text (a finding that quotes the secret's line is there, masked), as it escapes it. */
    private static void shows(Map<String, String> texts, String text) {
        for (Map.Entry<String, String> e : texts.entrySet()) {
            boolean found = false;
            for (String form : escapes(text)) {
                found |= e.getValue().contains(form);
            }
            assertTrue(found, "'" + text + "' missing in the " + e.getKey() + " report:\n" + e.getValue());
        }
    }

    private static List<String> escapes(String s) {
        String json = s.replace("\\", "\\\\").replace("\"", "\\\"");
        String amp = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // SARIF's message.markdown escapes markdown's characters, then JSON's
        String markdown = s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[")
                .replace("]", "\\]");
        return List.of(s, json, markdown.replace("\\", "\\\\").replace("\"", "\\\""), amp,
                amp.replace("'", "&#39;").replace("\"", "&quot;"),
                amp.replace("'", "&apos;").replace("\"", "&quot;"), amp.replace("\"", "&quot;"),
                amp.replace("'", "&#x27;").replace("\"", "&#x22;"), amp.replace("'", "&#39;"));
    }

    private static String ini(String... lines) {
        return "[app:main]\nuse = egg:myapp\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void aPasswordWithAPercentSignQuotedByTheInterpolationError() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("db.password = Xk9%Lm2#qPzz", "debug = false"));
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "Xk9%Lm2#qPzz", "%Lm2#qPzz", "Lm2#qPzz");
        shows(t, "found: '****'");
    }

    @Test
    void aPercentEncodedUrlPasswordRawAndDecoded() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("sqlalchemy.url = postgresql://app:p%40ssW0rdQ@db/app"));
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "p%40ssW0rdQ", "%40ssW0rdQ", "p@ssW0rdQ", "ssW0rdQ");
        // the interpolation error quotes from the '%' on: the rest of the password is masked, the host is not
        shows(t, "found: '****@db/app'");
    }

    @Test
    void aValueWithBackslashQuoteAndAMissingReference() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("session.secret = Bq\\x'Z7%(nope)sTail9"));
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "Bq\\x'Z7", "Tail9", "Bq\\\\x");
        // repr() takes double quotes for a value that holds a single one; the quotation is in the detail, which every
        // report but the console (without verbose) carries
        Map<String, String> detailed = new java.util.TreeMap<>(t);
        detailed.remove("console");
        shows(detailed, "Raw value: \"****\"");
    }

    @Test
    void aPasswordFromSystemdEnvironmentSubstitutedIntoADirective() throws Exception {
        Trees.deploy(base, "systemd/apache2.service",
                "[Service]\nEnvironment=DB_PASSWORD=SysQuoted55\nExecStart=/usr/sbin/apache2ctl start\n",
                "apache/app.conf", "WSGIDaemonProcess app processes=${DB_PASSWORD} threads=2\n"
                        + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app.wsgi\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "SysQuoted55");
        shows(t, "processes=****");
    }

    @Test
    void aPasswordExportedByEnvvarsSubstitutedIntoADirective() throws Exception {
        Trees.deploy(base, "apache2/envvars", "export APACHE_RUN_USER=www-data\nexport PGPASSWORD='Exp0rtedPw'\n",
                "apache2/apache2.conf", "WSGIDaemonProcess app processes=${PGPASSWORD} threads=2\n"
                        + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app.wsgi\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "Exp0rtedPw");
        shows(t, "processes=****");
    }

    @Test
    void aDefinedPasswordSubstitutedIntoADirectiveEvenOfTwoCharacters() throws Exception {
        Trees.deploy(base, "apache/app.conf", "Define DB_PASSWORD Q7\nDefine API_TOKEN \"T0k en\"\n"
                + "WSGIDaemonProcess app processes=${DB_PASSWORD} threads=${API_TOKEN}\n"
                + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app.wsgi\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "processes=Q7", "'Q7'", "T0k en", "T0k");
        shows(t, "processes=****");
    }

    @Test
    void aDefinedPasswordInAnIncludePathResolvesAndStaysMasked() throws Exception {
        // the path resolves with the value (the secret markers are not part of it): the included file is read and its
        // daemon counted; a message that quotes the Include line masks the value
        Trees.deploy(base, "apache/httpd.conf", "Define DB_PASSWORD Inc1udedPw\n"
                + "Include conf/${DB_PASSWORD}/*.conf\nInclude conf/${DB_PASSWORD}/missing.conf\n"
                + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app.wsgi\n",
                "apache/conf/Inc1udedPw/app.conf", "WSGIDaemonProcess app processes=3 threads=2\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "conf/Inc1udedPw/missing");
        shows(t, "Could not open configuration file conf/****/missing.conf");
        // the glob's folder, named with the value, is found: only the missing file is an error
        assertFalse(t.get("console").contains("Could not open directory"), t.get("console"));
        assertEquals(1, t.get("console").split("FP003", -1).length - 1, t.get("console"));
    }

    @Test
    void numericSecretsInVariablesFilesAreMaskedLikeStrings() throws Exception {
        Trees.deploy(base, "roles/web/defaults/main.yml", "db_password: 918273645\napi_token: 7.25e3\nworkers: 2\n",
                "roles/web/vars/main.json", "{\"app_secret\": 5550123}\n",
                "roles/web/templates/vhost.conf.j2", "WSGIDaemonProcess web processes={{ db_password }}"
                        + " threads={{ api_token }} maximum-requests={{ app_secret }}x\n"
                        + "WSGIProcessGroup web\nWSGIScriptAlias / /srv/web.wsgi\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "918273645", "7250", "7.25e3", "5550123");
    }

    @Test
    void aMalformedVariablesFileNamesItsLineNotItsContent() throws Exception {
        Trees.deploy(base, "roles/web/defaults/main.yml", "db_password: \"Ma1formedPw\nworkers: [2\n",
                "roles/web/vars/main.json", "{\"api_token\": Js0nSecretTk}\n",
                "roles/web/templates/vhost.conf.j2", "WSGIDaemonProcess web processes={{ workers | default(2) }}\n"
                        + "WSGIProcessGroup web\nWSGIScriptAlias / /srv/web.wsgi\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "Ma1formedPw", "Js0nSecretTk", "Ma1formed", "Js0nSecret");
        shows(t, "variables file: not valid JSON: Unrecognized token: was expecting");
        shows(t, "variables file: not valid YAML: found unexpected end of stream");
    }

    @Test
    void passwordAndTokenOptionsQuotedByFp204() throws Exception {
        Trees.deploy(base, "apache/app.conf", "WSGIDaemonProcess app processes=2 password=Opt1onPw"
                + " secret-token=T0kenVal # password: C0mment9Pw\n"
                + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app.wsgi\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "Opt1onPw", "T0kenVal", "C0mment9Pw");
        shows(t, "password=****");
    }

    @Test
    void aNameThatEqualsAPlainPasswordIsNoSecret() throws Exception {
        // kohakurei/ansible-role-ckan: the database password and the daemon are both ckan_default; the password is
        // masked where it stands, the daemon's name is shown wherever it stands
        Trees.deploy(base, "app/production.ini", ini("sqlalchemy.url = postgresql://app:ckan_default@db/app"),
                "apache/app.conf", "WSGIDaemonProcess ckan_default processes=2 threads=15\n");
        Map<String, String> t = reports(Trees.request(base));
        shows(t, "ckan_default");
        noLeak(t, "app:ckan_default@");
    }

    @Test
    void aUrlPasswordHoldingAnAtSign() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("sqlalchemy.url = postgresql://app:p@ss@w0rd@db/app"),
                "apache/app.conf", "WSGIDaemonProcess app processes=2 db=postgresql://app:p@ss@w0rd@db/app\n");
        Map<String, String> t = reports(Trees.request(base));
        // @ss@ is a Maven placeholder to the filtering: FP002 names it masked, a piece of the password
        noLeak(t, "p@ss@w0rd", "ss@w0rd", "w0rd", "@ss@");
        shows(t, "db=postgresql://app:****@db/app");
        shows(t, "**** is not a property of this environment");
    }

    @Test
    void aPasswordNamedInACommentOrWrittenWithoutItsDelimiter() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("password B4reWordPw", "  # password: Indented9Pw"),
                "apache/app.conf", "WSGIDaemonProcess app threads=2 # db password = C0mmentPw\n"
                        + "WSGIProcessGroup app\nWSGIScriptAlias / /srv/app.wsgi\n");
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "B4reWordPw", "C0mmentPw", "Indented9Pw");
        shows(t, "'password ****'");
    }

    @Test
    void anAnsibleVaultBlockIsNeverPrinted() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("$ANSIBLE_VAULT;1.1;AES256",
                "62313365396662343061393464336163383764373764613633653634306231386433626436623361",
                "6134333665353966363534333632666535333761666131620a663537646436643839616266366361"));
        Map<String, String> t = reports(Trees.request(base));
        noLeak(t, "ANSIBLE_VAULT", "6231336539", "6134333665");
        shows(t, "'****'");
        // in a file of sed placeholders too: the vault header is no $NAME placeholder, the block stays one
        Trees.deploy(base, "app/production.ini", ini("workers = %WORKERS%", "$ANSIBLE_VAULT;1.1;AES256",
                "62313365396662343061393464336163383764373764613633653634306231386433626436623361",
                "6134333665353966363534333632666535333761666131620a663537646436643839616266366361"));
        t = reports(Trees.request(base));
        noLeak(t, "ANSIBLE_VAULT", "6231336539", "6134333665");
        shows(t, "'****'");
    }

    @Test
    void aMavenPropertyAndAJinjaVariableStaySecretWhereverTheyAreRendered() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("db.url = postgresql://app:${db.password}@db/app",
                "broken line with ${db.password} in it"),
                "roles/web/defaults/main.yml", "app_secret_key: J1njaSecretV\nworkers: 2\n",
                "roles/web/templates/vhost.conf.j2", "WSGIDaemonProcess web processes={{ app_secret_key }}\n"
                        + "WSGIProcessGroup web\nWSGIScriptAlias / /srv/web.wsgi\n");
        Properties p = new Properties();
        p.setProperty("db.password", "Pr0pPw");
        Map<String, String> t = reports(Trees.request(base).userProperties(p));
        noLeak(t, "Pr0pPw", "J1njaSecretV");
        shows(t, "'broken line with **** in it'");
        shows(t, "processes=****");
    }

    @Test
    void aShortCommonPasswordMasksNeitherPathsNorNames() throws Exception {
        Trees.deploy(base, "etc/ckan/ckan.ini", ini("sqlalchemy.url = postgresql://ckan:ckan@localhost/ckan",
                "ckan.site_url = http://ckan.example.org", "no delimiter on this ckan line"),
                "etc/ckan/apache.conf", "WSGIDaemonProcess ckan processes=2 db=postgresql://ckan:ckan@localhost/ckan"
                        + " home=/etc/ckan\n");
        Map<String, String> t = reports(Trees.request(base));
        // the password is masked where it stands, the user, the database, the path and the text are not
        shows(t, "db=postgresql://ckan:****@localhost/ckan");
        shows(t, "src/main/deploy/etc/ckan/apache.conf");
        shows(t, "src/main/deploy/etc/ckan/ckan.ini");
        shows(t, "'no delimiter on this ckan line'");
        for (Map.Entry<String, String> e : t.entrySet()) {
            assertFalse(e.getValue().contains("etc/****"), e.getKey());
        }
    }

    @Test
    void aPlaceholderInsideAUrlIsNamedNotMasked() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("sqlalchemy.url = postgresql://user:${db.password}@db/app"));
        Map<String, String> t = reports(Trees.request(base));
        shows(t, "${db.password} is not a property");
    }

    @Test
    void aFileNamedLikeAPasswordIsNamedAlikeInEveryFormat() throws Exception {
        Trees.deploy(base, "app/production.ini", ini("db.password = Vh0stFile1"),
                "apache/Vh0stFile1.conf", "WSGIDaemonProcess app processes=two\n");
        CheckResult r = new CheckEngine().run(Trees.request(base).build());
        Map<String, String> t = reports(Trees.request(base));
        shows(t, "src/main/deploy/apache/Vh0stFile1.conf");
        JsonNode json = new ObjectMapper().readTree(t.get("json"));
        boolean located = false;
        for (JsonNode f : json.get("environments").get(0).get("findings")) {
            located |= f.get("file").asText().equals("src/main/deploy/apache/Vh0stFile1.conf");
        }
        assertTrue(located, t.get("json"));
        Finding fp = r.environments().get(0).findings().stream()
                .filter(f -> f.location().file().endsWith("Vh0stFile1.conf")).findFirst().orElseThrow();
        assertEquals("src/main/deploy/apache/Vh0stFile1.conf", fp.location().file());
    }
}
