package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.report.ConsoleReporter;
import io.github.footprint.report.JsonReporter;
import io.github.footprint.report.ReportTarget;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.TemplateEngines;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.testing.TokenEngine;

/**
 * Values a template leaves unknown, through the whole check: every reader takes the token where a value may stand
 * (never a syntax error, never a number), a rule that needs the number says so, the footprint counts a stated
 * default, and what alternative branches of a template write is read one combination at a time (alternatives, not
 * duplicates), the footprint being the largest and a finding of only some branches saying when it holds.
 */
class UnknownValuesTest {
    @TempDir
    Path base;

    /** Jinja2 as the plain build renders it; sed-style {@code %NAME%} placeholders through the test's engine. */
    private static final TemplateEngines ENGINES = TemplateEngines.standard().with(Dialect.SED, new TokenEngine());

    private CheckResult run(CheckRequest.Builder request) throws Exception {
        return new CheckEngine(ENGINES).run(request.build());
    }

    private CheckResult run() throws Exception {
        return run(Trees.request(base));
    }

    private static List<String> ids(EnvironmentResult r) {
        return r.findings().stream().map(f -> f.ruleId() + "@" + f.location()).collect(Collectors.toList());
    }

    private static Finding only(EnvironmentResult r, String ruleId) {
        List<Finding> fs = r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).collect(Collectors.toList());
        assertEquals(1, fs.size(), ruleId + " in " + ids(r));
        return fs.get(0);
    }

    private static String console(CheckResult r) {
        Trees.Console c = new Trees.Console();
        new ConsoleReporter().write(r.view(), ReportTarget.console(c));
        return c.text();
    }

    private String json(CheckResult r, String folder) throws Exception {
        Path p = new JsonReporter().write(r.view(), ReportTarget.files(base.resolve(folder))).orElseThrow();
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static List<Assumption.Kind> assumed(Deployment d) {
        return d.footprint().assumptions().stream().map(Assumption::kind).collect(Collectors.toList());
    }

    @Test
    void aDaemonWhoseNameAndSizeAreJinjaExpressionsIsReadNotRefused() throws Exception {
        Trees.deploy(base, "templates/vhost.conf.j2", "WSGIRestrictEmbedded On\n"
                + "<VirtualHost *:80>\n"
                + "  ServerName {{ server_name }}\n"
                + "  WSGIDaemonProcess {{ site }} processes={{ workers }} threads={{ threads | int }}"
                + " maximum-requests=1000 display-name=%{GROUP}\n"
                + "  WSGIProcessGroup {{ site }}\n"
                + "  WSGIApplicationGroup %{GLOBAL}\n"
                + "  WSGIScriptAlias / {{ app_dir }}/app.wsgi\n"
                + "</VirtualHost>\n");
        CheckResult r = run();
        EnvironmentResult e = r.environments().get(0);
        // no FP204 (processes= read as 0), FP205/FP210 (threads= read as 0), FP207 (the group names two tokens)
        assertEquals(List.of("FP006@", "FP505@"), ids(e));
        DaemonGroup g = e.deployment().daemons().get(0);
        assertTrue(Unknowns.isToken(g.name()), g.name());
        assertEquals(1, g.processes(), "mod_wsgi's default processes=1 stands for the unknown");
        assertEquals(15, g.threads(), "mod_wsgi's default threads=15 stands for the unknown");
        assertTrue(g.values().processes().orElseThrow().unknown());
        assertEquals(1000, g.maximumRequests(), "the literal options beside the unknowns are read as written");
        assertEquals(g, e.deployment().mounts().get(0).daemon(), "the same expression is the same group");
        String text = console(r) + "\n" + json(r, "out");
        assertFalse(text.contains(String.valueOf(Unknowns.OPEN)), "a token never leaves the plugin:\n" + text);
        assertTrue(text.contains("daemon '{{ site }}'"), text);
        assertTrue(text.contains("processes={{ workers }} of daemon '{{ site }}' (src/main/deploy/templates/"
                + "vhost.conf.j2:4) is a value the template leaves unknown: mod_wsgi's default processes=1 is"
                + " counted"), text);
        assertTrue(text.contains("threads={{ threads | int }} of daemon '{{ site }}'"), text);
        assertEquals(2, assumed(e.deployment()).stream().filter(k -> k == Assumption.Kind.DAEMON_VALUE_UNKNOWN)
                .count());
    }

    @Test
    void differentExpressionsForTheGroupLeaveTheSelectionUnjudged() throws Exception {
        Trees.deploy(base, "vhost.conf.j2", "<VirtualHost *:80>\n"
                + "  WSGIDaemonProcess {{ site }} threads=4 maximum-requests=500\n"
                + "  WSGIProcessGroup {{ site_group }}\n"
                + "  WSGIScriptAlias / /srv/app.wsgi\n"
                + "</VirtualHost>\n");
        EnvironmentResult e = run().environments().get(0);
        assertFalse(ids(e).stream().anyMatch(s -> s.startsWith("FP207")), "whether they match is unknown: " + ids(e));
    }

    @Test
    void sedPlaceholdersStandAsValuesWholeOptionsAndWholeDirectives() throws Exception {
        Trees.deploy(base, "files/apache-api.template", "Listen %PUBLICPORT%\n"
                + "<VirtualHost *:%PUBLICPORT%>\n"
                + "    WSGIDaemonProcess api processes=%APIWORKERS% threads=1 user=%USER% display-name=%{GROUP}"
                + " %VIRTUALENV%\n"
                + "    WSGIProcessGroup api\n"
                + "    WSGIScriptAlias / %API_BIN%/api-wsgi\n"
                + "    WSGIApplicationGroup %{GLOBAL}\n"
                + "    ErrorLog /var/log/%APACHE_NAME%/api.log\n"
                + "    %SSLENGINE%\n"
                + "</VirtualHost>\n"
                + "%SSLLISTEN%<VirtualHost *:443>\n"
                + "%SSLLISTEN%    %SSLENGINE%\n"
                + "%SSLLISTEN%</VirtualHost>\n");
        CheckResult r = run();
        EnvironmentResult e = r.environments().get(0);
        // processes=%APIWORKERS% is no 0 (FP204), %VIRTUALENV% no refused option, %SSLENGINE% no syntax error
        assertEquals(List.of("FP006@", "FP505@", "FP202@src/main/deploy/files/apache-api.template:3",
                "FP209@src/main/deploy/files/apache-api.template:3"), ids(e));
        DaemonGroup g = e.deployment().daemons().get(0);
        assertEquals("api", g.name());
        assertEquals(1, g.processes());
        assertTrue(g.unknown("processes"));
        assertEquals(1, g.threads());
        assertTrue(console(r).contains("processes=%APIWORKERS% of daemon 'api'"), console(r));
    }

    @Test
    void anUnknownMaximumRequestsIsSaidToBeUnknownNotNever() throws Exception {
        Trees.deploy(base, "app.conf.j2", "WSGIDaemonProcess app threads=5 maximum-requests={{ max_requests }}\n");
        EnvironmentResult e = run().environments().get(0);
        Finding f = only(e, "FP202");
        assertEquals(Severity.INFO, f.severity());
        assertEquals("WSGIDaemonProcess app maximum-requests={{ max_requests }} is left unknown by the template; give"
                + " its variable a value (500, in 100-1000) so this can be checked", f.message());
        assertEquals("Whether its 1 process(es) are ever recycled depends on that value.", f.detail());
    }

    @Test
    void unknownMpmValuesCountTheCompiledInDefaultAndSayWhich() throws Exception {
        Trees.deploy(base, "httpd.conf.j2", "ServerRoot /etc/httpd\n"
                + "LoadModule mpm_event_module modules/mod_mpm_event.so\n"
                + "LoadModule wsgi_module modules/mod_wsgi.so\n"
                + "ServerLimit {{ server_limit }}\n"
                + "MaxRequestWorkers {{ max_workers }}\n"
                + "ThreadsPerChild {{ threads_per_child }}\n"
                + "WSGIRestrictEmbedded On\n");
        CheckResult r = run(Trees.request(base).apacheMain(base.resolve("src/main/deploy/httpd.conf.j2")));
        EnvironmentResult e = r.environments().get(0);
        // atoi of a token is 0: read so, three FP102 (ServerLimit 0, MaxRequestWorkers 0, ThreadsPerChild 0)
        assertFalse(ids(e).stream().anyMatch(s -> s.startsWith("FP1")), ids(e).toString());
        Deployment d = e.deployment();
        assertEquals(400, d.mpm().effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(25, d.mpm().effective(MpmDirective.THREADS_PER_CHILD));
        assertEquals(16, d.mpm().maxChildren());
        assertEquals(3, d.mpm().unknownValues().size());
        String text = json(r, "out");
        assertTrue(text.contains("MaxRequestWorkers {{ max_workers }} (src/main/deploy/httpd.conf.j2:5) is a value"
                + " the template leaves unknown: the event MPM's compiled-in 400 is counted"), text);
    }

    @Test
    void anUnknownPoolSizeNamesItsExpression() throws Exception {
        Trees.deploy(base, "production.ini.j2", "[app:main]\nuse = egg:shop\n"
                + "sqlalchemy.url = postgresql://shop@db/shop\n"
                + "sqlalchemy.pool_size = {{ pool_size }}\n");
        CheckResult r = run();
        String text = console(r);
        assertTrue(text.contains("database connections: unknown"), text);
        // why, in footprint.json's pool (and FP505's detail)
        String json = json(r, "out");
        assertTrue(json.contains("pool_size '{{ pool_size }}' (src/main/deploy/production.ini.j2:4) is a value the"
                + " template leaves unknown"), json);
        assertFalse(text.contains("ValueError"), "an unknown is no text int() refuses:\n" + text);
    }

    // ---- alternatives --------------------------------------------------------------------------------------

    private static final String BRANCHED_VHOST = "WSGIRestrictEmbedded On\n"
            + "<VirtualHost *:80>\n"
            + "  ServerName ckan.example.org\n"
            + "{% if ckan_high_load %}\n"
            + "  WSGIDaemonProcess ckan processes=8 threads=15 maximum-requests=1000\n"
            + "{% else %}\n"
            + "  WSGIDaemonProcess ckan processes=2 threads=15\n"
            + "{% endif %}\n"
            + "  WSGIProcessGroup ckan\n"
            + "  WSGIApplicationGroup %{GLOBAL}\n"
            + "  WSGIScriptAlias / /etc/ckan/apache.wsgi\n"
            + "</VirtualHost>\n";

    @Test
    void directivesOfAlternativeBranchesAreAlternativesAndTheLargestIsCounted() throws Exception {
        Trees.deploy(base, "vhost.conf.j2", BRANCHED_VHOST);
        CheckResult r = run();
        EnvironmentResult e = r.environments().get(0);
        // one WSGIDaemonProcess ckan per reading: no FP206 (duplicate daemon name)
        assertEquals(List.of("FP006@", "FP505@", "FP202@src/main/deploy/vhost.conf.j2:7"), ids(e));
        Finding fp202 = only(e, "FP202");
        assertEquals("WSGIDaemonProcess ckan has no maximum-requests: its 2 process(es) never recycle; add"
                + " maximum-requests=500 (100-1000) and graceful-timeout (in some branches)", fp202.message());
        assertTrue(fp202.detail().startsWith("Holds only when ckan_high_load is false"
                + " (src/main/deploy/vhost.conf.j2:4). "), fp202.detail());
        DaemonGroup g = e.deployment().daemons().get(0);
        assertEquals(8, g.processes(), "the footprint is the largest of the alternatives");
        assertEquals(1, e.deployment().daemons().size());
        assertTrue(assumed(e.deployment()).contains(Assumption.Kind.TEMPLATE_BRANCHES));
        String text = json(r, "out");
        assertTrue(text.contains("the templates branch on values no one knows: 2 combinations of their branches were"
                + " read, and the largest footprint is counted, when ckan_high_load is true"
                + " (src/main/deploy/vhost.conf.j2:4)"), text);
    }

    @Test
    void keysOfAlternativeBranchesAreNoDuplicatesAndAFindingOfOneBranchSaysWhich() throws Exception {
        Trees.deploy(base, "production.ini.j2", "[app:main]\n"
                + "use = egg:ckan\n"
                + "{% if ckan_debug %}\n"
                + "debug = true\n"
                + "{% else %}\n"
                + "debug = false\n"
                + "{% endif %}\n"
                + "sqlalchemy.url = postgresql://ckan@db/ckan\n"
                + "{% if ckan_big_pool %}\n"
                + "sqlalchemy.pool_size = 20\n"
                + "{% else %}\n"
                + "sqlalchemy.pool_size = 5\n"
                + "{% endif %}\n");
        CheckResult r = run(Trees.request(base).environment("production", null, new Properties(), Map.of()));
        EnvironmentResult e = r.environments().get(0);
        // no FP001 (configparser's DuplicateOptionError for debug or pool_size): never read together
        assertFalse(ids(e).stream().anyMatch(s -> s.startsWith("FP001")), ids(e).toString());
        Finding debug = only(e, "FP309");
        assertEquals("src/main/deploy/production.ini.j2:4", debug.location().toString());
        assertTrue(debug.message().endsWith(" (in some branches)"), debug.message());
        assertTrue(debug.detail().startsWith("Holds only when ckan_debug is true"
                + " (src/main/deploy/production.ini.j2:3)."), debug.detail());
        // the largest pool counted: 20 + 10 (max_overflow's default) in the one process assumed
        assertEquals(30, e.deployment().footprint().connections().getAsLong());
    }

    @Test
    void branchesReadTheSameWayGiveIdenticalReports() throws Exception {
        Trees.deploy(base, "vhost.conf.j2", BRANCHED_VHOST, "production.ini.j2", "[app:main]\nuse = egg:ckan\n"
                + "{% if ckan_debug %}\ndebug = true\n{% endif %}\nsqlalchemy.pool_size = {{ pool }}\n");
        byte[] first = json(run(), "out1").getBytes(StandardCharsets.UTF_8);
        byte[] second = json(run(), "out2").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first, second);
    }
}
