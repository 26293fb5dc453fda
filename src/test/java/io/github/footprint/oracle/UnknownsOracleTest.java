package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
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

import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.TemplateEngines;
import io.github.footprint.testing.TokenEngine;

/**
 * Real httpd judges footprint's reading of values a template leaves unknown. Each case is an httpd file with
 * sed-style placeholders ({@code %NAME%}) where a value, a whole option, a whole directive or a line prefix stands,
 * and a few sets of literals a deployment could put there. footprint reads the placeholders as unknown tokens (never
 * a syntax error, never a refused option); httpd reads each set of literals in their place. Where footprint finds
 * nothing httpd refuses on the template, httpd must accept it with every set of literals; where footprint finds a
 * refusal (in what is written literally beside the unknowns), httpd must refuse with every set.
 */
class UnknownsOracleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Z][A-Z0-9_]*)%");
    private static final Set<String> REFUSING = Set.of("FP001", "FP003", "FP101", "FP103", "FP104", "FP204",
            "FP206");

    @TempDir
    Path dir;

    /** A template, and the literal sets httpd reads in its placeholders' place. */
    private static final class Case {
        final String name;
        final String template;
        final List<Map<String, String>> literals = new ArrayList<>();

        Case(String name, String template) {
            this.name = name;
            this.template = template;
        }

        Case with(String... namesAndValues) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                m.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            literals.add(m);
            return this;
        }

        String render(Map<String, String> values) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                if (v == null) {
                    throw new IllegalStateException(name + ": no literal for " + m.group());
                }
                m.appendReplacement(b, Matcher.quoteReplacement(v));
            }
            return m.appendTail(b).toString();
        }
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("daemon-name-and-numbers", "WSGIDaemonProcess %SITE% processes=%WORKERS% threads=%THREADS%"
                + " display-name=%{GROUP}\nWSGIProcessGroup %SITE%\n")
                .with("SITE", "app", "WORKERS", "2", "THREADS", "15")
                .with("SITE", "ckan-default", "WORKERS", "8", "THREADS", "1"));
        c.add(new Case("whole-option", "WSGIDaemonProcess app processes=2 threads=15 %VIRTUALENV%\n")
                .with("VIRTUALENV", "python-path=/srv/venv/lib")
                .with("VIRTUALENV", "")
                .with("VIRTUALENV", "python-home=/usr maximum-requests=500"));
        c.add(new Case("whole-directive", "<VirtualHost *:%PUBLICPORT%>\n    ServerName api\n    %SSLENGINE%\n"
                + "    %SSLCERTFILE%\n</VirtualHost>\n")
                .with("PUBLICPORT", "5000", "SSLENGINE", "", "SSLCERTFILE", "")
                .with("PUBLICPORT", "80", "SSLENGINE", "Timeout 30", "SSLCERTFILE", "KeepAlive Off"));
        c.add(new Case("line-prefix", "%SSLLISTEN%<VirtualHost *:443>\n%SSLLISTEN%    %SSLENGINE%\n"
                + "%SSLLISTEN%</VirtualHost>\n")
                .with("SSLLISTEN", "#", "SSLENGINE", "SSLEngine on")
                .with("SSLLISTEN", "", "SSLENGINE", "Timeout 30"));
        c.add(new Case("mpm-values", "<IfModule mpm_event_module>\n    MaxRequestWorkers %MAXWORKERS%\n"
                + "    ThreadsPerChild %THREADSPERCHILD%\n</IfModule>\n")
                .with("MAXWORKERS", "150", "THREADSPERCHILD", "25")
                .with("MAXWORKERS", "400", "THREADSPERCHILD", "25"));
        c.add(new Case("unknown-module", "<IfModule %MPMMODULE%>\n    Timeout 30\n</IfModule>\n")
                .with("MPMMODULE", "mpm_event_module")
                .with("MPMMODULE", "!mod_nonexistent.c"));
        c.add(new Case("unknown-include", "IncludeOptional %CONFDIR%/*.conf\n")
                .with("CONFDIR", "/nonexistent-footprint-dir"));
        c.add(new Case("script-alias-path", "WSGIDaemonProcess app threads=4\nWSGIScriptAlias / %KEYSTONE_BIN%/app.wsgi"
                + " process-group=app application-group=%{GLOBAL}\n")
                .with("KEYSTONE_BIN", "/srv/bin")
                .with("KEYSTONE_BIN", "/usr/local/bin"));
        c.add(new Case("refusal-beside-an-unknown", "WSGIDaemonProcess app processes=%WORKERS% bogus-option=1\n")
                .with("WORKERS", "2")
                .with("WORKERS", "16"));
        return c;
    }

    private static List<String> refusals(EnvironmentResult r) {
        return r.findings().stream().filter(f -> REFUSING.contains(f.ruleId()) && f.severity() == Severity.ERROR)
                .map(Finding::toString).collect(Collectors.toList());
    }

    @Test
    void httpdAcceptsWithAnyLiteralWhatFootprintReadsWithTheUnknown() throws Exception {
        Assumptions.assumeTrue(Httpd.wsgiInstalled(), "apache2 with mod_wsgi is not installed");
        TemplateEngines engines = TemplateEngines.standard().with(Dialect.SED, new TokenEngine());
        int judged = 0;
        List<String> disagreements = new ArrayList<>();
        for (Case c : cases()) {
            Path src = Httpd.writeCase(dir, c.name, true, Map.of("case.conf", c.template));
            Path caseDir = src.getParent();
            EnvironmentResult r = new CheckEngine(engines).run(new CheckRequest.Builder().baseDirectory(caseDir)
                    .sourceDirectory(src).outputDirectory(caseDir.resolve("out")).build()).environments().get(0);
            List<String> refused = refusals(r);
            for (int i = 0; i < c.literals.size(); i++) {
                Path lit = Httpd.writeCase(dir, c.name + "-" + i, true, Map.of("case.conf", c.render(c.literals.get(i))));
                Httpd.Verdict httpd = Httpd.configtest(lit.resolve("httpd.conf"));
                judged++;
                if ((httpd.rc == 0) != refused.isEmpty()) {
                    disagreements.add(c.name + " with " + c.literals.get(i) + ": httpd rc " + httpd.rc + " "
                            + httpd.lines + ", footprint on the template " + refused);
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(18, judged);
    }

    @Test
    void theRefusalBesideAnUnknownIsTheLiteralOption() throws Exception {
        Path src = Httpd.writeCase(dir, "refusal", true, Map.of("case.conf",
                "WSGIDaemonProcess app processes=%WORKERS% bogus-option=1\n"));
        Path caseDir = src.getParent();
        EnvironmentResult r = new CheckEngine(TemplateEngines.standard().with(Dialect.SED, new TokenEngine()))
                .run(new CheckRequest.Builder().baseDirectory(caseDir).sourceDirectory(src)
                        .outputDirectory(caseDir.resolve("out")).build()).environments().get(0);
        List<Finding> fp204 = r.findings().stream().filter(f -> f.ruleId().equals("FP204"))
                .collect(Collectors.toList());
        assertEquals(1, fp204.size(), r.findings().toString());
        assertTrue(fp204.get(0).message().contains("bogus-option"), fp204.get(0).message());
    }
}
