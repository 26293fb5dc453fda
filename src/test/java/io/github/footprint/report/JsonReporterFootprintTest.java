package io.github.footprint.report;

import static io.github.footprint.report.FootprintTree.APP_RSS;
import static io.github.footprint.report.FootprintTree.CPU_CORES;
import static io.github.footprint.report.FootprintTree.LOAD_WSGI_LINE;
import static io.github.footprint.report.FootprintTree.MAX_OVERFLOW;
import static io.github.footprint.report.FootprintTree.MAX_REQUEST_WORKERS_LINE;
import static io.github.footprint.report.FootprintTree.MIB;
import static io.github.footprint.report.FootprintTree.POOL_SIZE;
import static io.github.footprint.report.FootprintTree.PROCESSES;
import static io.github.footprint.report.FootprintTree.REQUEST_GROWTH;
import static io.github.footprint.report.FootprintTree.SECRET;
import static io.github.footprint.report.FootprintTree.SERVER_LIMIT_LINE;
import static io.github.footprint.report.FootprintTree.request;
import static io.github.footprint.report.FootprintTree.writeTree;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static io.github.footprint.rules.RuleTestSupport.writeLinkedApp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckRequest;

/** footprint.json's {@code memory} and {@code databaseConnections}: the footprint of a real tree, field by field. */
class JsonReporterFootprintTest {
    @TempDir
    Path tree;

    @TempDir
    Path out;

    private Path report(CheckRequest.Builder request, String folder) throws Exception {
        return new JsonReporter().write(run(request).view(), ReportTarget.files(out.resolve(folder))).orElseThrow();
    }

    private static JsonNode environment(Path json, int index) throws Exception {
        return new ObjectMapper().readTree(json.toFile()).get("environments").get(index);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void assertComponent(JsonNode c, String name, long count, long residentEach, long virtualEach,
            long stacksEach, long arenasEach, String file, int line) {
        assertEquals(List.of("name", "count", "residentBytesEach", "virtualBytesEach", "residentBytes", "virtualBytes",
                "stacksBytesEach", "arenasBytesEach", "file", "line", "sizedBy"), names(c));
        assertEquals(name, c.get("name").asText());
        assertEquals(count, c.get("count").asLong(), name);
        assertEquals(residentEach, c.get("residentBytesEach").asLong(), name);
        assertEquals(virtualEach, c.get("virtualBytesEach").asLong(), name);
        assertEquals(count * residentEach, c.get("residentBytes").asLong(), name);
        assertEquals(count * virtualEach, c.get("virtualBytes").asLong(), name);
        assertEquals(stacksEach, c.get("stacksBytesEach").asLong(), name);
        assertEquals(arenasEach, c.get("arenasBytesEach").asLong(), name);
        assertEquals(file, c.get("file").asText(), name);
        assertEquals(line, c.get("line").asInt(), name);
        assertFalse(c.get("sizedBy").asText().isEmpty(), name);
    }

    @Test
    void memoryIsTheFootprintOfTheTree() throws Exception {
        int threads = 4;
        writeTree(tree, threads);
        JsonNode m = environment(report(request(tree), "a"), 0).get("memory");
        assertEquals(List.of("residentBytes", "virtualBytes", "budgetBytes", "virtualBudgetBytes", "headroomBytes",
                "arenaMax", "appRssBytes", "cpuCores", "requestGrowthBytes", "components", "gracefulStop",
                "assumptions"), names(m));
        assertEquals(FootprintTree.resident(threads), m.get("residentBytes").asLong());
        assertEquals(FootprintTree.virtual(threads), m.get("virtualBytes").asLong());
        assertTrue(m.get("budgetBytes").isNull());
        assertTrue(m.get("virtualBudgetBytes").isNull());
        assertTrue(m.get("headroomBytes").isNull());
        assertEquals(8 * CPU_CORES, m.get("arenaMax").asLong());
        assertEquals(APP_RSS, m.get("appRssBytes").asLong());
        assertEquals(CPU_CORES, m.get("cpuCores").asInt());
        assertEquals(REQUEST_GROWTH, m.get("requestGrowthBytes").asLong());

        JsonNode cs = m.get("components");
        assertEquals(3, cs.size(), cs.toString());
        assertComponent(cs.get(0), "apache parent", 1, FootprintTree.parentResident(), FootprintTree.parentVirtual(),
                0, 0, "apache2/apache2.conf", LOAD_WSGI_LINE);
        long childArenas = FootprintTree.arenas(FootprintTree.THREADS_PER_CHILD);
        assertComponent(cs.get(1), "apache children", FootprintTree.children(), FootprintTree.childResident(),
                FootprintTree.childVirtual(), FootprintTree.childStacks(), childArenas, "apache2/apache2.conf",
                MAX_REQUEST_WORKERS_LINE);
        assertComponent(cs.get(2), "daemon 'app'", PROCESSES, FootprintTree.daemonResident(threads),
                FootprintTree.daemonVirtual(threads), FootprintTree.daemonStacks(threads),
                FootprintTree.arenas(threads), "apache/app.conf", 3);
        assertEquals("processes=" + PROCESSES + " threads=" + threads, cs.get(2).get("sizedBy").asText());

        // event: the children that may linger after a graceful restart, with the same fields, not in the totals
        assertComponent(m.get("gracefulStop"), "apache children stopping gracefully", FootprintTree.gracefulStop(),
                FootprintTree.childResident(), FootprintTree.childVirtual(), FootprintTree.childStacks(), childArenas,
                "apache2/apache2.conf", SERVER_LIMIT_LINE);
        assertEquals(0, m.get("assumptions").size(), m.get("assumptions").toString());
    }

    @Test
    void budgetsAndHeadroom() throws Exception {
        int threads = 4;
        writeTree(tree, threads);
        long resident = FootprintTree.resident(threads);
        long under = resident / MIB * MIB - 8 * MIB;
        JsonNode m = environment(report(request(tree).host("memory", under).host("virtualMemory", 4096 * MIB), "over"), 0)
                .get("memory");
        assertEquals(under, m.get("budgetBytes").asLong());
        assertEquals(4096 * MIB, m.get("virtualBudgetBytes").asLong());
        assertEquals(under - resident, m.get("headroomBytes").asLong());
        assertTrue(m.get("headroomBytes").asLong() < 0);

        long above = resident / MIB * MIB + 100 * MIB;
        m = environment(report(request(tree).host("memory", above), "under"), 0).get("memory");
        assertEquals(above - resident, m.get("headroomBytes").asLong());
        assertTrue(m.get("headroomBytes").asLong() > 0);
        assertTrue(m.get("virtualBudgetBytes").isNull());
    }

    @Test
    void databaseConnectionsPerPool() throws Exception {
        writeTree(tree, 4);
        JsonNode db = environment(report(request(tree).host("databaseConnections", 12), "a"), 0).get("databaseConnections");
        assertEquals(List.of("max", "unbounded", "unknown", "hosts", "fleetMax", "budget", "pools"), names(db));
        assertFalse(db.get("unknown").asBoolean());
        assertEquals(FootprintTree.connections(), db.get("max").asLong());
        assertFalse(db.get("unbounded").asBoolean());
        // one host: the fleet is the host
        assertEquals(1, db.get("hosts").asInt());
        assertEquals(FootprintTree.connections(), db.get("fleetMax").asLong());
        JsonNode three = environment(report(request(tree).host("databaseConnections", 12).host("hosts", 3), "b"), 0)
                .get("databaseConnections");
        assertEquals(FootprintTree.connections(), three.get("max").asLong());
        assertEquals(3, three.get("hosts").asInt());
        assertEquals(3 * FootprintTree.connections(), three.get("fleetMax").asLong());
        assertEquals(12, db.get("budget").asLong());
        assertEquals(1, db.get("pools").size());
        JsonNode p = db.get("pools").get(0);
        assertEquals(List.of("app", "prefix", "processes", "perProcess", "connections", "unknown", "perProcessFrom",
                "processesFrom", "file", "line", "link"), names(p));
        assertEquals("app/production.ini [app:main]", p.get("app").asText());
        assertEquals("sqlalchemy.", p.get("prefix").asText());
        assertEquals(PROCESSES, p.get("processes").asLong());
        assertEquals(POOL_SIZE + MAX_OVERFLOW, p.get("perProcess").asInt());
        assertEquals(FootprintTree.connections(), p.get("connections").asLong());
        assertFalse(p.get("unknown").asBoolean());
        assertEquals("pool_size " + POOL_SIZE + " + max_overflow " + MAX_OVERFLOW, p.get("perProcessFrom").asText());
        assertEquals("processes=" + PROCESSES + " of daemon 'app' (" + FootprintTree.DAEMON_AT + ")",
                p.get("processesFrom").asText());
        assertEquals("app/production.ini", p.get("file").asText());
        assertEquals(4, p.get("line").asInt());
        // the link from the mount: the script, the loader call, how the path is computed, the file it maps to
        JsonNode link = p.get("link");
        assertEquals(List.of("script", "mount", "loader", "call", "derivation", "path", "file", "mapping", "section"),
                names(link));
        assertEquals("/srv/app/app.wsgi", link.get("script").asText());
        assertEquals("apache/app.conf:5", link.get("mount").asText());
        assertEquals("paste.deploy.loadapp", link.get("loader").asText());
        assertEquals("app/app.wsgi:2", link.get("call").asText());
        assertEquals("PasteDeploy: config: URI 'config:/srv/app/production.ini', path '/srv/app/production.ini'"
                + " (line 2) -> '/srv/app/production.ini'", link.get("derivation").asText());
        assertEquals("/srv/app/production.ini", link.get("path").asText());
        assertEquals("app/production.ini", link.get("file").asText());
        assertEquals("the only file of that name in the project", link.get("mapping").asText());
        assertEquals("main", link.get("section").asText());

        // pool_size = 0: SQLAlchemy's pool has no limit
        writeTree(tree, "4", 0);
        db = environment(report(request(tree), "b"), 0).get("databaseConnections");
        assertTrue(db.get("max").isNull());
        assertTrue(db.get("unbounded").asBoolean());
        assertTrue(db.get("budget").isNull());
        p = db.get("pools").get(0);
        assertTrue(p.get("perProcess").isNull());
        assertTrue(p.get("connections").isNull());
        assertEquals(PROCESSES, p.get("processes").asLong());
        assertEquals("pool_size = 0 (no limit)", p.get("perProcessFrom").asText());

        // a pool_size that is no integer: unknown, not unbounded, and not SQLAlchemy's default
        writeLinkedApp(tree, "processes=2 threads=4", "sqlalchemy.url = postgresql://db/app",
                "sqlalchemy.pool_size = 3  # three");
        db = environment(report(request(tree), "c"), 0).get("databaseConnections");
        assertTrue(db.get("max").isNull());
        assertFalse(db.get("unbounded").asBoolean());
        assertTrue(db.get("unknown").asBoolean());
        p = db.get("pools").get(0);
        assertTrue(p.get("perProcess").isNull());
        assertTrue(p.get("unknown").asBoolean());
        assertEquals("unknown: pool_size '3  # three' (app/production.ini:4) is not an integer: SQLAlchemy raises"
                + " ValueError at start-up, so the application does not start as written; meant: 3 + 10 = 13 per"
                + " process", p.get("perProcessFrom").asText());
        // no mount reaches an app: no link, and why in processesFrom
        write(tree, "apache/app.conf", "# no mount");
        p = environment(report(request(tree), "d"), 0).get("databaseConnections").get("pools").get(0);
        assertTrue(p.get("link").isNull());
        assertEquals("one process assumed (no WSGIScriptAlias of the project leads to a .wsgi script that loads"
                + " app/production.ini)", p.get("processesFrom").asText());
    }

    @Test
    void sameInputSameBytesAndNoSecret() throws Exception {
        writeTree(tree, 4);
        byte[] first = Files.readAllBytes(report(request(tree).host("memory", 256 * MIB), "a"));
        byte[] second = Files.readAllBytes(report(request(tree).host("memory", 256 * MIB), "b"));
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"databaseConnections\""), text);
        // the engine URL holds the password; neither is written
        assertFalse(text.contains(SECRET));
        assertFalse(text.contains("db.internal"));
    }

    @Test
    void eachEnvironmentItsOwnMemory() throws Exception {
        writeTree(tree, "@threads@", POOL_SIZE);
        Properties small = new Properties();
        small.setProperty("threads", "2");
        Properties big = new Properties();
        big.setProperty("threads", "9");
        Path json = report(request(tree)
                .environment("small", null, small, Map.of("memory", "64M", "databaseConnections", "5"))
                .environment("big", null, big, Map.of()), "a");
        JsonNode s = environment(json, 0);
        JsonNode b = environment(json, 1);
        assertEquals("small", s.get("id").asText());
        assertEquals("big", b.get("id").asText());
        assertEquals(FootprintTree.resident(2), s.get("memory").get("residentBytes").asLong());
        assertEquals(FootprintTree.resident(9), b.get("memory").get("residentBytes").asLong());
        assertEquals(FootprintTree.daemonVirtual(9), b.get("memory").get("components").get(2)
                .get("virtualBytesEach").asLong());
        assertEquals(64 * MIB - FootprintTree.resident(2), s.get("memory").get("headroomBytes").asLong());
        assertTrue(b.get("memory").get("headroomBytes").isNull());
        assertEquals(5, s.get("databaseConnections").get("budget").asLong());
        assertTrue(b.get("databaseConnections").get("budget").isNull());
    }

    @Test
    void nothingToSizeIsZeroNotMissing() throws Exception {
        write(tree, "app/production.ini", "[app:main]", "use = egg:myapp");
        JsonNode env = environment(report(request(tree), "a"), 0);
        assertEquals(0, env.get("memory").get("residentBytes").asLong());
        assertEquals(0, env.get("memory").get("components").size());
        assertTrue(env.get("memory").get("gracefulStop").isNull());
        assertEquals(0, env.get("databaseConnections").get("max").asLong());
        assertEquals(0, env.get("databaseConnections").get("pools").size());
    }

    @Test
    void secretsAreMasked() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess " + SECRET + " threads=2 maximum-requests=100");
        write(tree, "app/production.ini", "[app:main]", "use = egg:myapp",
                "sqlalchemy.url = postgresql://app:" + SECRET + "@db/app");
        Path json = report(request(tree), "a");
        assertFalse(Files.readString(json, StandardCharsets.UTF_8).contains(SECRET));
        JsonNode m = environment(json, 0).get("memory");
        JsonNode daemon = m.get("components").get(m.get("components").size() - 1);
        assertEquals("daemon '****'", daemon.get("name").asText());
        assertTrue(m.get("assumptions").toString().contains("daemon '****'"), m.get("assumptions").toString());
    }
}
