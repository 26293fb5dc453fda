package io.github.footprint.parse.scripts;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.parse.scripts.python.IniLoad;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Literal settings from start-up scripts; anything computed keeps its text and has no number. */
class ScriptReaderTest {
    @TempDir
    Path dir;

    private ScriptFacts read(String path, String text) {
        Trees.write(dir, files(path, text));
        return ScriptReader.read(Trees.load(dir).get(path).orElseThrow());
    }

    private static List<String> facts(List<Fact> fs) {
        return fs.stream().map(f -> f.location().line() + " " + f.name() + "=" + f.value() + " " + f.number())
                .collect(Collectors.toList());
    }

    @Test
    void shellAssignmentsAndExports() {
        ScriptFacts f = read("envvars", "# comment X=0\nunset HOME\nexport APACHE_RUN_USER=www-data\nexport LANG\n"
                + "A='quoted value'; B=\"dq\"\nexport APACHE_LOG_DIR=/var/log/apache2$SUFFIX\nN=42\n");
        assertEquals(List.of("3 APACHE_RUN_USER=www-data null", "5 A=quoted value null", "5 B=dq null",
                "6 APACHE_LOG_DIR=/var/log/apache2$SUFFIX null", "7 N=42 42"), facts(f.variables()));
    }

    @Test
    void ulimits() {
        ScriptFacts f = read("start.sh", "ulimit -s 512\nulimit -H -s unlimited\nulimit -v $((1024*1024))\n"
                + "ulimit -S -v 1048576 && exec apache2\n");
        assertEquals(List.of("1 ulimit -s=512 512", "2 ulimit -s=unlimited null", "3 ulimit -v=$((1024*1024)) null",
                "4 ulimit -v=1048576 1048576"), facts(f.settings()));
    }

    @Test
    void systemdLimitsAndEnvironment() {
        ScriptFacts f = read("httpd.service", "[Service]\nLimitSTACK=512K\nLimitAS=infinity\n"
                + "Environment=\"MALLOC_ARENA_MAX=2\" \"LANG=C\"\nLimitNOFILE=65536\n");
        assertEquals(List.of("2 LimitSTACK=512K 524288", "3 LimitAS=infinity null"), facts(f.settings()));
        assertEquals(List.of("4 MALLOC_ARENA_MAX=2 2", "4 LANG=C null"), facts(f.variables()));
    }

    @Test
    void pythonStackSizesAndLoadapp() {
        ScriptFacts f = read("app.wsgi", "import threading\n# threading.stack_size(1)\n"
                + "threading.stack_size(512 * 1024)  # 512k\nthread.stack_size(size)\n"
                + "from paste.deploy import loadapp\napplication = loadapp('config:/srv/app/production.ini')\n"
                + "other = loadapp(r\"config:other.ini#blog\", relative_to=here)\n");
        assertEquals(List.of("3 stack_size=512 * 1024 524288", "4 stack_size=size null",
                "6 loadapp=config:/srv/app/production.ini null", "7 loadapp=config:other.ini#blog null"),
                facts(f.settings()));
        assertNull(ScriptReader.number("0x80000"));
        assertEquals(32768L, ScriptReader.number(" 32768 "));
        assertEquals(1099511627776L, ScriptReader.systemdBytes("1T"));
        // systemd's parse_size takes a fraction ("10.M is valid", src/basic/parse-util.c): 1.5G is 1.5 GiB
        assertEquals(1610612736L, ScriptReader.systemdBytes("1.5G"));
        assertNull(ScriptReader.systemdBytes("1.5.5G"));
    }

    /** Facts with their limit flags: {@code line name=value number [unlimited] [hard-only] [exported]}. */
    private static List<String> flagged(List<Fact> fs) {
        return fs.stream().map(f -> f.location().line() + " " + f.name() + "=" + f.value() + " " + f.number()
                + (f.unlimited() ? " unlimited" : "") + (f.setsSoftLimit() ? "" : " hard-only")
                + (f.exported() ? " exported" : "")).collect(Collectors.toList());
    }

    @Test
    void ulimitOptionFormsAsBashReadsThem() {
        ScriptFacts f = read("start.sh", String.join("\n",
                "ulimit -S -s 512",
                "ulimit -Ss 1024",
                "ulimit -s unlimited",
                "ulimit -H -s 4096",
                "ulimit -HS -s 256",
                "ulimit -s 128 -v 1048576",
                "ulimit -n 8192",
                "ulimit -s",
                "ulimit -s \"$STACK\"",
                "if true; then ulimit -s 64; fi",
                "ulimit -s 2048 # half of the default",
                "ulimit -v hard",
                ""));
        assertEquals(List.of("1 ulimit -s=512 512", "2 ulimit -s=1024 1024", "3 ulimit -s=unlimited null unlimited",
                "4 ulimit -s=4096 4096 hard-only", "5 ulimit -s=256 256", "6 ulimit -s=128 128",
                "6 ulimit -v=1048576 1048576", "9 ulimit -s=$STACK null", "10 ulimit -s=64 64",
                "11 ulimit -s=2048 2048", "12 ulimit -v=hard null"), flagged(f.settings()));
    }

    @Test
    void exportedVariablesReachWhatTheScriptStarts() {
        ScriptFacts f = read("envvars", String.join("\n",
                "MALLOC_ARENA_MAX=2",
                "export APACHE_RUN_USER=www-data",
                "A=1",
                "export A",
                "declare -x B=3",
                "set -a",
                "C=4",
                "set +a",
                "D=5",
                "export E F=6 G",
                "E=7",
                "H=\"a;b\" # a quoted semicolon",
                ""));
        assertEquals(List.of("1 MALLOC_ARENA_MAX=2 2", "2 APACHE_RUN_USER=www-data null exported", "3 A=1 1 exported",
                "5 B=3 3 exported", "7 C=4 4 exported", "9 D=5 5", "10 F=6 6 exported", "11 E=7 7 exported",
                "12 H=a;b null"), flagged(f.variables()));
        assertEquals(List.of(), f.httpdStarts());
    }

    @Test
    void commandsThatStartHttpdAndTheirPrefixAssignments() {
        ScriptFacts f = read("docker-entrypoint.sh", String.join("\n",
                "#!/bin/sh",
                "set -e",
                "ulimit -s 512",
                "apache2ctl configtest",
                "MALLOC_ARENA_MAX=2 exec /usr/sbin/apache2ctl -D FOREGROUND",
                "exec env MALLOC_ARENA_MAX=4 -u HOME httpd-foreground",
                "python3 manage.py migrate",
                "LANG=C python3 -c 'print(1)'",
                "nohup apachectl -k start &",
                "apachectl -k stop",
                ""));
        assertEquals(List.of("5 starts httpd=/usr/sbin/apache2ctl null", "6 starts httpd=httpd-foreground null",
                "9 starts httpd=apachectl null"), facts(f.httpdStarts()));
        assertEquals(List.of("5 MALLOC_ARENA_MAX=2 2 exported", "6 MALLOC_ARENA_MAX=4 4 exported"),
                flagged(f.variables()));
    }

    @Test
    void systemdSoftAndHardLimits() {
        ScriptFacts f = read("apache2.service.d/limits.conf", String.join("\n",
                "[Service]",
                "LimitSTACK=512K:8M",
                "LimitSTACK=infinity",
                "LimitSTACK=1M:infinity",
                "LimitSTACK=infinity:8M",
                "LimitSTACK=16M:8M",
                "LimitSTACK=",
                "LimitAS=2G",
                "LimitAS=1.5G",
                "LimitAS = 1G 512M",
                "LimitAS=8MiB",
                "LimitSTACK=524288",
                ""));
        assertEquals(List.of("2 LimitSTACK=512K:8M 524288", "3 LimitSTACK=infinity null unlimited",
                "4 LimitSTACK=1M:infinity 1048576", "5 LimitSTACK=infinity:8M null", "6 LimitSTACK=16M:8M null",
                "7 LimitSTACK= null", "8 LimitAS=2G 2147483648", "9 LimitAS=1.5G 1610612736",
                "10 LimitAS=1G 512M 1610612736", "11 LimitAS=8MiB null", "12 LimitSTACK=524288 524288"),
                flagged(f.settings()));
    }

    @Test
    void pythonStackSizeLiteralsAndNames() {
        ScriptFacts f = read("app.wsgi", String.join("\n",
                "import threading, _thread as low",
                "from thread import stack_size as ss",
                "threading.stack_size(0x80000)",
                "threading.stack_size(524_288)",
                "low.stack_size(2 ** 19)",
                "ss(1 << 19)",
                "threading.stack_size((512) * 1024)",
                "threading.stack_size(int(512e3))",
                "threading.stack_size(SIZE)",
                "threading.stack_size()",
                "x = 1  # threading.stack_size(1)",
                "threading.stack_size(0o2000000)",
                "threading.stack_size(-1)",
                "threading.stack_size(64 * 1024 // 2)",
                "threading.stack_size(0512)",
                "threading.stack_size(512.0 * 1024)",
                "my.threading.stack_size(1)",
                "threading.stack_size(",
                "    65536)",
                ""));
        assertEquals(List.of("3 stack_size=0x80000 524288", "4 stack_size=524_288 524288",
                "5 stack_size=2 ** 19 524288", "6 stack_size=1 << 19 524288", "7 stack_size=(512) * 1024 524288",
                "8 stack_size=int(512e3) null", "9 stack_size=SIZE null", "12 stack_size=0o2000000 524288",
                "13 stack_size=-1 -1", "14 stack_size=64 * 1024 // 2 32768", "15 stack_size=0512 null",
                "16 stack_size=512.0 * 1024 null", "18 stack_size=65536 65536"), facts(f.settings()));
    }

    @Test
    void callsInsideStringsAreNotCalls() {
        ScriptFacts f = read("app.wsgi", String.join("\n",
                "import threading",
                "print(\"threading.stack_size(1)\")",
                "doc = 'see threading.stack_size(2) # and'; threading.stack_size(65536)",
                ""));
        assertEquals(List.of("3 stack_size=65536 65536"), facts(f.settings()));
    }

    @Test
    void threeThousandNestedParenthesesAreALocatedProblemNotAStackOverflow() {
        // issue 13: this killed the JVM with StackOverflowError; CPython refuses it at the 201st bracket
        ScriptFacts f = read("app.wsgi", "import threading\nthreading.stack_size(" + "(".repeat(3000) + "524288"
                + ")".repeat(3000) + ")\n");
        assertEquals(List.of(), f.settings());
        List<ParseProblem> problems = f.python().orElseThrow().problems();
        assertEquals(1, problems.size());
        assertEquals("app.wsgi:2", problems.get(0).location().toString());
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertTrue(problems.get(0).message().startsWith("SyntaxError: too many nested parentheses ("),
                problems.get(0).message());
    }

    @Test
    void iniLoadsOfAPythonScriptForItsHostPath() {
        ScriptFacts f = read("wsgi/apache.wsgi", "import os\r\nfrom paste.deploy import loadapp\r\n"
                + "config_filepath = os.path.join(\r\n    os.path.dirname(os.path.abspath(__file__)), 'production.ini')\r\n"
                + "application = loadapp('config:%s' % config_filepath)\r\n");
        List<IniLoad> loads = f.iniLoads("/etc/ckan/default/apache.wsgi");
        assertEquals(1, loads.size());
        assertEquals("/etc/ckan/default/production.ini", loads.get(0).path().value());
        assertEquals("main", loads.get(0).section().value());
        assertEquals("wsgi/apache.wsgi:5", loads.get(0).location().toString());
        assertFalse(f.iniLoads(null).get(0).path().known());
        assertEquals(List.of(), read("envvars", "A=1\n").iniLoads("/x"));
        assertTrue(read("envvars", "A=1\n").python().isEmpty());
    }
}
