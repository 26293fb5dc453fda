package io.github.footprint.model.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.rules.RuleTestSupport;

/**
 * The memory model against every process measured after 200 requests in {@code memcalib.tsv} (a copy of
 * src/test/resources/calibration/memcalib.tsv; see calibration/ORIGIN.md): for each measured configuration the
 * equivalent deploy
 * project is written (the same httpd.conf lines memcalib.sh generated, an {@code envvars} with its {@code ulimit -s}
 * and {@code MALLOC_ARENA_MAX}), the whole check runs with {@code appRss} 0 and {@code cpuCores} 2 (the measuring
 * host), and each process's estimate must be within 10 % of its VmRSS and within 5 % of its VmSize.
 */
class MemoryCalibrationTest {
    private static final double RESIDENT_TOLERANCE = 0.10;
    private static final double VIRTUAL_TOLERANCE = 0.05;

    @TempDir
    Path tmp;

    /** One measured process. */
    private static final class Row {
        final Map<String, String> f;

        Row(Map<String, String> f) {
            this.f = f;
        }

        String get(String k) {
            return f.get(k);
        }

        /** The measured configuration this process belongs to. */
        String configuration() {
            return String.join(" ", get("exp"), get("mpm"), "ulimit=" + get("ulimit_s_kb"), "P=" + get("P"),
                    "T=" + get("T"), "stack-size=" + get("stack_size"), "ThreadStackSize=" + get("ThreadStackSize"),
                    "wsgi=" + get("wsgi"), "env=" + get("env"));
        }
    }

    private static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = MemoryCalibrationTest.class.getResourceAsStream("/calibration/memcalib.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split("\t");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] v = line.split("\t", -1);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i], v[i]);
                }
                out.add(new Row(m));
            }
        }
        return out;
    }

    /** The project memcalib.sh's {@code newconf} describes, as a deploy tree. */
    private void writeProject(Path root, Row c) throws IOException {
        String mpm = c.get("mpm");
        List<String> conf = new ArrayList<>();
        conf.add("LoadModule mpm_" + mpm + "_module /usr/lib/apache2/modules/mod_mpm_" + mpm + ".so");
        conf.add("LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so");
        conf.add("Listen 127.0.0.1:18701");
        conf.add("ServerName 127.0.0.1");
        if (mpm.equals("prefork")) {
            conf.addAll(List.of("StartServers 3", "MinSpareServers 3", "MaxSpareServers 6"));
        } else {
            conf.addAll(List.of("StartServers 2", "ThreadsPerChild 25", "MinSpareThreads 25", "MaxSpareThreads 75"));
        }
        if (!c.get("ThreadStackSize").equals("default")) {
            conf.add("ThreadStackSize " + c.get("ThreadStackSize"));
        }
        switch (c.get("wsgi")) {
            case "none":
                break;
            case "embedded":
                conf.add("LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so");
                break;
            case "restricted":
                conf.add("LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so");
                conf.add("WSGIRestrictEmbedded On");
                break;
            case "daemon":
                conf.add("LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so");
                conf.add("WSGIDaemonProcess calib display-name=%{GROUP} processes=" + c.get("P") + " threads="
                        + c.get("T") + (c.get("stack_size").equals("default") ? "" : " stack-size=" + c.get("stack_size")));
                conf.add("WSGIProcessGroup calib");
                conf.add("WSGIApplicationGroup %{GLOBAL}");
                conf.add("WSGIScriptAlias /app /srv/calib/app/app.wsgi");
                break;
            default:
                throw new AssertionError("unknown wsgi mode " + c.get("wsgi"));
        }
        RuleTestSupport.write(root, "apache2/apache2.conf", conf.toArray(new String[0]));
        List<String> envvars = new ArrayList<>();
        envvars.add("export APACHE_RUN_USER=www-data");
        if (!c.get("ulimit_s_kb").equals("8192")) {
            envvars.add("ulimit -s " + c.get("ulimit_s_kb"));
        }
        if (!c.get("env").equals("-")) {
            envvars.add("export " + c.get("env"));
        }
        RuleTestSupport.write(root, "apache2/envvars", envvars.toArray(new String[0]));
    }

    private Footprint footprint(Row configuration, int n) throws Exception {
        Path root = tmp.resolve("c" + n);
        Files.createDirectories(root);
        writeProject(root, configuration);
        CheckResult result = RuleTestSupport.run(RuleTestSupport.request(root).host("appRss", 0).host("cpuCores", 2));
        return result.environments().get(0).deployment().footprint();
    }

    private static Footprint.Component component(Footprint f, String role) {
        Footprint.Part part = role.equals("parent") ? Footprint.Part.APACHE_PARENT
                : role.equals("mpm-child") ? Footprint.Part.APACHE_CHILDREN : Footprint.Part.DAEMON;
        return f.component(part).orElseThrow(() -> new AssertionError("no " + part + " in " + f.components()));
    }

    @Test
    void everyMeasuredProcessAfterRequestsIsWithinTolerance() throws Exception {
        Map<String, List<Row>> byConfiguration = new LinkedHashMap<>();
        for (Row r : rows()) {
            if (r.get("phase").equals("after200") && !r.get("VmRSS_kB").equals("NA")) {
                byConfiguration.computeIfAbsent(r.configuration(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, double[]> worst = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int processes = 0;
        int n = 0;
        for (Map.Entry<String, List<Row>> e : byConfiguration.entrySet()) {
            Footprint f = footprint(e.getValue().get(0), n++);
            for (Row r : e.getValue()) {
                Footprint.Component c = component(f, r.get("role"));
                double rss = Long.parseLong(r.get("VmRSS_kB")) * 1024.0;
                double size = Long.parseLong(r.get("VmSize_kB")) * 1024.0;
                double rssError = (c.residentEach() - rss) / rss;
                double sizeError = (c.virtualEach() - size) / size;
                double[] w = worst.computeIfAbsent(r.get("role"), k -> new double[2]);
                w[0] = Math.abs(rssError) > Math.abs(w[0]) ? rssError : w[0];
                w[1] = Math.abs(sizeError) > Math.abs(w[1]) ? sizeError : w[1];
                if (Math.abs(rssError) > RESIDENT_TOLERANCE || Math.abs(sizeError) > VIRTUAL_TOLERANCE) {
                    failures.add(String.format(Locale.ROOT, "%s %s pid %s: resident %d KiB estimated against %s"
                            + " measured (%+.1f %%), virtual %d KiB against %s (%+.1f %%)", e.getKey(), r.get("role"),
                            r.get("pid"), c.residentEach() / 1024, r.get("VmRSS_kB"), rssError * 100,
                            c.virtualEach() / 1024, r.get("VmSize_kB"), sizeError * 100));
                }
                processes++;
            }
        }
        StringBuilder summary = new StringBuilder();
        worst.forEach((role, w) -> summary.append(String.format(Locale.ROOT, "%s: worst resident %+.2f %%, worst"
                + " virtual %+.2f %%%n", role, w[0] * 100, w[1] * 100)));
        System.out.println("memory calibration over " + processes + " processes of " + byConfiguration.size()
                + " configurations:\n" + summary);
        assertEquals(List.of(), failures, summary.toString());
        assertEquals(3, worst.size(), "parents, Apache children and daemons are all measured");
        assertTrue(processes > 200, "every after-200 process is compared: " + processes);
    }
}
