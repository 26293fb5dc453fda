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

class ServerTuningUnderModWsgiTest {
    private static final String ID = "FP308";

    @TempDir
    Path tree;

    private void mounted() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app processes=3 threads=4 maximum-requests=500",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app");
        write(tree, "app/app.wsgi",
                "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini')");
    }

    @Test
    void oneInfoPerSectionNamingEveryKeyAndTheDaemonThatServes() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "[server:main]",
                "use = egg:Paste#http",
                "port = 5000",
                "threadpool_workers = 3",
                "socket_timeout = 30");
        CheckResult r = check(tree);
        Finding f = only(r, ID);
        assertEquals(new Location("app/production.ini", 6), f.location());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("[server:main] 2 settings have no effect under mod_wsgi; size daemon 'app' (processes=3 threads=4)"
                + " instead", f.message());
        assertEquals("The settings: threadpool_workers = 3, socket_timeout = 30. mod_wsgi loads this file"
                + " (WSGIScriptAlias / (apache/app.conf:2) runs /srv/app/app.wsgi [the only file of that name in the"
                + " project], whose paste.deploy.loadapp (app/app.wsgi:2) opens /srv/app/production.ini [the only file"
                + " of that name in the project], section main; path: PasteDeploy: config: URI"
                + " 'config:/srv/app/production.ini', path '/srv/app/production.ini' (line 2) -> '/srv/app/production.ini')"
                + " and builds the application only, so no server section is ever read; the threads"
                + " that serve requests are those of daemon 'app' (apache/app.conf:1): processes=3 threads=4. Keep the"
                + " server settings only for paster serve in development, or remove them.", f.detail());
        // what would stop paster serve does not matter here: FP307 stays silent
        assertTrue(findings(r, "FP307").isEmpty(), () -> describe(findings(r, "FP307")));
    }

    @Test
    void aFileNoMountLoadsIsServedByItsServerSection() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "[server:main]",
                "use = egg:Paste#http",
                "threadpool_workers = 8");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void useHostAndPortAreNoTuning() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "[server:main]",
                "use = egg:waitress#main",
                "host = 127.0.0.1",
                "port = 6543");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
