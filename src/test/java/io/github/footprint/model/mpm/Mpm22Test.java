package io.github.footprint.model.mpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;

/**
 * httpd 2.2's file-order MPM checks (docs/domain/httpd.md#httpd-22-differences, derived from the 2.2.34 sources: no
 * httpd 2.2 runs here):
 * each handler compares with the values set so far, so the order of the lines changes the result.
 */
class Mpm22Test {
    @TempDir
    Path base;

    private Mpm mpm(String mpm, String conf) throws Exception {
        Path src = Files.createDirectories(base.resolve("deploy"));
        Files.write(src.resolve("httpd.conf"), conf.getBytes(StandardCharsets.UTF_8));
        return new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                .outputDirectory(base.resolve("out")).apacheVersion("2.2").mpm(mpm).build()).environments().get(0)
                .deployment().mpm();
    }

    private static List<String> said(Mpm m) {
        return m.adjustments().stream().map(a -> a.location() + " " + a.text()).collect(Collectors.toList());
    }

    @Test
    void preforkMaxClientsBeforeServerLimitIsClampedToTheDefault() throws Exception {
        Mpm m = mpm("prefork", "MaxClients 400\nServerLimit 400\n");
        assertEquals(Mpm.Kind.PREFORK, m.kind());
        assertEquals(256, m.effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(List.of("deploy/httpd.conf:1 WARNING: MaxClients of 400 exceeds ServerLimit value of 256 servers,"
                + " lowering MaxClients to 256. To increase, please see the ServerLimit directive."), said(m));
    }

    @Test
    void preforkServerLimitFirstIsFine() throws Exception {
        Mpm m = mpm("prefork", "ServerLimit 400\nMaxClients 400\n");
        assertEquals(400, m.effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(List.of(), said(m));
        // 2.2's compiled-in MaxRequestsPerChild is 10000
        assertEquals(10000, m.effective(MpmDirective.MAX_CONNECTIONS_PER_CHILD));
    }

    @Test
    void workerMovesTheFirstThreadsPerChildAheadOfMaxClients() throws Exception {
        Mpm m = mpm("worker", "MaxClients 150\nThreadsPerChild 50\n");
        assertEquals(150, m.effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(50, m.effective(MpmDirective.THREADS_PER_CHILD));
        assertEquals(List.of(), said(m));
    }

    @Test
    void workerThreadLimitAfterThreadsPerChildComesTooLate() throws Exception {
        Mpm m = mpm("worker", "ThreadsPerChild 100\nThreadLimit 200\nMaxClients 400\n");
        assertEquals(64, m.effective(MpmDirective.THREADS_PER_CHILD));
        assertEquals(List.of("deploy/httpd.conf:1 WARNING: ThreadsPerChild of 100 exceeds ThreadLimit value of 64"
                + " threads, lowering ThreadsPerChild to 64. To increase, please see the ThreadLimit directive.",
                "deploy/httpd.conf:3 WARNING: MaxClients (400) is not an integer multiple of ThreadsPerChild (64),"
                        + " lowering MaxClients to 384 for a maximum of 6 child processes,"), said(m));
        assertEquals(384, m.effective(MpmDirective.MAX_REQUEST_WORKERS));
    }
}
