package io.github.footprint.rules.wsgi;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.model.wsgi.DaemonGroup;

class DaemonOptionMisreadTest {
    private static final String ID = "FP205";

    @TempDir
    Path tree;

    private String message(String line) throws Exception {
        write(tree, "apache/app.conf", "<VirtualHost *:80>", "    ServerName app.example.com", "    " + line,
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        // the first line, then the detail on a line of its own
        return f.message() + "\n" + f.detail();
    }

    private List<Finding> all(String... lines) throws Exception {
        write(tree, "apache/app.conf", lines);
        return findings(check(tree), ID);
    }

    @Test
    void aUnitAfterTheNumberIsDropped() throws Exception {
        assertEquals("WSGIDaemonProcess app: memory-limit=500M is read as 500 bytes; write memory-limit=524288000 (500"
                + " MiB)\nmod_wsgi reads it with apr_atoi64, which stops at 'M', and says nothing; that is far below"
                + " what a daemon process needs to start its threads.",
                message("WSGIDaemonProcess app processes=2 threads=5 memory-limit=500M"));
        assertEquals("WSGIDaemonProcess app: stack-size=8M is read as 8 bytes; write stack-size=8388608 (8"
                + " MiB)\nmod_wsgi reads it with atoi, which stops at 'M', and says nothing; a stack size below"
                + " 16384 bytes is ignored, so the threads get the default stack (ulimit -s, usually 8 MiB).",
                message("WSGIDaemonProcess app threads=5 stack-size=8M"));
        assertEquals("WSGIDaemonProcess app: maximum-requests=1k is read as 1 request; write"
                + " maximum-requests=1000\nmod_wsgi reads it with atoi, which stops at 'k', and says nothing; every"
                + " process restarts after each request.", message("WSGIDaemonProcess app threads=5 maximum-requests=1k"));
        assertEquals("WSGIDaemonProcess app: socket-timeout=5m is read as 5 seconds; write socket-timeout=300 (5"
                + " minutes)\nmod_wsgi reads it with atoi, which stops at 'm', and says nothing.",
                message("WSGIDaemonProcess app socket-timeout=5m"));
        assertEquals("WSGIDaemonProcess app: request-timeout=1.5 is read as 1 second; write request-timeout=2\nmod_wsgi"
                + " reads it with atoi, which stops at '.5', and says nothing.",
                message("WSGIDaemonProcess app request-timeout=1.5"));
        assertEquals("WSGIDaemonProcess app: virtual-memory-limit=1,073,741,824 is read as 1 byte; write"
                + " virtual-memory-limit=1073741824 (1 GiB)\nmod_wsgi reads it with apr_atoi64, which stops at"
                + " ',073,741,824', and says nothing; that is far below what a daemon process needs to start its"
                + " threads.",
                message("WSGIDaemonProcess app virtual-memory-limit=1,073,741,824"));
        assertEquals("WSGIDaemonProcess app: memory-limit=0x10000000 is read as 0 bytes; write memory-limit=268435456"
                + " (256 MiB)\nmod_wsgi reads it with apr_atoi64, which stops at 'x10000000', and says nothing; 0"
                + " means no limit.", message("WSGIDaemonProcess app memory-limit=0x10000000"));
    }

    @Test
    void textWhereANumberBelongsIsZero() throws Exception {
        // docs/domain/mod_wsgi.md#reading-a-wsgidaemonprocess-line, docs/domain/mod_wsgi.md#measured-behaviour
        // wsgi_threads_0: a daemon that never serves
        assertEquals("WSGIDaemonProcess app: threads=abc is read as 0 threads; write threads as a whole number in"
                + " digits, e.g. threads=15 (mod_wsgi's default)\nmod_wsgi reads it with atoi, which finds no digits"
                + " in 'abc' and gives 0, and says nothing; threads=0 is the mode without request threads, so the"
                + " daemon never serves a request.", message("WSGIDaemonProcess app processes=1 threads=abc"));
        // docs/domain/mod_wsgi.md#measured-behaviour wsgi_maxreq_abc: starts, serves, no message
        assertEquals("WSGIDaemonProcess bad: maximum-requests=abc is read as 0 requests; write maximum-requests as a"
                + " whole number in digits\nmod_wsgi reads it with atoi, which finds no digits in 'abc' and gives 0,"
                + " and says nothing; 0 means the processes are never recycled.",
                message("WSGIDaemonProcess bad processes=1 threads=5 maximum-requests=abc"));
        assertEquals("WSGIDaemonProcess app: threads=5x is read as 5 threads; write threads=5 if 5 is what is meant,"
                + " else the number in digits\nmod_wsgi reads it with atoi, which stops at 'x', and says nothing.",
                message("WSGIDaemonProcess app threads=5x"));
        assertEquals("WSGIDaemonProcess app: cpu-priority=abc is read as 0; write cpu-priority as a whole number in"
                + " digits\nmod_wsgi reads it with atoi, which finds no digits in 'abc' and gives 0, and says"
                + " nothing.",
                message("WSGIDaemonProcess app cpu-priority=abc"));
        assertEquals("WSGIDaemonProcess app: user=#33x is read as uid 33; write user=#33\nmod_wsgi reads it with atoi,"
                + " which stops at 'x', and says nothing.", message("WSGIDaemonProcess app user=#33x"));
    }

    @Test
    void aNumberBeyondAnIntKeepsItsLowBits() throws Exception {
        assertEquals("WSGIDaemonProcess app: threads=4294967301 is read as 5 threads; write a number mod_wsgi can"
                + " hold: threads below 65534\nmod_wsgi reads it with atoi, which keeps only the low 32 bits of"
                + " 4294967301, and says nothing.", message("WSGIDaemonProcess app threads=4294967301"));
        assertEquals("WSGIDaemonProcess app: maximum-requests=4294967297 is read as 1 request; write a number mod_wsgi"
                + " can hold: below 2147483648\nmod_wsgi reads it with atoi, which keeps only the low 32 bits of"
                + " 4294967297, and says nothing; every process restarts after each request.",
                message("WSGIDaemonProcess app maximum-requests=4294967297"));
    }

    @Test
    void aContinuationLineInItsFirstColumnGluesTwoOptions() throws Exception {
        // docs/domain/mod_wsgi.md#reading-a-wsgidaemonprocess-line, measured: threads=5\ + processes=2 is
        // threads=5processes=2, processes lost
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=5\\", "processes=2 maximum-requests=500");
        CheckResult r = check(tree);
        Finding f = only(r, ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals("WSGIDaemonProcess app: threads=5processes=2: 'processes=2' is glued to the value before it; put a"
                + " space between them: threads=5 processes=2", f.message());
        assertEquals("mod_wsgi reads threads=5 and never sees processes (a continuation line that starts in its first"
                + " column is joined to the line above without a space).", f.detail());
        DaemonGroup g = r.environments().get(0).deployment().daemons().get(0);
        assertEquals(5, g.threads());
        assertEquals(1, g.processes());
        write(tree, "apache/app.conf", "WSGIDaemonProcess app display-name=app\\", "threads=5");
        assertEquals("WSGIDaemonProcess app: display-name=appthreads=5: 'threads=5' is glued to the value before it;"
                + " put a space between them: display-name=app threads=5", only(check(tree), ID).message());
    }

    @Test
    void aSpaceAfterTheEqualsSignMakesTheNextOptionTheValue() throws Exception {
        assertEquals("WSGIDaemonProcess app: threads= processes=2: 'processes=2' becomes the value of threads; give"
                + " threads its value right after '=', e.g. threads=15 processes=2\nAfter '=' mod_wsgi skips white"
                + " space and takes the next word, so it reads threads=0 and never sets processes.",
                message("WSGIDaemonProcess app threads= processes=2"));
    }

    @Test
    void whatIsReadAsWrittenIsNotReported() throws Exception {
        List<Finding> fs = all(
                "WSGIDaemonProcess a processes=2 threads=5 maximum-requests=500 memory-limit=524288000",
                // the option's own unit, a whole number with a zero fraction: atoi reads what is meant
                "WSGIDaemonProcess b socket-timeout=30s threads=5.0 response-buffer-size=65536B",
                // quoted, blanks around the digits; a sign; leading zeros
                "WSGIDaemonProcess c threads=\" 5 \" maximum-requests=+500 listen-backlog=0100",
                // only the last of a repeated option counts
                "WSGIDaemonProcess d threads=5x threads=5",
                // refused values are FP204's
                "WSGIDaemonProcess e processes=abc stack-size=abc",
                // stack-size=1 is read as 1: too small (FP211), not misread; threads=0 is FP210's
                "WSGIDaemonProcess f stack-size=1 threads=0",
                // quoted text with a space before an option-like word is one value
                "WSGIDaemonProcess g display-name=\"app threads=5\"",
                "WSGIDaemonProcess h threads=5 \\", "    processes=2");
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void textWhereANumberBelongsIsRefusedBeforeFourSix() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=abc");
        CheckResult r = run(request(tree).modWsgiVersion("4.5.24"));
        assertEquals(List.of(), findings(r, ID));
        assertTrue(only(r, "FP204").detail().contains("'Invalid thread count for WSGI daemon process.'"));
    }}
