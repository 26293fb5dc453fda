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

class BooleanEngineOptionAsTextTest {
    private static final String ID = "FP306";

    @TempDir
    Path tree;

    @Test
    void prePingFalseIsTheTruthyStringSqlalchemyMeasuredKeeps() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_pre_ping = False");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 4), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("[app:main] sqlalchemy.pool_pre_ping = False reaches create_engine() as a string, which is true;"
                + " remove the line, or pass pool_pre_ping=False in code", f.message());
        assertEquals("It reaches create_engine() as the string 'False': engine_from_config converts only pool_size,"
                + " max_overflow, pool_recycle, pool_timeout, echo, echo_pool and future, and a non-empty string is"
                + " true in Python, so pre-ping (a test query before every checkout) is on. Without the line the"
                + " default is off; in code: engine_from_config(config, 'sqlalchemy.', pool_pre_ping=False).",
                f.detail());
    }

    @Test
    void resetOnReturnAsABooleanIsTheArgumentErrorWithTheValueItMeant() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.pool_reset_on_return = true");
        Finding f = only(check(tree), ID);
        assertEquals("[app:main] sqlalchemy.pool_reset_on_return = true stops the application with ArgumentError at"
                + " start-up; write sqlalchemy.pool_reset_on_return = rollback", f.message());
        assertEquals("It reaches the pool as the string 'true', which is none of the values it accepts as text"
                + " (rollback, commit, none): ArgumentError: Invalid value for 'reset_on_return': 'true'. rollback is"
                + " the default.", f.detail());
    }

    @Test
    void aDefaultKeySharedByTwoAppsIsReportedOnce() throws Exception {
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "sqlalchemy.pool_use_lifo = off",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "[app:admin]",
                "use = egg:admin",
                "sqlalchemy.url = postgresql://admin@db.internal/app");
        assertEquals(new Location("app/production.ini", 2), only(check(tree), ID).location());
    }

    @Test
    void convertedOptionsTrueTextAndEmptyValuesAreFine() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.echo = false",
                "sqlalchemy.echo_pool = off",
                "sqlalchemy.pool_pre_ping = true",
                "sqlalchemy.hide_parameters =",
                "sqlalchemy.pool_reset_on_return = commit",
                "pool_pre_ping = false");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
