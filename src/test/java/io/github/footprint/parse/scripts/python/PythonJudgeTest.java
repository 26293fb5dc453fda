package io.github.footprint.parse.scripts.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * python3 is the judge of the evaluator: {@value #GENERATED} path expressions drawn (fixed seed) from string literals
 * written every way Python 3 allows, {@code __file__} and the pure {@code os.path}, {@code str} and formatting
 * operations footprint computes are evaluated by {@code python3 -c} (with {@code __file__} set, nothing but those
 * operations: no script is run, no file is read) and by {@link PythonScript}; the strings must be equal char for
 * char, and where Python raises, footprint must say unknown. A second set compares what CPython's compiler refuses
 * (nesting, indentation, strings, brackets) with {@link PythonScript#problems()}, message and line; a third reads
 * every top-level module of python3's own library, which CPython compiles, without a refusal.
 */
class PythonJudgeTest {
    static final int GENERATED = 600;

    /** Path-like strings as Python literals: prefixes, quotes, escapes, implicit concatenation. */
    private static final String[] LITERALS = {"''", "'/'", "'//'", "'///'", "'a'", "'a/'", "'/a'", "'a/b'",
        "'a//b'", "'.'", "'..'", "'./a'", "'../b'", "'a/./b'", "'a/../b'", "'/a/b/../..'", "'/..'", "'//a/b'",
        "'x.ini'", "'.ini'", "'a.b.c'", "'.hidden'", "'dir.d/file'", "' sp '", "'\\t tab\\n'", "'\u00e9/\u00fc'",
        "'\u65e5\u672c'", "'a%20b'", "'%41%'", "'%e2%82%ac'", "'%e2%82'", "'%zz'", "r'C:\\x'", "'a\\\\b'",
        "'~user'", "'#frag'", "'x.ini#main'", "'production.ini'", "\"dq/x.ini\"", "u'uni/x'", "U'UNI'",
        "r'raw\\n/x'", "R\"R/raw\"", "'a' 'b/c'", "'''tri/ple'''", "\"\"\"tri\"\"\"", "'\\x41/\\101'",
        "'\\u00e9t\\u00e9'", "'\\N{LATIN SMALL LETTER E WITH ACUTE}'", "'it\\'s'", "'\\d\\w'", "'etc' '/' 'x'",
        "'/srv/app/../conf/./x.ini'", "'config:'", "'..//..'", "'a/b/'", "'/etc/ckan/default/'", "'.py'",
        "'\\U0001F600/x'", "rb'ignored'[:0].decode() if False else 'b'", "'%s'", "'{}'"};
    private static final String[] FILES = {"/srv/app/app.wsgi", "/etc/ckan/default/apache.wsgi", "//double/x.wsgi",
        "/a b/c.d/w.py", "/x/../y/./z.wsgi", "/srv/\u00e9t\u00e9/app.py"};

    private static Path work;
    private static List<String> expressions;
    private static List<String> files;
    private static JsonNode verdicts;
    private static List<String> snippets;
    private static JsonNode compiled;
    private static JsonNode stdlib;

    static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    /** An expression of a given depth; {@code safe}: no backslash and no double quote (an f-string field in 3.11). */
    static String expression(Random r, int depth, boolean safe) {
        if (depth <= 0 || r.nextInt(5) == 0) {
            if (r.nextInt(4) == 0) {
                return "__file__";
            }
            String lit = pick(r, LITERALS);
            if (safe && (lit.indexOf('\\') >= 0 || lit.indexOf('"') >= 0 || lit.contains("if False"))) {
                return "__file__";
            }
            return lit;
        }
        String a = expression(r, depth - 1, safe);
        String b = expression(r, depth - 1, safe);
        switch (r.nextInt(safe ? 25 : 27)) {
            case 21:
                return "'%s %s' % (" + a + (r.nextBoolean() ? ",)" : ", " + b + ", " + b + ")");
            case 22:
                return "'{}{}'.format(" + a + ")";
            case 23:
                return "(" + a + ")[" + (r.nextInt(7) - 3) + "]";
            case 24:
                return "'{0}{}'.format(" + a + ", " + b + ")";
            case 0:
                return "os.path.join(" + a + ", " + b + ")";
            case 1:
                return "os.path.join(" + a + ", " + b + ", " + expression(r, depth - 1, safe) + ")";
            case 2:
                return "os.path.dirname(" + a + ")";
            case 3:
                return "os.path.basename(" + a + ")";
            case 4:
                return "os.path.normpath(" + a + ")";
            case 5:
                return "os.path.abspath(os.path.join('/r', " + a + "))";
            case 6:
                return "os.path.realpath(os.path.join('/nonexistent-footprint-judge', " + a + "))";
            case 7:
                return "os.path.split(" + a + ")[" + r.nextInt(2) + "]";
            case 8:
                return "os.path.splitext(" + a + ")[" + r.nextInt(2) + "]";
            case 9:
                return a + " + " + b;
            case 10:
                return "'%s/%s' % (" + a + ", " + b + ")";
            case 11:
                return "'config:%s' % " + a;
            case 12:
                return "'{}/{}'.format(" + a + ", " + b + ")";
            case 13:
                return "(" + a + ").replace('/', " + (r.nextBoolean() ? "'//'" : "''") + ")";
            case 14:
                return "(" + a + ").strip(" + (r.nextBoolean() ? "'/'" : "") + ")";
            case 15:
                return "'/'.join((" + a + ").split('/')" + (r.nextBoolean() ? "[1:]" : "") + ")";
            case 16:
                return "os.path.join('/', *(" + a + ").split('/'))";
            case 17:
                return "(" + a + ")[" + (r.nextInt(5) - 2) + ":" + (r.nextBoolean() ? "" : String.valueOf(r.nextInt(9)
                        - 3)) + "]";
            case 18:
                return "urllib.parse.unquote(" + a + ")";
            case 19:
                return "(" + a + ").rsplit('.', 1)[0]";
            case 20:
                return "'{0}{1}{0}'.format(" + a + ", " + b + ")";
            case 25:
                return "f\"{" + expression(r, depth - 1, true) + "}/x.ini\"";
            default:
                return "f\"{os.path.dirname(" + expression(r, depth - 1, true) + ")}/{" + expression(r, depth - 1,
                        true) + "}\"";
        }
    }

    /** Sources CPython's compiler refuses, or accepts, for the reasons footprint mirrors. */
    static List<String> snippets() {
        List<String> s = new ArrayList<>();
        s.add("x = " + "(".repeat(200) + "1" + ")".repeat(200) + "\n");
        s.add("x = " + "(".repeat(201) + "1" + ")".repeat(201) + "\n");
        s.add("import threading\nthreading.stack_size(" + "(".repeat(3000) + "1" + ")".repeat(3000) + ")\n");
        s.add("x = " + "[{(".repeat(67) + "1" + ")}]".repeat(67) + "\n");
        s.add("x = [\n" + "(".repeat(199) + "1" + ")".repeat(199) + "]\n");
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            deep.append(" ".repeat(i)).append("if 1:\n");
        }
        s.add(deep + " ".repeat(99) + "x = 1\n");
        s.add(deep + " ".repeat(99) + "if 1:\n" + " ".repeat(100) + "x = 1\n");
        s.add("x = 'abc\ny = 1\n");
        s.add("x = '''abc\ny = 1\n");
        s.add("x = \"\"\"abc\n\n");
        s.add("x = 'ab\\\ncd\ny = 1\n");
        s.add("x = (1,\ny = 2\n");
        s.add("x = ([1,\ny = 2\n");
        s.add("x = (1");
        s.add("x = 1)\n");
        s.add("x = (1]\n");
        s.add("x = (1,\n2]\n");
        s.add("x = 1 \\ y\n");
        s.add("x = 1 + \\");
        s.add("if 1:\n    x = 1\n  y = 2\n");
        s.add("if 1:\n        x = 1\n\ty = 2\n");
        s.add("if 1:\n\tx = 1\n        y = 2\n");
        s.add("x = 1\n  y = 2\n");
        s.add("if x:\ny = 2\n");
        s.add("if x:\n");
        s.add("def f():\nreturn 1\n");
        s.add("for a in b:\n\n# c\nx = 1\n");
        s.add("x = 1\r  y = 2\r");
        s.add("x = (1,\r2)\ry = 'a' \\\r'b'\r");
        s.add("if 1:\r\n    x = 1\r\n    y = 2\r\n");
        s.add("\ufeffx = 1\n");
        s.add("x = '''a\n'''; y = \"b\\\nc\"\n");
        s.add("class A:\n  def f(self):\n      return 1\n  x = 2\n");
        s.add("try:\n  pass\nexcept:\n  pass\nfinally:\n pass\n");
        s.add("x = {'a': (1,\n  2),\n  'b': [3]}\n");
        s.add("if a: b = 1\nelif c: d = 2\nelse: e = 3\n");
        s.add("\tx = 1\n");
        s.add("x = 1\n\f\nif 1:\n\f    y = 2\n");
        return s;
    }

    @BeforeAll
    static void askPython() throws Exception {
        String python = findOnPath("python3");
        Assumptions.assumeTrue(python != null, "python3 is not on the PATH: the evaluator cannot be judged here");
        Random r = new Random(20260310L);
        expressions = new ArrayList<>();
        files = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            expressions.add(expression(r, 1 + r.nextInt(3), false));
            files.add(pick(r, FILES));
        }
        snippets = snippets();
        work = Files.createTempDirectory("footprint-python-judge");
        ObjectMapper json = new ObjectMapper();
        ArrayNode input = json.createArrayNode();
        for (int i = 0; i < expressions.size(); i++) {
            input.addArray().add(expressions.get(i)).add(files.get(i));
        }
        Files.write(work.resolve("expressions.json"), json.writeValueAsBytes(input));
        Files.write(work.resolve("snippets.json"), json.writeValueAsBytes(snippets));
        // only pure string and os.path operations are evaluated: each expression with __file__ set, nothing else;
        // the snippets and the library's own modules are only compiled, never run
        String program = String.join("\n",
                "import json, os, sys, urllib.parse",
                "out = []",
                "for expr, f in json.load(open(sys.argv[1], encoding='utf-8')):",
                "    try:",
                "        v = eval(expr, {'os': os, 'urllib': urllib, '__file__': f, '__builtins__': {}})",
                "        out.append({'ok': v} if isinstance(v, str) else {'error': 'not a str'})",
                "    except Exception as e:",
                "        out.append({'error': type(e).__name__ + ': ' + str(e)})",
                "comp = []",
                "for src in json.load(open(sys.argv[2], encoding='utf-8')):",
                "    try:",
                "        compile(src.encode('utf-8'), 'judge.py', 'exec')",
                "        comp.append({'ok': True})",
                "    except SyntaxError as e:",
                "        comp.append({'error': type(e).__name__ + ': ' + e.msg, 'line': e.lineno})",
                "    except (RecursionError, MemoryError) as e:",
                "        comp.append({'error': type(e).__name__, 'line': None})",
                "lib = []",
                "for name in sorted(os.listdir(os.path.dirname(os.__file__))):",
                "    path = os.path.join(os.path.dirname(os.__file__), name)",
                "    if name.endswith('.py') and os.path.isfile(path):",
                "        try:",
                "            compile(open(path, 'rb').read(), path, 'exec')",
                "            lib.append([path, True])",
                "        except SyntaxError:",
                "            lib.append([path, False])",
                "json.dump({'values': out, 'compile': comp, 'stdlib': lib}, sys.stdout)");
        Process p = new ProcessBuilder(python, "-c", program, work.resolve("expressions.json").toString(),
                work.resolve("snippets.json").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), "python3 failed");
        JsonNode all = json.readTree(new String(out, StandardCharsets.UTF_8));
        verdicts = all.get("values");
        compiled = all.get("compile");
        stdlib = all.get("stdlib");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (work != null) {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted((a, b) -> b.compareTo(a)).collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Derivation ours(String expr, String file) {
        PythonScript s = PythonScript.read("import os, urllib.parse\nx = " + expr + "\n", "judge.py");
        assertFalse(s.refused(), () -> "refused: " + s.problems());
        return s.valueOf("x", file);
    }

    @Test
    void theSetIsLargeAndMostlyComputable() {
        long ok = IntStream.range(0, expressions.size()).filter(i -> verdicts.get(i).has("ok")).count();
        long errors = expressions.size() - ok;
        System.out.println("python3 judge: " + expressions.size() + " expressions, " + ok + " values, " + errors
                + " exceptions");
        assertTrue(expressions.size() >= 100);
        // both outcomes are exercised: values compared char for char, and exceptions that must be unknown
        assertTrue(ok >= 300, "values: " + ok);
        assertTrue(errors >= 1, "errors: " + errors);
    }

    @TestFactory
    Stream<DynamicTest> everyExpressionEvaluatesAsPythonDoes() {
        return IntStream.range(0, expressions.size()).mapToObj(i -> DynamicTest.dynamicTest(
                "#" + i + " " + expressions.get(i), () -> {
                    JsonNode v = verdicts.get(i);
                    Derivation d = ours(expressions.get(i), files.get(i));
                    if (v.has("ok")) {
                        assertTrue(d.known(), () -> "python3 gives " + v.get("ok") + ", footprint: " + d);
                        assertEquals(v.get("ok").asText(), d.value(), d::describe);
                    } else {
                        assertFalse(d.known(), () -> "python3 raises " + v.get("error") + ", footprint: " + d);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> cpythonRefusesWhatFootprintRefuses() {
        return IntStream.range(0, snippets.size()).mapToObj(i -> DynamicTest.dynamicTest(
                "#" + i + " " + snippets.get(i).substring(0, Math.min(40, snippets.get(i).length())), () -> {
                    JsonNode v = compiled.get(i);
                    PythonScript s = PythonScript.read(snippets.get(i), "judge.py");
                    if (v.has("ok")) {
                        assertFalse(s.refused(), () -> "python3 compiles it; footprint: " + s.problems().get(0)
                                .message());
                        assertTrue(s.notes().isEmpty(), () -> "notes: " + s.notes().get(0).message());
                    } else {
                        assertTrue(s.refused(), () -> "python3: " + v);
                        String message = s.problems().get(0).message();
                        assertTrue(message.startsWith(v.get("error").asText() + " ("), () -> "python3: " + v
                                + "; footprint: " + message);
                        assertEquals(v.get("line").asInt(), s.problems().get(0).location().line(), message);
                    }
                }));
    }

    /**
     * Real code at scale: every top-level module of python3's own library that CPython compiles is read without a
     * refusal and without an internal error, and runs in the mind as a start-up script would.
     */
    @TestFactory
    Stream<DynamicTest> cpythonsOwnLibraryIsReadWithoutRefusal() {
        assertTrue(stdlib.size() >= 100, "stdlib modules: " + stdlib.size());
        return IntStream.range(0, stdlib.size()).mapToObj(i -> DynamicTest.dynamicTest(
                stdlib.get(i).get(0).asText(), () -> {
                    Path file = Path.of(stdlib.get(i).get(0).asText());
                    PythonScript s = PythonScript.read(new String(Files.readAllBytes(file), StandardCharsets.UTF_8),
                            file.getFileName().toString());
                    s.loads("/srv/app/" + file.getFileName());
                    if (stdlib.get(i).get(1).asBoolean()) {
                        assertFalse(s.refused(), () -> s.problems().get(0).location() + " " + s.problems().get(0)
                                .message());
                    }
                    for (var n : s.notes()) {
                        assertFalse(n.message().contains("internal error"), n.location() + " " + n.message());
                    }
                }));
    }
}
