package io.github.footprint.parse.scripts.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import io.github.footprint.parse.ParseProblem;
import org.junit.jupiter.api.Test;

/**
 * Hand-written cases, one construct or loader each, including those the corpus of real scripts never shows
 * ({@code get_appsettings}, {@code appconfig} with {@code make_app}, {@code paste.deploy.loadwsgi}, a
 * {@code #section} in the URI, {@code .format}, f-strings). Expected values were computed by hand from the rules
 * the loaders' sources state (see {@link LoaderRules}); string values of the evaluator are also judged by python3 in
 * {@link PythonJudgeTest}.
 */
class PythonReaderTest {
    static final String HOST = "/srv/app/app.wsgi";

    static PythonScript read(String... lines) {
        PythonScript s = PythonScript.read(String.join("\n", lines) + "\n", "app.wsgi");
        for (ParseProblem n : s.notes()) {
            assertFalse(n.message().contains("internal error"), n.message());
        }
        return s;
    }

    static List<IniLoad> loads(String host, String... lines) {
        return read(lines).loads(host);
    }

    /** The first load that is not logging. */
    static IniLoad app(String host, String... lines) {
        List<IniLoad> all = loads(host, lines);
        return all.stream().filter(l -> l.kind() != IniLoad.Kind.LOGGING).findFirst()
                .orElseThrow(() -> new AssertionError("no loader in " + all));
    }

    static Derivation value(String name, String host, String... lines) {
        return read(lines).valueOf(name, host);
    }

    static void assertKnown(String expected, Derivation d) {
        assertTrue(d.known(), d::describe);
        assertEquals(expected, d.value(), d::describe);
    }

    static void assertUnknown(Derivation d, String reasonPart, int line) {
        assertFalse(d.known(), d::describe);
        assertTrue(d.reason().contains(reasonPart), () -> "reason: " + d.reason());
        assertNotNull(d.reasonLocation(), d::describe);
        assertEquals(line, d.reasonLocation().line(), d::describe);
    }

    // ---------------------------------------------------------------- lexical

    @Test
    void literalsAsPython3ReadsThem() {
        PythonScript s = read(
                "a = r'C:\\dir' u'/x' R\"\\n\"",
                "b = '''one",
                "two' \"three\"'''",
                "c = 'tab\\there\\x41\\101\\u00e9\\N{EM DASH}\\q'",
                "d = ('/etc'",
                "     # a comment with a quote '",
                "     '/app.ini')",
                "e = '/srv/' \\",
                "    'app.ini'",
                "f = b'bytes'",
                "g = 'a\\",
                "b'");
        assertKnown("C:\\dir/x\\n", s.valueOf("a", HOST));
        assertKnown("one\ntwo' \"three\"", s.valueOf("b", HOST));
        assertKnown("tab\thereAA\u00e9\u2014\\q", s.valueOf("c", HOST));
        assertKnown("/etc/app.ini", s.valueOf("d", HOST));
        assertKnown("/srv/app.ini", s.valueOf("e", HOST));
        assertUnknown(s.valueOf("f", HOST), "bytes", 10);
        assertKnown("ab", s.valueOf("g", HOST));
    }

    @Test
    void fStringsOfKnownNames() {
        PythonScript s = read(
                "import os",
                "here = os.path.dirname(__file__)",
                "a = f'{here}/production.ini'",
                "b = F\"{os.path.basename(__file__)!s}-{'x'}\" f'{{literal}}'",
                "c = fr'{here}\\n'",
                "d = f'{here:>40}'",
                "e = f'{here!r}'",
                "n = 3",
                "g = f'{n}.ini'");
        assertKnown("/srv/app/production.ini", s.valueOf("a", HOST));
        assertKnown("app.wsgi-x{literal}", s.valueOf("b", HOST));
        assertKnown("/srv/app\\n", s.valueOf("c", HOST));
        assertUnknown(s.valueOf("d", HOST), "format spec", 6);
        assertUnknown(s.valueOf("e", HOST), "!r", 7);
        assertKnown("3.ini", s.valueOf("g", HOST));
    }

    @Test
    void lineEndsAsPythonReadsThem() {
        PythonScript s = PythonScript.read("import os\r\nx = ('/a'\r'/b')\ry = x + \\\r\n'/c'\r", "app.wsgi");
        assertKnown("/a/b", s.valueOf("x", HOST));
        assertKnown("/a/b/c", s.valueOf("y", HOST));
        Derivation y = s.valueOf("y", HOST);
        // CR alone ends a line: x starts on line 2, '/c' is on line 5, the assignment to y on line 4
        assertEquals(List.of(2, 5, 4), y.steps().stream().map(st -> st.location().line())
                .collect(Collectors.toList()), y::describe);
    }

    @Test
    void python2LinesAreSkippedNotFatal() {
        PythonScript s = read(
                "import os",
                "usage = 'usage'",
                "print usage",
                "print >>sys.stderr, 'x'",
                "try:",
                "    import foo",
                "except ImportError, e:",
                "    pass",
                "x = `1`",
                "ini = '/etc/app.ini'",
                "from paste.deploy import loadapp",
                "application = loadapp('config:' + ini)");
        assertFalse(s.refused());
        assertKnown("/etc/app.ini", s.loads(HOST).get(0).path());
        assertUnknown(s.valueOf("x", HOST), "not Python 3 syntax", 9);
        List<String> notes = s.notes().stream().map(n -> n.location().line() + " " + n.severity())
                .collect(Collectors.toList());
        assertEquals(List.of("9 INFO"), notes);
    }

    // ---------------------------------------------------------------- names and paths

    @Test
    void theLastAssignmentBeforeUseWins() {
        IniLoad l = app(HOST,
                "from paste.deploy import loadapp",
                "ini = '/etc/a.ini'",
                "ini = '/etc/b.ini'",
                "first = loadapp('config:' + ini)",
                "ini = '/etc/c.ini'");
        assertKnown("/etc/b.ini", l.path());
    }

    @Test
    void branchesKeepAValueOnlyWhenTheyAgree() {
        PythonScript s = read(
                "import os, sys",
                "if sys.argv:",
                "    same = '/etc/x.ini'",
                "    differ = '/etc/a.ini'",
                "else:",
                "    same = '/etc/x.ini'",
                "    differ = '/etc/b.ini'",
                "if os.environ.get('DEBUG'):",
                "    onlyone = '/etc/debug.ini'",
                "if True:",
                "    taken = '/etc/taken.ini'",
                "else:",
                "    taken = '/etc/never.ini'",
                "if __name__ == '__main__':",
                "    main = '/etc/main.ini'",
                "else:",
                "    main = '/etc/mod_wsgi.ini'");
        assertKnown("/etc/x.ini", s.valueOf("same", HOST));
        assertUnknown(s.valueOf("differ", HOST), "'/etc/a.ini' or '/etc/b.ini' depending on the condition `sys.argv`",
                2);
        assertUnknown(s.valueOf("onlyone", HOST), "only some paths", 8);
        assertKnown("/etc/taken.ini", s.valueOf("taken", HOST));
        assertKnown("/etc/mod_wsgi.ini", s.valueOf("main", HOST));
        // without a host path __name__ is unknown, and so is the branch taken
        assertUnknown(s.valueOf("main", null), "__name__", 14);
    }

    @Test
    void matchStatementsAreBranchesOfUnknownConditions() {
        PythonScript s = read(
                "import os, sys",
                "match = '/etc/match.ini'",
                "match sys.argv:",
                "    case [_, 'debug']:",
                "        ini = '/etc/debug.ini'",
                "    case [_, name]:",
                "        ini = '/etc/' + name",
                "    case _:",
                "        ini = '/etc/x.ini'",
                "same = None",
                "match os.environ.get('X'):",
                "    case None:",
                "        same = '/etc/s.ini'",
                "    case str(v):",
                "        same = '/etc/s.ini'",
                "f = lambda x = lambda y = lambda z=1 : z : y() : x()",
                "after = '/etc/after.ini'");
        assertFalse(s.refused());
        assertEquals(List.of(), s.notes());
        assertKnown("/etc/match.ini", s.valueOf("match", HOST));
        assertUnknown(s.valueOf("ini", HOST), "a value a case pattern captures (case [_, name])", 6);
        assertUnknown(s.valueOf("name", HOST), "case pattern", 6);
        assertUnknown(s.valueOf("same", HOST), "depending on", 11);
        assertKnown("/etc/after.ini", s.valueOf("after", HOST));
    }

    @Test
    void modWsgiNamesTheModuleWithAKnownBeginningOnly() {
        PythonScript s = read(
                "a = 'yes' if __name__.startswith('_mod_wsgi_') else 'no'",
                "b = 'yes' if __name__.startswith(('x', '_mod')) else 'no'",
                "c = 'yes' if __name__.startswith('_mod_wsgi_0') else 'no'",
                "d = 'yes' if __name__ != '__main__' else 'no'",
                "e = __name__");
        assertKnown("yes", s.valueOf("a", HOST));
        assertKnown("yes", s.valueOf("b", HOST));
        assertFalse(s.valueOf("c", HOST).known());
        assertKnown("yes", s.valueOf("d", HOST));
        assertUnknown(s.valueOf("e", HOST), "_mod_wsgi_ and an MD5", 5);
    }

    @Test
    void tryAndLoopsMakeWhatTheyBindUnknown() {
        PythonScript s = read(
                "import os",
                "try:",
                "    a = '/etc/a.ini'",
                "except ImportError:",
                "    a = '/etc/fallback.ini'",
                "try:",
                "    b = '/etc/b.ini'",
                "except Exception:",
                "    b = '/etc/b.ini'",
                "for d in ['/etc', '/srv']:",
                "    c = os.path.join(d, 'c.ini')",
                "e = '/etc/e.ini'",
                "while False:",
                "    e = '/never'");
        assertUnknown(s.valueOf("a", HOST), "depending on the try statement at line 2", 2);
        assertKnown("/etc/b.ini", s.valueOf("b", HOST));
        assertUnknown(s.valueOf("c", HOST), "bound in the for loop at line 10", 10);
        assertKnown("/etc/e.ini", s.valueOf("e", HOST));
    }

    @Test
    void theEnvironmentArgumentsIoAndFunctionsAreUnknown() {
        PythonScript s = read(
                "import os, sys",
                "from myapp.config import find_ini",
                "a = os.environ['APP_INI']",
                "b = os.environ.get('APP_INI', '/etc/default.ini')",
                "c = os.getenv('APP_INI') or '/etc/default.ini'",
                "d = find_ini()",
                "def local():",
                "    return '/etc/x.ini'",
                "e = local()",
                "f = open('/etc/name').read().strip()",
                "g = sys.argv[1]",
                "h = os.path.join(os.getcwd(), 'x.ini')",
                "i = os.path.abspath('x.ini')",
                "j = os.path.expanduser('~/x.ini')",
                "k = os.path.expanduser('/etc/x.ini')",
                "m = undefined_name + '.ini'");
        assertUnknown(s.valueOf("a", HOST), "environment variable APP_INI", 3);
        assertUnknown(s.valueOf("b", HOST), "environment variable APP_INI", 4);
        assertUnknown(s.valueOf("c", HOST), "environment variable APP_INI", 5);
        assertUnknown(s.valueOf("d", HOST), "myapp.config.find_ini", 6);
        assertUnknown(s.valueOf("e", HOST), "a function of the script", 9);
        assertUnknown(s.valueOf("f", HOST), "reads a file on the host", 10);
        assertUnknown(s.valueOf("g", HOST), "sys.argv", 11);
        assertUnknown(s.valueOf("h", HOST), "working directory", 12);
        assertUnknown(s.valueOf("i", HOST), "working directory", 13);
        assertUnknown(s.valueOf("j", HOST), "home directory", 14);
        assertKnown("/etc/x.ini", s.valueOf("k", HOST));
        assertUnknown(s.valueOf("m", HOST), "not bound by the script", 16);
    }

    @Test
    void fileIsTheAliasTargetOrUnknown() {
        PythonScript s = read("import os", "x = os.path.join(os.path.dirname(__file__), 'a.ini')");
        assertKnown("/srv/app/a.ini", s.valueOf("x", HOST));
        assertKnown("/srv/link/a.ini", s.valueOf("x", "/srv/link/app.wsgi"));
        assertUnknown(s.valueOf("x", null), "no WSGIScriptAlias", 2);
    }

    @Test
    void osPathUnderOtherNames() {
        PythonScript s = read(
                "from os.path import join, dirname as d, abspath",
                "import os.path as p",
                "from os import path",
                "import posixpath",
                "a = join(d(abspath(__file__)), 'a.ini')",
                "b = p.join(p.dirname(__file__), 'b.ini')",
                "c = path.normpath(path.join(path.dirname(__file__), '..', 'c.ini'))",
                "e = posixpath.basename(__file__)");
        assertKnown("/srv/app/a.ini", s.valueOf("a", HOST));
        assertKnown("/srv/app/b.ini", s.valueOf("b", HOST));
        assertKnown("/srv/c.ini", s.valueOf("c", HOST));
        assertKnown("app.wsgi", s.valueOf("e", HOST));
        assertKnown("/srv/app/x.ini", value("x", HOST, "from os.path import *",
                "x = join(dirname(__file__), 'x.ini')"));
        Derivation real = value("x", HOST, "import os",
                "x = os.path.join(os.path.dirname(os.path.realpath(__file__)), 'r.ini')");
        assertKnown("/srv/app/r.ini", real);
        assertTrue(real.assumption().contains("no symbolic link"), real::describe);
    }

    @Test
    void formattingAndStringMethods() {
        PythonScript s = read(
                "import os",
                "name = 'prod'",
                "a = 'config:%s' % '/etc/x.ini'",
                "b = '/etc/%s/%s.ini' % ('app', name)",
                "c = '/etc/%(n)s.ini' % {'n': name}",
                "d = '/etc/{}/{name}.ini'.format('app', name=name)",
                "e = '{0}/{0}.ini'.format(name)",
                "f = __file__.replace('.wsgi', '.ini')",
                "g = os.path.join('/', *'/etc/x/y.ini'.split('/'))",
                "h = ' /etc/x.ini \\n'.strip()",
                "i = '/'.join(['', 'etc', name + '.ini'])",
                "j = '%s %s' % ('only one',)",
                "k = '{}{}'.format('one')",
                "m = '%5s' % 'x'",
                "q = __file__.rsplit('/', 1)[0] + '/q.ini'");
        assertKnown("config:/etc/x.ini", s.valueOf("a", HOST));
        assertKnown("/etc/app/prod.ini", s.valueOf("b", HOST));
        assertKnown("/etc/prod.ini", s.valueOf("c", HOST));
        assertKnown("/etc/app/prod.ini", s.valueOf("d", HOST));
        assertKnown("prod/prod.ini", s.valueOf("e", HOST));
        assertKnown("/srv/app/app.ini", s.valueOf("f", HOST));
        assertKnown("/etc/x/y.ini", s.valueOf("g", HOST));
        assertKnown("/etc/x.ini", s.valueOf("h", HOST));
        assertKnown("/etc/prod.ini", s.valueOf("i", HOST));
        assertUnknown(s.valueOf("j", HOST), "TypeError: not enough arguments for format string", 12);
        assertUnknown(s.valueOf("k", HOST), "IndexError", 13);
        assertUnknown(s.valueOf("m", HOST), "a format footprint does not compute", 14);
        assertKnown("/srv/app/q.ini", s.valueOf("q", HOST));
    }

    @Test
    void codeThatMayRebindAnyNameHidesWhatCameBefore() {
        PythonScript s = read(
                "a = '/etc/a.ini'",
                "exec(open('/etc/extra.py').read())",
                "b = '/etc/b.ini'",
                "c = a");
        assertUnknown(s.valueOf("c", HOST), "exec() at line 2", 2);
        assertKnown("/etc/b.ini", s.valueOf("b", HOST));
        PythonScript t = read(
                "ini = '/etc/a.ini'",
                "def configure():",
                "    global ini",
                "    ini = '/etc/b.ini'",
                "configure()",
                "parts = ['', 'etc']",
                "parts.append('c.ini')",
                "joined = '/'.join(parts)");
        assertUnknown(t.valueOf("joined", HOST), "changed in place", 7);
        assertUnknown(read("ini = '/etc/a.ini'", "from settings import *", "after = ini").valueOf("after", HOST),
                "from settings import * (line 2)", 2);
        assertKnown("/etc/a.ini", value("after", HOST, "ini = '/etc/a.ini'", "from os.path import *", "after = ini"));
        assertUnknown(read("ini = '/etc/a.ini'", "def configure():", "    global ini", "    ini = '/etc/b.ini'",
                "configure()", "x = ini").valueOf("x", HOST), "declares it global", 5);
    }

    // ---------------------------------------------------------------- PasteDeploy

    @Test
    void loadappRelativeToAndSchemes() {
        String[] head = {"import os", "from paste.deploy import loadapp", "here = os.path.dirname(__file__)"};
        assertKnown("/srv/app/production.ini", app(HOST, cat(head, "a = loadapp('config:production.ini',"
                + " relative_to=here)")).path());
        assertKnown("/srv/conf/production.ini", app(HOST, cat(head, "a = loadapp('config:../conf/production.ini',"
                + " relative_to='/srv/app/')")).path());
        assertEquals("/srv/app/../conf/production.ini", app(HOST, cat(head, "a = loadapp('config:../conf/production"
                + ".ini', relative_to='/srv/app/')")).rawPath());
        assertKnown("/etc/x.ini", app(HOST, cat(head, "a = loadapp('CONFIG:/etc/x.ini')")).path());
        assertKnown("/srv/my app/x.ini", app(HOST, cat(head, "a = loadapp('config:/srv/my%20app/x.ini ')")).path());
        assertKnown("/srv/app/x.ini", app(HOST, cat(head, "a = loadapp('config:///srv\\\\app/x.ini')")).path());
        assertUnknown(app(HOST, cat(head, "a = loadapp('config:x.ini')")).path(),
                "ValueError: Cannot resolve relative uri 'config:x.ini'; no relative_to keyword argument given", 4);
        IniLoad dot = app(HOST, cat(head, "a = loadapp('config:x.ini', relative_to='.')"));
        assertUnknown(dot.path(), "working directory", 4);
        assertEquals("./x.ini", dot.relativePath());
        assertUnknown(app(HOST, cat(head, "a = loadapp('/etc/x.ini')")).path(), "URI has no scheme", 4);
        assertUnknown(app(HOST, cat(head, "a = loadapp('egg:MyApp#main')")).path(), "not from an INI file", 4);
        assertUnknown(app(HOST, cat(head, "a = loadapp('zip:/x.ini')")).path(), "URI scheme not known: 'zip'", 4);
    }

    private static String[] cat(String[] head, String... tail) {
        String[] out = new String[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    @Test
    void sectionFromTheFragmentUnlessNameIsGiven() {
        String[] head = {"from paste.deploy import loadapp"};
        assertKnown("admin", app(HOST, cat(head, "a = loadapp('config:/etc/x.ini#admin')")).section());
        assertKnown("/etc/x.ini", app(HOST, cat(head, "a = loadapp('config:/etc/x.ini#admin')")).path());
        assertKnown("api", app(HOST, cat(head, "a = loadapp('config:/etc/x.ini#admin', name='api')")).section());
        assertKnown("api", app(HOST, cat(head, "a = loadapp('config:/etc/x.ini#admin', 'api')")).section());
        assertKnown("admin", app(HOST, cat(head, "a = loadapp('config:/etc/x.ini#admin', name=None)")).section());
        assertKnown("main", app(HOST, cat(head, "a = loadapp('config:/etc/x.ini')")).section());
        assertKnown("", app(HOST, cat(head, "a = loadapp('config:/etc/x.ini#')")).section());
        // the URI not known: main is PasteDeploy's default, stated as an assumption
        Derivation d = app(HOST, cat(head, "import os", "a = loadapp('config:' + os.environ['INI'])")).section();
        assertKnown("main", d);
        assertNotNull(d.assumption());
        assertNull(app(HOST, cat(head, "a = loadapp('config:/etc/x.ini')")).section().assumption());
    }

    @Test
    void appconfigWithMakeApp() {
        List<IniLoad> l = loads(HOST,
                "from paste.deploy import appconfig",
                "from myapp.config.middleware import make_app",
                "conf = appconfig('config:/etc/myapp.ini#blog')",
                "application = make_app(conf.global_conf, **conf.local_conf)",
                "settings = appconfig('config:/etc/other.ini', relative_to='/srv')");
        assertEquals(IniLoad.Kind.APPCONFIG, l.get(0).kind());
        assertKnown("/etc/myapp.ini", l.get(0).path());
        assertKnown("blog", l.get(0).section());
        assertEquals(4, l.get(0).makeApp().line());
        assertTrue(l.get(0).loadsApplication());
        assertNull(l.get(1).makeApp());
        assertFalse(l.get(1).loadsApplication());
    }

    @Test
    void loadwsgiUnderItsNames() {
        assertEquals("paste.deploy.loadwsgi.loadapp", app(HOST, "from paste.deploy.loadwsgi import loadapp",
                "a = loadapp('config:/etc/x.ini')").function());
        IniLoad l = app(HOST, "import paste.deploy.loadwsgi as lw", "a = lw.loadapp('config:/etc/x.ini', name='w')");
        assertKnown("/etc/x.ini", l.path());
        assertKnown("w", l.section());
        assertEquals(IniLoad.Kind.LOADAPP, app(HOST, "import paste.deploy", "a = paste.deploy.loadapp('config:/x.ini')")
                .kind());
        assertEquals(IniLoad.Kind.LOADAPP, app(HOST, "from paste import deploy as d", "a = d.loadapp('config:/x.ini')")
                .kind());
        assertEquals(IniLoad.Kind.LOADAPP, app(HOST, "from paste.deploy import loadapp as la",
                "a = la('config:/x.ini')").kind());
        // a Python 2/3 import fallback binds the same loader on both paths
        IniLoad fallback = app(HOST, "try:", "    from paste.deploy import loadapp", "except ImportError:",
                "    from paste.deploy.loadwsgi import loadapp", "a = loadapp('config:/etc/x.ini')");
        assertKnown("/etc/x.ini", fallback.path());
        IniLoad parser = app(HOST, "try:", "    import configparser", "except ImportError:",
                "    import ConfigParser as configparser", "c = configparser.ConfigParser()", "c.read('/etc/k.ini')",
                "c.get('app:main', 'use')");
        assertEquals(IniLoad.Kind.CONFIGPARSER, parser.kind());
        assertKnown("main", parser.section());
        // a function of the script named loadapp is not PasteDeploy's
        assertEquals(List.of(), loads(HOST, "def loadapp(uri):", "    return uri", "a = loadapp('config:/x.ini')"));
    }

    // ---------------------------------------------------------------- pyramid.paster / plaster

    @Test
    void getAppThroughPlaster() {
        String[] head = {"from pyramid.paster import get_app, get_appsettings, setup_logging, bootstrap"};
        IniLoad a = app(HOST, cat(head, "a = get_app('/etc/x.ini#api')"));
        assertKnown("/etc/x.ini", a.path());
        assertKnown("api", a.section());
        assertKnown("main", app(HOST, cat(head, "a = get_app('/etc/x.ini#api', 'main')")).section());
        assertKnown("main", app(HOST, cat(head, "a = get_app('/etc/x.ini')")).section());
        assertKnown("/etc/x.ini", app(HOST, cat(head, "a = get_app('/etc/x.ini?http_port=8080#api')")).path());
        assertKnown("/etc/my app.ini", app(HOST, cat(head, "a = get_app('/etc/my%20app.ini')")).path());
        assertKnown("/etc/x.ini", app(HOST, cat(head, "a = get_app('pastedeploy+ini:///etc/x.ini')")).path());
        assertUnknown(app(HOST, cat(head, "a = get_app('/etc/x.conf')")).path(), "'file+conf'", 2);
        assertUnknown(app(HOST, cat(head, "a = get_app('egg:MyApp')")).path(), "egg", 2);
        assertUnknown(app(HOST, cat(head, "a = get_app('/etc/noextension')")).path(), "InvalidURI", 2);
        IniLoad rel = app(HOST, cat(head, "a = get_app('production.ini')"));
        assertUnknown(rel.path(), "working directory", 2);
        assertEquals("production.ini", rel.relativePath());
        IniLoad settings = app(HOST, cat(head, "s = get_appsettings('/etc/x.ini', name='api')"));
        assertEquals(IniLoad.Kind.GET_APPSETTINGS, settings.kind());
        assertKnown("api", settings.section());
        assertEquals("pyramid.paster.bootstrap", app(HOST, cat(head, "env = bootstrap('/etc/x.ini#b')")).function());
        assertKnown("b", app(HOST, cat(head, "env = bootstrap('/etc/x.ini#b')")).section());
    }

    @Test
    void loggingIsASecondUseNotALoader() {
        List<IniLoad> l = loads(HOST,
                "import logging.config",
                "from pyramid.paster import setup_logging",
                "from paste.script.util.logging_config import fileConfig",
                "setup_logging('/etc/my%20app.ini#main')",
                "logging.config.fileConfig('/etc/x.ini')",
                "fileConfig('relative.ini')");
        assertEquals(List.of(IniLoad.Kind.LOGGING, IniLoad.Kind.LOGGING, IniLoad.Kind.LOGGING),
                l.stream().map(IniLoad::kind).collect(Collectors.toList()));
        // plaster_pastedeploy opens uri.path with fileConfig: no percent-decoding there
        assertKnown("/etc/my%20app.ini", l.get(0).path());
        assertKnown("/etc/x.ini", l.get(1).path());
        assertUnknown(l.get(2).path(), "working directory", 6);
        assertNull(l.get(0).section());
        assertFalse(l.get(0).loadsApplication());
    }

    @Test
    void ckanAndConfigparserReadTheIniThemselves() {
        IniLoad ckan = app(HOST,
                "from ckan.cli import CKANConfigLoader",
                "from ckan.config.middleware import make_app",
                "config = CKANConfigLoader(' /etc/ckan/default/ckan.ini ').get_config()",
                "application = make_app(config)");
        assertEquals(IniLoad.Kind.CKAN_CONFIG_LOADER, ckan.kind());
        assertKnown("/etc/ckan/default/ckan.ini", ckan.path());
        assertKnown("main", ckan.section());
        assertTrue(ckan.loadsApplication());
        IniLoad parser = app(HOST,
                "import configparser",
                "c = configparser.ConfigParser()",
                "c.read('/etc/kinto.ini')",
                "settings = dict(c.items('app:main'))");
        assertEquals(IniLoad.Kind.CONFIGPARSER, parser.kind());
        assertKnown("/etc/kinto.ini", parser.path());
        assertKnown("main", parser.section());
        assertFalse(app(HOST, "import configparser", "c = configparser.RawConfigParser()", "c.read('/etc/k.ini')")
                .section().known());
    }

    // ---------------------------------------------------------------- where loaders run

    @Test
    void loadersInFunctionsAndConditions() {
        List<IniLoad> l = loads(HOST,
                "import os",
                "from paste.deploy import loadapp",
                "here = os.path.dirname(__file__)",
                "if os.environ.get('MAINTENANCE'):",
                "    application = loadapp('config:maintenance.ini', relative_to=here)",
                "if __name__.startswith('_mod_wsgi_'):",
                "    application = loadapp('config:production.ini', relative_to=here)",
                "def application(environ, start_response):",
                "    app = loadapp('config:%s' % environ['INI'])",
                "    other = loadapp('config:request.ini', relative_to=here)",
                "    return app(environ, start_response)");
        assertEquals(List.of(IniLoad.Context.CONDITIONAL, IniLoad.Context.MODULE, IniLoad.Context.FUNCTION,
                IniLoad.Context.FUNCTION), l.stream().map(IniLoad::context).collect(Collectors.toList()));
        assertKnown("/srv/app/maintenance.ini", l.get(0).path());
        assertTrue(l.get(0).contextDescription().contains("if os.environ.get('MAINTENANCE'):"),
                l.get(0).contextDescription());
        assertEquals(4, l.get(0).contextLocation().line());
        assertKnown("/srv/app/production.ini", l.get(1).path());
        assertUnknown(l.get(2).path(), "the argument environ of application() (line 8), which mod_wsgi passes on each"
                + " request", 8);
        assertTrue(l.get(2).contextDescription().contains("on each request"), l.get(2).contextDescription());
        assertKnown("/srv/app/request.ini", l.get(3).path());
        // without the host path, mod_wsgi's module name is not known: the block is conditional
        assertEquals(IniLoad.Context.CONDITIONAL, read("import os", "from paste.deploy import loadapp",
                "if __name__.startswith('_mod_wsgi_'):", "    a = loadapp('config:/x.ini')").loads(null).get(0)
                .context());
    }

    @Test
    void stepsCarryWhereEachHappened() {
        IniLoad l = app("/etc/ckan/default/apache.wsgi",
                "import os",
                "from paste.deploy import loadapp",
                "config_filepath = os.path.join(",
                "    os.path.dirname(os.path.abspath(__file__)), 'production.ini')",
                "application = loadapp('config:%s' % config_filepath)");
        List<String> steps = l.path().steps().stream().map(s -> s.location().line() + " " + s.operation())
                .collect(Collectors.toList());
        assertEquals(List.of(
                "4 __file__ = '/etc/ckan/default/apache.wsgi' (mod_wsgi: the WSGIScriptAlias target as written)",
                "4 os.path.abspath(…)",
                "4 os.path.dirname(…)",
                "3 os.path.join(…, 'production.ini')",
                "3 config_filepath = …",
                "5 'config:%s' % …",
                "5 PasteDeploy: config: URI 'config:/etc/ckan/default/production.ini', path"
                        + " '/etc/ckan/default/production.ini'"), steps);
        assertEquals("/etc/ckan/default/production.ini", l.path().steps().get(6).result());
        assertEquals(5, l.location().line());
        assertEquals("app.wsgi", l.location().file());
    }
}
