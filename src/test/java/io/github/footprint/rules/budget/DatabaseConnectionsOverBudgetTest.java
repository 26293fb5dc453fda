package io.github.footprint.rules.budget;

import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static io.github.footprint.rules.RuleTestSupport.writeLinkedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Finding;
import io.github.footprint.model.pylons.SqlEngine;

class DatabaseConnectionsOverBudgetTest {
    private static final String ID = "FP504";
    private static final String INI = "app/production.ini";
    private static final String URL = "sqlalchemy.url = postgresql://app@db.internal/app";

    @TempDir
    Path tree;

    @Test
    void defaultPoolsInEveryProcessAndThePoolSizeThatFits() throws Exception {
        writeLinkedApp(tree, "processes=4 threads=10 maximum-requests=500", URL);
        int perProcess = SqlEngine.DEFAULT_POOL_SIZE + SqlEngine.DEFAULT_MAX_OVERFLOW;
        Finding f = only(run(request(tree).host("databaseConnections", 40)), ID);
        // no pool_size line: the engine's url
        assertEquals(new Location(INI, 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("SQLAlchemy pools can open " + 4 * perProcess + " connections, above databaseConnections=40; give"
                + " each pool at most " + 40 / 4 + " per process (pool_size + max_overflow)", f.message());
        assertEquals("The pools: [app:main] of " + INI + ", engine sqlalchemy.: 4 process(es) x " + perProcess + " = "
                + 4 * perProcess + " (processes=4 of daemon 'app' (apache/app.conf:3); pool_size "
                + SqlEngine.DEFAULT_POOL_SIZE + " (default) + max_overflow " + SqlEngine.DEFAULT_MAX_OVERFLOW
                + " (default)). 40 connections / 4 pooling processes = " + 40 / 4 + " per process: pool_size +"
                + " max_overflow at most " + 40 / 4 + " in each pool, or run fewer processes.", f.detail());
    }

    @Test
    void everyPoolIsListedLargestFirstAndTheFindingIsAtTheLargest() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    ServerName shop.example.com",
                "    WSGIDaemonProcess shop processes=2 threads=10 maximum-requests=500",
                "    WSGIProcessGroup shop",
                "    WSGIScriptAlias / /srv/shop/shop.wsgi",
                "</VirtualHost>",
                "<VirtualHost *:80>",
                "    ServerName admin.example.com",
                "    WSGIDaemonProcess admin processes=4 threads=10 maximum-requests=500",
                "    WSGIProcessGroup admin",
                "    WSGIScriptAlias / /srv/admin/admin.wsgi",
                "</VirtualHost>");
        write(tree, "shop/shop.wsgi", "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/shop/shop.ini')");
        write(tree, "admin/admin.wsgi", "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/admin/admin.ini')");
        write(tree, "shop/shop.ini", "[app:main]", "use = egg:shop", "sqlalchemy.url = postgresql://shop@db/shop",
                "sqlalchemy.pool_size = 5", "sqlalchemy.max_overflow = 5");
        write(tree, "admin/admin.ini", "[app:main]", "use = egg:admin", "sqlalchemy.url = postgresql://admin@db/admin",
                "sqlalchemy.pool_size = 10", "sqlalchemy.max_overflow = 0");
        // shop 2 x 10 = 20, admin 4 x 10 = 40: 60 against 50
        Finding f = only(run(request(tree).host("databaseConnections", 50)), ID);
        assertEquals(new Location("admin/admin.ini", 4), f.location());
        String m = f.message();
        String d = f.detail();
        int admin = d.indexOf("[app:main] of admin/admin.ini, engine sqlalchemy.: 4 process(es) x 10 = 40 (processes=4"
                + " of daemon 'admin' (apache/app.conf:9); pool_size 10 + max_overflow 0)");
        int shop = d.indexOf("[app:main] of shop/shop.ini, engine sqlalchemy.: 2 process(es) x 10 = 20 (processes=2 of"
                + " daemon 'shop' (apache/app.conf:3); pool_size 5 + max_overflow 5)");
        assertTrue(m.startsWith("SQLAlchemy pools can open 60 connections, above databaseConnections=50; give each pool"
                + " at most 8 per process"), m);
        assertTrue(admin > 0 && shop > admin, d);
        // 50 connections over 6 processes that hold a pool
        assertTrue(d.contains(". 50 connections / 6 pooling processes = " + 50 / 6 + " per process: pool_size +"
                + " max_overflow at most " + 50 / 6 + " in each pool"), d);
    }

    @Test
    void anEmbeddedApplicationHasAPoolInEveryApacheChildAndSaysWhichMpmItAssumed() throws Exception {
        write(tree, "apache/app.conf", "WSGIScriptAlias / /srv/app/app.wsgi");
        write(tree, "app/app.wsgi", "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini')");
        write(tree, "app/production.ini", "[app:main]", "use = egg:myapp", URL);
        // no main httpd file: event with its compiled-in MaxRequestWorkers 400 / ThreadsPerChild 25
        long children = 400 / 25;
        int perProcess = SqlEngine.DEFAULT_POOL_SIZE + SqlEngine.DEFAULT_MAX_OVERFLOW;
        Finding f = only(run(request(tree).host("databaseConnections", 100)), ID);
        assertTrue(f.detail().contains(": " + children + " process(es) x " + perProcess + " = " + children * perProcess
                + " (" + children + " Apache children (it runs embedded); "), f::detail);
        assertTrue(f.detail().contains(". The estimate assumes: no main httpd file loads an MPM: event with its"
                + " compiled-in defaults is assumed (parameter mpm)"), f::detail);
    }

    @Test
    void aDaemonsPoolsDoNotRestOnTheMpmAssumptions() throws Exception {
        writeLinkedApp(tree, "processes=4 threads=10 maximum-requests=500", URL);
        Finding f = only(run(request(tree).host("databaseConnections", 40)), ID);
        assertFalse(f.message().contains("assumes"), f::message);
    }

    @Test
    void aPoolWithoutLimitIsReportedWhateverTheBudget() throws Exception {
        writeLinkedApp(tree, "processes=4 threads=10 maximum-requests=500", URL, "sqlalchemy.pool_size = 0");
        Finding f = only(run(request(tree).host("databaseConnections", 10000)), ID);
        assertEquals(new Location(INI, 4), f.location());
        assertEquals("A SQLAlchemy pool has no limit, so connections are unbounded against databaseConnections=10000;"
                + " give each pool at most 2500 per process (pool_size + max_overflow)", f.message());
        assertTrue(f.detail().startsWith("The pools: [app:main] of " + INI + ", engine sqlalchemy.: no limit (pool_size"
                + " = 0 (no limit)) in each of 4 process(es) (processes=4 of daemon 'app' (apache/app.conf:3)). 10000"
                + " connections / 4 pooling processes = 2500 per process"), f::detail);
    }

    @Test
    void aPoolOfUnknownSizeIsLeftOutAndTheOthersStillCount() throws Exception {
        // app/production.ini's pool_size is no integer: its application does not start as written (FP301)
        writeLinkedApp(tree, "processes=4 threads=10 maximum-requests=500", URL, "sqlalchemy.pool_size = 5 # five");
        List<Finding> unknown = findings(run(request(tree).host("databaseConnections", 10)), ID);
        assertTrue(unknown.isEmpty(), () -> describe(unknown));
        // a second app whose known pools alone exceed the budget: reported, the unknown one named as such
        write(tree, "apache/admin.conf",
                "WSGIDaemonProcess admin processes=2 threads=10 maximum-requests=500",
                "WSGIScriptAlias /admin /srv/admin/admin.wsgi process-group=admin");
        write(tree, "admin/admin.wsgi", "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/admin/admin.ini')");
        write(tree, "admin/admin.ini", "[app:main]", "use = egg:admin", URL);
        Finding f = only(run(request(tree).host("databaseConnections", 10)), ID);
        assertTrue(f.message().startsWith("SQLAlchemy pools of known size can open 30 connections, above"
                + " databaseConnections=10;"), f::message);
        assertTrue(f.detail().startsWith("The pools: [app:main] of " + INI + ", engine sqlalchemy.: unknown: pool_size"
                + " '5 # five' (" + INI + ":4) is not an integer"), f::detail);
    }

    @Test
    void whenNotEvenOneConnectionPerProcessFitsItSaysSo() throws Exception {
        writeLinkedApp(tree, "processes=4 threads=10 maximum-requests=500", URL, "sqlalchemy.pool_size = 1",
                "sqlalchemy.max_overflow = 0");
        Finding f = only(run(request(tree).host("databaseConnections", 3)), ID);
        assertTrue(f.message().endsWith("; run fewer processes, or raise databaseConnections"), f::message);
        assertTrue(f.detail().endsWith(". Even one connection per process is too many for 4 pooling processes."),
                f::detail);
    }

    @Test
    void atTheBudgetWithoutOneOrWithoutAPoolNothingIsReported() throws Exception {
        writeLinkedApp(tree, "processes=4 threads=10 maximum-requests=500", URL, "sqlalchemy.pool_size = 10",
                "sqlalchemy.max_overflow = 0");
        List<Finding> exact = findings(run(request(tree).host("databaseConnections", 40)), ID);
        assertTrue(exact.isEmpty(), () -> describe(exact));
        assertEquals(1, findings(run(request(tree).host("databaseConnections", 39)), ID).size());
        List<Finding> none = findings(run(request(tree)), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
        // SQLite has no pool of connections to a server
        writeLinkedApp(tree, "processes=4 threads=10 maximum-requests=500", "sqlalchemy.url = sqlite:///app.db");
        List<Finding> sqlite = findings(run(request(tree).host("databaseConnections", 1)), ID);
        assertTrue(sqlite.isEmpty(), () -> describe(sqlite));
    }
}
