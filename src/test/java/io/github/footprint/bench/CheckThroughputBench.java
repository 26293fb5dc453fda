package io.github.footprint.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;

/**
 * The benchmark of README.md#how-we-know-it-is-right, README.md#speed, run only by {@code mvn -Pbench test} (surefire
 * picks {@code *Bench} classes in
 * that profile alone). It generates Debian-style trees of 10^3 to 10^6 configuration lines and prints, per size,
 * the whole check's throughput in process after warm-up (read + model + rules), the peak heap, and the wall
 * time of {@code apache2 -t} on the same tree when httpd is installed. It asserts nothing about time.
 */
class CheckThroughputBench {
    private static final int LINES_PER_FILE = 100;

    @Test
    void throughputPerTreeSize() throws Exception {
        String sizes = System.getProperty("bench.sizes", "1000,10000,100000,1000000");
        System.out.printf(Locale.ROOT, "%-9s %7s %10s %12s %14s %12s %12s%n", "lines", "files", "check ms",
                "lines/s", "peak heap MiB", "apache2 -t ms", "ratio");
        for (String s : sizes.split(",")) {
            int lines = Integer.parseInt(s.trim());
            Path dir = Files.createTempDirectory("footprint-bench");
            try {
                int files = generate(dir, lines);
                CheckRequest request = new CheckRequest.Builder().baseDirectory(dir).sourceDirectory(dir.resolve("etc"))
                        .outputDirectory(dir.resolve("out")).build();
                // warm-up: at least a few rounds and, for the small trees whose check takes milliseconds, some seconds of
                // them (6 s), so that the JIT has compiled the check before it is timed; then the best of the rounds
                int rounds = lines >= 1_000_000 ? 5 : lines >= 100_000 ? 10 : 200;
                long warmUntil = System.nanoTime() + (lines >= 1_000_000 ? 0 : 6_000_000_000L);
                for (int i = 0; i < Math.min(rounds, 4) || System.nanoTime() < warmUntil; i++) {
                    check(request);
                }
                System.gc();
                resetPeaks();
                long best = Long.MAX_VALUE;
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    check(request);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                long peak = peakHeap();
                long httpd = httpdMillis(dir.resolve("etc/apache2.conf"), dir);
                double ms = best / 1e6;
                System.out.printf(Locale.ROOT, "%-9d %7d %10.1f %12.0f %14.1f %12s %12s%n", lines, files, ms,
                        lines / (best / 1e9), peak / 1048576.0, httpd < 0 ? "n/a" : Long.toString(httpd),
                        httpd < 0 ? "n/a" : String.format(Locale.ROOT, "%.1fx", httpd / ms));
            } finally {
                delete(dir);
            }
        }
    }

    private static void check(CheckRequest request) throws Exception {
        CheckResult r = new CheckEngine().run(request);
        if (r.environments().get(0).deployment().daemons().isEmpty()) {
            throw new IllegalStateException("the generated tree was not read");
        }
    }

    /** A main file loading event + mod_wsgi and including sites/*.conf, each site 100 lines. */
    static int generate(Path dir, int lines) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path sites = Files.createDirectories(etc.resolve("sites"));
        Path run = Files.createDirectories(dir.resolve("run"));
        String main = "ServerRoot \"" + etc + "\"\n"
                + "DefaultRuntimeDir \"" + run + "\"\nPidFile \"" + run.resolve("httpd.pid") + "\"\n"
                + "ErrorLog \"" + run.resolve("error_log") + "\"\n"
                + "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n"
                + "LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so\n"
                + "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so\n"
                + "WSGISocketPrefix \"" + run.resolve("wsgi") + "\"\n"
                + "ServerName 127.0.0.1\nWSGIRestrictEmbedded On\n"
                + "<IfModule mpm_event_module>\n  ThreadsPerChild 25\n  MaxRequestWorkers 150\n</IfModule>\n"
                + "Include sites/*.conf\n";
        Files.write(etc.resolve("apache2.conf"), main.getBytes(StandardCharsets.UTF_8));
        int files = Math.max(1, lines / LINES_PER_FILE);
        for (int f = 0; f < files; f++) {
            StringBuilder b = new StringBuilder();
            b.append("# site ").append(f).append(": generated for the benchmark\n");
            b.append("<VirtualHost *:80>\n");
            b.append("    ServerName site").append(f).append(".example.com\n");
            b.append("    WSGIDaemonProcess site").append(f).append(" processes=1 threads=5 maximum-requests=500 \\\n");
            b.append("        display-name=%{GROUP} stack-size=524288\n");
            b.append("    WSGIProcessGroup site").append(f).append('\n');
            b.append("    WSGIScriptAlias / /srv/site").append(f).append("/app.wsgi\n");
            int used = 7;
            int k = 0;
            while (used + 5 <= LINES_PER_FILE - 1) {
                b.append("    # location ").append(k).append('\n');
                b.append("    <Location \"/static").append(k).append("\">\n");
                b.append("        Require all granted\n");
                b.append("        Options -Indexes\n");
                b.append("    </Location>\n");
                used += 5;
                k++;
            }
            while (used < LINES_PER_FILE - 1) {
                b.append("    # padding\n");
                used++;
            }
            b.append("</VirtualHost>\n");
            Files.write(sites.resolve(String.format(Locale.ROOT, "%07d.conf", f)),
                    b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files + 1;
    }

    private static long httpdMillis(Path conf, Path dir) throws Exception {
        Path bin = Path.of("/usr/sbin/apache2");
        if (!Files.isExecutable(bin) || !Files.exists(Path.of("/usr/lib/apache2/modules/mod_wsgi.so"))) {
            return -1;
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(bin.toString(), "-t", "-f", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("httpd.out").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (p.exitValue() != 0) {
            System.out.println("apache2 -t failed: " + Files.readString(dir.resolve("httpd.out")));
        }
        return ms;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
