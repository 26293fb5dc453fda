package io.github.footprint.parse.scripts;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.source.template.Unknowns;
import io.github.footprint.testing.Trees;

/**
 * Start-up scripts with values a template left unknown: an assignment, an {@code Environment=} value or a limit is
 * kept as its text (the token) with no number, never read as one; the settings around it are read as ever.
 */
class ScriptReaderUnknownsTest {
    private static final String T1 = Unknowns.token(1);
    private static final String T2 = Unknowns.token(2);

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
    void shellAssignmentsKeepTheUnknownAsText() {
        ScriptFacts f = read("envvars", "export APACHE_RUN_USER=" + T1 + "\nexport MALLOC_ARENA_MAX=" + T2 + "\n"
                + T1 + "\nN=4\nulimit -s " + T2 + "\n");
        assertEquals(List.of("1 APACHE_RUN_USER=" + T1 + " null", "2 MALLOC_ARENA_MAX=" + T2 + " null", "4 N=4 4"),
                facts(f.variables()));
        assertEquals(List.of("5 ulimit -s=" + T2 + " null"), facts(f.settings()));
    }

    @Test
    void systemdEnvironmentAndLimitsKeepTheUnknownAsText() {
        ScriptFacts f = read("httpd.service", "[Service]\nEnvironment=\"MALLOC_ARENA_MAX=" + T1 + "\" \"LANG=C\"\n"
                + "LimitSTACK=" + T2 + "\n");
        assertEquals(List.of("2 MALLOC_ARENA_MAX=" + T1 + " null", "2 LANG=C null"), facts(f.variables()));
        assertEquals(1, f.settings().size());
        assertEquals(null, f.settings().get(0).number());
        assertEquals(T2, f.settings().get(0).value());
    }
}
