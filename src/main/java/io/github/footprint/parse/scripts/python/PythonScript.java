package io.github.footprint.parse.scripts.python;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceFile;

/**
 * A Python start-up script ({@code .wsgi}, {@code .py}) read as CPython 3 reads it: tokens, statements, and an
 * evaluation of what it computes from literals and {@code __file__}. The script is read once; {@link #loads} runs
 * it in the mind for the host path mod_wsgi gives it as {@code __file__}.
 *
 * <p>{@link #problems()} holds what makes CPython refuse the whole file, in CPython's words (the script never
 * runs, so it loads nothing); {@link #notes()} what footprint did not read (statements that are not Python 3, bounds
 * reached): the names those bind are unknown.
 */
public final class PythonScript {
    private final String text;
    private final PyInterpreter.Locator locator;
    private final List<PyNode.Stmt> body;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final List<ParseProblem> notes = new ArrayList<>();
    private final List<CallFact> stackSizes = new ArrayList<>();
    private final List<CallFact> literalLoadapps = new ArrayList<>();
    private final Map<String, List<IniLoad>> loads = new HashMap<>();

    /** A call the old line reader reported: its argument's text, its number (when an integer in 64 bits), where. */
    public static final class CallFact {
        private final String text;
        private final Long number;
        private final Location location;
        private final int offset;

        CallFact(String text, Long number, Location location, int offset) {
            this.text = text;
            this.number = number;
            this.location = location;
            this.offset = offset;
        }

        public String text() {
            return text;
        }

        public Long number() {
            return number;
        }

        public Location location() {
            return location;
        }
    }

    private PythonScript(String text, PyInterpreter.Locator locator) {
        this.text = text;
        this.locator = locator;
        List<PyNode.Stmt> stmts = null;
        List<PyParser.LiteralLoadapp> literal = new ArrayList<>();
        boolean stackSize = false;
        try {
            List<PyToken> tokens = PyTokenizer.tokenize(text, locator::line);
            for (PyToken t : tokens) {
                stackSize |= t.type == PyToken.Type.NAME && t.text.equals("stack_size");
            }
            stmts = PyParser.parseFile(tokens, text, locator::line, literal);
        } catch (PyTokenizer.Refused r) {
            problems.add(ParseProblem.syntax(locator.at(r.offset), r.type + ": " + r.getMessage()
                    + " (CPython refuses to compile the script, so mod_wsgi cannot load it)"));
        } catch (RuntimeException | StackOverflowError e) {
            internalError(e);
            stmts = null;
        }
        this.body = stmts;
        if (stmts == null) {
            return;
        }
        try {
            settings(stmts, literal, stackSize);
        } catch (RuntimeException | StackOverflowError e) {
            internalError(e);
        }
    }

    /** A failure of footprint's own reader: a located note, never an exception out of the reader. */
    private void internalError(Throwable e) {
        notes.add(new ParseProblem(ParseProblem.Kind.SYNTAX, Severity.WARNING, locator.at(0), "footprint's Python"
                + " reader failed on this script (internal error: " + e.getClass().getSimpleName() + "); what it"
                + " computes is unknown"));
    }

    private void settings(List<PyNode.Stmt> stmts, List<PyParser.LiteralLoadapp> literal, boolean stackSize) {
        for (PyParser.LiteralLoadapp l : literal) {
            literalLoadapps.add(new CallFact(l.uri, null, locator.at(l.offset), l.offset));
        }
        collectNotes(stmts);
        if (!stackSize) {
            return; // no stack_size name in the file: no call to find (the application's own modules, mostly)
        }
        // the settings pass: __file__ unknown; stack_size calls in the order of the file
        PyInterpreter run = PyInterpreter.run(stmts, text, locator, null);
        for (PyInterpreter.StackCall s : run.stacks) {
            Long n = null;
            if (s.value instanceof PyValue.Int) {
                BigInteger v = ((PyValue.Int) s.value).v;
                n = v.bitLength() < 64 ? v.longValue() : null;
            }
            stackSizes.add(new CallFact(s.text, n, s.at, s.offset));
        }
        stackSizes.sort(Comparator.comparingInt(c -> c.offset));
    }

    /** Reads a Python file of the deploy tree. */
    public static PythonScript read(SourceFile f) {
        String text = f.text().replace('\r', '\n');
        return new PythonScript(text, new FileLocator(f));
    }

    /** Reads Python source given as text (tests, tools): lines count LF, CRLF and CR as Python does. */
    static PythonScript read(String source, String displayPath) {
        String text = source.replace("\r\n", "\n").replace('\r', '\n');
        return new PythonScript(text, new TextLocator(text, displayPath));
    }

    private void collectNotes(List<PyNode.Stmt> stmts) {
        Deque<List<PyNode.Stmt>> todo = new ArrayDeque<>();
        todo.push(stmts);
        List<PyNode.Skipped> found = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        while (!todo.isEmpty()) {
            for (PyNode.Stmt s : todo.pop()) {
                if (s instanceof PyNode.Skipped) {
                    found.add((PyNode.Skipped) s);
                    at.add(s.start);
                }
                if (s instanceof PyNode.If) {
                    todo.addAll(((PyNode.If) s).bodies);
                    if (((PyNode.If) s).orelse != null) {
                        todo.add(((PyNode.If) s).orelse);
                    }
                } else if (s instanceof PyNode.Loop) {
                    todo.add(((PyNode.Loop) s).body);
                    if (((PyNode.Loop) s).orelse != null) {
                        todo.add(((PyNode.Loop) s).orelse);
                    }
                } else if (s instanceof PyNode.Try) {
                    PyNode.Try t = (PyNode.Try) s;
                    todo.add(t.body);
                    for (PyNode.Handler h : t.handlers) {
                        todo.add(h.body);
                    }
                    if (t.orelse != null) {
                        todo.add(t.orelse);
                    }
                    if (t.finalbody != null) {
                        todo.add(t.finalbody);
                    }
                } else if (s instanceof PyNode.With) {
                    todo.add(((PyNode.With) s).body);
                } else if (s instanceof PyNode.Def) {
                    todo.add(((PyNode.Def) s).body);
                } else if (s instanceof PyNode.ClassDef) {
                    todo.add(((PyNode.ClassDef) s).body);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(at::get));
        for (int i : order) {
            PyNode.Skipped k = found.get(i);
            notes.add(new ParseProblem(ParseProblem.Kind.SYNTAX, k.limit ? Severity.WARNING : Severity.INFO,
                    locator.at(at.get(i)), "footprint does not read this statement: " + k.reason
                            + (k.names == null ? "; every name bound before it is unknown after it"
                                    : k.names.isEmpty() ? "" : "; the names it binds are unknown ("
                                            + String.join(", ", k.names) + ")")));
        }
    }

    /** CPython's refusal of the whole file (an error; the script never runs), or empty. */
    public List<ParseProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Statements footprint did not read and bounds it reached (info or warning; the names involved are unknown). */
    public List<ParseProblem> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** True when CPython refuses to compile the script. */
    public boolean refused() {
        return !problems.isEmpty();
    }

    /** {@code threading.stack_size(n)} (and {@code thread}, {@code _thread}) calls, in file order. */
    public List<CallFact> stackSizes() {
        return Collections.unmodifiableList(stackSizes);
    }

    /** {@code loadapp('...')} calls with a plain literal first argument (the old reader's facts), in file order. */
    public List<CallFact> literalLoadapps() {
        return Collections.unmodifiableList(literalLoadapps);
    }

    /**
     * The INI loads of the script run with {@code __file__} = {@code hostFile} (the WSGIScriptAlias target as
     * written; null when no alias leads to the script, then every value that depends on it is unknown), in the
     * order they run: module code first, then function bodies. Empty when CPython refuses the script.
     */
    public synchronized List<IniLoad> loads(String hostFile) {
        String key = hostFile == null ? "\u0000" : hostFile;
        List<IniLoad> cached = loads.get(key);
        if (cached != null) {
            return cached;
        }
        List<IniLoad> out = new ArrayList<>();
        if (body != null) {
            try {
                for (LoadRecord r : PyInterpreter.run(body, text, locator, hostFile).loads) {
                    out.add(new IniLoad(r));
                }
            } catch (RuntimeException | StackOverflowError e) {
                internalError(e);
                out.clear();
            }
        }
        out = Collections.unmodifiableList(out);
        loads.put(key, out);
        return out;
    }

    /** The value the script binds to a module-level name, run with {@code __file__} = hostFile (tests). */
    Derivation valueOf(String name, String hostFile) {
        if (body == null) {
            return null;
        }
        PyInterpreter run = PyInterpreter.run(body, text, locator, hostFile);
        return Derivation.of(run.moduleValue(name));
    }

    // ---------------------------------------------------------------- locations

    /** Offsets of the rendered text to the template lines of a SourceFile. */
    private static final class FileLocator implements PyInterpreter.Locator {
        private final SourceFile f;

        FileLocator(SourceFile f) {
            this.f = f;
        }

        private int index(int offset) {
            int lo = 0;
            int hi = f.lineCount() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (f.lineStart(mid) <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return Math.max(0, lo);
        }

        @Override
        public Location at(int offset) {
            return new Location(f.displayPath(), line(offset));
        }

        @Override
        public int line(int offset) {
            return f.lineCount() == 0 ? 1 : f.templateLine(index(offset));
        }
    }

    /** Offsets of a plain text to its lines (LF after translation). */
    private static final class TextLocator implements PyInterpreter.Locator {
        private final String path;
        private final int[] starts;

        TextLocator(String text, String path) {
            this.path = path;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public Location at(int offset) {
            return new Location(path, line(offset));
        }

        @Override
        public int line(int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }
    }
}
