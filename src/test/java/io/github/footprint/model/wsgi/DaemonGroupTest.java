package io.github.footprint.model.wsgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.parse.wsgi.DaemonLine;
import io.github.footprint.parse.wsgi.DaemonProblem;
import io.github.footprint.parse.wsgi.WsgiOptions;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon group: the numbers mod_wsgi reads from its line (atoi, defaults), and the problems of the line. */
class DaemonGroupTest {
    private static DaemonGroup group(String line) {
        return new DaemonGroup(DaemonLine.parse(line), null, null);
    }

    @Test
    void theGroupCarriesTheProblemsOfItsLine() {
        DaemonGroup g = new DaemonGroup(DaemonLine.parse("app threads=abc", WsgiOptions.Version.parse("4.9.4")), null,
                null);
        assertEquals(1, g.problems().size());
        assertEquals(DaemonProblem.Kind.LENIENT_NUMBER, g.problems().get(0).kind());
        assertEquals(0, g.threads());
        DaemonGroup old = new DaemonGroup(DaemonLine.parse("app threads=abc", WsgiOptions.Version.parse("4.5.24")),
                null, null);
        assertEquals("Invalid thread count for WSGI daemon process.", old.problems().get(0).message());
    }

    @Test
    void numbersAreReadByAtoiInTheGroup() {
        DaemonGroup g = new DaemonGroup(DaemonLine.parse("app threads=5x processes=abc"
                + " maximum-requests=1k stack-size=8M"), null, null);
        assertEquals(5, g.threads());
        assertEquals(0, g.processes());
        assertEquals(1, g.maximumRequests());
        // 8 bytes: below 16 KiB, ignored by mod_wsgi (docs/domain/mod_wsgi.md#when-a-thread-cannot-be-created)
        assertEquals(OptionalLong.empty(), g.stackSize());
        DaemonGroup none = new DaemonGroup(DaemonLine.parse("x"), null, null);
        assertEquals(15, none.threads());
        assertEquals(1, none.processes());
        assertEquals(0, none.maximumRequests());
        assertEquals(OptionalLong.empty(), none.stackSize());
        assertEquals(OptionalLong.of(524288), group("x stack-size=524288").stackSize());
        // mod_wsgi reads maximum-requests and stack-size with atoi(): an int, cut to 32 bits as glibc does
        assertEquals(1, group("x maximum-requests=4294967297").maximumRequests());
        assertEquals(OptionalLong.empty(), group("x stack-size=4294967296").stackSize());
    }

    @TempDir
    Path dir;

    @Test
    void aContinuationWithoutLeadingSpaceGluesTwoOptions() {
        // MEASURED (docs/domain/mod_wsgi.md#reading-a-wsgidaemonprocess-line): "threads=5\" + "processes=2" is
        // threads=5processes=2: threads 5, processes lost
        Trees.write(dir, Map.of("app.conf", "WSGIDaemonProcess app threads=5\\\nprocesses=2\n"
                + "WSGIDaemonProcess ok threads=5 \\\n    processes=2\n"));
        ApacheConfig c = Trees.apache(Trees.load(dir));
        List<Directive> ds = c.find("WSGIDaemonProcess");
        DaemonLine glued = DaemonLine.parse(ds.get(0).rawArgs());
        assertEquals(Map.of("threads", "5processes=2"), glued.options());
        DaemonGroup g = new DaemonGroup(glued, ds.get(0).location(), null);
        assertEquals(5, g.threads());
        assertEquals(false, g.values().processes().isPresent());
        assertEquals(1, g.processes());
        assertEquals(Map.of("threads", "5", "processes", "2"), DaemonLine.parse(ds.get(1).rawArgs()).options());
    }
}
