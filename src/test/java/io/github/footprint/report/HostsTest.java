package io.github.footprint.report;

import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.findings.FootprintView;

/**
 * Several identical application hosts behind a balancer on one database ({@code hosts}): memory stays per host, the
 * connections of every host's pools add up against {@code databaseConnections}. The CKAN case of the real projects:
 * a daemon of 2 processes x 15 threads whose {@code apache.wsgi} loads {@code production.ini}, a pool of SQLAlchemy's
 * defaults (5 + 10).
 */
class HostsTest {
    @TempDir
    Path tree;

    /** kohakurei/ansible-role-ckan's files, the .wsgi's loadapp written literally, /etc/ckan/default mapped. */
    private CheckRequest.Builder ckan() throws Exception {
        write(tree, "apache2/sites-enabled/000-ckan_default.conf",
                "WSGISocketPrefix /var/run/wsgi",
                "<VirtualHost 0.0.0.0:80>",
                "    ServerName localhost",
                "    WSGIScriptAlias / /etc/ckan/default/apache.wsgi",
                "    WSGIPassAuthorization On",
                "    WSGIDaemonProcess ckan_default display-name=ckan_default processes=2 threads=15",
                "    WSGIProcessGroup ckan_default",
                "</VirtualHost>");
        write(tree, "ckan/apache.wsgi",
                "from paste.deploy import loadapp",
                "application = loadapp('config:/etc/ckan/default/production.ini')");
        write(tree, "ckan/production.ini",
                "[app:main]",
                "use = egg:ckan",
                "sqlalchemy.url = postgresql://ckan_default@localhost/ckan_default");
        return request(tree).pathMapping("/etc/ckan/default", tree.resolve("ckan").toString());
    }

    private static List<String> console(CheckResult r) {
        List<String> lines = new ArrayList<>();
        new ConsoleReporter().write(r.view(), ReportTarget.console(new ConsoleSink() {
            @Override
            public void error(String line) {
                lines.add(line);
            }

            @Override
            public void warn(String line) {
                lines.add(line);
            }

            @Override
            public void info(String line) {
                lines.add(line);
            }
        }));
        return lines;
    }

    private static FootprintView footprint(CheckResult r) {
        return r.view().environments().get(0).footprint();
    }

    @Test
    void thirtyConnectionsOnOneHostNinetyOnThree() throws Exception {
        CheckResult one = run(ckan());
        assertEquals(30, footprint(one).connections().getAsLong());
        assertEquals(30, footprint(one).fleetConnections().getAsLong());
        assertTrue(console(one).contains("  database connections: max 30; databaseConnections unset"),
                String.join("\n", console(one)));

        CheckResult three = run(ckan().host("hosts", 3).host("databaseConnections", 100));
        assertEquals(30, footprint(three).connections().getAsLong());
        assertEquals(90, footprint(three).fleetConnections().getAsLong());
        assertEquals(3, footprint(three).hosts());
        List<String> lines = console(three);
        assertTrue(lines.contains("  database connections: max 30 per host, 90 on 3 hosts; databaseConnections=100:"
                + " headroom 10"), String.join("\n", lines));
        assertTrue(lines.contains("    [app:main] sqlalchemy.: 2 processes of daemon 'ckan_default' x 15 = 30"),
                String.join("\n", lines));
        // memory is per host: the same worst case on each
        assertEquals(footprint(one).resident(), footprint(three).resident());
        assertEquals(List.of(), findings(three, "FP504"));
    }

    /**
     * The same project with CKAN 2.8's stock {@code apache.wsgi} as published (wsgi-scripts corpus): the INI path is
     * computed from {@code os.path.dirname(os.path.abspath(__file__))}, and no mapping is given, so the link rests on
     * the script's own computation and the only files of those names.
     */
    @Test
    void ckansStockScriptComputesThePathThirtyAndNinety() throws Exception {
        ckan();
        Files.copy(Path.of("src/test/resources/wsgi-scripts/ckan__ckan__apache-wsgi-2.8/apache.wsgi"),
                tree.resolve("ckan/apache.wsgi"), StandardCopyOption.REPLACE_EXISTING);
        CheckResult one = run(request(tree));
        assertEquals(30, footprint(one).connections().getAsLong());
        CheckResult three = run(request(tree).host("hosts", 3));
        assertEquals(30, footprint(three).connections().getAsLong());
        assertEquals(90, footprint(three).fleetConnections().getAsLong());
    }

    @Test
    void fp504SaysWhatFitsPerProcessForThatManyHosts() throws Exception {
        // 60 connections: one host's 30 fit, three hosts' 90 do not
        assertEquals(List.of(), findings(run(ckan().host("databaseConnections", 60)), "FP504"));
        Finding f = only(run(ckan().host("hosts", 3).host("databaseConnections", 60)), "FP504");
        assertEquals("ckan/production.ini:3", f.location().toString());
        assertTrue(f.message().startsWith("The SQLAlchemy pools can open 30 database connections per host, 90 on 3"
                + " hosts, above databaseConnections=60: [app:main] of ckan/production.ini, engine sqlalchemy.: 2"
                + " process(es) x 15 = 30"), f.message());
        assertTrue(f.message().endsWith("Give each pool at most pool_size + max_overflow = 10 per process (60"
                + " connections / 2 pooling processes x 3 hosts), or run fewer processes or hosts"), f.message());
        // fewer connections than pooling processes on all hosts
        Finding none = only(run(ckan().host("hosts", 40).host("databaseConnections", 60)), "FP504");
        assertTrue(none.message().endsWith("Even one connection per process is too many for 2 pooling processes x 40"
                + " hosts: run fewer processes or hosts, or raise databaseConnections"), none.message());
    }
}
