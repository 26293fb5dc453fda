package io.github.footprint.rules.pylons;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.RequestException;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class EngineKeyNotReadTest {
    private static final String ID = "FP303";

    @TempDir
    Path tree;

    private static List<String> lines(List<Finding> fs) {
        // a finding of one cause at several places counts at each of them
        return fs.stream().flatMap(f -> f.locations().stream()).map(Object::toString).collect(Collectors.toList());
    }

    @Test
    void theBlogsDefaultFormUnderTheStockPrefixIsTheTypeErrorCreateEngineRaises() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.default.pool_size = 3");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 4), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("[app:main] sqlalchemy.default.pool_size reaches create_engine() under prefix sqlalchemy."
                + " (TypeError); add sqlalchemy.default. to sqlalchemyPrefixes", f.message());
        assertEquals("engine_from_config(config, 'sqlalchemy.') strips 'sqlalchemy.' and passes 'default.pool_size' to"
                + " create_engine(), which stops the application at start-up with TypeError: Invalid argument(s)"
                + " 'default.pool_size' sent to create_engine(): sqlalchemy.default.pool_size = 3"
                + " (app/production.ini:4). This is Pylons' multi-engine form (sqlalchemy.NAME.option): if"
                + " config/environment.py calls engine_from_config(config, 'sqlalchemy.default.'), set the"
                + " sqlalchemyPrefixes parameter to sqlalchemy.default.; if it calls engine_from_config(config,"
                + " 'sqlalchemy.'), write the keys without 'default.'.", f.detail());
        assertEquals("engine_from_config(config, 'sqlalchemy.') strips 'sqlalchemy.' and passes 'default.pool_size' to"
                + " create_engine(), which stops the application at start-up with TypeError: Invalid argument(s)"
                + " 'default.pool_size' sent to create_engine(): sqlalchemy.default.pool_size = 3"
                + " (app/production.ini:4). This is Pylons' multi-engine form (sqlalchemy.NAME.option): if"
                + " config/environment.py calls engine_from_config(config, 'sqlalchemy.default.'), set the"
                + " sqlalchemyPrefixes parameter to sqlalchemy.default.; if it calls engine_from_config(config,"
                + " 'sqlalchemy.'), write the keys without 'default.'.", f.detail());
    }

    @Test
    void withoutAUrlTheKeyErrorComesFirstAndIsSaid() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.default.url = postgresql://app@db.internal/app",
                "sqlalchemy.default.pool_size = 3");
        // found in the settings, sqlalchemy.default. is an engine with its url: nothing to say
        List<Finding> found = findings(check(tree), ID);
        assertEquals(List.of(), found, () -> describe(found));
        // the stock call named: 'sqlalchemy.' reads both keys, without a url of its own
        List<Finding> fs = findings(run(request(tree).sqlalchemyPrefixes("sqlalchemy.")), ID);
        assertEquals(List.of("app/production.ini:3", "app/production.ini:4"), lines(fs));
        assertTrue(fs.get(0).detail().endsWith(" With no sqlalchemy.url at all, engine_from_config stops even earlier,"
                + " with KeyError: 'url'."), fs.get(0)::detail);
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.pool_size = 3");
        Finding f = only(check(tree), ID);
        assertEquals("[app:main] sqlalchemy. keys without sqlalchemy.url: the application stops at start-up with"
                + " KeyError: 'url'; add sqlalchemy.url = dialect://user@host/database", f.message());
        assertEquals("engine_from_config(config, 'sqlalchemy.') takes the url out of the keys that begin with"
                + " sqlalchemy. (sqlalchemy.pool_size is the first here) and raises KeyError: 'url' when there is"
                + " none.", f.detail());
    }

    @Test
    void theDeclaredPrefixesDecideWhatIsRead() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.default.url = postgresql://app@db.internal/app",
                "sqlalchemy.default.pool_size = 3",
                "sqlalchemy.log.url = postgresql://app@db.internal/log",
                "sqlalchemy.url = postgresql://app@db.internal/other");
        List<Finding> fs = findings(run(request(tree).sqlalchemyPrefixes("sqlalchemy.default.")), ID);
        assertEquals(List.of("app/production.ini:5", "app/production.ini:6"), lines(fs), describe(fs));
        assertEquals("[app:main] sqlalchemy.log.url is read by no engine; if config/environment.py reads"
                + " sqlalchemy.log., add sqlalchemy.log. to sqlalchemyPrefixes, otherwise remove the key", fs.get(0).message());
        assertEquals("The application creates engines for the prefixes the sqlalchemyPrefixes parameter names"
                + " (sqlalchemy.default.); none of them begins sqlalchemy.log., so these keys configure nothing:"
                + " sqlalchemy.log.url = postgresql://app@db.internal/log (app/production.ini:5). If"
                + " config/environment.py calls engine_from_config(config, 'sqlalchemy.log.'), add sqlalchemy.log."
                + " to sqlalchemyPrefixes.", fs.get(0).detail());
        assertEquals("The application creates engines for the prefixes the sqlalchemyPrefixes parameter names"
                + " (sqlalchemy.default.); none of them begins sqlalchemy.log., so these keys configure nothing:"
                + " sqlalchemy.log.url = postgresql://app@db.internal/log (app/production.ini:5). If"
                + " config/environment.py calls engine_from_config(config, 'sqlalchemy.log.'), add sqlalchemy.log."
                + " to sqlalchemyPrefixes.",
                fs.get(0).detail());
        List<Finding> both = findings(run(request(tree).sqlalchemyPrefixes(" sqlalchemy.default. ,sqlalchemy.log.,"
                + "sqlalchemy.")), ID);
        // the call with 'sqlalchemy.' reads the other engines' keys too
        assertEquals(List.of("app/production.ini:3", "app/production.ini:4", "app/production.ini:5"), lines(both),
                describe(both));
        assertTrue(both.get(0).detail().contains(" reads every key that begins with its prefix"), both.get(0)::detail);
        assertTrue(both.get(0).detail().contains(" The keys are meant for the engine of prefix 'sqlalchemy.default.': "),
                both.get(0)::detail);
        List<Finding> named = findings(run(request(tree).sqlalchemyPrefixes("sqlalchemy.default.,sqlalchemy.log.")),
                ID);
        assertEquals(List.of("app/production.ini:6"), lines(named), describe(named));
    }

    @Test
    void aPrefixListWithoutAPrefixIsAParameterError() {
        RequestException e = assertThrows(RequestException.class, () -> request(tree).sqlalchemyPrefixes(" , ")
                .build());
        assertTrue(e.getMessage().startsWith("sqlalchemyPrefixes ' , ' names no prefix"), e.getMessage());
    }

    @Test
    void typosAreNamedWithTheArgumentTheyMiss() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app@db.internal/app",
                "sqlalchemy.max_overflw = 7",
                "sqlalchemy.ech = true",
                "sqlalchemy.use_native_unicode = false",
                "sqlalchemy.connect_args = {}");
        List<Finding> fs = findings(check(tree), ID);
        assertEquals(List.of("app/production.ini:4", "app/production.ini:5"), lines(fs), describe(fs));
        assertTrue(fs.get(0).message().endsWith("; did you mean sqlalchemy.max_overflow?"), fs.get(0)::message);
        assertTrue(fs.get(1).message().endsWith("; did you mean sqlalchemy.echo?"), fs.get(1)::message);
    }

    @Test
    void appsThatDoNotLoadAndIniFilesWithoutSqlalchemyAreNotJudged() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app:p%40ss@db.internal/app",
                "sqlalchemy.default.pool_size = 3");
        write(tree, "app/other.ini",
                "[app:main]",
                "use = egg:pyramid_app",
                "pyramid.reload_templates = false");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
