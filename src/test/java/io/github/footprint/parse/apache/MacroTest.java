package io.github.footprint.parse.apache;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mod_macro as the rest of footprint sees it: directives a Use makes stand at the Use line, carry the macro line they
 * came from, and count once per Use (daemons, MPM values). The substitution, nesting, errors and warnings themselves
 * are judged by real httpd in MacroOracleTest.
 */
class MacroTest {
    private static final String PRE = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n"
            + "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so\n"
            + "LoadModule macro_module /usr/lib/apache2/modules/mod_macro.so\n";
    private static final String APP = "<Macro App $name $procs>\n<VirtualHost *:80>\nServerName $name\n"
            + "WSGIDaemonProcess $name processes=$procs threads=15\n</VirtualHost>\n</Macro>\n";

    @TempDir
    Path dir;

    private EnvironmentResult check(String... pathsAndTexts) throws Exception {
        Trees.write(dir.resolve("deploy"), files(pathsAndTexts));
        return new CheckEngine().run(new CheckRequest.Builder().baseDirectory(dir).sourceDirectory(dir.resolve("deploy"))
                .outputDirectory(dir.resolve("out")).build()).environments().get(0);
    }

    private ApacheConfig read(String... pathsAndTexts) {
        Trees.write(dir, files(pathsAndTexts));
        return Trees.apache(Trees.load(dir), "2.4", "event", Map.of());
    }

    @Test
    void daemonsDefinedInAMacroCountOncePerUse() throws Exception {
        EnvironmentResult r = check("apache2.conf", PRE + APP + "Use App a.example.com 2\nUse App b.example.com 3\n");
        List<DaemonGroup> daemons = r.deployment().daemons();
        assertEquals(List.of("a.example.com", "b.example.com"), daemons.stream().map(DaemonGroup::name)
                .collect(Collectors.toList()));
        assertEquals(List.of(2, 3), daemons.stream().map(DaemonGroup::processes).collect(Collectors.toList()));
        assertEquals(List.of("a.example.com", "b.example.com"), daemons.stream().map(DaemonGroup::serverName)
                .collect(Collectors.toList()));
        // each stands at its Use line, written at the macro line
        Location written = new Location("deploy/apache2.conf", 7);
        assertEquals(new Location("deploy/apache2.conf", 10), daemons.get(0).location().plain());
        assertEquals(new Location("deploy/apache2.conf", 11), daemons.get(1).location().plain());
        assertEquals(written, daemons.get(0).location().written());
        assertEquals(written, daemons.get(1).location().written());
        assertEquals("Use app, macro 'app' at deploy/apache2.conf:7", daemons.get(1).location().expansion());
        // and findings about them point there (FP202: no maximum-requests), the macro line their second place, and
        // their detail names both
        List<Finding> fp202 = r.findings().stream().filter(f -> f.ruleId().equals("FP202"))
                .collect(Collectors.toList());
        assertEquals(List.of(List.of(new Location("deploy/apache2.conf", 10), written),
                List.of(new Location("deploy/apache2.conf", 11), written)), fp202.stream()
                        .map(f -> f.places().stream().map(Location::plain).collect(Collectors.toList()))
                        .collect(Collectors.toList()));
        for (Finding f : fp202) {
            assertTrue(f.detail().startsWith("Made by a mod_macro Use (Use app, macro 'app' at deploy/apache2.conf:7)"
                    + ": "), f.detail());
            assertTrue(f.message().length() <= Finding.FIRST_LINE, f.message());
        }
        assertTrue(r.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR || f.ruleId().equals("FP001")),
                r.findings().toString());
    }

    @Test
    void anMpmValueSetInAMacroTakesEffect() throws Exception {
        EnvironmentResult r = check("apache2.conf", PRE + "<Macro Mpm $t $w>\n<IfModule mpm_event_module>\n"
                + "ThreadsPerChild $t\nMaxRequestWorkers $w\n</IfModule>\n</Macro>\nUse Mpm 20 200\n");
        assertEquals(20, r.deployment().mpm().effective(MpmDirective.THREADS_PER_CHILD));
        assertEquals(200, r.deployment().mpm().effective(MpmDirective.MAX_REQUEST_WORKERS));
        Location at = r.deployment().mpm().value(MpmDirective.THREADS_PER_CHILD).orElseThrow().location();
        assertEquals(new Location("deploy/apache2.conf", 10), at.plain());
        assertEquals(new Location("deploy/apache2.conf", 6), at.written());
    }

    @Test
    void anMpmDirectiveAMacroPutsInAVirtualHostIsRefusedAtTheUseLine() throws Exception {
        // httpd: "Syntax error on line 2 of macro 'v' (defined on line 4 of ".../apache2.conf") used on line 8 of
        // ".../apache2.conf": ThreadsPerChild cannot occur within <VirtualHost> section"
        EnvironmentResult r = check("apache2.conf", PRE + "<Macro V>\n<VirtualHost *:80>\nThreadsPerChild 20\n"
                + "</VirtualHost>\n</Macro>\nUse V\n");
        List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .collect(Collectors.toList());
        assertEquals(1, errors.size(), r.findings().toString());
        assertEquals(new Location("deploy/apache2.conf", 9), errors.get(0).location().plain());
        // the detail names the Use and the macro line; the macro line is the second place
        assertTrue(errors.get(0).detail().startsWith("Made by a mod_macro Use (Use v, macro 'v' at"
                + " deploy/apache2.conf:6): "), errors.get(0).detail());
        assertEquals(List.of(new Location("deploy/apache2.conf", 9), new Location("deploy/apache2.conf", 6)),
                errors.get(0).places().stream().map(Location::plain).collect(Collectors.toList()));
    }

    @Test
    void oneCauseInAMacroUsedTwiceIsOneFindingAtBothUseLinesAndTheMacroLine() throws Exception {
        EnvironmentResult r = check("apache2.conf", PRE + "<Macro V>\n<VirtualHost *:80>\nThreadsPerChild 20\n"
                + "</VirtualHost>\n</Macro>\nUse V\nUse V\n");
        List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .collect(Collectors.toList());
        assertEquals(1, errors.size(), r.findings().toString());
        assertEquals(List.of(new Location("deploy/apache2.conf", 9), new Location("deploy/apache2.conf", 10),
                new Location("deploy/apache2.conf", 6)), errors.get(0).places().stream().map(Location::plain)
                        .collect(Collectors.toList()));
        assertEquals(new Location("deploy/apache2.conf", 9), errors.get(0).location().plain());
    }

    @Test
    void aReadersProblemInAnExpansionNamesTheMacroLineOnceAndAsItsSecondPlace() throws Exception {
        EnvironmentResult r = check("apache2.conf", PRE + "<Macro M>\nDefine a:b\n</Macro>\nUse M\n");
        List<Finding> fp001 = r.findings().stream().filter(f -> f.ruleId().equals("FP001"))
                .collect(Collectors.toList());
        assertEquals(1, fp001.size(), r.findings().toString());
        Finding f = fp001.get(0);
        // httpd's words with the Use and the macro line in the first line; the detail does not repeat them
        assertTrue(f.message().endsWith("Variable name must not contain ':' (Use m, macro 'm' at deploy/apache2.conf:5)"),
                f.message());
        assertTrue(!f.detail().contains("macro 'm'"), f.detail());
        assertEquals(List.of(new Location("deploy/apache2.conf", 7), new Location("deploy/apache2.conf", 5)),
                f.places().stream().map(Location::plain).collect(Collectors.toList()));
    }

    @Test
    void aSuppressionAtTheMacroLineSilencesEveryUseAndOneAtAUseLineThatUse() throws Exception {
        String macro = "<Macro App $name>\n# footprint: ignore FP202 -- recycled by the supervisor\n"
                + "WSGIDaemonProcess $name processes=2 threads=15\n</Macro>\n";
        EnvironmentResult all = check("apache2.conf", PRE + macro + "Use App a\nUse App b\n");
        assertEquals(List.of(), all.findings().stream().filter(f -> f.ruleId().equals("FP202"))
                .collect(Collectors.toList()));
        EnvironmentResult one = check("apache2.conf", PRE + macro.replace("# footprint: ignore FP202 -- recycled by"
                + " the supervisor\n", "") + "# footprint: ignore FP202 -- recycled by the supervisor\nUse App a\n"
                + "Use App b\n");
        assertEquals(List.of(new Location("deploy/apache2.conf", 9)), one.findings().stream()
                .filter(f -> f.ruleId().equals("FP202")).map(f -> f.location().plain()).collect(Collectors.toList()));
    }

    @Test
    void aDirectiveAUseMadeNamesTheUseAndTheMacroLine() {
        ApacheConfig c = read("apache2.conf", PRE + "Include macros.conf\n<VirtualHost *:80>\nUse Names a.example.com\n"
                + "</VirtualHost>\n", "macros.conf", "# the names\n<Macro Names $n>\nServerName $n\n"
                + "ServerAlias www.$n\n</Macro>\n");
        assertEquals(List.of(), c.problems());
        Directive alias = c.find("ServerAlias").get(0);
        assertEquals(new Location("apache2.conf", 6), alias.location().plain());
        assertEquals(new Location("macros.conf", 4), alias.location().written());
        assertEquals("VirtualHost", alias.parent().name());
        MacroLine m = alias.macroLine();
        assertNotNull(m);
        assertEquals(2, m.line());
        assertEquals(new Location("macros.conf", 4), m.written());
        assertEquals("names", m.use().name());
        assertEquals(List.of("a.example.com"), m.use().values());
        assertEquals(new Location("macros.conf", 2), m.use().definition());
        assertNull(m.use().via());
        assertEquals("apache2.conf:6 (Use names, macro 'names' at macros.conf:4)", alias.where());
        assertEquals("macro 'names' (defined on line 2 of \"macros.conf\") used on line 6 of \"apache2.conf\"",
                m.use().where());
        assertNull(c.find("VirtualHost").isEmpty() ? null : c.find("Include").get(0).macroLine());
    }

    @Test
    void aNestedUseNamesEveryUseOnTheWay() {
        ApacheConfig c = read("apache2.conf", PRE + "<Macro Inner $x>\nServerAdmin $x\n</Macro>\n"
                + "<Macro Outer $y>\nTimeout 5\nUse Inner $y\n</Macro>\nUse Outer a@b\n");
        Directive admin = c.find("ServerAdmin").get(0);
        assertEquals(new Location("apache2.conf", 11), admin.location().plain());
        assertEquals(new Location("apache2.conf", 5), admin.location().written());
        assertEquals("Use outer, Use inner at apache2.conf:9, macro 'inner' at apache2.conf:5",
                admin.location().expansion());
        assertEquals("apache2.conf:11 (Use outer, Use inner at apache2.conf:9, macro 'inner' at apache2.conf:5)",
                admin.where());
        assertEquals("outer", admin.macroLine().use().via().name());
        // a problem on such a line is located at the outermost Use and names the rest
        ApacheConfig bad = read("apache2.conf", PRE + "<Macro Inner>\nDefine a:b\n</Macro>\n"
                + "<Macro Outer>\nUse Inner\n</Macro>\nUse Outer\n");
        assertEquals(List.of("apache2.conf:10: Variable name must not contain ':' (Use outer, Use inner at"
                + " apache2.conf:8, macro 'inner' at apache2.conf:5)"), bad.problems().stream()
                .map(p -> p.location() + ": " + p.message()).collect(Collectors.toList()));
    }

    @Test
    void macrosAreExpandedInAProjectWithoutAMainFile() {
        // nothing says which modules the host loads: mod_macro is assumed loaded
        ApacheConfig c = read("sites/a.conf", APP + "Use App a.example.com 2\n");
        assertNull(c.mainFile());
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("a.example.com processes=2 threads=15"), c.find("WSGIDaemonProcess").stream()
                .map(Directive::rawArgs).collect(Collectors.toList()));
    }

    @Test
    void withAMainFileMacroModuleMustBeLoadedBeforeTheMacro() {
        ApacheConfig c = read("apache2.conf", "<Macro M>\nTimeout 5\n</Macro>\n"
                + "LoadModule macro_module /usr/lib/apache2/modules/mod_macro.so\n<Macro N>\nTimeout 6\n</Macro>\nUse N\n"
                + "Use M\n");
        assertEquals(List.of("1: Invalid command '<Macro', perhaps misspelled or defined by a module not included in the"
                    + " server configuration; load mod_macro first (LoadModule macro_module)",
                "9: macro 'm' undefined"), c.problems().stream().map(p -> p.location().line() + ": " + p.message())
                        .collect(Collectors.toList()));
        assertEquals(List.of("[6]"), c.find("Timeout").stream().map(d -> d.args().toString())
                .collect(Collectors.toList()));
    }

    @Test
    void substitutionFollowsModMacroToTheLetter() {
        List<String> p = List.of("$a", "$ab", "@q");
        // the longest parameter at a position wins; a value is not searched again
        assertEquals("x2 1 12 21", Macro.substituteLine("x$ab $a $a$ab $ab$a", p, List.of("1", "2", "q"), null));
        assertEquals("$ab", Macro.substituteLine("$a", p, List.of("$ab", "2", "q"), null));
        // @ parameters are quoted, " and \ escaped; the search goes on after as many characters as the value has,
        // so it looks into the quoted text again
        assertEquals("\"a \\\"b\\\" \\\\\"", Macro.substituteLine("@q", p, List.of("1", "2", "a \"b\" \\"), null));
        assertEquals("\"\\\\\\\"1\"", Macro.substituteLine("@q", p, List.of("1", "2", "\\\"$a"), null));
        boolean[] used = new boolean[3];
        Macro.substituteLine("Timeout $ab", p, p, used);
        assertEquals(List.of(false, true, false), List.of(used[0], used[1], used[2]));
        // the line and its LF must stay under 8192 bytes
        assertEquals(8191, Macro.substituteLine("$a", p, List.of("a".repeat(8190), "", ""), null).length() + 1);
        assertNull(Macro.substituteLine("$a", p, List.of("a".repeat(8191), "", ""), null));
    }
}
