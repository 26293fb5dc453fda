package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.wsgi.DaemonProblem;
import io.github.footprint.parse.wsgi.WsgiOptions.Option;
import io.github.footprint.parse.wsgi.WsgiOptions;
import io.github.footprint.rules.wsgi.Refusal;

/**
 * Real httpd with the installed mod_wsgi judges footprint's reading of {@code WSGIDaemonProcess}: every generated
 * line (valid, mistyped, wrong case, out of range, lenient numbers, quoted values with spaces, continuation lines)
 * goes through {@code apache2 -t} and through footprint, with {@code modWsgiVersion} set to the installed release.
 * The accept/reject verdicts must agree (an FP204 error is a rejection); where httpd rejects, footprint's FP204
 * message must contain the line httpd prints, and the first refusal footprint's model finds must be that message.
 *
 * <p>Lines whose verdict depends on the host rather than on the text are not generated: user and group names
 * (httpd exits with {@code AH00543 bad user name} when the name has no passwd entry here), {@code #uid} values
 * without an entry ({@code Couldn't determine user name from uid.}), and {@code chroot} when the test does not
 * run as root ({@code Cannot chroot WSGI daemon process when not root.}; Apache starts as root in service, which
 * is what footprint assumes).
 */
class WsgiOptionsOracleTest {
    private static final Pattern AH00526 = Pattern.compile("AH00526: Syntax error on line (\\d+) of ([^:]+):");
    private static final Set<String> REFUSING = refusing();

    @TempDir
    Path dir;

    private static Set<String> refusing() {
        Set<String> s = new TreeSet<>(MpmOracleTest.REFUSING);
        s.add("FP204");
        return s;
    }

    /** A valid value of each kind of option, with names that exist on any Debian host. */
    private static String valid(Option o) {
        switch (o.type()) {
        case USER:
        case GROUP:
        case GROUPS:
        case SOCKET_USER:
        case SCRIPT_USER:
        case SCRIPT_GROUP:
            return "www-data";
        case PROCESSES:
            return "2";
        case THREADS:
            return "15";
        case UMASK:
            return "0022";
        case CHROOT:
        case HOME:
            return "/srv";
        case FLOAT_SECONDS:
            return "0.005";
        case STACK_SIZE:
            return "524288";
        case COUNT:
            return "500";
        case SECONDS:
        case MILLISECONDS:
            return "60";
        case BUFFER:
            return Integer.toString(o.minimum());
        case PRIORITY:
            return "-5";
        case BYTES:
            return "1073741824";
        case FLAG:
            return "On";
        default:
            return o.name().equals("display-name") ? "'%{GROUP}'" : o.name().startsWith("python") ? "/srv/app" : "C.UTF-8";
        }
    }

    /** True for options whose value is a user or group name, which only the host can judge. */
    private static boolean hostNamed(Option o) {
        switch (o.type()) {
        case USER:
        case GROUP:
        case GROUPS:
        case SOCKET_USER:
        case SCRIPT_USER:
        case SCRIPT_GROUP:
            return true;
        default:
            return false;
        }
    }

    /** name -> the text of case.conf (one WSGIDaemonProcess, possibly continued over lines). */
    static Map<String, String> cases(WsgiOptions.Version installed, boolean root) {
        Map<String, String> c = new LinkedHashMap<>();
        List<Option> options = new ArrayList<>();
        for (Option o : WsgiOptions.in(installed)) {
            if (o.type() != WsgiOptions.Type.CHROOT || root) {
                options.add(o);
            }
        }
        // every option of the release, each alone with a valid value, with an empty value, with -1 and with text
        StringBuilder all = new StringBuilder("WSGIDaemonProcess everything");
        for (Option o : options) {
            if (o.type() == WsgiOptions.Type.SCRIPT_GROUP) {
                continue;
            }
            all.append(' ').append(o.name()).append('=').append(valid(o));
        }
        c.put("all-options", all + "\n");
        for (Option o : options) {
            c.put("valid " + o.name(), "WSGIDaemonProcess app " + o.name() + "=" + valid(o) + "\n");
            c.put("empty " + o.name(), "WSGIDaemonProcess app " + o.name() + "=\n");
            c.put("quoted-empty " + o.name(), "WSGIDaemonProcess app " + o.name() + "=\"\"\n");
            if (!hostNamed(o)) {
                c.put("minus-one " + o.name(), "WSGIDaemonProcess app " + o.name() + "=-1\n");
                c.put("text " + o.name(), "WSGIDaemonProcess app " + o.name() + "=abc\n");
            }
        }
        // options of other releases
        for (Option o : WsgiOptions.all()) {
            if (!o.availableIn(installed)) {
                c.put("other-release " + o.name(), "WSGIDaemonProcess app " + o.name() + "=" + valid(o) + "\n");
            }
        }
        String[][] lines = {
            // docs/domain/mod_wsgi.md#measured-behaviour
            {"wsgi_baseline", "good processes=2 threads=15 display-name=%{GROUP}"},
            {"wsgi_unknown_option", "bad processes=1 threads=5 foo=bar"},
            {"wsgi_unknown_option_typo", "bad processes=1 threds=5"},
            {"wsgi_processes_0", "bad processes=0 threads=5"},
            {"wsgi_processes_abc", "bad processes=abc threads=5"},
            {"wsgi_threads_0", "bad processes=1 threads=0"},
            {"wsgi_threads_neg1", "bad processes=1 threads=-1"},
            {"wsgi_maxreq_abc", "bad processes=1 threads=5 maximum-requests=abc"},
            {"wsgi_stack_1", "bad processes=1 threads=5 stack-size=1"},
            {"wsgi_stack_abc", "bad processes=1 threads=5 stack-size=abc"},
            {"wsgi_vmlimit_1g", "bad processes=1 threads=15 virtual-memory-limit=1073741824"},
            // typos
            {"typo threds", "app threds=5"},
            {"typo proccesses", "app proccesses=2"},
            {"typo maximum_requests", "app maximum_requests=500"},
            {"typo display_name", "app display_name=%{GROUP}"},
            {"typo stacksize", "app stacksize=524288"},
            {"typo max-requests", "app max-requests=500"},
            {"typo memory-limits", "app memory-limits=1073741824"},
            {"typo thread", "app thread=5"},
            {"typo inactivity_timeout", "app inactivity_timeout=120"},
            {"typo python-paths", "app python-paths=/srv"},
            // wrong case
            {"case Threads", "app Threads=5"},
            {"case PROCESSES", "app PROCESSES=2"},
            {"case Display-Name", "app Display-Name=%{GROUP}"},
            {"case User", "app User=www-data"},
            {"case Maximum-Requests", "app processes=2 Maximum-Requests=500"},
            // spaces, comments, bare words, empty names
            {"space around equals", "app threads = 5"},
            {"space before equals", "app threads =5"},
            {"space after equals", "app threads= 5"},
            {"space after equals before option", "app threads= processes=2"},
            {"trailing comment", "app threads=5 # five threads"},
            {"trailing comment without space", "app threads=5 #five"},
            {"trailing comment with equals", "app threads=5 #threads=3"},
            {"bare word", "app threads=5 foo"},
            {"option without value", "app threads 5"},
            {"empty option name", "app =5"},
            {"empty option name after value", "app threads=5 =3"},
            {"quoted empty name", "\"\" threads=5"},
            {"name only", "app"},
            {"no name", ""},
            {"name looks like option", "threads=5 processes=2"},
            // ranges
            {"threads 65533", "app threads=65533"},
            {"threads 65534", "app threads=65534"},
            {"threads 99999", "app threads=99999"},
            {"threads 4294967296", "app threads=4294967296"},
            {"threads 4294967301", "app threads=4294967301"},
            {"threads 2147483648", "app threads=2147483648"},
            {"processes 4294967297", "app processes=4294967297"},
            {"processes 1", "app processes=1"},
            {"stack-size 0", "app stack-size=0"},
            {"stack-size 16383", "app stack-size=16383"},
            {"send-buffer 511", "app send-buffer-size=511"},
            {"send-buffer 0", "app send-buffer-size=0"},
            {"receive-buffer 100", "app receive-buffer-size=100"},
            {"header-buffer 8191", "app header-buffer-size=8191"},
            {"response-buffer 65535", "app response-buffer-size=65535"},
            {"response-buffer 1M", "app response-buffer-size=1M"},
            {"response-buffer 64k", "app response-buffer-size=64k"},
            {"memory-limit huge", "app memory-limit=99999999999999999999"},
            {"memory-limit huge negative", "app memory-limit=-99999999999999999999"},
            {"cpu-priority 40", "app cpu-priority=40"},
            {"umask 8", "app umask=8"},
            {"umask 0x12", "app umask=0x12"},
            {"umask 777", "app umask=777"},
            {"umask -0", "app umask=-0"},
            {"umask +7", "app umask=+7"},
            {"umask quoted space", "app umask=\" 022\""},
            {"umask overflow", "app umask=0777777777777777777777777"},
            {"home relative", "app home=srv/app"},
            {"home tilde", "app home=~/app"},
            {"server-metrics on", "app server-metrics=on"},
            {"server-metrics yes", "app server-metrics=yes"},
            {"server-metrics 1", "app server-metrics=1"},
            {"user root", "app user=root"},
            {"user #0", "app user=#0"},
            {"user #abc", "app user=#abc"},
            {"user #", "app user=#"},
            {"user #4294967296", "app user=#4294967296"},
            {"user #33", "app user=#33"},
            {"user #33x", "app user=#33x"},
            {"user then root", "app user=www-data user=root"},
            {"group #0", "app group=#0"},
            {"group root", "app group=root"},
            {"script-user and script-group", "app script-user=www-data script-group=www-data"},
            {"error before script-user and script-group", "app script-group=www-data threads=-1 script-user=www-data"},
            {"supplementary-groups list", "app supplementary-groups=www-data,daemon"},
            // lenient numbers
            {"threads abc", "app threads=abc"},
            {"threads 5x", "app threads=5x"},
            {"threads 5.0", "app threads=5.0"},
            {"maximum-requests 1k", "app maximum-requests=1k"},
            {"memory-limit 500M", "app memory-limit=500M"},
            {"virtual-memory-limit 1G", "app virtual-memory-limit=1G"},
            {"memory-limit hex", "app memory-limit=0x10000000"},
            {"memory-limit commas", "app memory-limit=1,073,741,824"},
            {"stack-size 8M", "app stack-size=8M"},
            {"stack-size 512k", "app stack-size=512k"},
            {"processes 1.5", "app processes=1.5"},
            {"processes 0.5", "app processes=0.5"},
            {"socket-timeout 30s", "app socket-timeout=30s"},
            {"socket-timeout 5m", "app socket-timeout=5m"},
            {"request-timeout 1.5", "app request-timeout=1.5"},
            {"listen-backlog 1e3", "app listen-backlog=1e3"},
            {"cpu-priority abc", "app cpu-priority=abc"},
            {"threads plus", "app threads=+5"},
            {"threads leading zeros", "app threads=0005"},
            // quoting
            {"quoted name with space", "\"my app\" threads=5"},
            {"single-quoted name", "'app' threads=5"},
            {"python-path quoted spaces", "app python-path=\"/srv/my app:/srv/lib\" threads=5"},
            {"python-path unquoted spaces", "app python-path=/srv/my app threads=5"},
            {"display-name single quotes", "app display-name='%{GROUP}' threads=5"},
            {"display-name quoted spaces", "app display-name=\"my daemon\" threads=5"},
            {"home quoted spaces", "app home=\"/srv/my app\""},
            {"home quoted leading space", "app home=\" /srv\""},
            {"threads quoted", "app threads=\"5\""},
            {"threads quoted spaces", "app threads=\" 5 \""},
            {"quote then option without space", "app display-name='x'threads=5"},
            {"quote then equals", "app display-name='x'=y"},
            {"escaped quote", "app display-name=\"a \\\"b\\\" c\""},
            {"lang quoted", "app lang='en_US.UTF-8' locale='en_US.UTF-8'"},
            // glued without a continuation
            {"glued threads processes", "app threads=5processes=2"},
            {"glued processes threads invalid", "app processes=0threads=5"},
            {"glued server-metrics", "app server-metrics=Onthreads=5"},
            {"typo then comment", "app threds=5 # five threads"},
            {"invalid value then space before equals", "app threads=-1 processes = 2"},
            {"other release then bare word", "app interrupt-timeout=5 foo"},
            {"duplicate option", "app threads=5 threads=3"},
            {"duplicate option invalid first", "app threads=-1 threads=3"},
        };
        for (String[] l : lines) {
            c.put(l[0], "WSGIDaemonProcess " + l[1] + "\n");
        }
        // continuation lines
        c.put("continuation glues options", "WSGIDaemonProcess app threads=5\\\nprocesses=2\n");
        c.put("continuation indented", "WSGIDaemonProcess app threads=5 \\\n    processes=2\n");
        c.put("continuation indented no space before backslash", "WSGIDaemonProcess app threads=5\\\n    processes=2\n");
        c.put("continuation glues invalid", "WSGIDaemonProcess app processes=2\\\nthreads=-1\n");
        c.put("continuation glues into text", "WSGIDaemonProcess app home=/srv\\\nthreads=5\n");
        c.put("continuation inside a name", "WSGIDaemonProcess app thr\\\neads=5\n");
        c.put("continuation inside a name invalid", "WSGIDaemonProcess app thr\\\neads=-1\n");
        c.put("continuation value on next line", "WSGIDaemonProcess app threads=\\\n5\n");
        c.put("continuation many lines", "WSGIDaemonProcess app \\\n    processes=2 \\\n    threads=15 \\\n"
                + "    display-name=%{GROUP} \\\n    maximum-requests=500\n");
        c.put("continuation many lines invalid last", "WSGIDaemonProcess app \\\n    processes=2 \\\n"
                + "    threads=15 \\\n    maximum-requests=-5\n");
        c.put("continuation comment", "WSGIDaemonProcess app threads=5 \\\n    # the threads\n");
        return c;
    }

    @Test
    void verdictsAndMessagesEqualHttpds() throws Exception {
        Assumptions.assumeTrue(Httpd.wsgiInstalled(), "mod_wsgi is not installed (apt-get install apache2"
                + " libapache2-mod-wsgi-py3): the mod_wsgi oracle cannot run here");
        String version = installedVersion();
        Assumptions.assumeTrue(version != null, "no version string found in " + Httpd.MODULES.resolve("mod_wsgi.so")
                + ": the mod_wsgi oracle needs to know which release it judges");
        Assumptions.assumeTrue(hasEntry("/etc/passwd", "www-data") && hasEntry("/etc/group", "www-data")
                && hasEntry("/etc/group", "daemon"), "the user www-data and the groups www-data and daemon are not on"
                + " this host: the generated lines name them, and httpd exits (AH00543) on a name it cannot find");
        boolean root = runsAsRoot();
        if (!root) {
            System.out.println("mod_wsgi oracle: not running as root, so no chroot cases (mod_wsgi refuses chroot"
                    + " when Apache is not started as root)");
        }
        Map<String, String> cases = cases(WsgiOptions.Version.parse(version), root);
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int misread = 0;
        int n = 0;
        for (Map.Entry<String, String> e : cases.entrySet()) {
            Path caseDir = Files.createDirectories(dir.resolve("case" + n++));
            Path src = Files.createDirectories(caseDir.resolve("deploy"));
            String main = "ServerRoot \"" + src + "\"\n" + Httpd.preamble(caseDir, "event", true) + "Include case.conf\n";
            Files.write(src.resolve("httpd.conf"), main.getBytes(StandardCharsets.UTF_8));
            Files.write(src.resolve("case.conf"), e.getValue().getBytes(StandardCharsets.UTF_8));
            Httpd.Verdict httpd = Httpd.configtest(src.resolve("httpd.conf"));
            EnvironmentResult ours = new CheckEngine().run(new CheckRequest.Builder().baseDirectory(caseDir)
                    .sourceDirectory(src).outputDirectory(caseDir.resolve("out")).modWsgiVersion(version).build())
                    .environments().get(0);
            List<Finding> refusals = ours.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && REFUSING.contains(f.ruleId()))
                    .collect(Collectors.toList());
            String what = e.getKey() + " [" + e.getValue().strip().replace("\n", "\\n") + "]";
            if ((httpd.rc == 0) != refusals.isEmpty()) {
                disagreements.add(what + ": httpd rc=" + httpd.rc + " " + httpd.lines + " but footprint "
                        + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
                continue;
            }
            if (httpd.rc == 0) {
                accepted++;
                if (ours.findings().stream().anyMatch(f -> f.ruleId().equals("FP205"))) {
                    misread++;
                }
                continue;
            }
            rejected++;
            String problem = compare(httpd, ours, refusals, e.getValue());
            if (problem != null) {
                disagreements.add(what + ": " + problem);
            }
        }
        System.out.printf("httpd mod_wsgi oracle (mod_wsgi %s): %d lines, %d accepted (%d of them with FP205), %d"
                + " rejected, %d disagreements%n", version, cases.size(), accepted, misread, rejected,
                disagreements.size());
        assertEquals(Collections.emptyList(), disagreements);
    }

    /** Null when footprint says what httpd says, where httpd says it; else what differs. */
    private static String compare(Httpd.Verdict httpd, EnvironmentResult ours, List<Finding> refusals, String text) {
        int at = -1;
        String message = null;
        for (int i = 0; i < httpd.lines.size(); i++) {
            Matcher m = AH00526.matcher(httpd.lines.get(i));
            if (m.find() && i + 1 < httpd.lines.size()) {
                at = Integer.parseInt(m.group(1));
                message = httpd.lines.get(i + 1);
            }
        }
        if (message == null) {
            return "httpd's output has no AH00526 message: " + httpd.lines;
        }
        List<Finding> fp204 = refusals.stream().filter(f -> f.ruleId().equals("FP204")
                && f.location().file().equals("deploy/case.conf")).collect(Collectors.toList());
        String said = message;
        // the first line says httpd refuses to start; the detail quotes httpd's own words
        if (fp204.stream().noneMatch(f -> Refusal.is(f) && f.detail().startsWith("httpd stops with '" + said + "'"))) {
            return "httpd says '" + message + "' but footprint's FP204 findings are " + fp204 + " (all refusals: "
                    + refusals + ")";
        }
        // httpd names the last physical line of a continued directive; footprint its first
        int first = fp204.get(0).location().line();
        int last = first + (int) text.strip().chars().filter(ch -> ch == '\n').count();
        if (at < first || at > last) {
            return "httpd's error is on line " + at + " but footprint's FP204 is on line " + first;
        }
        List<DaemonGroup> defs = ours.deployment().daemonDefinitions();
        if (defs.size() != 1) {
            return "footprint's model has " + defs.size() + " WSGIDaemonProcess definitions";
        }
        DaemonProblem firstRefusal = defs.get(0).problems().stream().filter(DaemonProblem::refused).findFirst()
                .orElse(null);
        if (firstRefusal == null || !firstRefusal.message().equals(message)) {
            return "httpd stops at '" + message + "' but the first refusal footprint's model finds is " + firstRefusal;
        }
        return null;
    }

    /**
     * The release string compiled into mod_wsgi.so ({@code MOD_WSGI_VERSION_STRING}, which the module formats into
     * {@code mod_wsgi/%s}; the Python version it was built against is another such string), or null.
     */
    static String installedVersion() throws IOException {
        byte[] b = Files.readAllBytes(Httpd.MODULES.resolve("mod_wsgi.so"));
        List<String> candidates = new ArrayList<>();
        String beforeBanner = null;
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            if (x >= 0x20 && x < 0x7f) {
                s.append((char) x);
                continue;
            }
            if (x == 0) {
                String str = s.toString();
                if (str.matches("\\d+\\.\\d+\\.\\d+")) {
                    candidates.add(str);
                } else if (str.equals("mod_wsgi/%s") && !candidates.isEmpty()) {
                    beforeBanner = candidates.get(candidates.size() - 1);
                }
            }
            s.setLength(0);
        }
        if (beforeBanner != null) {
            return beforeBanner;
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static boolean hasEntry(String file, String name) throws IOException {
        Path p = Path.of(file);
        return Files.isReadable(p) && Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                .anyMatch(l -> l.startsWith(name + ":"));
    }

    private static boolean runsAsRoot() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(10, TimeUnit.SECONDS) && out.equals("0");
    }
}
