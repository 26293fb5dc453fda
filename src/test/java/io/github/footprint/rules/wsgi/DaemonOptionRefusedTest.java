package io.github.footprint.rules.wsgi;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.engine.RequestException;
import io.github.footprint.base.Finding;
import io.github.footprint.parse.wsgi.DaemonProblem;
import io.github.footprint.parse.wsgi.WsgiOptions;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.testing.Trees;

class DaemonOptionRefusedTest {
    private static final String ID = "FP204";
    private static final String INVALID = "httpd stops with 'Invalid option to WSGI daemon process definition.' ";

    @TempDir
    Path tree;

    /** The one FP204 finding of a one-line tree, checked as mod_wsgi {@code version}. */
    private Finding one(String line, String version) throws Exception {
        write(tree, "apache/app.conf", "<VirtualHost *:80>", "    ServerName app.example.com", "    " + line,
                "</VirtualHost>");
        Finding f = only(run(request(tree).modWsgiVersion(version)), ID);
        assertEquals(new Location("apache/app.conf", 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        return f;
    }

    /** The finding's first line, then its detail on a line of its own. */
    private String message(String line) throws Exception {
        Finding f = one(line, "4.9");
        return f.message() + "\n" + f.detail();
    }

    private List<Finding> all(String line, String version) throws Exception {
        write(tree, "apache/app.conf", line);
        return findings(run(request(tree).modWsgiVersion(version)), ID);
    }

    @Test
    void aTypoNamesTheOptionMeant() throws Exception {
        // docs/domain/mod_wsgi.md#measured-behaviour wsgi_unknown_option_typo: httpd does not even quote the name
        assertEquals("WSGIDaemonProcess app: threds=5 is no option of any mod_wsgi release: httpd refuses to start;"
                + " write threads=5 if that is meant\nhttpd stops with 'Invalid option to WSGI daemon process"
                + " definition.': Neither mod_wsgi 4.9 nor any other release knows it.",
                message("WSGIDaemonProcess app processes=1 threds=5"));
        assertEquals("WSGIDaemonProcess app: maximum_requests=500 is no option of any mod_wsgi release: httpd refuses"
                + " to start; write maximum-requests=500 if that is meant\nhttpd stops with 'Invalid option to WSGI"
                + " daemon process definition.': Neither mod_wsgi 4.9 nor any other release knows it.",
                message("WSGIDaemonProcess app maximum_requests=500"));
    }

    @Test
    void anOptionNoReleaseHas() throws Exception {
        // docs/domain/mod_wsgi.md#measured-behaviour wsgi_unknown_option
        assertEquals("WSGIDaemonProcess app: foo=bar is no option of any mod_wsgi release: httpd refuses to start;"
                + " remove it\nhttpd stops with 'Invalid option to WSGI daemon process definition.': Neither"
                + " mod_wsgi 4.9 nor any other release knows it.",
                message("WSGIDaemonProcess app processes=1 threads=5 foo=bar"));
    }

    @Test
    void wrongCaseNamesTheRightSpelling() throws Exception {
        assertEquals("WSGIDaemonProcess app: Threads=5: option names are case-sensitive: httpd refuses to start; write"
                + " threads=5\nhttpd stops with 'Invalid option to WSGI daemon process definition.': mod_wsgi knows"
                + " no 'Threads'.", message("WSGIDaemonProcess app Threads=5"));
        assertEquals("WSGIDaemonProcess app: Display-Name=%{GROUP}: option names are case-sensitive: httpd refuses to"
                + " start; write display-name=%{GROUP}\nhttpd stops with 'Invalid option to WSGI daemon process"
                + " definition.': mod_wsgi knows no 'Display-Name'.",
                message("WSGIDaemonProcess app Display-Name=%{GROUP}"));
    }

    @Test
    void anOptionOfAnotherReleaseSaysWhichHaveIt() throws Exception {
        assertEquals("WSGIDaemonProcess app: interrupt-timeout=5 is not in mod_wsgi 4.9: httpd refuses to start;"
                + " remove it, or set modWsgiVersion\nhttpd stops with 'Invalid option to WSGI daemon process"
                + " definition.': It exists in mod_wsgi 6.0.0 and later; modWsgiVersion names the release the"
                + " servers run.", message("WSGIDaemonProcess app threads=5 interrupt-timeout=5"));
        assertEquals(List.of(), all("WSGIDaemonProcess app threads=5 interrupt-timeout=5 switch-interval=0.005",
                "6.0.5"));
        assertEquals("WSGIDaemonProcess app: newrelic-config-file=/etc/newrelic.ini is not in mod_wsgi 6.0.5: httpd"
                + " refuses to start; remove it, or set modWsgiVersion",
                one("WSGIDaemonProcess app newrelic-config-file=/etc/newrelic.ini", "6.0.5").message());
        assertEquals(List.of(), all("WSGIDaemonProcess app newrelic-config-file=/etc/newrelic.ini", "5.0.2"));
        // a version without its patch number is the .0 release, which response-flush-delay (6.0.2) postdates
        assertEquals("WSGIDaemonProcess app: response-flush-delay=5 is not in mod_wsgi 6.0: httpd refuses to start;"
                + " remove it, or set modWsgiVersion",
                one("WSGIDaemonProcess app response-flush-delay=5", "6.0").message());
        assertEquals(List.of(), all("WSGIDaemonProcess app response-flush-delay=5", "6.0.2"));
        // before 4.6.0, threads=0 was refused
        assertEquals("WSGIDaemonProcess app: threads=0: httpd refuses to start; write threads=15 (mod_wsgi's default)"
                + " or the number of threads you need, below 65534",
                one("WSGIDaemonProcess app threads=0", "4.5.24").message());
        assertEquals(List.of(), all("WSGIDaemonProcess app threads=0", "4.6.0"));
    }

    @Test
    void modWsgiVersionIsAReleaseNumber() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app interrupt-timeout=5");
        for (String bad : new String[] {"4", "4.9-1", "six", "", "4.99999999999"}) {
            RequestException e = assertThrows(RequestException.class, () -> request(tree).modWsgiVersion(bad).build(),
                    bad);
            assertEquals("modWsgiVersion '" + bad + "' is not a version such as 4.9 or 5.0", e.getMessage());
        }
        assertEquals(List.of(), findings(run(request(tree).modWsgiVersion(" 6.0.5 ")), ID));
    }

    @Test
    void textThatIsNotNameValue() throws Exception {
        assertEquals("WSGIDaemonProcess app: 'threads = 5' has white space before '=': httpd refuses to start; write"
                + " threads=5, with no space around '='\nhttpd stops with 'Invalid option to WSGI daemon process"
                + " definition.': mod_wsgi reads an option name up to '=' or white space, so 'threads' is not"
                + " name=value.", message("WSGIDaemonProcess app processes=2 threads = 5 maximum-requests=500"));
        assertEquals("WSGIDaemonProcess app: 'threads =5' has white space before '=': httpd refuses to start; write"
                + " threads=5, with no space around '='\nhttpd stops with 'Invalid option to WSGI daemon process"
                + " definition.': mod_wsgi reads an option name up to '=' or white space, so 'threads' is not"
                + " name=value.", message("WSGIDaemonProcess app threads =5"));
        assertEquals("WSGIDaemonProcess app: '# five threads' is an end-of-line comment: httpd refuses to start; move"
                + " the comment to a line of its own above\nhttpd stops with 'Invalid option to WSGI daemon process"
                + " definition.': Httpd has no end-of-line comments, so mod_wsgi reads '#' as an option.", message("WSGIDaemonProcess app threads=5 # five threads"));
        assertEquals("WSGIDaemonProcess app: '#threads=3' is an end-of-line comment: httpd refuses to start; move the"
                + " comment to a line of its own above\nhttpd stops with 'Invalid option to WSGI daemon process"
                + " definition.': Httpd has no end-of-line comments, so mod_wsgi reads '#threads=3' as an option.", message("WSGIDaemonProcess app threads=5 #threads=3"));
        assertEquals("WSGIDaemonProcess app: 'app' is not name=value: httpd refuses to start; remove 'app', or quote"
                + " the value it belongs to: python-path=\"/srv/my app\"\nhttpd stops with 'Invalid option to WSGI"
                + " daemon process definition.'.",
                message("WSGIDaemonProcess app python-path=/srv/my app threads=5"));
        assertEquals("WSGIDaemonProcess app: 'foo' is not name=value: httpd refuses to start; remove 'foo' or write it"
                + " as name=value\nhttpd stops with 'Invalid option to WSGI daemon process definition.'.", message("WSGIDaemonProcess app threads=5 foo"));
        assertEquals("WSGIDaemonProcess app: 'threads' has no '=': httpd refuses to start; write threads=5\nhttpd stops"
                + " with 'Invalid option to WSGI daemon process definition.': Every word after the name must be"
                + " name=value.", message("WSGIDaemonProcess app threads 5"));
        assertEquals("WSGIDaemonProcess app: '=3' has no option name before '=': httpd refuses to start; put the"
                + " option's name before '=', or remove '=3'\nhttpd stops with 'Invalid option to WSGI daemon"
                + " process definition.'.", message("WSGIDaemonProcess app threads=5 =3"));
    }

    @Test
    void aDirectiveWithoutAName() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess", "WSGIDaemonProcess \"\" threads=5", "WSGIDaemonProcess a");
        CheckResult r = check(tree);
        List<Finding> fs = findings(r, ID);
        assertEquals(List.of("apache/app.conf:1", "apache/app.conf:2"), fs.stream().map(f -> f.location().toString())
                .collect(Collectors.toList()));
        assertEquals("WSGIDaemonProcess: the directive has no name: httpd refuses to start; give the group a name"
                + " first: WSGIDaemonProcess app threads=5", fs.get(0).message());
        assertEquals("httpd stops with 'Name of WSGI daemon process not supplied.'.", fs.get(0).detail());
        assertEquals("WSGIDaemonProcess: the directive has no name (its first word is empty): httpd refuses to start;"
                + " give the group a name first: WSGIDaemonProcess app threads=5", fs.get(1).message());
        assertEquals("httpd stops with 'Name of WSGI daemon process not supplied.'.", fs.get(1).detail());
        EnvironmentResult env = r.environments().get(0);
        // nameless lines are definitions, not groups: the other rules see only 'a'
        assertEquals(3, env.deployment().daemonDefinitions().size());
        assertEquals(List.of("a"), env.deployment().daemons().stream().map(g -> g.name()).collect(Collectors.toList()));
        assertEquals(List.of(), findings(r, "FP206"));
    }

    @Test
    void valuesModWsgiRefuses() throws Exception {
        // docs/domain/mod_wsgi.md#measured-behaviour wsgi_processes_0, wsgi_processes_abc, wsgi_threads_neg1,
        // wsgi_stack_abc
        assertEquals("WSGIDaemonProcess bad: processes=0: httpd refuses to start; write processes=1 or more (without"
                + " the option mod_wsgi runs one process)\nhttpd stops with 'Invalid process count for WSGI daemon"
                + " process.': Processes must be a whole number, 1 or more.", message("WSGIDaemonProcess bad processes=0 threads=5"));
        assertEquals("WSGIDaemonProcess bad: processes=abc: httpd refuses to start; write processes=1 or more (without"
                + " the option mod_wsgi runs one process)\nhttpd stops with 'Invalid process count for WSGI daemon"
                + " process.': Processes must be a whole number, 1 or more; it reads as 0 (atoi finds no digits in"
                + " 'abc' and gives 0).",
                message("WSGIDaemonProcess bad processes=abc threads=5"));
        assertEquals("WSGIDaemonProcess bad: threads=-1: httpd refuses to start; write threads=15 (mod_wsgi's default)"
                + " or the number of threads you need, below 65534\nhttpd stops with 'Invalid thread count for WSGI"
                + " daemon process.': Threads must be a whole number from 0 to 65533.", message("WSGIDaemonProcess bad processes=1 threads=-1"));
        assertEquals("WSGIDaemonProcess bad: stack-size=abc: httpd refuses to start; write stack-size=524288 (512"
                + " KiB), or remove it for the system default\nhttpd stops with 'Invalid stack size for WSGI daemon"
                + " process.': Stack-size must be a number of bytes above 0; it reads as 0 (atoi finds no digits in"
                + " 'abc' and gives 0).",
                message("WSGIDaemonProcess bad processes=1 threads=5 stack-size=abc"));
        assertEquals("WSGIDaemonProcess app: threads= (empty): httpd refuses to start; write threads=15 (mod_wsgi's"
                + " default) or the number of threads you need, below 65534\nhttpd stops with 'Invalid thread count"
                + " for WSGI daemon process.': Threads must be a whole number from 0 to 65533.", message("WSGIDaemonProcess app processes=2 threads="));
        assertEquals("WSGIDaemonProcess app: socket-timeout=-30: httpd refuses to start; write socket-timeout=0"
                + " (mod_wsgi's default) or another whole number, 0 or more\nhttpd stops with 'Invalid socket"
                + " timeout for WSGI daemon process.': Socket-timeout must be a whole number of seconds, 0 or more.",
                message("WSGIDaemonProcess app socket-timeout=-30"));
        assertEquals("WSGIDaemonProcess app: send-buffer-size=100: httpd refuses to start; write send-buffer-size=0"
                + " (the default) or a size of at least 512 bytes\nhttpd stops with 'Send buffer size must be >= 512"
                + " bytes, or 0 for system default.': Send-buffer-size must be 0 (the default) or at least 512"
                + " bytes.",
                message("WSGIDaemonProcess app send-buffer-size=100"));
        assertEquals("WSGIDaemonProcess app: response-buffer-size=1M: httpd refuses to start; write"
                + " response-buffer-size=1048576 (1 MiB)\nhttpd stops with 'Response buffer size must be >= 65536"
                + " bytes, or 0 for default.': Response-buffer-size must be 0 (the default) or at least 65536"
                + " bytes; it reads as 1 (atoi stops at 'M').",
                message("WSGIDaemonProcess app response-buffer-size=1M"));
        assertEquals("WSGIDaemonProcess app: home=srv/app: httpd refuses to start; write the directory's absolute"
                + " path, e.g. home=/srv/app\nhttpd stops with 'Invalid home directory for WSGI daemon process.':"
                + " Home must be an absolute directory, starting with '/'.", message("WSGIDaemonProcess app home=srv/app"));
        assertEquals("WSGIDaemonProcess app: umask=0x12: httpd refuses to start; write it in octal digits, e.g."
                + " umask=0022\nhttpd stops with 'Invalid umask for WSGI daemon process.': Umask must be an octal"
                + " number such as 0022 and nothing else.", message("WSGIDaemonProcess app umask=0x12"));
        assertEquals("WSGIDaemonProcess app: server-metrics=yes: httpd refuses to start; write server-metrics=On or"
                + " server-metrics=Off\nhttpd stops with 'Invalid server metrics flag for WSGI daemon process.':"
                + " Server-metrics must be On or Off.", message("WSGIDaemonProcess app server-metrics=yes"));
        assertEquals("WSGIDaemonProcess app: memory-limit=-1: httpd refuses to start; write the limit in bytes, e.g."
                + " memory-limit=1073741824 (1 GiB), or 0 for none\nhttpd stops with 'Invalid memory limit for WSGI"
                + " daemon process.': Memory-limit must be a number of bytes, 0 (no limit) or more.", message("WSGIDaemonProcess app memory-limit=-1"));
    }

    @Test
    void usersAndScriptOwners() throws Exception {
        assertEquals("WSGIDaemonProcess app: user=root: httpd refuses to start; name an unprivileged user, e.g."
                + " user=www-data\nhttpd stops with 'WSGI process blocked from running as root.': mod_wsgi does not"
                + " run daemon processes as root.",
                message("WSGIDaemonProcess app user=root"));
        assertEquals("WSGIDaemonProcess app: user=#abc: httpd refuses to start; name an unprivileged user, e.g."
                + " user=www-data\nhttpd stops with 'WSGI process blocked from running as root.': mod_wsgi does not"
                + " run daemon processes as root; uid 0: atoi finds no digits in 'abc' and gives 0.", message("WSGIDaemonProcess app user=#abc"));
        assertEquals("WSGIDaemonProcess app: user= (empty): httpd refuses to start; name the user, e.g. user=www-data,"
                + " or remove the option\nhttpd stops with 'Invalid user for WSGI daemon process.': User needs a"
                + " user name or #uid.",
                message("WSGIDaemonProcess app user="));
        assertEquals("WSGIDaemonProcess app: script-user=www-data and script-group=www-data: mod_wsgi takes only one"
                + " of them: httpd refuses to start; keep one of them\nhttpd stops with 'Only one of script-user and"
                + " script-group allowed.'.",
                message("WSGIDaemonProcess app script-user=www-data script-group=www-data"));
        // names that may not exist on the host are the host's business: no finding
        assertEquals(List.of(), all("WSGIDaemonProcess app user=nosuchuser group=nosuchgroup socket-user=#99999",
                "4.9"));
    }

    @Test
    void everyProblemOfALineInTheOrderModWsgiMeetsThem() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app processes=0 Threads=5 threads=-1 script-user=a"
                + " script-group=b # tuned");
        CheckResult r = check(tree);
        List<DaemonProblem> ps = r.environments().get(0).deployment().daemonDefinitions().get(0).problems();
        assertEquals(List.of("Invalid process count for WSGI daemon process.",
                "Invalid option to WSGI daemon process definition.", "Invalid thread count for WSGI daemon process.",
                "Invalid option to WSGI daemon process definition.", "Only one of script-user and script-group allowed."),
                ps.stream().map(DaemonProblem::message).collect(Collectors.toList()));
        assertEquals(List.of(DaemonProblem.Kind.INVALID_VALUE, DaemonProblem.Kind.WRONG_CASE,
                DaemonProblem.Kind.INVALID_VALUE, DaemonProblem.Kind.COMMENT, DaemonProblem.Kind.CONFLICT),
                ps.stream().map(DaemonProblem::kind).collect(Collectors.toList()));
        assertEquals(5, findings(r, ID).size(), () -> describe(findings(r, ID)));
    }

    @Test
    void aContinuedDirectiveIsReportedAtItsFirstLine() throws Exception {
        write(tree, "apache/app.conf", "# tuned", "WSGIDaemonProcess app \\", "    processes=2 \\",
                "    graceful-timeout=-1");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 2), f.location());
        assertTrue(f.detail().contains("'Invalid graceful timeout for WSGI daemon process.'"), f::detail);
    }

    @Test
    void unreadSectionsAreNotJudged() throws Exception {
        write(tree, "apache/app.conf", "<IfDefine NEVER>", "WSGIDaemonProcess a Threads=5", "</IfDefine>",
                "<IfModule !mod_wsgi.c>", "WSGIDaemonProcess b processes=0", "</IfModule>");
        assertEquals(List.of(), findings(check(tree), ID));
    }

    /** The real vhosts of the corpus: only mod_wsgi's own 6.x test file is wrong, and only for 4.9. */
    @Test
    void theCorpusVhostsAreRefusedOnlyWhereTheyAreWrong() throws Exception {
        Path corpus = Trees.corpus();
        for (String version : List.of("4.9", "6.0.5")) {
            List<String> where = new ArrayList<>();
            int lines = 0;
            for (Path root : List.of(corpus.resolve("wsgi-vhosts"), corpus.resolve("apache/augeas"))) {
                CheckRequest.Builder b = new CheckRequest.Builder().baseDirectory(root).sourceDirectory(root)
                        .outputDirectory(tree.resolve("out")).modWsgiVersion(version);
                EnvironmentResult env = new io.github.footprint.engine.CheckEngine().run(b.build()).environments()
                        .get(0);
                lines += env.deployment().daemonDefinitions().size();
                for (Finding f : env.findings()) {
                    // ipa.conf.template's processes=$WSGI_PROCESSES is a value the template leaves unknown: no refusal
                    if (f.ruleId().equals(ID) || f.ruleId().equals("FP205")) {
                        where.add(f.ruleId() + " " + f.location() + " " + f.message());
                    }
                }
            }
            // 9 lines in wsgi-vhosts (with ipa.conf.template, read by the sed-style reader), 1 in augeas' snippets
            assertEquals(10, lines, version);
            if (version.equals("4.9")) {
                // mod_wsgi's test of interrupt-timeout, a 6.0 option: on 4.9 httpd refuses the line
                assertEquals(List.of("FP204 GrahamDumpleton__mod_wsgi/tests/wsgi/interrupt_timeout.conf:18"
                        + " WSGIDaemonProcess interrupt-timeout-test: interrupt-timeout=5 is not in mod_wsgi 4.9: httpd"
                        + " refuses to start; remove it, or set modWsgiVersion"), where);
            } else {
                assertEquals(List.of(), where, version);
            }
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| [^|]+ \\| ([0-9.]+)(?:, removed in ([0-9.]+))? \\|"
            + " (.*) \\|$");

    /** FP204.md's option table is WsgiOptions' table: names, releases and every message. */
    @Test
    void thePageTableIsTheOptionTable() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        for (String line : RuleCatalog.page(ID).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), m.group(2) + (m.group(3) == null ? "" : " " + m.group(3)) + " | " + m.group(4));
            }
        }
        Set<String> names = new TreeSet<>();
        for (WsgiOptions.Option o : WsgiOptions.all()) {
            names.add(o.name());
            String row = rows.get(o.name());
            assertTrue(row != null, "FP204.md has no row for " + o.name());
            String releases = o.firstIn() + o.removedIn().map(v -> " " + v).orElse("");
            assertTrue(row.startsWith(releases + " | "), o.name() + ": " + row);
            for (String msg : new String[] {o.invalidMessage(), o.belowMinimumMessage()}) {
                if (msg != null) {
                    assertTrue(row.contains("`" + msg + "`"), o.name() + " lacks '" + msg + "': " + row);
                }
            }
        }
        assertEquals(names, rows.keySet());
        assertTrue(rows.get("user").contains("`" + WsgiOptions.ROOT + "`"));
        assertTrue(rows.get("script-user").contains("`" + WsgiOptions.SCRIPT_USER_AND_GROUP + "`"));
        assertTrue(rows.get("supplementary-groups").contains("`" + WsgiOptions.TOO_MANY_GROUPS + "`"));
    }}
