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

import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class PoolUndersizedTest {
    private static final String ID = "FP305";

    @TempDir
    Path tree;

    private void linked(String daemonOptions, String... iniLines) throws Exception {
        io.github.footprint.rules.RuleTestSupport.writeLinkedApp(tree, daemonOptions, iniLines);
    }

    @Test
    void theDefaultPoolUnderTwentyFiveThreadsSaysTheWaitTheErrorAndTheFix() throws Exception {
        linked("processes=2 threads=25 maximum-requests=500", "sqlalchemy.url = postgresql://app@db.internal/app");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 3), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("[app:main] sqlalchemy. pool allows 15 connections per process for 25 threads; set"
                + " sqlalchemy.max_overflow = 20 (5 + 20 = 25), or threads=15", f.message());
        assertTrue(f.detail().startsWith("pool_size 5 (default) + max_overflow 10 (default) = 15, but daemon 'app'"
                + " (apache/app.conf:3) runs 25 threads: when more than 15 of them need the database at once, the other"
                + " 10 wait pool_timeout 30 s (default) for a connection and then fail with TimeoutError (QueuePool"
                + " limit of size 5 overflow 10 reached). WSGIScriptAlias /"), f::detail);
    }

    @Test
    void theLineReportedIsMaxOverflowThenPoolSizeAndTheTimeoutIsTheConfiguredOne() throws Exception {
        linked("threads=20 maximum-requests=500",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = 4",
                "sqlalchemy.pool_timeout = 10");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 4), f.location());
        assertTrue(f.detail().contains("wait pool_timeout 10 s for a connection"), f::detail);
        assertTrue(f.message().contains("; set sqlalchemy.max_overflow = 16 (4 + 16 = 20)"), f::message);
    }

    @Test
    void aPoolThatFitsTheThreadsAndNoLinkAreSilentTheLinkIsFp304sToReport() throws Exception {
        linked("threads=15 maximum-requests=500", "sqlalchemy.url = postgresql://app@db.internal/app");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
        write(tree, "apache/app.conf", "# no mount");
        CheckResult r = check(tree);
        assertTrue(findings(r, ID).isEmpty(), () -> describe(findings(r, ID)));
        // the missing link is said once, by FP304
        assertEquals(Severity.INFO, only(r, "FP304").severity());
    }

    @Test
    void unlimitedPoolsAndSqliteAreNotJudged() throws Exception {
        linked("threads=40 maximum-requests=500",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_size = 0",
                "sqlalchemy.log.url = postgresql://app@db.internal/log",
                "sqlalchemy.log.max_overflow = -1",
                "sqlalchemy.cache.url = sqlite:///%(here)s/cache.db");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
