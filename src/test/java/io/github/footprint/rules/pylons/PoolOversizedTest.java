package io.github.footprint.rules.pylons;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class PoolOversizedTest {
    private static final String ID = "FP304";

    @TempDir
    Path tree;

    private void linked(String daemonOptions, String... iniLines) throws Exception {
        io.github.footprint.rules.RuleTestSupport.writeLinkedApp(tree, daemonOptions, iniLines);
    }

    @Test
    void theMessageCountsThePoolTheThreadsAndTheSurplusPerGroup() throws Exception {
        linked("processes=2 threads=5 maximum-requests=500",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = 10",
                "sqlalchemy.max_overflow = 20");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 4), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("[app:main] sqlalchemy. pool allows 30 connections per process for 5 threads; set"
                + " sqlalchemy.pool_size = 5, sqlalchemy.max_overflow = 0", f.message());
        assertTrue(f.detail().startsWith("pool_size 10 + max_overflow 20 = 30 connections per process, but daemon 'app'"
                + " (apache/app.conf:3) runs 5 thread(s): at most 5 can be in use at once, and the other 25 per process"
                + " (50 for its 2 process(es)) only count against the database's max_connections. WSGIScriptAlias /"),
                f::detail);
        assertTrue(f.detail().endsWith(" WSGIScriptAlias / (apache/app.conf:5) runs /srv/app/app.wsgi [the only file"
                + " of that name in the project], whose paste.deploy.loadapp (app/app.wsgi:2) opens"
                + " /srv/app/production.ini [the only file of that name in the project], section main in daemon group"
                + " 'app' (apache/app.conf:3). Path: PasteDeploy: config: URI 'config:/srv/app/production.ini', path"
                + " '/srv/app/production.ini' (line 2) -> '/srv/app/production.ini'."), f::detail);
    }

    @Test
    void sqlalchemyDefaultsCountAndAreMarkedAsSuch() throws Exception {
        linked("threads=4 maximum-requests=500", "sqlalchemy.url = postgresql://app@db.internal/app");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 3), f.location());
        assertTrue(f.detail().startsWith("pool_size 5 (default) + max_overflow 10 (default) = 15 connections per"
                + " process, "), f::detail);
        assertTrue(f.message().endsWith("; set sqlalchemy.pool_size = 4, sqlalchemy.max_overflow = 0"), f::message);
    }

    @Test
    void whenPoolSizeFitsTheOverflowIsCutAndItsLineIsTheOneReported() throws Exception {
        linked("threads=5 maximum-requests=500",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = 2",
                "sqlalchemy.max_overflow = 10");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 5), f.location());
        assertTrue(f.message().endsWith("; set sqlalchemy.pool_size = 2, sqlalchemy.max_overflow = 3"), f::message);
    }

    @Test
    void withoutALinkToADaemonItIsInfoThatSaysWhichLinkIsMissing() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = 10");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 3), f.location());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("[app:main] sqlalchemy. pool allows 20 connections per process, used by no known daemon; link a"
                + " .wsgi that loads this file", f.message());
        assertEquals("pool_size 10 + max_overflow 10 (default) = 20 connections per process. footprint cannot tell"
                + " which daemon's threads use the pool: no WSGIScriptAlias of the project leads to a .wsgi script"
                + " that loads app/production.ini. Link it: a WSGIScriptAlias to a .wsgi script that loads this"
                + " file.",
                f.detail());
    }

    @Test
    void aPathTheScriptReadsFromTheEnvironmentIsInfoWithItsReason() throws Exception {
        linked("processes=2 threads=5 maximum-requests=500",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = 10");
        write(tree, "app/app.wsgi",
                "import os",
                "from paste.deploy import loadapp",
                "application = loadapp('config:' + os.environ['APP_INI'])");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.INFO, f.severity());
        assertEquals("[app:main] sqlalchemy. pool allows 20 connections per process, used by no known daemon; let the"
                + " script name the file, or map its path (pathMappings)", f.message());
        assertTrue(f.detail().contains(": no WSGIScriptAlias of the project leads to a .wsgi script that loads"
                + " app/production.ini: WSGIScriptAlias / (apache/app.conf:5) runs /srv/app/app.wsgi [the only file of"
                + " that name in the project], whose paste.deploy.loadapp (app/app.wsgi:3) opens a path footprint"
                + " cannot compute: "), f::detail);
        assertTrue(f.detail().endsWith("(app/app.wsgi:3). Let the script name the file, or map its path with"
                + " pathMappings."), f::detail);
    }

    @Test
    void aSizeWithATrailingCommentIsComparedAsMeant() throws Exception {
        // the 2009 post: Pylons 0.9.6's sqlalchemy.default. engine, comments after the numbers, a daemon of 4 threads
        linked("processes=1 threads=4 maximum-requests=100",
                "sqlalchemy.default.url = postgresql://app@db.internal/app",
                "sqlalchemy.default.pool_size = 3     # 5 is default",
                "sqlalchemy.default.max_overflow = 7  # pool_size+max_overflow = max simultaneous database sessions");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(new Location("app/production.ini", 5), f.location());
        assertEquals("[app:main] sqlalchemy.default. pool allows 10 connections per process for 4 threads; set"
                + " sqlalchemy.default.pool_size = 3, sqlalchemy.default.max_overflow = 1", f.message());
        assertTrue(f.detail().startsWith("pool_size 3 + max_overflow 7 = 10 connections per process as meant (pool_size"
                + " '3     # 5 is default' (app/production.ini:4) is not an integer: SQLAlchemy raises ValueError at"
                + " start-up, so the application does not start as written, FP301), but daemon 'app'"
                + " (apache/app.conf:3) runs 4 thread(s): at most 4 can be in use at once, and the other 6 per process"
                + " (6 for its 1 process(es)) only count against the database's max_connections. "), f::detail);
        // a word is not a number meant: nothing to compare
        linked("processes=1 threads=4 maximum-requests=100",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = ten");
        List<Finding> none = findings(check(tree), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
    }

    @Test
    void aPoolNoLargerThanTheThreadsIsFine() throws Exception {
        linked("processes=2 threads=5 maximum-requests=500",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = 5",
                "sqlalchemy.max_overflow = 0");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
