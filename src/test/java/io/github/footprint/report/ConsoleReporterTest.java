package io.github.footprint.report;

import static io.github.footprint.report.FootprintTree.CPU_CORES;
import static io.github.footprint.report.FootprintTree.DAEMON_AT;
import static io.github.footprint.report.FootprintTree.MAX_REQUEST_WORKERS_LINE;
import static io.github.footprint.report.FootprintTree.MIB;
import static io.github.footprint.report.FootprintTree.POOL_AT;
import static io.github.footprint.report.FootprintTree.PROCESSES;
import static io.github.footprint.report.FootprintTree.SECRET;
import static io.github.footprint.report.FootprintTree.SERVER_LIMIT;
import static io.github.footprint.report.FootprintTree.SERVER_LIMIT_LINE;
import static io.github.footprint.report.FootprintTree.LOAD_WSGI_LINE;
import static io.github.footprint.report.FootprintTree.request;
import static io.github.footprint.report.FootprintTree.writeTree;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Sizes;

class ConsoleReporterTest {
    @TempDir
    Path base;

    /** Every line the reporter logs, prefixed with its level: {@code E }, {@code W }, {@code I }. */
    private static List<String> console(CheckResult r) {
        List<String> lines = new ArrayList<>();
        new ConsoleReporter().write(r.view(), ReportTarget.console(new ConsoleSink() {
            @Override
            public void error(String line) {
                lines.add("E " + line);
            }

            @Override
            public void warn(String line) {
                lines.add("W " + line);
            }

            @Override
            public void info(String line) {
                lines.add("I " + line);
            }
        }));
        return lines;
    }

    /** One environment's footprint lines, from its heading to the next environment's first line (prefixes off). */
    private static List<String> table(List<String> console, String env) {
        int start = console.indexOf("I footprint [" + env + "] worst case on one host:");
        assertTrue(start >= 0, () -> "no table for " + env + " in\n" + String.join("\n", console));
        List<String> out = new ArrayList<>();
        for (int i = start; i < console.size(); i++) {
            String line = console.get(i);
            if (i > start && !line.startsWith("I   ")) {
                break;
            }
            assertTrue(line.startsWith("I "), line);
            out.add(line.substring(2));
        }
        return out;
    }

    /** The row that starts with this cell. */
    private static String row(List<String> table, String first) {
        return table.stream().filter(l -> l.startsWith("  " + first + "  ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + String.join("\n", table)));
    }

    /** The cells of a row: separated by two or more blanks. */
    private static List<String> cells(String row) {
        return Arrays.asList(row.trim().split(" {2,}"));
    }

    /** Where each cell of a row ends, in characters from the line's start. */
    private static List<Integer> ends(String row) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+(?: \\S+)*").matcher(row);
        while (m.find()) {
            out.add(m.end());
        }
        return out;
    }

    private static List<String> lines(List<String> table, String start) {
        return table.stream().filter(l -> l.startsWith(start)).collect(Collectors.toList());
    }

    @Test
    void oneLinePerFindingAtItsLevelThenASummaryThenTheFootprint() throws Exception {
        Path src = base.resolve("src/main/deploy");
        Files.createDirectories(src);
        Files.write(src.resolve("app.conf"), ("WSGIDaemonProcess a maximum-requests=20000\n"
                + "WSGIDaemonProcess b maximum-requests=10\n").getBytes(StandardCharsets.UTF_8));
        CheckResult r = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("target")).build());
        List<String> lines = console(r);
        // findings about the project as a whole (FP006, the server a vhost-only project is read in; FP505, no memory
        // budget) have no file:line before their id
        assertEquals("I [default] FP006 No main httpd file and no distribution's layout found: assumed event MPM, 16"
                + " children x 25 threads; set platform to debian or httpd, or add the main file", lines.get(0));
        lines.remove(0);
        assertEquals(true, lines.get(0).startsWith("I [default] FP505 No memory budget is set (worst case "),
                lines.get(0));
        lines.remove(0);
        assertEquals("E [default] src/main/deploy/app.conf:1: FP201 WSGIDaemonProcess a: maximum-requests=20000 recycles"
                + " a leaking process only after 20000 requests; use 100-1000", lines.get(0));
        assertEquals(true, lines.get(1).startsWith("W [default] src/main/deploy/app.conf:2: FP203 WSGIDaemonProcess b:"
                + " maximum-requests=10 restarts each process after 10 request(s)"), lines.get(1));
        assertEquals("I footprint [default]: 1 file(s) under src/main/deploy; 1 error(s), 1 warning(s), 2 info;"
                + " daemon groups: a (1x15 threads, maximum-requests=20000), b (1x15 threads, maximum-requests=10)",
                lines.get(2));
        // then the footprint, at info, with the paths as findings print them
        assertEquals("I footprint [default] worst case on one host:", lines.get(3));
        // its first line: the server the vhost-only project was read in
        assertEquals("I   server: assumed: event MPM with httpd's compiled-in values, no distribution's configuration",
                lines.get(4));
        assertEquals("I     (platform=none (auto: no distribution's layout in the project))", lines.get(5));
        List<String> t = table(lines, "default");
        assertEquals(lines.size() - 4, t.size(), "the footprint comes last, before the line that says how to read"
                + " a rule's page");
        // no helpUrl: no link on any line, and one line, once, says how to print a page from the plugin: the page
        // of the first finding of the most severe level
        assertEquals("I footprint: each rule's page (what, why, the fix) is in the plugin: mvn"
                + " io.github.footprint:footprint-maven-plugin:rules -Drule=FP201", lines.get(lines.size() - 1));
        assertEquals(1, lines.stream().filter(l -> l.contains("-Drule=")).count());
        assertFalse(lines.stream().anyMatch(l -> l.contains("://")), String.join("\n", lines));
        assertTrue(row(t, "daemon 'a'").endsWith("  src/main/deploy/app.conf:1"), row(t, "daemon 'a'"));
        assertTrue(row(t, "daemon 'b'").endsWith("  src/main/deploy/app.conf:2"), row(t, "daemon 'b'"));
        // a vhost-only project: what the estimate rests on is listed, one bullet each
        List<String> assumptions = lines(t, "  - ");
        assertEquals(r.environments().get(0).deployment().footprint().assumptions().size(), assumptions.size());
        assertTrue(assumptions.get(0).contains("no main httpd file loads an MPM: event with its compiled-in defaults"),
                assumptions.get(0));
        assertEquals("  assumptions:", t.get(t.indexOf(assumptions.get(0)) - 1));
    }

    @Test
    void withHelpUrlEachFindingLinksItsPageAndNoHintIsPrinted() throws Exception {
        Path src = base.resolve("src/main/deploy");
        Files.createDirectories(src);
        Files.write(src.resolve("app.conf"), "WSGIDaemonProcess a maximum-requests=20000\n"
                .getBytes(StandardCharsets.UTF_8));
        CheckResult r = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("target")).toolVersion("1.2.3")
                .helpUrl("https://example.org/footprint/rules").build());
        List<String> lines = console(r);
        assertTrue(lines.get(2).startsWith("E [default] src/main/deploy/app.conf:1: FP201 "), lines.get(2));
        assertTrue(lines.get(2).endsWith(" (https://example.org/footprint/rules/FP201.md)"), lines.get(2));
        assertFalse(lines.stream().anyMatch(l -> l.contains("-Drule=")), String.join("\n", lines));
    }

    @Test
    void theHintNamesTheVersionThatRan() throws Exception {
        Path src = base.resolve("src/main/deploy");
        Files.createDirectories(src);
        Files.write(src.resolve("app.conf"), "WSGIDaemonProcess a maximum-requests=20000\n"
                .getBytes(StandardCharsets.UTF_8));
        CheckResult r = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("target")).toolVersion("1.2.3").build());
        List<String> lines = console(r);
        assertEquals("I footprint: each rule's page (what, why, the fix) is in the plugin: mvn"
                + " io.github.footprint:footprint-maven-plugin:1.2.3:rules -Drule=FP201", lines.get(lines.size() - 1));
    }

    @Test
    void aSourceFolderOutsideTheProjectGivesPathsRelativeToIt() throws Exception {
        Path project = Files.createDirectories(base.resolve("a/b/project"));
        Path src = Files.createDirectories(base.resolve("elsewhere/deploy"));
        Files.write(src.resolve("app.conf"), "WSGIDaemonProcess a maximum-requests=20000\n"
                .getBytes(StandardCharsets.UTF_8));
        CheckResult r = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(project).sourceDirectory(src)
                .outputDirectory(project.resolve("target")).build());
        List<String> lines = console(r);
        assertTrue(lines.get(2).startsWith("E [default] app.conf:1: FP201 "), lines.get(2));
        assertFalse(lines.stream().anyMatch(l -> l.contains("../")), String.join("\n", lines));
        // the summary names the folder itself, as the user gave it
        assertTrue(lines.contains("I footprint [default]: 1 file(s) under " + src.toAbsolutePath().normalize()
                + "; 1 error(s), 0 warning(s), 2 info; daemon groups: a (1x15 threads, maximum-requests=20000)"),
                String.join("\n", lines));
    }

    @Test
    void tableRowsAreTheFootprintOfTheTree() throws Exception {
        int threads = 4;
        writeTree(base, threads);
        List<String> t = table(console(run(request(base))), "default");

        assertEquals(List.of("resident", "resident", "virtual", "virtual"), cells(t.get(1)));
        assertEquals(List.of("component", "count", "each", "total", "each", "total", "sized at"), cells(t.get(2)));
        assertEquals(List.of("apache parent", "1", Sizes.format(FootprintTree.parentResident()),
                Sizes.format(FootprintTree.parentResident()), Sizes.format(FootprintTree.parentVirtual()),
                Sizes.format(FootprintTree.parentVirtual()), "apache2/apache2.conf:" + LOAD_WSGI_LINE),
                cells(row(t, "apache parent")));
        long children = FootprintTree.children();
        assertEquals(List.of("apache children", Long.toString(children), Sizes.format(FootprintTree.childResident()),
                Sizes.format(children * FootprintTree.childResident()), Sizes.format(FootprintTree.childVirtual()),
                Sizes.format(children * FootprintTree.childVirtual()), "apache2/apache2.conf:"
                + MAX_REQUEST_WORKERS_LINE), cells(row(t, "apache children")));
        assertEquals(List.of("daemon 'app'", Integer.toString(PROCESSES),
                Sizes.format(FootprintTree.daemonResident(threads)),
                Sizes.format(PROCESSES * FootprintTree.daemonResident(threads)),
                Sizes.format(FootprintTree.daemonVirtual(threads)),
                Sizes.format(PROCESSES * FootprintTree.daemonVirtual(threads)), DAEMON_AT),
                cells(row(t, "daemon 'app'")));
        assertEquals(List.of("total", Sizes.format(FootprintTree.resident(threads)),
                Sizes.format(FootprintTree.virtual(threads))), cells(row(t, "total")));

        // fixed width: every number ends where its heading ends, every location starts where "sized at" does
        List<Integer> head = ends(t.get(2));
        int sizedAt = t.get(2).indexOf("sized at");
        for (String name : List.of("apache parent", "apache children", "daemon 'app'")) {
            String r = row(t, name);
            assertEquals(head.subList(1, 6), ends(r).subList(1, 6), r);
            assertEquals(sizedAt, r.indexOf(cells(r).get(6)), r);
        }
        List<Integer> total = ends(row(t, "total"));
        assertEquals(List.of(head.get(3), head.get(5)), total.subList(1, 3));
        assertEquals(head.subList(2, 6), ends(t.get(1)));
        for (String line : t) {
            assertTrue(line.length() <= FootprintTable.WIDTH, line);
            assertEquals(line.stripTrailing(), line);
        }

        // no budget given; the event MPM's graceful-stop children apart; one pool; what was assumed
        assertEquals(List.of("  memory unset"), lines(t, "  memory"));
        assertEquals(List.of("  virtualMemory unset"), lines(t, "  virtualMemory"));
        assertTrue(t.contains("    virtual matters only under an address-space cap: VPS, ulimit -v, virtual-memory-limit"));
        String graceful = String.join(" ", t.subList(t.indexOf(lines(t, "  graceful stop").get(0)),
                t.indexOf(lines(t, "  database connections").get(0)))).replaceAll(" +", " ");
        long stopping = FootprintTree.gracefulStop();
        assertEquals(" graceful stop: up to " + stopping + " more apache children x "
                + Sizes.format(FootprintTree.childResident()) + " = " + Sizes.format(stopping
                * FootprintTree.childResident()) + " (" + Sizes.format(stopping * FootprintTree.childVirtual())
                + " virtual) may linger after a graceful restart, not in the total; ServerLimit " + SERVER_LIMIT
                + " less the " + children + " children counted (apache2/apache2.conf:" + SERVER_LIMIT_LINE + ")",
                graceful);
        assertEquals(List.of("  database connections: max " + FootprintTree.connections()
                + "; databaseConnections unset"), lines(t, "  database connections"));
        assertEquals("    [app:main] sqlalchemy.: " + PROCESSES + " processes of daemon 'app' x "
                + (FootprintTree.POOL_SIZE + FootprintTree.MAX_OVERFLOW) + " = " + FootprintTree.connections() + " ("
                + POOL_AT + ")", t.get(t.indexOf(lines(t, "  database connections").get(0)) + 1));
        assertEquals(List.of("  malloc arena cap " + 8 * CPU_CORES + ": glibc's default of 8 per core x cpuCores "
                + CPU_CORES), lines(t, "  malloc arena cap"));
        assertEquals(List.of("  assumed: appRss " + Sizes.format(FootprintTree.APP_RSS) + " per loaded application,"
                + " cpuCores " + CPU_CORES + ", requestGrowth " + Sizes.format(FootprintTree.REQUEST_GROWTH)
                + " per request"), lines(t, "  assumed:"));
        assertEquals(List.of(), lines(t, "  assumptions"));
        assertFalse(String.join("\n", t).contains(SECRET));
    }

    @Test
    void budgetsOverAndUnder() throws Exception {
        int threads = 4;
        writeTree(base, threads);
        long resident = FootprintTree.resident(threads);
        long virtual = FootprintTree.virtual(threads);
        long connections = FootprintTree.connections();

        // a budget below the estimate: over by the difference
        long memory = resident / MIB * MIB - 16 * MIB;
        long address = virtual / MIB * MIB - 100 * MIB;
        List<String> t = table(console(run(request(base).host("memory", memory).host("virtualMemory", address)
                .host("databaseConnections", connections - 2))), "default");
        assertEquals(List.of("  memory=" + Sizes.format(memory) + ": over by " + Sizes.format(resident - memory)),
                lines(t, "  memory"));
        assertEquals(List.of("  virtualMemory=" + Sizes.format(address) + ": over by "
                + Sizes.format(virtual - address)), lines(t, "  virtualMemory"));
        assertEquals(List.of("  database connections: max " + connections + "; databaseConnections="
                + (connections - 2) + ": over by 2"), lines(t, "  database connections"));

        // above it: the headroom
        memory = resident / MIB * MIB + 64 * MIB;
        address = virtual / MIB * MIB + 1024 * MIB;
        t = table(console(run(request(base).host("memory", memory).host("virtualMemory", address)
                .host("databaseConnections", connections + 7))), "default");
        assertEquals(List.of("  memory=" + Sizes.format(memory) + ": headroom " + Sizes.format(memory - resident)),
                lines(t, "  memory"));
        assertEquals(List.of("  virtualMemory=" + Sizes.format(address) + ": headroom "
                + Sizes.format(address - virtual)), lines(t, "  virtualMemory"));
        assertEquals(List.of("  database connections: max " + connections + "; databaseConnections="
                + (connections + 7) + ": headroom 7"), lines(t, "  database connections"));
    }

    @Test
    void unboundedPool() throws Exception {
        writeTree(base, "4", 0);
        List<String> t = table(console(run(request(base).host("databaseConnections", 50))), "default");
        List<String> db = lines(t, "  database connections");
        assertEquals(List.of("  database connections: unbounded; databaseConnections=50"), db);
        assertEquals("    [app:main] sqlalchemy.: " + PROCESSES + " processes of daemon 'app' x unbounded ("
                + POOL_AT + ")", t.get(t.indexOf(db.get(0)) + 1));
    }

    @Test
    void oneTablePerEnvironmentWithItsOwnValues() throws Exception {
        writeTree(base, "@threads@", FootprintTree.POOL_SIZE);
        Properties small = new Properties();
        small.setProperty("threads", "2");
        Properties big = new Properties();
        big.setProperty("threads", "9");
        CheckResult r = run(request(base)
                .environment("small", null, small, Map.of("memory", "64M"))
                .environment("big", null, big, Map.of("memory", "1024M")));
        List<String> lines = console(r);
        int smallAt = lines.indexOf("I footprint [small] worst case on one host:");
        int bigAt = lines.indexOf("I footprint [big] worst case on one host:");
        assertTrue(smallAt > 0 && bigAt > smallAt, String.join("\n", lines));
        // each table follows its own environment's summary line
        assertTrue(lines.get(smallAt - 1).startsWith("I footprint [small]: "), lines.get(smallAt - 1));
        assertTrue(lines.get(bigAt - 1).startsWith("I footprint [big]: "), lines.get(bigAt - 1));
        int[] threads = {2, 9};
        long[] memory = {64 * MIB, 1024 * MIB};
        String[] ids = {"small", "big"};
        for (int i = 0; i < 2; i++) {
            List<String> t = table(lines, ids[i]);
            List<String> daemon = cells(row(t, "daemon 'app'"));
            assertEquals(Sizes.format(FootprintTree.daemonResident(threads[i])), daemon.get(2), ids[i]);
            assertEquals(Sizes.format(FootprintTree.daemonVirtual(threads[i])), daemon.get(4), ids[i]);
            long room = memory[i] - FootprintTree.resident(threads[i]);
            assertEquals(List.of("  memory=" + Sizes.format(memory[i]) + ": " + (room < 0 ? "over by "
                    + Sizes.format(-room) : "headroom " + Sizes.format(room))), lines(t, "  memory"), ids[i]);
        }
        assertTrue(lines(table(lines, "small"), "  memory").get(0).contains("over by"));
        assertTrue(lines(table(lines, "big"), "  memory").get(0).contains("headroom"));
    }

    @Test
    void sameInputSameLines() throws Exception {
        writeTree(base, 4);
        List<String> first = console(run(request(base).host("memory", 256 * MIB)));
        List<String> second = console(run(request(base).host("memory", 256 * MIB)));
        assertEquals(first, second);
        assertTrue(first.contains("I footprint [default] worst case on one host:"));
    }

    @Test
    void locationsTooLongForTheTableGoBelowTheirRow() throws Exception {
        String folder = "srv/deploy/hosts/production-eu-west-one/etc/apache2/configuration";
        FootprintTree.writeDeep(base, folder, 4);
        List<String> t = table(console(run(request(base))), "default");
        assertEquals(List.of("component", "count", "each", "total", "each", "total"), cells(t.get(2)));
        for (String name : List.of("apache parent", "apache children", "daemon 'app'")) {
            String r = row(t, name);
            assertEquals(6, cells(r).size(), r);
            assertTrue(t.get(t.indexOf(r) + 1).startsWith("    sized at "), t.get(t.indexOf(r) + 1));
        }
        assertEquals("    sized at " + folder + "/apache2.conf:" + MAX_REQUEST_WORKERS_LINE,
                t.get(t.indexOf(row(t, "apache children")) + 1));
        assertEquals("    sized at " + DAEMON_AT, t.get(t.indexOf(row(t, "daemon 'app'")) + 1));
        for (String line : t) {
            assertTrue(line.length() <= FootprintTable.WIDTH, line);
        }
    }

    @Test
    void nothingToSize() throws Exception {
        write(base, "app/production.ini", "[app:main]", "use = egg:myapp");
        List<String> lines = console(run(request(base)));
        assertEquals("I footprint [default]: " + FootprintTable.NOTHING, lines.get(lines.size() - 1));
        assertTrue(lines.get(lines.size() - 2).startsWith("I footprint [default]: 1 file(s)"), lines.toString());

        // a pool but no process: its connections still count (one process assumed)
        write(base, "app/production.ini", "[app:main]", "use = egg:myapp",
                "sqlalchemy.url = postgresql://app:" + SECRET + "@db/app");
        List<String> t = table(console(run(request(base))), "default");
        assertEquals("  " + FootprintTable.NOTHING, t.get(1));
        assertEquals(List.of("  database connections: max 15; databaseConnections unset"),
                lines(t, "  database connections"));
        assertFalse(String.join("\n", t).contains(SECRET));
        assertEquals(List.of(), lines(t, "  memory"));
    }

    @Test
    void secretsAreMaskedBeforeTheTableIsLaidOut() throws Exception {
        // a daemon named like the database password: the redactor knows it from the engine URL
        write(base, "apache/app.conf", "WSGIDaemonProcess " + SECRET + " threads=2 maximum-requests=100");
        write(base, "app/production.ini", "[app:main]", "use = egg:myapp",
                "sqlalchemy.url = postgresql://app:" + SECRET + "@db/app");
        List<String> t = table(console(run(request(base))), "default");
        assertFalse(String.join("\n", t).contains(SECRET), String.join("\n", t));
        String daemon = row(t, "daemon '****'");
        // the column headings (below the server line of this project without a main httpd file)
        String heading = t.stream().filter(l -> l.startsWith("  component")).findFirst().orElseThrow();
        assertEquals(ends(heading).subList(1, 6), ends(daemon).subList(1, 6), daemon);
        assertTrue(t.stream().anyMatch(l -> l.contains("daemon '****'") && l.startsWith("  - ")), String.join("\n", t));
    }
}
