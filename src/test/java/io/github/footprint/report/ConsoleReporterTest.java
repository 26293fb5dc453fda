package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;

class ConsoleReporterTest {
    @TempDir
    Path base;

    @Test
    void oneLinePerFindingAtItsLevelThenASummary() throws Exception {
        Path src = base.resolve("src/main/deploy");
        Files.createDirectories(src);
        Files.write(src.resolve("app.conf"), ("WSGIDaemonProcess a maximum-requests=20000\n"
                + "WSGIDaemonProcess b maximum-requests=10\n").getBytes(StandardCharsets.UTF_8));
        CheckResult r = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("target")).build());
        List<String> lines = new ArrayList<>();
        new ConsoleReporter(new ConsoleSink() {
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
        }).write(r);
        assertEquals(4, lines.size(), lines.toString());
        // a finding about the project as a whole (FP505, no memory budget) has no file:line before its id
        assertEquals(true, lines.get(0).startsWith("I [default] FP505 No memory budget is set: the worst case is "),
                lines.get(0));
        lines.remove(0);
        assertEquals("E [default] src/main/deploy/app.conf:1: FP201 WSGIDaemonProcess a: maximum-requests=20000 lets a"
                + " leaking process grow for 20000 requests before it is recycled (set requestGrowth to see what that"
                + " costs). Use 100-1000 (the limit counts requests per process, across all its threads)"
                + " (https://github.com/footprint/footprint-maven-plugin/blob/main/src/main/resources/io/github/"
                + "footprint/rules/FP201.md)", lines.get(0));
        assertEquals(true, lines.get(1).startsWith("W [default] src/main/deploy/app.conf:2: FP203 WSGIDaemonProcess b:"
                + " maximum-requests=10 restarts each process after 10 request(s)"), lines.get(1));
        assertEquals("I footprint [default]: 1 file(s) under src/main/deploy; 1 error(s), 1 warning(s), 1 info;"
                + " daemon groups: a (1x15 threads, maximum-requests=20000), b (1x15 threads, maximum-requests=10)",
                lines.get(2));
    }
}
