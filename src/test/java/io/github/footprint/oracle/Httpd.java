package io.github.footprint.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code apache2 -t} on a configuration file, the way calibration/tools/httpd-configtest.sh does. */
final class Httpd {
    static final Path BINARY = Path.of("/usr/sbin/apache2");
    static final Path MODULES = Path.of("/usr/lib/apache2/modules");

    private Httpd() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isRegularFile(MODULES.resolve("mod_mpm_event.so"));
    }

    static boolean wsgiInstalled() {
        return installed() && Files.isRegularFile(MODULES.resolve("mod_wsgi.so"));
    }

    /** A self-contained preamble: runtime files under {@code dir}, the MPM (or none), authz_core, ServerName. */
    static String preamble(Path dir, String mpm, boolean wsgi) {
        StringBuilder b = new StringBuilder();
        b.append("DefaultRuntimeDir \"").append(dir).append("\"\n");
        b.append("PidFile \"").append(dir.resolve("httpd.pid")).append("\"\n");
        b.append("ErrorLog \"").append(dir.resolve("error_log")).append("\"\n");
        if (mpm != null) {
            b.append("LoadModule mpm_").append(mpm).append("_module ").append(MODULES.resolve("mod_mpm_" + mpm + ".so"))
                    .append('\n');
        }
        b.append("LoadModule authz_core_module ").append(MODULES.resolve("mod_authz_core.so")).append('\n');
        if (wsgi) {
            b.append("LoadModule wsgi_module ").append(MODULES.resolve("mod_wsgi.so")).append('\n');
            b.append("WSGISocketPrefix \"").append(dir.resolve("wsgi")).append("\"\n");
        }
        b.append("ServerName 127.0.0.1\n");
        return b.toString();
    }

    /**
     * Writes one case: {@code deploy/httpd.conf} (ServerRoot, the preamble, {@code Include case.conf}) and the
     * case's files under {@code dir/name/deploy}. Returns the deploy folder.
     */
    static Path writeCase(Path dir, String name, boolean wsgi, java.util.Map<String, String> files)
            throws IOException {
        Path caseDir = Files.createDirectories(dir.resolve(name));
        Path src = Files.createDirectories(caseDir.resolve("deploy"));
        String main = "ServerRoot \"" + src + "\"\n" + preamble(caseDir, "event", wsgi) + "Include case.conf\n";
        Files.write(src.resolve("httpd.conf"), main.getBytes(StandardCharsets.UTF_8));
        for (java.util.Map.Entry<String, String> f : files.entrySet()) {
            Path p = src.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return src;
    }

    /** footprint's whole check of a case written by {@link #writeCase}, paths relative to the case folder. */
    static io.github.footprint.engine.EnvironmentResult footprint(Path src) throws Exception {
        Path caseDir = src.getParent();
        return new io.github.footprint.engine.CheckEngine().run(new io.github.footprint.engine.CheckRequest.Builder()
                .baseDirectory(caseDir).sourceDirectory(src).outputDirectory(caseDir.resolve("out")).build())
                .environments().get(0);
    }

    /** A case of one file, {@code case.conf}. */
    static void one(java.util.Map<String, java.util.Map<String, String>> cases, String name, String text) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("case.conf", text);
        cases.put(name, m);
    }

    /** The outcome of {@code apache2 -t}: exit code and stderr+stdout lines. */
    static final class Verdict {
        final int rc;
        final List<String> lines;

        Verdict(int rc, List<String> lines) {
            this.rc = rc;
            this.lines = lines;
        }

        /** The {@code AHnnnnn: WARNING: ...} lines, in order. */
        List<String> warnings() {
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                if (l.matches("AH\\d{5}: WARNING: .*")) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    /** {@code apache2 -t -D DUMP_CONFIG}: exit code, mod_info's dump (stdout) and the messages (stderr), apart. */
    static final class Dump {
        final int rc;
        final List<String> out;
        final List<String> err;

        Dump(int rc, List<String> out, List<String> err) {
            this.rc = rc;
            this.out = out;
            this.err = err;
        }
    }

    /** Runs {@code apache2 -t -D DUMP_CONFIG} (mod_info must be loaded for the dump) on a configuration file. */
    static Dump dumpConfig(Path conf) throws IOException, InterruptedException {
        Path out = Files.createTempFile(conf.getParent(), "dump", ".out");
        Path err = Files.createTempFile(conf.getParent(), "dump", ".err");
        Process p = new ProcessBuilder(BINARY.toString(), "-t", "-D", "DUMP_CONFIG", "-d", conf.getParent().toString(),
                "-f", conf.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("apache2 -t did not finish in 60 s on " + conf);
        }
        return new Dump(p.exitValue(), lfLines(out), lfLines(err));
    }

    /** A file's lines split at LF only (a CR inside a dumped directive stays in its line), bytes as Latin-1. */
    static List<String> lfLines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static Verdict configtest(Path conf) throws IOException, InterruptedException {
        Path out = Files.createTempFile(conf.getParent(), "configtest", ".out");
        Process p = new ProcessBuilder(BINARY.toString(), "-t", "-d", conf.getParent().toString(), "-f",
                conf.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("apache2 -t did not finish in 60 s on " + conf);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        return new Verdict(p.exitValue(), lines);
    }
}
