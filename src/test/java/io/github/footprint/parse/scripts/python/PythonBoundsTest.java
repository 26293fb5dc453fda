package io.github.footprint.parse.scripts.python;

import static io.github.footprint.parse.scripts.python.PythonReaderTest.assertKnown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import org.junit.jupiter.api.Test;

/**
 * Depth and size bounds. Nesting is bounded as CPython bounds it ({@code MAXLEVEL} 200 open brackets and
 * {@code MAXINDENT} 100 in CPython 3.11's {@code Parser/tokenizer.h}, with its messages), and everything else is
 * read without recursion: every deep case below runs on a thread of {@value #STACK} bytes of stack, half of a JVM
 * thread's default, and ends in a value or a located problem, never a StackOverflowError. Computed strings, lists and
 * integers are capped ({@link PyInterpreter#MAX_CHARS}, {@link PyInterpreter#MAX_ITEMS},
 * {@link PyInterpreter#MAX_INT_BITS}): beyond, the value is unknown with that reason.
 */
class PythonBoundsTest {
    static final int STACK = 512 * 1024;

    private static <T> T onSmallStack(Supplier<T> work) throws InterruptedException {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", STACK);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError("failed on a " + STACK + "-byte stack", failure.get());
        }
        return out.get();
    }

    private static PythonScript read(String source) throws InterruptedException {
        return onSmallStack(() -> PythonScript.read(source, "app.wsgi"));
    }

    private static Derivation value(String source, String name) throws InterruptedException {
        return onSmallStack(() -> PythonScript.read(source, "app.wsgi").valueOf(name, PythonReaderTest.HOST));
    }

    private static void assertRefused(PythonScript s, String message, int line) {
        assertTrue(s.refused());
        ParseProblem p = s.problems().get(0);
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(p.message().startsWith(message + " ("), p.message());
        assertEquals(line, p.location().line(), p.message());
        assertEquals(0, s.loads(PythonReaderTest.HOST).size());
    }

    @Test
    void bracketsNestAsDeepAsCpythonAllows() throws InterruptedException {
        assertKnown("/etc/x.ini", value("import os\nx = " + "(".repeat(200) + "'/etc/x.ini'" + ")".repeat(200) + "\n",
                "x"));
        assertKnown("/etc/x.ini", value("import os\nx = os.path.join(" + "(".repeat(199) + "'/etc'" + ")".repeat(199)
                + ", 'x.ini')\n", "x"));
        assertRefused(read("import os\nx = " + "(".repeat(201) + "'a'" + ")".repeat(201) + "\n"),
                "SyntaxError: too many nested parentheses", 2);
        // issue 13: 3,000 nested parentheses in threading.stack_size(...) killed the JVM with StackOverflowError
        assertRefused(read("import threading\n\nthreading.stack_size(" + "(".repeat(3000) + "524288"
                + ")".repeat(3000) + ")\n"), "SyntaxError: too many nested parentheses", 3);
        assertRefused(read("x = " + "{[(".repeat(67) + "1" + ")]}".repeat(67) + "\n"),
                "SyntaxError: too many nested parentheses", 1);
    }

    @Test
    void blocksNestAsDeepAsCpythonAllows() throws InterruptedException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            b.append(" ".repeat(i)).append("if True:\n");
        }
        assertKnown("/deep.ini", value(b + " ".repeat(99) + "x = '/deep.ini'\n", "x"));
        assertRefused(read(b + " ".repeat(99) + "if True:\n" + " ".repeat(100) + "x = 1\n"),
                "IndentationError: too many levels of indentation", 101);
    }

    @Test
    void longExpressionsNeedNoDepth() throws InterruptedException {
        assertKnown("1", value("x = str(" + "-".repeat(20_000) + "1)\n", "x"));
        assertKnown("a", value("x = 'a' if " + "not ".repeat(20_000) + "True else 'b'\n", "x"));
        assertKnown("b", value("x = " + "'a' if False else ".repeat(20_000) + "'b'\n", "x"));
        assertKnown("a", value("x = '/a/'" + ".strip('/')".repeat(20_000) + "\n", "x"));
        assertKnown("1", value("x = str(1" + " ** 1".repeat(20_000) + ")\n", "x"));
        assertKnown("x".repeat(50_000), value("x = 'x'" + " + 'x'".repeat(49_999) + "\n", "x"));
        assertKnown("True", value("x = str(1" + " <= 1".repeat(10_000) + ")\n", "x"));
        assertKnown("False", value("x = str(1" + " < 2".repeat(10_000) + ")\n", "x"));
    }

    @Test
    void lambdasAndFieldsNestedPastTheBoundAreSkipped() throws InterruptedException {
        PythonScript s = read("x = " + "lambda: ".repeat(PyParser.MAX_NESTING + 1) + "1\ny = '/after.ini'\n");
        assertFalse(s.refused());
        assertEquals(1, s.notes().size());
        assertEquals(Severity.WARNING, s.notes().get(0).severity());
        assertTrue(s.notes().get(0).message().contains("nested deeper than " + PyParser.MAX_NESTING),
                s.notes().get(0).message());
        assertFalse(s.valueOf("x", PythonReaderTest.HOST).known());
        assertKnown("/after.ini", s.valueOf("y", PythonReaderTest.HOST));
        assertKnown("/srv/app", value("import os\nx = f\"{f'{os.path.dirname(__file__)}'}\"\n", "x"));
        // brackets inside an f-string field count with those around it: 120 + 100 is past the bound, not an error
        PythonScript f = read("x = " + "(".repeat(120) + "f'{" + "[".repeat(100) + "1" + "]".repeat(100) + "}'"
                + ")".repeat(120) + "\ny = '/after.ini'\n");
        assertFalse(f.refused());
        assertEquals(Severity.WARNING, f.notes().get(0).severity());
        assertFalse(f.valueOf("x", PythonReaderTest.HOST).known());
        assertKnown("/after.ini", f.valueOf("y", PythonReaderTest.HOST));
        assertKnown("/a/b", value("import os\nx = " + "os.path.join(".repeat(199) + "'/a'" + ", 'b')".repeat(1)
                + ")".repeat(198) + "\n", "x"));
    }

    @Test
    void computedStringsAreCapped() throws InterruptedException {
        long start = System.nanoTime();
        Derivation d = value("s = 'ab'\n" + "s = s + s\n".repeat(64) + "x = s\n", "x");
        assertFalse(d.known());
        assertTrue(d.reason().contains("longer than " + PyInterpreter.MAX_CHARS + " characters"), d.reason());
        assertEquals(17, d.reasonLocation().line(), d::describe);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "a doubling chain must stop at the bound quickly");
        assertTrue(value("x = 'x'" + " + 'x'".repeat(PyInterpreter.MAX_CHARS) + "\n", "x").reason()
                .contains("longer than"));
        assertTrue(value("x = 'x' * 10**9\n", "x").reason().contains("longer than"));
        assertTrue(value("x = '%s' % ('y' * 70000)\n", "x").reason().contains("longer than"));
        assertTrue(value("x = '/'.join(['ab' * 30000, 'cd' * 30000])\n", "x").reason().contains("longer than"));
        assertTrue(value("x = 'a'.replace('', 'bbbbbbbb' * 9000)\n", "x").reason().contains("longer than"));
        assertTrue(value("x = str(2 ** 10**9)\n", "x").reason().contains(PyInterpreter.MAX_INT_BITS + " bits"));
        assertTrue(value("x = str(1 << 10**9)\n", "x").reason().contains(PyInterpreter.MAX_INT_BITS + " bits"));
        assertTrue(value("x = '/'.join(['a'] * 10**9)\n", "x").reason().contains(PyInterpreter.MAX_ITEMS + " items"));
        // each string under the bound, but more than 2^24 characters in all: unknown past the budget, quickly
        start = System.nanoTime();
        Derivation many = value("s = 'x' * 60000\n" + "t = s + 'y'\n".repeat(400) + "u = t\n", "u");
        assertTrue(many.reason().contains("more than " + PyInterpreter.MAX_TOTAL_CHARS + " characters"),
                many::describe);
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void derivationsKeepTheirLastSteps() throws InterruptedException {
        StringBuilder b = new StringBuilder("a0 = '/'\n");
        for (int i = 1; i <= 1000; i++) {
            b.append("a").append(i).append(" = a").append(i - 1).append(" + 'x'\n");
        }
        Derivation d = value(b.toString(), "a1000");
        assertKnown("/" + "x".repeat(1000), d);
        assertEquals(Derivation.MAX_STEPS, d.steps().size());
        assertEquals(2001 - Derivation.MAX_STEPS, d.omittedSteps());
        assertEquals(1001, d.steps().get(d.steps().size() - 1).location().line());
    }

    @Test
    void manyBranchesStayLinear() throws InterruptedException {
        StringBuilder b = new StringBuilder("import sys\nx = '/a.ini'\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("if sys.argv:\n    v").append(i).append(" = '/").append(i).append("'\n");
        }
        b.append("y = x\n");
        long start = System.nanoTime();
        assertKnown("/a.ini", value(b.toString(), "y"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }
}
