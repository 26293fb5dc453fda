package io.github.footprint.rules.pylons;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class DebugInProductionTest {
    private static final String ID = "FP309";

    @TempDir
    Path tree;

    /** A mount whose .wsgi script loads app/production.ini (at /srv/app on the host). */
    private void mounted() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app processes=1 threads=5 maximum-requests=500",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app");
        write(tree, "app/app.wsgi",
                "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini')");
    }

    private String counts(CheckResult r) {
        StringBuilder seen = new StringBuilder();
        for (EnvironmentResult e : r.environments()) {
            long n = e.findings().stream().filter(f -> f.ruleId().equals(ID)).count();
            seen.append(e.id()).append('=').append(n).append(' ');
        }
        return seen.toString();
    }

    @Test
    void pylonsTemplatesDefaultDebugInTheImplicitEnvironment() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = true",
                "[app:main]",
                "use = egg:myapp");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 2), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("[app:main] gets debug = true in environment 'default': its debugger lets visitors run code; write"
                + " set debug = false in [app:main]", f.message());
        assertEquals("The value comes from [DEFAULT] (app/production.ini:2). Pylons' ErrorHandler reads"
                + " global_conf['debug'] and installs the interactive debugger (WebError's EvalException), whose error"
                + " pages let anyone who can trigger an error run Python code in the application's process. A plain"
                + " debug = false in [app:main] is dropped (FP302); debug = false in [DEFAULT] works too.", f.detail());
    }

    @Test
    void setDebugDecidesBothWays() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = false",
                "[app:main]",
                "use = egg:myapp",
                "set debug = 1",
                "[app:admin]",
                "use = egg:admin",
                "debug = true");
        // [app:admin] is in the loaded file, but the loadapp builds [app:main] only
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 5), f.location());
        assertTrue(f.message().startsWith("[app:main] gets debug = 1 in environment 'default': its debugger lets"
                + " visitors run code"), f::message);
        assertTrue(f.detail().startsWith("The value comes from a set debug line (app/production.ini:5)."), f::detail);
    }

    @Test
    void onlyEnvironmentsNamedForDevelopmentMayDebug() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = true",
                "[app:main]",
                "use = egg:myapp");
        CheckResult r = run(request(tree)
                .environment("dev", null, new Properties(), Map.of())
                .environment("Development", null, new Properties(), Map.of())
                .environment("test", null, new Properties(), Map.of())
                .environment("LOCAL", null, new Properties(), Map.of())
                .environment("staging", null, new Properties(), Map.of())
                .environment("prod", null, new Properties(), Map.of()));
        assertEquals("dev=0 Development=0 test=0 LOCAL=0 staging=1 prod=1 ", counts(r));
    }

    @Test
    void anIniNoMountLoadsIsJudgedOnlyWhereTheEnvironmentSaysProduction() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = false",
                "[app:main]",
                "use = egg:myapp");
        write(tree, "app/development.ini",
                "[DEFAULT]",
                "debug = true",
                "[app:main]",
                "use = egg:myapp");
        CheckResult r = run(request(tree)
                .environment("default", null, new Properties(), Map.of())
                .environment("staging", null, new Properties(), Map.of())
                .environment("production", null, new Properties(), Map.of())
                .environment("PROD-eu", null, new Properties(), Map.of())
                .environment("live", null, new Properties(), Map.of())
                .environment("delivery", null, new Properties(), Map.of())
                .environment("dev", null, new Properties(), Map.of()));
        assertEquals("default=0 staging=0 production=1 PROD-eu=1 live=1 delivery=0 dev=0 ", counts(r));
        Finding f = only(run(request(tree).environment("prod", null, new Properties(), Map.of())), ID);
        assertEquals(new Location("app/development.ini", 2), f.location());
        // without any mount, the implicit environment judges nothing
        write(tree, "apache/app.conf", "# no mount");
        assertEquals(List.of(), findings(check(tree), ID));
    }

    @Test
    void aFileAMountedScriptOpensWithASectionFootprintCannotComputeIsJudged() throws Exception {
        mounted();
        write(tree, "app/app.wsgi",
                "import os",
                "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini', name=os.environ['APP'])");
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = true",
                "[app:main]",
                "use = egg:myapp");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 2), f.location());
    }

    @Test
    void debugOfTheAppAloneReachesConfigDebug() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "debug = on");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 3), f.location());
        assertEquals("[app:main] debug = on in environment 'default' shows tracebacks to visitors; set debug = false",
                f.message());
        assertTrue(f.detail().startsWith("The application's config['debug'] is true"), f::detail);
    }

    @Test
    void valuesAsboolRefusesAndServersAreNotJudged() throws Exception {
        mounted();
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "debug = true # no",
                "[server:main]",
                "use = egg:Paste#http",
                "debug = true");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
