package io.github.footprint.rules.budget;

import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_RESTRICTED_BASE;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_CHILD_RESTRICTED_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_PARENT_WSGI_RSS;
import static io.github.footprint.model.memory.Calibration.Constant.THREADED_PARENT_WSGI_VIRTUAL;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static io.github.footprint.rules.RuleTestSupport.writeApacheMain;
import static io.github.footprint.rules.RuleTestSupport.writeLinkedApp;
import static io.github.footprint.rules.budget.Measured.ARENA;
import static io.github.footprint.rules.budget.Measured.GIB;
import static io.github.footprint.rules.budget.Measured.MIB;
import static io.github.footprint.rules.budget.Measured.bytes;
import static io.github.footprint.rules.budget.Measured.daemon;
import static io.github.footprint.rules.budget.Measured.daemonVirtual;
import static io.github.footprint.rules.budget.Measured.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.pylons.SqlEngine;

class NoBudgetTest {
    private static final String ID = "FP505";

    @TempDir
    Path tree;

    /** Event with Debian's sizing, restricted, and the linked app's daemon: processes=2 threads=15. */
    private void deployment(String... iniLines) throws Exception {
        writeApacheMain(tree, "event", "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "WSGIRestrictEmbedded On", "MaxRequestWorkers 150");
        writeLinkedApp(tree, "processes=2 threads=15 maximum-requests=500", iniLines);
    }

    @Test
    void withoutAnyBudgetItGivesTheWorstCaseOnceForTheProject() throws Exception {
        deployment("sqlalchemy.url = postgresql://app@db.internal/app");
        long resident = bytes(THREADED_PARENT_WSGI_RSS) + 6 * bytes(THREADED_CHILD_RESTRICTED_RSS) + 2 * daemon(15);
        long child = bytes(THREADED_CHILD_RESTRICTED_BASE) + 27 * stack(8 * MIB) + 15 * ARENA;
        long virtual = bytes(THREADED_PARENT_WSGI_VIRTUAL) + 6 * child + 2 * daemonVirtual(15, 8 * MIB, 15);
        long connections = 2 * (SqlEngine.DEFAULT_POOL_SIZE + SqlEngine.DEFAULT_MAX_OVERFLOW);
        Finding f = only(run(request(tree)), ID);
        assertEquals(Location.PROJECT, f.location());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("No memory budget is set (worst case " + Sizes.format(resident) + " resident, "
                + Sizes.format(virtual) + " virtual); set <memory>, <virtualMemory>, <databaseConnections> to the"
                + " host's numbers", f.message());
        assertEquals("The worst case is " + Sizes.format(resident) + " resident and " + Sizes.format(virtual)
                + " of address space. The largest: daemon 'app' "
                + Sizes.format(2 * daemon(15)) + " (2 x " + Sizes.format(daemon(15)) + ", apache/app.conf:3), apache"
                + " children " + Sizes.format(6 * bytes(THREADED_CHILD_RESTRICTED_RSS)) + " (6 x "
                + Sizes.format(bytes(THREADED_CHILD_RESTRICTED_RSS)) + ", apache2/apache2.conf:5), apache parent "
                + Sizes.format(bytes(THREADED_PARENT_WSGI_RSS)) + " (1 x " + Sizes.format(bytes(THREADED_PARENT_WSGI_RSS))
                + ", apache2/apache2.conf:3). It opens " + connections + " database connections at most. Held against"
                + " nothing, FP105, FP106, FP501 and FP502 are inactive, and FP503 and FP504 too (no virtualMemory, no"
                + " databaseConnections). Set the budgets in the plugin's configuration, or per environment.",
                f.detail());
    }

    @Test
    void itNamesOnlyTheBudgetsThatAreMissing() throws Exception {
        deployment("sqlalchemy.url = postgresql://app@db.internal/app");
        Finding f = only(run(request(tree).host("virtualMemory", 4 * GIB)), ID);
        assertTrue(f.message().endsWith("; set <memory>, <databaseConnections> to the host's numbers"), f::message);
        assertTrue(f.detail().contains(" FP105, FP106, FP501 and FP502 are inactive, and FP504 too (no"
                + " databaseConnections). Set the budgets"), f::detail);
        Finding g = only(run(request(tree).host("virtualMemory", 4 * GIB).host("databaseConnections", 50)), ID);
        assertTrue(g.message().endsWith("; set <memory> to the host's numbers"), g::message);
        assertTrue(g.detail().contains(" FP105, FP106, FP501 and FP502 are inactive. Set the budgets"), g::detail);
        // without a pool, connections are neither counted nor asked for
        deployment();
        Finding h = only(run(request(tree)), ID);
        assertTrue(h.message().endsWith("; set <memory>, <virtualMemory> to the host's numbers"), h::message);
        assertTrue(h.detail().contains(" of address space. The largest: ") && !h.detail().contains("database"),
                h::detail);
        assertTrue(h.detail().contains(" Held against nothing, FP105, FP106, FP501 and FP502 are inactive, and FP503 too"
                + " (no virtualMemory)."), h::detail);
    }

    @Test
    void onceInEveryEnvironmentWithoutAMemoryBudget() throws Exception {
        deployment();
        CheckResult r = run(request(tree)
                .environment("staging", null, new Properties(), Map.of())
                .environment("prod", null, new Properties(), Map.of("memory", "1024M")));
        assertEquals(List.of(1L, 0L), r.environments().stream()
                .map(e -> e.findings().stream().filter(f -> f.ruleId().equals(ID)).count())
                .collect(Collectors.toList()));
    }

    @Test
    void aMemoryBudgetOrNothingToRunIsNotReported() throws Exception {
        deployment();
        List<Finding> set = findings(run(request(tree).host("memory", GIB)), ID);
        assertTrue(set.isEmpty(), () -> describe(set));
        Path empty = tree.resolve("ini-only");
        write(empty, "app/development.ini", "[app:main]", "use = egg:myapp");
        List<Finding> none = findings(run(request(empty)), ID);
        assertTrue(none.isEmpty(), () -> describe(none));
    }

    @Test
    void aVhostOnlyProjectSaysWhatTheEstimateAssumes() throws Exception {
        write(tree, "apache/app.conf", "WSGIRestrictEmbedded On", "WSGIDaemonProcess app processes=2 threads=15");
        Finding f = only(run(request(tree)), ID);
        assertTrue(f.detail().contains(". The estimate assumes: no main httpd file loads an MPM: event with its"
                + " compiled-in defaults is assumed (parameter mpm); the project has no main httpd file: mod_wsgi is"
                + " assumed loaded by the host's (and 1 more assumption(s))"), f::detail);
    }

    @Test
    void whenNoHttpdFileIsReadTheChildrenAreSizedByCompiledInValuesNotByAnEmptyPlace() throws Exception {
        // devstack's rendered tree: the virtual hosts lie in sites-available/ only, so httpd reads none of them; with
        // platform none nothing sizes the children but httpd's compiled-in values (it said "(16 x 4.8 MiB, )")
        write(tree, "apache2/sites-available/app.conf", "WSGIDaemonProcess app processes=2 threads=15",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app application-group=%{GLOBAL}");
        Finding f = only(run(request(tree).host("platform", "none")), ID);
        assertTrue(f.detail().contains("apache children "), f::detail);
        assertTrue(f.detail().contains(" x ") && f.detail().contains(", httpd's compiled-in values, no httpd file is"
                + " read)"), f::detail);
        assertTrue(!f.detail().contains(", )") && !f.message().contains(", )"), f::detail);
    }
}
