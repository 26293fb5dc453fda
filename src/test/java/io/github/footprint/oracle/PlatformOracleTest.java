package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Platform;
import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmAdjustment;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;

/**
 * Real httpd is the judge of a project read inside Debian's stock tree: each vhost-only tree (the real projects'
 * rendered trees, which lay their files out at their host paths, and small cases of our own) is laid on disk into a
 * copy of Debian 12's {@code /etc/apache2} (src/test/resources/corpus), as deploying it onto a fresh Debian host does,
 * and {@code apache2 -t} runs on it with Debian's {@code envvars} sourced. footprint reads the same project on its own
 * ({@code platform=auto}, which must choose debian). The verdicts must agree, and for accepted trees the MPM httpd
 * loads ({@code apache2 -V}), the MPM values it reads (mod_info's {@code -D DUMP_CONFIG}) and its start-up warnings
 * (the values it changes) must equal footprint's.
 *
 * <p>Three adaptations to this machine, applied to both sides' input alike: the users a project's daemons run as
 * ({@code user=keystone}) do not exist here, and httpd stops on an unknown user (AH00543), so {@code user=} and
 * {@code group=} become {@code www-data}; the log folders a project's install makes ({@code /var/log/keystone}) do not
 * exist here, and httpd checks an {@code ErrorLog}'s folder (AH02291), so literal log paths move below the case's
 * own folder, which is made; and the modules a project's install enables beside its files ({@code a2enmod headers})
 * are enabled on both sides: as an Ansible task footprint reads, as links on disk for httpd. footprint checks
 * neither users nor folders of the host.
 */
class PlatformOracleTest {
    private static final Path PROJECTS = Path.of("src/test/resources/projects");
    private static final Path CASES = Path.of("src/test/resources/platform/cases");
    private static final Path STOCK = Path.of("src/test/resources/corpus/apache/debian12-etc-apache2");
    private static final Pattern USER = Pattern.compile("\\b(user|group)=\\S+");
    private static final Pattern LOG = Pattern.compile("(?m)^(\\s*(?:ErrorLog|CustomLog)\\s+\"?)(/[^\\s\"]+)");
    private static final Pattern TOP_LEVEL = Pattern.compile("^([A-Za-z]+)\\s+(\\S+)\\s*$");

    @TempDir
    Path dir;

    /** One tree: where it comes from and what the host's install does beside laying its files out. */
    static final class Case {
        final String name;
        final Path source;
        final Properties steps;

        Case(String name, Path source, Properties steps) {
            this.name = name;
            this.source = source;
            this.steps = steps;
        }
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        // the real projects' rendered trees that are vhost-only (their files at host paths under etc/apache2);
        // openstack-ansible-os_horizon is left out: its vhost needs the TLS certificate files the role makes
        // (mod_ssl checks SSLCertificateFile at start-up) and its module loop is a ternary of items
        out.add(new Case("echocat__puppet-graphite", PROJECTS.resolve("echocat__puppet-graphite/rendered"),
                // config_apache.pp: exec 'a2enmod headers' where gr_web_cors_allow_from_all (the rendering sets it)
                props("a2enmod", "headers")));
        out.add(new Case("kohakurei__ansible-role-ckan", PROJECTS.resolve("kohakurei__ansible-role-ckan/rendered"),
                props()));
        out.add(new Case("oguya__ansible-ckan", PROJECTS.resolve("oguya__ansible-ckan/rendered"), props()));
        out.add(new Case("cookbook-openstack-identity",
                PROJECTS.resolve("openstack-archive__cookbook-openstack-identity/rendered"), props("users", "www-data")));
        out.add(new Case("openstack__devstack", PROJECTS.resolve("openstack__devstack/rendered"),
                props("users", "www-data")));
        out.add(new Case("openstack-ansible-os_keystone",
                PROJECTS.resolve("openstack__openstack-ansible-os_keystone/rendered"), props("users", "www-data")));
        // a plain vhost file of its own: an enabled site
        out.add(new Case("openstack__keystone", PROJECTS.resolve("openstack__keystone/tree"),
                props("users", "www-data", "bare", "httpd/wsgi-keystone.conf")));
        try (Stream<Path> s = Files.list(CASES)) {
            for (Path c : s.sorted().collect(Collectors.toList())) {
                Properties p = new Properties();
                Path f = c.resolve("oracle.properties");
                if (Files.isRegularFile(f)) {
                    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                }
                out.add(new Case(c.getFileName().toString(), c, p));
            }
        }
        return out;
    }

    @Test
    void verdictsAndMpmValuesEqualHttpdsInTheAssembledDebianTree() throws Exception {
        Assumptions.assumeTrue(Httpd.wsgiInstalled(), "apache2 with mod_wsgi is not installed (apt-get install apache2"
                + " libapache2-mod-wsgi-py3): the httpd oracle cannot run here");
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int values = 0;
        int warnings = 0;
        List<Case> cases = cases();
        Map<String, String> summary = new TreeMap<>();
        for (Case c : cases) {
            Path project = copy(c.source, dir.resolve(c.name).resolve("project"));
            adapt(project, c.steps, dir.resolve(c.name).resolve("logs"));
            EnvironmentResult ours = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(project)
                    .sourceDirectory(project).excludes(List.of("oracle.properties"))
                    .outputDirectory(dir.resolve(c.name).resolve("out")).build()).environments().get(0);
            if (ours.deployment().parameters().platform().platform() != Platform.DEBIAN) {
                disagreements.add(c.name + ": platform=auto chose " + ours.deployment().parameters().platform());
                continue;
            }
            Path etc = assemble(c, project, dir.resolve(c.name).resolve("host/etc/apache2"));
            Httpd.Verdict httpd = run(etc, "-t");
            List<Finding> refusals = ours.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && MacroOracleTest.refuses(f))
                    .collect(Collectors.toList());
            boolean httpdAccepts = httpd.rc == 0;
            if (httpdAccepts != refusals.isEmpty()) {
                disagreements.add(c.name + ": httpd rc=" + httpd.rc + " " + httpd.lines + " but footprint "
                        + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
                continue;
            }
            if (!httpdAccepts) {
                rejected++;
                summary.put(c.name, "rejected by both");
                continue;
            }
            accepted++;
            Mpm mpm = ours.deployment().mpm();
            String loaded = run(etc, "-V").lines.stream().filter(l -> l.startsWith("Server MPM:"))
                    .map(l -> l.substring("Server MPM:".length()).trim()).findFirst().orElse("?");
            if (mpm.kind() == null || !loaded.equals(mpm.kind().label())) {
                disagreements.add(c.name + ": httpd runs the " + loaded + " MPM, footprint " + mpm.kind());
                continue;
            }
            // the MPM values as httpd reads them, last one wins, against footprint's configured values
            Map<MpmDirective, Long> dumped = new LinkedHashMap<>();
            for (String l : dump(etc)) {
                Matcher m = TOP_LEVEL.matcher(l);
                if (!m.matches()) {
                    continue;
                }
                Optional<MpmDirective> d = MpmDirective.byName(m.group(1));
                if (d.isPresent() && m.group(2).matches("-?\\d+")) {
                    dumped.put(d.get(), Long.parseLong(m.group(2)));
                }
            }
            for (MpmDirective d : MpmDirective.values()) {
                Optional<MpmValue> v = mpm.value(d);
                Long theirs = dumped.get(d);
                Long mine = v.isPresent() && !v.get().isDefault() ? v.get().configured() : null;
                if (theirs == null && mine == null) {
                    continue;
                }
                values++;
                if (!java.util.Objects.equals(theirs, mine)) {
                    disagreements.add(c.name + ": " + d + " httpd reads " + theirs + ", footprint " + mine);
                }
            }
            List<String> expected = httpd.warnings();
            List<String> actual = new ArrayList<>();
            for (MpmAdjustment a : mpm.adjustments()) {
                if (!a.isSilent()) {
                    actual.add(a.code() + ": " + a.text());
                }
            }
            warnings += expected.size();
            if (!expected.equals(actual)) {
                disagreements.add(c.name + ": start-up warnings\n  httpd:     " + expected + "\n  footprint: " + actual);
            }
            summary.put(c.name, mpm.kind().label() + " MaxRequestWorkers "
                    + mpm.effective(MpmDirective.MAX_REQUEST_WORKERS) + ", " + mpm.maxChildren() + " children, "
                    + ours.deployment().daemons().size() + " daemon(s)");
        }
        summary.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        System.out.printf("httpd platform oracle: %d trees in Debian 12's stock tree, %d accepted (%d MPM values and %d"
                + " start-up warnings compared), %d rejected, %d disagreements%n", cases.size(), accepted, values,
                warnings, rejected, disagreements.size());
        assertTrue(cases.size() >= 15, "at least 15 trees");
        assertTrue(rejected >= 2 && accepted >= 10, "both verdicts occur");
        assertEquals(Collections.emptyList(), disagreements);
        // the numbers the stock server gives, as Debian's mpm_event.conf and httpd's checks make them
        assertEquals("event MaxRequestWorkers 150, 6 children, 1 daemon(s)", summary.get("kohakurei__ansible-role-ckan"));
        assertEquals("event MaxRequestWorkers 150, 6 children, 3 daemon(s)", summary.get("openstack__devstack"));
        assertEquals("event MaxRequestWorkers 300, 15 children, 1 daemon(s)", summary.get("mpm-event-replaced"));
        assertEquals("event MaxRequestWorkers 400, 16 children, 1 daemon(s)", summary.get("conf-enabled-clamped"));
        assertEquals("prefork MaxRequestWorkers 150, 150 children, 1 daemon(s)", summary.get("prefork-by-steps"));
        assertEquals("rejected by both", summary.get("enabled-site-refused"));
    }

    /** A copy of a tree, symbolic links kept as links. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /**
     * The machine's adaptations in the project's copy: users, log folders (made below {@code logs}), and the
     * install's module and site steps as an Ansible task.
     */
    private static void adapt(Path project, Properties steps, Path logs) throws IOException {
        try (Stream<Path> s = Files.walk(project)) {
            for (Path p : s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                    && f.toString().endsWith(".conf")).collect(Collectors.toList())) {
                String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                String adapted = steps.getProperty("users") == null ? text
                        : USER.matcher(text).replaceAll("$1=" + steps.getProperty("users"));
                Matcher m = LOG.matcher(adapted);
                StringBuilder b = new StringBuilder();
                while (m.find()) {
                    Path moved = Path.of(logs + m.group(2));
                    Files.createDirectories(moved.getParent());
                    m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + moved));
                }
                m.appendTail(b);
                adapted = b.toString();
                if (!adapted.equals(text)) {
                    Files.writeString(p, adapted, StandardCharsets.ISO_8859_1);
                }
            }
        }
        StringBuilder tasks = new StringBuilder("---\n");
        for (String command : List.of("a2dismod", "a2enmod", "a2dissite", "a2ensite")) {
            for (String name : words(steps.getProperty(command))) {
                tasks.append("- name: ").append(command).append(' ').append(name).append("\n  command: ")
                        .append(command).append(' ').append(name).append('\n');
            }
        }
        if (tasks.length() > 4) {
            Path f = project.resolve("tasks/oracle.yml");
            Files.createDirectories(f.getParent());
            Files.writeString(f, tasks.toString(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    /**
     * The host's {@code /etc/apache2} after the deploy: Debian's stock tree, the project's {@code etc/apache2} over it
     * (links kept), its plain vhost files as sites, then the install's {@code a2dis*}/{@code a2en*} as Debian's
     * helpers do them (links between {@code *-available} and {@code *-enabled}).
     */
    private static Path assemble(Case c, Path project, Path etc) throws IOException {
        copy(STOCK, etc);
        Files.deleteIfExists(etc.resolve("conf-available/javascript-common.conf"));
        if (Files.isDirectory(project.resolve("etc/apache2"))) {
            try (Stream<Path> s = Files.walk(project.resolve("etc/apache2"))) {
                for (Path p : s.sorted().collect(Collectors.toList())) {
                    Path target = etc.resolve(project.resolve("etc/apache2").relativize(p).toString());
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.deleteIfExists(target);
                    if (Files.isSymbolicLink(p)) {
                        Files.createSymbolicLink(target, Files.readSymbolicLink(p));
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        }
        for (String bare : words(c.steps.getProperty("bare"))) {
            Path f = project.resolve(bare);
            Files.copy(f, etc.resolve("sites-enabled").resolve(f.getFileName().toString()));
        }
        for (String name : words(c.steps.getProperty("a2dismod"))) {
            Files.deleteIfExists(etc.resolve("mods-enabled/" + name + ".load"));
            Files.deleteIfExists(etc.resolve("mods-enabled/" + name + ".conf"));
        }
        for (String name : words(c.steps.getProperty("a2enmod"))) {
            for (String ext : List.of(".load", ".conf")) {
                if (Files.exists(etc.resolve("mods-available/" + name + ext))) {
                    Files.createSymbolicLink(etc.resolve("mods-enabled/" + name + ext),
                            Path.of("../mods-available/" + name + ext));
                }
            }
        }
        for (String name : words(c.steps.getProperty("a2dissite"))) {
            Files.deleteIfExists(etc.resolve("sites-enabled/" + name + ".conf"));
        }
        for (String name : words(c.steps.getProperty("a2ensite"))) {
            Files.createSymbolicLink(etc.resolve("sites-enabled/" + name + ".conf"),
                    Path.of("../sites-available/" + name + ".conf"));
        }
        return etc;
    }

    /** {@code apache2 <flags> -d ETC -f ETC/apache2.conf} with Debian's envvars sourced, as apache2ctl starts it. */
    private static Httpd.Verdict run(Path etc, String... flags) throws IOException, InterruptedException {
        Path out = Files.createTempFile(etc.getParent(), "apache2", ".out");
        StringBuilder cmd = new StringBuilder(". ./envvars && exec " + Httpd.BINARY);
        for (String f : flags) {
            cmd.append(' ').append(f);
        }
        cmd.append(" -d '").append(etc).append("' -f '").append(etc.resolve("apache2.conf")).append("'");
        Process p = new ProcessBuilder("sh", "-c", cmd.toString()).directory(etc.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("apache2 did not finish in 60 s on " + etc);
        }
        return new Httpd.Verdict(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8));
    }

    /** mod_info's dump of what httpd read (stdout of {@code -t -D DUMP_CONFIG} with mod_info loaded first). */
    private static List<String> dump(Path etc) throws IOException, InterruptedException {
        Path out = Files.createTempFile(etc.getParent(), "dump", ".out");
        String cmd = ". ./envvars && exec " + Httpd.BINARY + " -t -D DUMP_CONFIG -C 'LoadModule info_module "
                + Httpd.MODULES.resolve("mod_info.so") + "' -d '" + etc + "' -f '" + etc.resolve("apache2.conf") + "'";
        Process p = new ProcessBuilder("sh", "-c", cmd).directory(etc.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("apache2 did not finish in 60 s on " + etc);
        }
        return Httpd.lfLines(out);
    }
}
