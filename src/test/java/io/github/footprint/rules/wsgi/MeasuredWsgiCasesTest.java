package io.github.footprint.rules.wsgi;

import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;

/**
 * Every case of docs/domain/mod_wsgi.md#measured-behaviour (mod_wsgi 4.9.4 under httpd 2.4.71, {@code apache2 -t} and a
 * real
 * start): what httpd said is what footprint says. A refused case must give an error whose message quotes the line
 * httpd printed after {@code AH00526}; an accepted one no refusal; a value mod_wsgi accepted but misread an FP205.
 */
class MeasuredWsgiCasesTest {
    private static final List<String> REFUSING = List.of("FP001", "FP003", "FP101", "FP103", "FP104", "FP204",
            "FP206");

    @TempDir
    Path tree;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "wsgi_baseline | WSGIDaemonProcess good processes=2 threads=15 display-name=%{GROUP}\\nWSGIProcessGroup good"
                + " | event | - | false",
        "wsgi_unknown_option | WSGIDaemonProcess bad processes=1 threads=5 foo=bar\\nWSGIProcessGroup bad | event"
                + " | Invalid option to WSGI daemon process definition. | false",
        "wsgi_unknown_option_typo | WSGIDaemonProcess bad processes=1 threds=5\\nWSGIProcessGroup bad | event"
                + " | Invalid option to WSGI daemon process definition. | false",
        "wsgi_processes_0 | WSGIDaemonProcess bad processes=0 threads=5\\nWSGIProcessGroup bad | event"
                + " | Invalid process count for WSGI daemon process. | false",
        "wsgi_processes_abc | WSGIDaemonProcess bad processes=abc threads=5\\nWSGIProcessGroup bad | event"
                + " | Invalid process count for WSGI daemon process. | false",
        // Syntax OK: the daemon quits and is respawned for ever (FP210 says so); not a misreading, 0 is written
        "wsgi_threads_0 | WSGIDaemonProcess bad processes=1 threads=0\\nWSGIProcessGroup bad | event | - | false",
        "wsgi_threads_neg1 | WSGIDaemonProcess bad processes=1 threads=-1\\nWSGIProcessGroup bad | event"
                + " | Invalid thread count for WSGI daemon process. | false",
        // Syntax OK, starts, serves, no message: abc is read as 0
        "wsgi_maxreq_abc | WSGIDaemonProcess bad processes=1 threads=5 maximum-requests=abc\\nWSGIProcessGroup bad"
                + " | event | - | true",
        // Syntax OK: 1 is read as written (and then ignored below 16384; FP211's)
        "wsgi_stack_1 | WSGIDaemonProcess bad processes=1 threads=5 stack-size=1\\nWSGIProcessGroup bad | event"
                + " | - | false",
        "wsgi_stack_abc | WSGIDaemonProcess bad processes=1 threads=5 stack-size=abc\\nWSGIProcessGroup bad | event"
                + " | Invalid stack size for WSGI daemon process. | false",
        "wsgi_dup_name | WSGIDaemonProcess dup processes=1 threads=5\\nWSGIDaemonProcess dup processes=2 threads=5"
                + "\\nWSGIProcessGroup dup | event | Name duplicates previous WSGI daemon definition. | false",
        // Syntax OK; HTTP 500 at the first request (FP207's)
        "wsgi_undefined_group | WSGIDaemonProcess real processes=1 threads=5\\nWSGIProcessGroup nosuch | event"
                + " | - | false",
        "wsgi_daemon_prefork | WSGIDaemonProcess good processes=1 threads=5\\nWSGIProcessGroup good | prefork"
                + " | - | false",
        "wsgi_vmlimit_1g | WSGIDaemonProcess good processes=1 threads=15 virtual-memory-limit=1073741824"
                + "\\nWSGIProcessGroup good | event | - | false",
        // Syntax OK; threads fail to start at run time (FP212's)
        "wsgi_vmlimit_256m_t50 | WSGIDaemonProcess bad processes=1 threads=50 virtual-memory-limit=268435456"
                + "\\nWSGIProcessGroup bad | event | - | false",
        "wsgi_vmlimit_256m_t50_stack512k | WSGIDaemonProcess good processes=1 threads=50"
                + " virtual-memory-limit=268435456 stack-size=524288\\nWSGIProcessGroup good | event | - | false",
    })
    void footprintSaysWhatHttpdSaid(String name, String lines, String mpm, String httpdMessage, boolean misread)
            throws Exception {
        write(tree, "apache2/apache2.conf",
                "LoadModule mpm_" + mpm + "_module /usr/lib/apache2/modules/mod_mpm_" + mpm + ".so",
                "LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so",
                "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so",
                "Include case.conf");
        write(tree, "apache2/case.conf", (lines.replace("\\n", "\n") + "\nWSGIScriptAlias / /srv/app/app.wsgi")
                .split("\n"));
        CheckResult r = run(request(tree).modWsgiVersion("4.9.4"));
        List<Finding> refusals = r.environments().get(0).findings().stream()
                .filter(f -> f.severity() == Severity.ERROR && REFUSING.contains(f.ruleId()))
                .collect(Collectors.toList());
        if (httpdMessage == null) {
            assertEquals(List.of(), refusals, name);
        } else {
            assertEquals(1, refusals.size(), () -> name + describe(refusals));
            assertTrue(refusals.get(0).detail().contains("'" + httpdMessage + "'"), () -> name + describe(refusals));
        }
        List<Finding> fp205 = findings(r, "FP205");
        assertEquals(misread, !fp205.isEmpty(), () -> name + describe(fp205));
    }
}
