package io.github.footprint.model.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The thread memory model against real processes: every daemon and Apache child of the calibration runs
 * (memcalib-excerpt.tsv, from src/test/resources/calibration/memcalib.tsv), the thread-creation failures
 * docs/domain/mod_wsgi.md#measured-behaviour
 * and docs/domain/mod_wsgi.md#when-a-thread-cannot-be-created report, and those measured for FP212 on the same kind of
 * host (Apache 2.4.71, mod_wsgi
 * 4.9.4, glibc 2.36, 2 cores): the first {@code Couldn't create worker thread N} in the error log.
 */
class ThreadMemoryTest {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long DEFAULT = 8 * MIB;
    /** The calibration host's cores. */
    private static final int MEASURED_CORES = 2;
    private static final long CORES_2 = (long) ThreadMemory.ARENAS_PER_CORE * MEASURED_CORES;

    /** The rows of the excerpt as column name to value. */
    private static List<Map<String, String>> rows() throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (InputStream in = ThreadMemoryTest.class.getResourceAsStream("/calibration/memcalib-excerpt.tsv")) {
            String[] header = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static long arenaMax(Map<String, String> row) {
        return row.get("env").startsWith("MALLOC_ARENA_MAX=")
                ? Long.parseLong(row.get("env").substring("MALLOC_ARENA_MAX=".length())) : CORES_2;
    }

    /** {@code stack_size} when mod_wsgi applies it (at least 16 KiB), else the {@code ulimit -s} httpd started with. */
    private static long daemonStack(Map<String, String> row) {
        String s = row.get("stack_size");
        long v = s.equals("default") ? 0 : Long.parseLong(s);
        return v >= ThreadMemory.PTHREAD_STACK_MIN ? v : Long.parseLong(row.get("ulimit_s_kb")) * KIB;
    }

    @Test
    void everyCalibratedDaemonProcess() throws IOException {
        int startup = 0;
        int loaded = 0;
        for (Map<String, String> row : rows()) {
            if (!row.get("role").equals("wsgi-daemon")) {
                continue;
            }
            int t = Integer.parseInt(row.get("T"));
            long stack = daemonStack(row);
            long measured = Long.parseLong(row.get("VmSize_kB")) * KIB;
            assertEquals((t + ThreadMemory.DAEMON_INTERNAL_THREADS) * ThreadMemory.stackMapping(stack),
                    Long.parseLong(row.get("stacks_kB")) * KIB, row::toString);
            if (row.get("phase").equals("startup")) {
                // one arena at start-up (§5.1), 18516 KiB + (T + 2) stacks + 8 KiB per thread: within 16 KiB
                long model = ThreadMemory.daemonStartAddressSpace(t, stack, 1);
                assertTrue(Math.abs(model - measured) <= 16 * KIB, () -> row + ": model " + model / KIB + " KiB");
                startup++;
            } else {
                // after load: the arena count the footprint uses (its sizes: MemoryCalibrationTest)
                assertEquals(Long.parseLong(row.get("arenas")), ThreadMemory.arenas(t, arenaMax(row)), row::toString);
                loaded++;
            }
        }
        assertEquals(23, startup);
        assertEquals(23, loaded);
    }

    @Test
    void everyCalibratedApacheChild() throws IOException {
        int n = 0;
        for (Map<String, String> row : rows()) {
            if (!row.get("role").equals("mpm-child")) {
                continue;
            }
            String tss = row.get("ThreadStackSize");
            long stack = tss.equals("default") ? Long.parseLong(row.get("ulimit_s_kb")) * KIB : Long.parseLong(tss);
            long measured = Long.parseLong(row.get("VmSize_kB")) * KIB;
            assertEquals(Long.parseLong(row.get("stacks_kB")) * KIB,
                    (25 + ThreadMemory.APACHE_CHILD_EXTRA_THREADS) * ThreadMemory.stackMapping(stack), row::toString);
            assertEquals(Long.parseLong(row.get("arenas")), ThreadMemory.arenas(25, arenaMax(row)), row::toString);
            n++;
        }
        assertEquals(36, n);
    }

    @Test
    void virtualMemoryLimitFailurePoints() {
        // docs/domain/mod_wsgi.md#measured-behaviour wsgi_vmlimit_256m_t50: "Couldn't create worker thread 27" (the
        // 28th)
        assertEquals(27, ThreadMemory.daemonThreadsStartedUnder(268435456L, DEFAULT));
        // measured for FP212: threads=15 starts all 15 at 157968 KiB and fails at 14 one thread (8204 KiB) below;
        // threads=50 starts all 50 at 445108 KiB and, on its first start, fails at 49 one thread below
        assertEquals(15, ThreadMemory.daemonThreadsStartedUnder(161759232L, DEFAULT));
        assertEquals(14, ThreadMemory.daemonThreadsStartedUnder(153358336L, DEFAULT));
        assertEquals(50, ThreadMemory.daemonThreadsStartedUnder(455790592L, DEFAULT));
        assertEquals(49, ThreadMemory.daemonThreadsStartedUnder(447389696L, DEFAULT));
        // the arena-free need is exactly those limits
        assertEquals(161759232L, ThreadMemory.daemonStartAddressSpace(15, DEFAULT, 0));
        assertEquals(455790592L, ThreadMemory.daemonStartAddressSpace(50, DEFAULT, 0));
    }

    @Test
    void memoryLimitFailurePoints() {
        // docs/domain/mod_wsgi.md#when-a-thread-cannot-be-created: memory-limit=104857600, threads=25: "Couldn't create
        // worker thread 9"
        assertEquals(9, ThreadMemory.daemonThreadsStartedUnderData(104857600L, DEFAULT));
        // measured for FP212, threads=25: 120 MiB -> 12, 150 MiB -> 16; threads=100: 60, 60, 59, 59
        assertEquals(12, ThreadMemory.daemonThreadsStartedUnderData(120 * MIB, DEFAULT));
        assertEquals(16, ThreadMemory.daemonThreadsStartedUnderData(150 * MIB, DEFAULT));
        assertEquals(60, ThreadMemory.daemonThreadsStartedUnderData(526385152L, DEFAULT));
        assertEquals(60, ThreadMemory.daemonThreadsStartedUnderData(526319616L, DEFAULT));
        assertEquals(59, ThreadMemory.daemonThreadsStartedUnderData(525336576L, DEFAULT));
        assertEquals(59, ThreadMemory.daemonThreadsStartedUnderData(524288000L, DEFAULT));
    }

    @Test
    void theMeasuredVirtualMemoryLimitCasesFitOrNot() {
        // wsgi_vmlimit_256m_t50: threads cannot be created; with stack-size=524288: starts and serves
        assertTrue(ThreadMemory.daemonStartAddressSpace(50, DEFAULT, ThreadMemory.ARENAS_WHILE_STARTING) > 268435456L);
        assertTrue(ThreadMemory.daemonStartAddressSpace(50, 524288, ThreadMemory.ARENAS_WHILE_STARTING) <= 268435456L);
        // wsgi_vmlimit_1g: threads=15 under 1 GiB starts and serves
        assertTrue(ThreadMemory.daemonStartAddressSpace(15, DEFAULT, ThreadMemory.ARENAS_WHILE_STARTING) <= 1073741824L);
    }

    @Test
    void arenasFollowTheThreadsUpToTheCapLessTheMainArena() {
        assertEquals(2, ThreadMemory.arenas(1, 16));
        assertEquals(5, ThreadMemory.arenas(4, 16));
        assertEquals(15, ThreadMemory.arenas(15, 16));
        assertEquals(15, ThreadMemory.arenas(50, 16));
        assertEquals(1, ThreadMemory.arenas(50, 2));
        assertEquals(0, ThreadMemory.arenas(50, 1));
        assertEquals(16, ThreadMemory.arenaMax(null, 2));
        assertEquals(2, ThreadMemory.arenaMax(2L, 2));
        assertEquals(256, ThreadMemory.arenaMax(0L, 32));
    }

    @Test
    void stacksAreMappedInWholePagesPlusAGuard() {
        assertEquals(8196 * KIB, ThreadMemory.stackMapping(DEFAULT));
        assertEquals(516 * KIB, ThreadMemory.stackMapping(524288));
        assertEquals(132 * KIB, ThreadMemory.stackMapping(128000));
    }
}
