package io.github.footprint.parse.scripts;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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
        assertNull(ScriptReader.systemdBytes("1.5G"));
    }
}
