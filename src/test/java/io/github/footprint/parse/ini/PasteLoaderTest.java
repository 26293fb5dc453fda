package io.github.footprint.parse.ini;

import io.github.footprint.base.Secrets;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PasteDeploy's loading (ConfigLoader.get_context and loadcontext of PasteDeploy 3.1's loadwsgi.py, read as
 * source: PasteDeploy is not installed here). The expected messages are PasteDeploy's format strings filled in by
 * hand; where a value is quoted with %r, Python's repr is what {@link PyReprTest} checks.
 */
class PasteLoaderTest {
    @TempDir
    Path dir;

    private SourceSet sources;

    /** Files of the tree; the INI files are placed on the host under /srv/ by their tree path. */
    private void tree(String... pathsAndTexts) {
        Trees.write(dir, files(pathsAndTexts));
        sources = Trees.load(dir, new Properties(), false);
    }

    private PasteConfig host(String treePath) {
        IniDocument doc = new PasteIniReader().read(sources.get(treePath).orElseThrow());
        String hostPath = "/srv/" + treePath;
        return new PasteConfig(doc, hostPath, hostPath.substring(0, hostPath.lastIndexOf('/')), hostPath, hostPath);
    }

    private PasteLoader loader() {
        return new PasteLoader(new PasteLoader.Resolver() {
            @Override
            public PasteLoader.Target byHostPath(String hostPath) {
                // PasteDeploy opens the path as joined ('..' included); here and __file__ are os.path.abspath'ed
                String normal = java.nio.file.Paths.get(hostPath).normalize().toString();
                if (!normal.startsWith("/srv/")) {
                    return PasteLoader.Target.outside("not under /srv");
                }
                String tree = normal.substring("/srv/".length());
                if (sources.get(tree).isEmpty()) {
                    return PasteLoader.Target.missing("mapped to " + tree);
                }
                IniDocument doc = new PasteIniReader().read(sources.get(tree).orElseThrow());
                return PasteLoader.Target.found(new PasteConfig(doc, hostPath, normal.substring(0,
                        normal.lastIndexOf('/')), normal, normal));
            }

            @Override
            public PasteLoader.Target relativeTo(PasteConfig from, String relativePath) {
                throw new AssertionError("every file here has a host path");
            }
        });
    }

    private static Map<String, String> values(Map<String, Setting> conf) {
        Map<String, String> m = new LinkedHashMap<>();
        conf.forEach((k, s) -> m.put(k, s.value()));
        return m;
    }

    private static List<String> problems(PasteLoader l) {
        return l.problems().stream().map(ParseProblem::toString).collect(Collectors.toList());
    }

    private static final Location AT = new Location("app/app.wsgi", 3);

    @Test
    void aKeyThatDefaultAlsoHasIsDroppedAndSetOverridesTheGlobal() {
        tree("app.ini", "[DEFAULT]\ndebug = true\nemail = ops@example.com\n[app:main]\nuse = egg:myapp\n"
                + "debug = false\nset email = dev@example.com\nsqlalchemy.url = sqlite:///%(here)s/db\n");
        PasteLoader l = loader();
        PasteContext c = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "main", AT);
        assertEquals(List.of(), problems(l));
        assertEquals("egg:myapp#main", c.loader());
        assertEquals(Map.of("sqlalchemy.url", "sqlite:////srv/db"), values(c.localConf()));
        Map<String, String> global = values(c.globalConf());
        assertEquals("true", global.get("debug"));
        assertEquals("dev@example.com", global.get("email"));
        assertEquals("/srv", global.get("here"));
        assertEquals("/srv/app.ini", global.get("__file__"));
        assertEquals(Setting.Origin.SET, c.globalConf().get("email").origin());
        assertEquals(new Location("app.ini", 7), c.globalConf().get("email").location());
        assertEquals(1, l.shadowed().size());
        ShadowedKey s = l.shadowed().get(0);
        assertEquals("debug", s.local().key());
        assertEquals("false", s.local().value());
        assertEquals(new Location("app.ini", 6), s.local().location());
        assertEquals("true", s.winner().value());
        assertEquals(new Location("app.ini", 2), s.winner().location());
        // what Pylons' config and engine_from_config see: global_conf updated with local_conf
        assertEquals("true", c.merged().get("debug").value());
    }

    @Test
    void getCopiesAGlobalIntoTheLocalSettingsAndAMissingGlobalIsAKeyError() {
        tree("app.ini", "[DEFAULT]\nbase_url = https://example.com\n[app:main]\nuse = egg:myapp\n"
                + "get site = base_url\n[app:other]\nuse = egg:myapp\nget site = nowhere\n");
        PasteLoader l = loader();
        PasteContext c = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "main", AT);
        Setting site = c.localConf().get("site");
        assertEquals("https://example.com", site.value());
        assertEquals(Setting.Origin.GET, site.origin());
        assertEquals(new Location("app.ini", 2), site.location());
        assertEquals(new Location("app.ini", 5), site.via());
        assertNull(l.load(PasteLoader.ObjectType.APP, host("app.ini"), "other", AT));
        assertEquals(List.of("app.ini:8: PasteDeploy stops with KeyError: 'nowhere'; get site = nowhere copies a global"
                    + " that neither [DEFAULT] nor a set line defines"), problems(l));
    }

    @Test
    void useConfigChainsAcrossFilesRelativeToTheIniWithTheCallersGlobalsAsDefaults() {
        tree("app/production.ini", "[DEFAULT]\ndebug = false\n[app:main]\nuse = config:../shared/base.ini#web\n"
                + "sqlalchemy.pool_size = 3\n",
                "shared/base.ini", "[app:web]\nuse = egg:myapp\ndebug = true\nsqlalchemy.url = sqlite:///%(here)s/x.db\n"
                        + "sqlalchemy.pool_size = 10\nwhere = %(__file__)s\n");
        PasteLoader l = loader();
        PasteContext c = l.load(PasteLoader.ObjectType.APP, host("app/production.ini"), "main", AT);
        assertEquals(List.of(), problems(l));
        assertEquals("egg:myapp#main", c.loader());
        // base.ini's own here and __file__ in its values; the caller's pool_size overrides; debug is the caller's
        // global, so base.ini's local debug is dropped
        assertEquals(Map.of("sqlalchemy.url", "sqlite:////srv/shared/x.db", "sqlalchemy.pool_size", "3",
                "where", "/srv/shared/base.ini"), values(c.localConf()));
        assertEquals(new Location("app/production.ini", 5), c.localConf().get("sqlalchemy.pool_size").location());
        assertEquals("false", c.globalConf().get("debug").value());
        // global_conf: here is the caller's (its defaults win over the included file's), __file__ restored to it
        assertEquals("/srv/app", c.globalConf().get("here").value());
        assertEquals("/srv/app/production.ini", c.globalConf().get("__file__").value());
        assertEquals(List.of("[app:main] (app/production.ini:3)", "[app:web] (shared/base.ini:1)"),
                c.sections().stream().map(Object::toString).collect(Collectors.toList()));
        ShadowedKey s = l.shadowed().get(0);
        assertEquals(new Location("shared/base.ini", 3), s.local().location());
        assertEquals(Setting.Origin.CALLER, s.winner().origin());
        assertEquals(new Location("app/production.ini", 2), s.winner().location());
    }

    @Test
    void useOfASectionOfTheSameFileAndSectionNamesAsPasteDeployMatchesThem() {
        tree("app.ini", "[app: main ]\nuse = base\nx = 1\n[app:base]\nuse = egg:myapp\ny = 2\n[app]\nuse = egg:bare\n");
        PasteLoader l = loader();
        PasteContext c = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "main", AT);
        assertEquals(List.of(), problems(l));
        assertEquals(Map.of("y", "2", "x", "1"), values(c.localConf()));
        assertEquals("egg:myapp#main", c.loader());
        // loadcontext always names the section ('main' by default): a bare [app] is never found that way
        PasteLoader bare = loader();
        tree("bare.ini", "[app]\nuse = egg:bare\n");
        assertNull(bare.load(PasteLoader.ObjectType.APP, host("bare.ini"), "main", AT));
        assertEquals(List.of("app/app.wsgi:3: PasteDeploy stops with LookupError: No section 'main' found in bare.ini;"
                    + " name an existing section, or add [app:main] to it"),
                problems(bare));
    }

    @Test
    void pipelinesFilterAppsAndFilterWithEndInTheirApplication() {
        tree("app.ini", "[pipeline:main]\npipeline = egg:Paste#cgitb auth myapp\n[filter:auth]\nuse = egg:authkit\n"
                + "[app:myapp]\nuse = egg:myapp\nfilter-with = gzip\n[filter:gzip]\nuse = egg:Paste#gzip\n"
                + "[filter-app:wrapped]\nuse = egg:Paste#translogger\nnext = myapp\n");
        PasteLoader l = loader();
        PasteContext p = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "main", AT);
        assertEquals(List.of(), problems(l));
        assertEquals(PasteContext.Kind.PIPELINE, p.kind());
        assertEquals(2, p.filters().size());
        assertEquals("egg:Paste#cgitb", p.filters().get(0).loader());
        assertEquals(PasteContext.Kind.FILTER_WITH, p.app().kind());
        assertEquals("egg:Paste#gzip", p.app().filter().loader());
        List<PasteContext> apps = p.apps();
        assertEquals(1, apps.size());
        assertEquals("app:myapp", apps.get(0).sections().get(0).section().name());
        PasteContext w = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "wrapped", AT);
        assertEquals(PasteContext.Kind.FILTER_APP, w.kind());
        assertEquals("egg:Paste#translogger", w.filter().loader());
        assertEquals("app:myapp", w.apps().get(0).sections().get(0).section().name());
    }

    /**
     * PasteDeploy 3.0.1 under Python 3.11 (Debian 12's python3-pastedeploy, loadcontext) follows a chain of 197
     * {@code use = config:} files and raises RecursionError at 198: the same bound here, in Python's words.
     */
    @Test
    void aChainOfUseConfigFilesStopsWherePythonsRecursionLimitStopsPasteDeploy() {
        for (int n : new int[] {PasteLoader.MAX_USE_DEPTH, PasteLoader.MAX_USE_DEPTH + 1}) {
            String[] files = new String[2 * (n + 1)];
            for (int i = 0; i < n; i++) {
                files[2 * i] = "c" + n + "/f" + i + ".ini";
                files[2 * i + 1] = "[app:main]\nuse = config:f" + (i + 1) + ".ini\n";
            }
            files[2 * n] = "c" + n + "/f" + n + ".ini";
            files[2 * n + 1] = "[app:main]\npaste.app_factory = os.path:join\n";
            tree(files);
            PasteLoader l = loader();
            PasteContext c = l.load(PasteLoader.ObjectType.APP, host("c" + n + "/f0.ini"), "main", AT);
            if (n == 197) {
                assertEquals(List.of(), problems(l));
                assertEquals("os.path:join", c.loader().replaceFirst("^.*?(os\\.path:join).*$", "$1"));
            } else {
                assertTrue(c == null || c.failed());
                assertEquals(List.of("c198/f198.ini:1: PasteDeploy stops with RecursionError: maximum recursion depth"
                        + " exceeded: more than 197 sections in a row lead on through use, pipeline, next or filter-with"
                        + " to [app:main] of c198/f198.ini; shorten the chain"), problems(l));
            }
        }
    }

    @Test
    void sectionsPasteDeployRefuses() {
        tree("app.ini", "[app:main]\nuse = egg:myapp\n[composite:main]\nuse = egg:Paste#urlmap\n"
                + "[app:noloader]\nx = 1\n[app:two]\npaste.app_factory = a:b\npaste.composite_factory = c:d\n"
                + "[filter-app:nonext]\nuse = egg:x\n[pipeline:nopipe]\nx = 1\n[pipeline:extra]\npipeline = a b\n"
                + "extra = 1\n[app:scheme]\nuse = http://example.com/app\n[app:call]\nuse = call:module\n"
                + "[app:loop]\nuse = loop2\n[app:loop2]\nuse = loop\n[app:pct]\nuse = egg:x\npassword = p%40ss\n");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("main", "app/app.wsgi:3: PasteDeploy stops with LookupError: Ambiguous section names ['app:main',"
                + " 'composite:main'] for section 'main' (prefixed by 'app' or 'application' or 'composite' or"
                + " 'composit' or 'pipeline' or 'filter-app') found in config /srv/app.ini; rename all but one of"
                + " them");
        expected.put("noloader", "app.ini:5: PasteDeploy stops with LookupError: No loader given in section 'app:noloader'; add"
                + " use = egg:Dist#name (or a paste.app_factory = module:function line)");
        expected.put("two", "app.ini:8: PasteDeploy stops with LookupError: Multiple protocols given in section 'app:two':"
                + " [('paste.app_factory', 'a:b'), ('paste.composite_factory', 'c:d')]; keep one of them");
        expected.put("nonext", "app.ini:10: PasteDeploy stops with LookupError: The [filter-app:nonext] section in /srv/app.ini"
                + " is missing a 'next' setting; add next = NAME of the application");
        expected.put("nopipe", "app.ini:12: PasteDeploy stops with LookupError: The [pipeline:nopipe] section in /srv/app.ini is"
                + " missing a 'pipeline' setting; add pipeline = filter ... app");
        expected.put("extra", "app.ini:16: PasteDeploy stops with LookupError: The [pipeline:extra] pipeline section in"
                + " /srv/app.ini has extra (disallowed) settings: extra; move them to the sections the pipeline"
                + " names");
        expected.put("scheme", "app.ini:18: PasteDeploy stops with LookupError: URI scheme not known: 'http' (from config, egg,"
                + " call); use egg:, config: or call:, or the name of a section");
        expected.put("call", "app.ini:20: PasteDeploy stops with LookupError: Configuration not in format module:function;"
                + " write call:package.module:function");
        expected.put("loop", "app.ini:21: PasteDeploy stops with RecursionError: maximum recursion depth exceeded: [app:loop]"
                + " of app.ini leads back to itself through use, pipeline, next or filter-with; break the loop");
        expected.put("pct", "app.ini:27: PasteDeploy stops with InterpolationSyntaxError: '%' must be followed by '%' or '(',"
                + " found: '%40ss'; write %% for a literal %");
        // every section's problems, compared at once so that a difference shows them all
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            PasteLoader l = loader();
            PasteContext c = l.load(PasteLoader.ObjectType.APP, host("app.ini"), e.getKey(), AT);
            assertTrue(c == null || c.failed(), e.getKey());
            // the markers of secret values (masked in reports) are no part of what the messages say
            actual.put(e.getKey(), Secrets.strip(String.join("\n", problems(l))));
        }
        assertEquals(expected, actual);
    }

    @Test
    void whenOnlyTheLoaderIsMissingTheSettingsAreStillKnownButTheContextFailed() {
        tree("app.ini", "[DEFAULT]\ndebug = true\n[app:main]\nuse = base\nsqlalchemy.pool_size = 3\n[app:base]\n"
                + "sqlalchemy.url = postgresql://db/app\n[app:gone]\nuse = nowhere\nx = 1\n[app:pct]\nuse = egg:x\n"
                + "y = 100%\n");
        PasteLoader l = loader();
        PasteContext c = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "main", AT);
        assertTrue(c.failed());
        assertEquals(Map.of("sqlalchemy.url", "postgresql://db/app", "sqlalchemy.pool_size", "3"),
                values(c.localConf()));
        assertEquals("true", c.globalConf().get("debug").value());
        assertEquals(List.of("app.ini:6: PasteDeploy stops with LookupError: No loader given in section 'app:base'; add"
                    + " use = egg:Dist#name (or a paste.app_factory = module:function line)"), problems(l));
        PasteContext gone = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "gone", AT);
        assertTrue(gone.failed());
        assertEquals(Map.of("x", "1"), values(gone.localConf()));
        // an interpolation error leaves nothing certain
        assertNull(l.load(PasteLoader.ObjectType.APP, host("app.ini"), "pct", AT));
    }

    @Test
    void aConfigTargetOutsideTheProjectIsInfoAndLeavesAnIncompleteContextAMissingOneIsAnError() {
        tree("app.ini", "[app:main]\nuse = config:/etc/shared/base.ini\npool = 1\n[app:gone]\n"
                + "use = config:missing.ini\n");
        PasteLoader l = loader();
        PasteContext c = l.load(PasteLoader.ObjectType.APP, host("app.ini"), "main", AT);
        assertNotNull(c);
        assertFalse(c.complete());
        assertEquals(Map.of("pool", "1"), values(c.localConf()));
        ParseProblem info = l.problems().get(0);
        assertEquals(Severity.INFO, info.severity());
        assertEquals(ParseProblem.Kind.INCLUDE, info.kind());
        assertEquals("app.ini:2: use = config:/etc/shared/base.ini#main leaves the project, so its settings are"
                + " unknown; add the file, or a pathMappings entry for its folder", info.toString());
        PasteLoader m = loader();
        assertTrue(m.load(PasteLoader.ObjectType.APP, host("app.ini"), "gone", AT).failed());
        assertEquals(List.of("app.ini:5: PasteDeploy stops with FileNotFoundError: [Errno 2] No such file or directory:"
                    + " '/srv/missing.ini' (mapped to missing.ini); add the file to the project or correct the path"), problems(m));
    }

    @Test
    void anInterpolationErrorInDefaultStopsEveryLoadAtItsLine() {
        tree("app.ini", "[DEFAULT]\nlog = %(nowhere)s/log\n[server:main]\nuse = egg:Paste#http\n");
        PasteLoader l = loader();
        assertNull(l.loadSection(PasteLoader.ObjectType.SERVER, host("app.ini"),
                host("app.ini").document().section("server:main").orElseThrow()));
        assertEquals(List.of("app.ini:2: PasteDeploy stops with InterpolationMissingOptionError: %(nowhere)s names no"
                    + " option; define the option, or write %% for a literal %"), problems(l));
    }

    @Test
    void objectTypesBySectionPrefix() {
        tree("app.ini", "[app:a]\n[application:b]\n[composit:c]\n[pipeline:d]\n[filter-app:e]\n[filter:f]\n"
                + "[server:g]\n[loggers]\n[app]\n");
        List<String> types = host("app.ini").sections().stream()
                .map(s -> String.valueOf(PasteLoader.ObjectType.ofSection(s))).collect(Collectors.toList());
        assertEquals(List.of("APP", "APP", "APP", "APP", "APP", "FILTER", "SERVER", "null", "null"), types);
    }

    @Test
    void unquoteDecodesPercentEscapesAsUtf8() {
        assertEquals("/srv/my app/\u00e9.ini", PasteLoader.unquote("/srv/my%20app/%C3%A9.ini"));
        assertEquals("100%", PasteLoader.unquote("100%"));
        assertEquals("%zz\ufffd", PasteLoader.unquote("%zz%ff"));
    }
}
