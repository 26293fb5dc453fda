package io.github.footprint.parse.scripts.python;

import io.github.footprint.base.HostPaths;
import io.github.footprint.base.Secrets;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Location;
import io.github.footprint.parse.scripts.python.PyNode.Expr;
import io.github.footprint.parse.scripts.python.PyNode.Stmt;
import io.github.footprint.parse.scripts.python.PyValue.Deriv;
import io.github.footprint.parse.scripts.python.PyValue.Str;
import io.github.footprint.parse.scripts.python.PyValue.Unknown;

/**
 * Runs a start-up script in the mind: straight-line module code in order, with values that are known only when
 * they follow from literals, {@code __file__} (mod_wsgi's WSGIScriptAlias target) and the pure string and
 * {@code os.path} functions; every other value (the environment, arguments, I/O, the application's functions, the
 * working directory) is {@link Unknown} with the reason and the place. Branches ({@code if} with a condition not
 * known, {@code try}, loops) are followed on every path and merged: a name keeps its value after them only when
 * every path agrees. Function bodies run after the module, with their arguments unknown.
 *
 * <p>Each loader call becomes a {@link LoadRecord}; each {@code stack_size(n)} call a {@link StackCall}.
 *
 * <p>Bounds: a computed string longer than {@value #MAX_CHARS} characters, a list longer than {@value #MAX_ITEMS}
 * items and an integer wider than {@value #MAX_INT_BITS} bits are unknown (with that reason), so a doubling
 * {@code s = s + s} stops at the bound instead of filling memory.
 */
final class PyInterpreter {
    /** The longest string computed: 16 times Linux's PATH_MAX (4096), far above any path a loader can open. */
    static final int MAX_CHARS = 65_536;
    static final int MAX_ITEMS = 65_536;
    static final int MAX_INT_BITS = 4_096;
    /**
     * The most characters of computed strings one run of a script makes in all (2^24): a script that builds more
     * (a long chain of doublings, each under {@link #MAX_CHARS}) gets unknown values past it, in bounded time.
     */
    static final long MAX_TOTAL_CHARS = 1L << 24;

    /** Where an offset of the script is. */
    interface Locator {
        Location at(int offset);

        int line(int offset);
    }

    /** A {@code threading.stack_size(...)} call: its argument's text and value. */
    static final class StackCall {
        final String text;
        final PyValue value;
        final Location at;
        final int offset;

        StackCall(String text, PyValue value, Location at, int offset) {
            this.text = text;
            this.value = value;
            this.at = at;
            this.offset = offset;
        }
    }

    private static final class Frame {
        final IniLoad.Context kind;
        final String text;
        final Location at;

        Frame(IniLoad.Context kind, String text, Location at) {
            this.kind = kind;
            this.text = text;
            this.at = at;
        }
    }

    private static final class Pending {
        final PyNode.Def def;
        final Scope parent;
        final List<Frame> frames;

        Pending(PyNode.Def def, Scope parent, List<Frame> frames) {
            this.def = def;
            this.parent = parent;
            this.frames = frames;
        }
    }

    /** Names Python binds without an assignment in the script. */
    private static final Set<String> BUILTINS = Set.of("str", "dict", "len", "list", "tuple", "int", "open",
            "print", "exec", "execfile", "eval", "globals", "vars", "locals", "exit", "quit", "isinstance", "repr",
            "format", "getattr", "setattr", "hasattr", "map", "filter", "sorted", "reversed", "set", "range",
            "unicode", "bool", "float", "input", "raw_input", "compile", "__import__", "iter", "next", "type",
            "object", "super", "min", "max", "sum", "any", "all", "enumerate", "zip", "id", "hash", "callable",
            "Exception", "ValueError", "KeyError", "RuntimeError", "ImportError", "OSError", "IOError",
            "SystemExit", "AssertionError", "NameError", "TypeError", "AttributeError", "IndexError");
    private static final Set<String> THREAD_MODULES = Set.of("threading", "thread", "_thread");
    private static final Set<String> STR_METHODS = Set.of("replace", "split", "rsplit", "strip", "lstrip", "rstrip",
            "startswith", "endswith", "join", "format", "find", "rfind");
    private static final Set<String> MUTATORS = Set.of("append", "extend", "insert", "pop", "remove", "clear",
            "sort", "reverse", "update", "setdefault", "popitem", "__setitem__", "__delitem__", "add", "discard");
    private static final Set<String> STOPPERS = Set.of("sys.exit", "os._exit", "builtins.exit", "builtins.quit",
            "os.abort");
    private static final Set<String> CONFIGPARSERS = Set.of("configparser.ConfigParser",
            "configparser.RawConfigParser", "configparser.SafeConfigParser", "ConfigParser.ConfigParser",
            "ConfigParser.RawConfigParser", "ConfigParser.SafeConfigParser", "six.moves.configparser.ConfigParser",
            "six.moves.configparser.RawConfigParser", "six.moves.configparser.SafeConfigParser",
            "backports.configparser.ConfigParser");
    /** Names a {@code from m import *} binds, for the modules footprint knows. */
    private static final Map<String, List<String>> STAR = Map.of(
            "os.path", List.of("join", "dirname", "basename", "normpath", "abspath", "realpath", "expanduser",
                    "expandvars", "isabs", "split", "splitext", "exists", "isfile", "isdir", "sep", "curdir",
                    "pardir"),
            "paste.deploy", List.of("loadapp", "loadserver", "loadfilter", "appconfig"),
            "paste.deploy.loadwsgi", List.of("loadapp", "loadserver", "loadfilter", "appconfig"),
            "pyramid.paster", List.of("get_app", "get_appsettings", "setup_logging", "bootstrap"));

    private final String text;
    private final Locator loc;
    private final String hostFile;
    final List<LoadRecord> loads = new ArrayList<>();
    final List<StackCall> stacks = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Set<String> globalDeclared = new LinkedHashSet<>();
    private final List<Pending> pending = new ArrayList<>();
    /** Where each configparser object's loads are (its reads), by identity of the object. */
    private final Map<PyValue.Obj, List<LoadRecord>> parsers = new LinkedHashMap<>();
    private Scope module;
    private Scope scope;
    /** The scope functions defined now see as their enclosing one (null: the module, as it is at the end). */
    private Scope functionParent;
    private boolean stopped;
    private long computed;

    private PyInterpreter(String text, Locator loc, String hostFile) {
        this.text = text;
        this.loc = loc;
        this.hostFile = hostFile;
    }

    /** Runs the module, then every function body; {@code hostFile} is {@code __file__}, null when not known. */
    static PyInterpreter run(List<Stmt> body, String text, Locator loc, String hostFile) {
        PyInterpreter in = new PyInterpreter(text, loc, hostFile);
        in.globals(body, false);
        in.module = new Scope(null);
        in.scope = in.module;
        in.block(body);
        for (int i = 0; i < in.pending.size(); i++) {
            in.function(in.pending.get(i));
        }
        for (Map.Entry<PyValue.Obj, List<LoadRecord>> e : in.parsers.entrySet()) {
            for (LoadRecord r : e.getValue()) {
                in.parserSection(r);
            }
        }
        return in;
    }

    /** The value a module-level name has after the module ran (tests). */
    PyValue moduleValue(String name) {
        return module.get(name);
    }

    // ---------------------------------------------------------------- helpers

    private Location at(int offset) {
        return loc.at(offset);
    }

    private int line(int offset) {
        return loc.line(offset);
    }

    private Unknown unknown(String reason, int offset) {
        return new Unknown(reason, at(offset), null);
    }

    /** The source of a node on one line, shortened. */
    private String src(int start, int end) {
        String s = Secrets.balance(PyParser.squeeze(Secrets.substring(text, start,
                Math.min(Math.max(start, end), start + 160))));
        return s.length() > 80 || end > start + 160 ? Secrets.cut(s, Math.min(s.length(), 79)) + "…" : s;
    }

    /** The source of a callee, its last 80 characters when it is longer. */
    private String callee(int start, int end) {
        int from = Math.max(start, end - 120);
        String s = PyParser.squeeze(Secrets.substring(text, from, end));
        return from > start || s.length() > 80
                ? "…" + Secrets.substring(s, Math.max(0, s.length() - 79), s.length()) : s;
    }

    private String src(Expr e) {
        return src(e.start, e.end);
    }

    private PyValue str(String value, String op, int offset, List<? extends PyValue> from) {
        if (value == null || value.length() > MAX_CHARS) {
            return new Unknown("the string " + op + " computes would be longer than " + MAX_CHARS
                    + " characters, footprint's bound", at(offset), Deriv.of(op, null, at(offset), from, null));
        }
        computed += value.length();
        if (computed > MAX_TOTAL_CHARS) {
            return new Unknown("the script computes more than " + MAX_TOTAL_CHARS + " characters of strings in all,"
                    + " footprint's bound", at(offset), Deriv.of(op, null, at(offset), from, null));
        }
        return new Str(value, Deriv.of(op, value, at(offset), from, null));
    }

    /** The first unknown among values, carried on with one more step; null when none is unknown. */
    private static Unknown firstUnknown(List<? extends PyValue> values, String op, Location at) {
        for (PyValue v : values) {
            if (v instanceof Unknown) {
                Unknown u = (Unknown) v;
                return new Unknown(u.reason, u.at, Deriv.of(op, null, at, values, null));
            }
        }
        return null;
    }

    private static String show(List<? extends PyValue> args) {
        StringBuilder b = new StringBuilder();
        for (PyValue v : args) {
            b.append(b.length() == 0 ? "" : ", ").append(v.show());
        }
        return b.toString();
    }

    private static String pyStr(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? "True" : "False";
        }
        if (v == PyValue.Singleton.NONE) {
            return "None";
        }
        return null;
    }

    private static Object plain(PyValue v) {
        if (v instanceof Str) {
            return ((Str) v).s;
        }
        if (v instanceof PyValue.Int) {
            return ((PyValue.Int) v).v;
        }
        if (v instanceof PyValue.Bool) {
            return ((PyValue.Bool) v).b;
        }
        return v;
    }

    private static BigInteger intOf(PyValue v) {
        if (v instanceof PyValue.Int) {
            return ((PyValue.Int) v).v;
        }
        if (v instanceof PyValue.Bool) {
            return ((PyValue.Bool) v).b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return null;
    }

    private PyValue integer(BigInteger v, int offset) {
        if (v.bitLength() > MAX_INT_BITS) {
            return unknown("an integer wider than " + MAX_INT_BITS + " bits, footprint's bound", offset);
        }
        return new PyValue.Int(v);
    }

    /** Lists and dicts that reach code footprint does not follow may change there. */
    private void taint(PyValue v, String why, int offset) {
        if (v instanceof PyValue.Seq && !((PyValue.Seq) v).tuple && ((PyValue.Seq) v).taint == null) {
            ((PyValue.Seq) v).taint = unknown("the list is changed in place by " + why, offset);
        } else if (v instanceof PyValue.Dict && ((PyValue.Dict) v).taint == null) {
            ((PyValue.Dict) v).taint = unknown("the dict is changed in place by " + why, offset);
        }
    }

    private PyValue readable(PyValue v) {
        if (v instanceof PyValue.Seq && ((PyValue.Seq) v).taint != null) {
            return ((PyValue.Seq) v).taint;
        }
        if (v instanceof PyValue.Dict && ((PyValue.Dict) v).taint != null) {
            return ((PyValue.Dict) v).taint;
        }
        return v;
    }

    // ---------------------------------------------------------------- statements

    /** Names declared global anywhere in a function: any call into the script's code may change them. */
    private void globals(List<Stmt> body, boolean inFunction) {
        for (Stmt s : body) {
            if (s instanceof PyNode.Global && inFunction) {
                globalDeclared.addAll(((PyNode.Global) s).names);
            }
            for (List<Stmt> b : blocks(s)) {
                globals(b, inFunction || s instanceof PyNode.Def);
            }
        }
    }

    private static List<List<Stmt>> blocks(Stmt s) {
        List<List<Stmt>> out = new ArrayList<>();
        if (s instanceof PyNode.If) {
            out.addAll(((PyNode.If) s).bodies);
            if (((PyNode.If) s).orelse != null) {
                out.add(((PyNode.If) s).orelse);
            }
        } else if (s instanceof PyNode.Loop) {
            out.add(((PyNode.Loop) s).body);
            if (((PyNode.Loop) s).orelse != null) {
                out.add(((PyNode.Loop) s).orelse);
            }
        } else if (s instanceof PyNode.Try) {
            PyNode.Try t = (PyNode.Try) s;
            out.add(t.body);
            for (PyNode.Handler h : t.handlers) {
                out.add(h.body);
            }
            if (t.orelse != null) {
                out.add(t.orelse);
            }
            if (t.finalbody != null) {
                out.add(t.finalbody);
            }
        } else if (s instanceof PyNode.With) {
            out.add(((PyNode.With) s).body);
        } else if (s instanceof PyNode.Def) {
            out.add(((PyNode.Def) s).body);
        } else if (s instanceof PyNode.ClassDef) {
            out.add(((PyNode.ClassDef) s).body);
        }
        return out;
    }

    /** The names a block binds (not inside the functions and classes it defines). */
    private static Set<String> assigned(List<Stmt> body) {
        Set<String> out = new LinkedHashSet<>();
        Deque<List<Stmt>> todo = new ArrayDeque<>();
        todo.push(body);
        while (!todo.isEmpty()) {
            for (Stmt s : todo.pop()) {
                if (s instanceof PyNode.Assign) {
                    for (Expr t : ((PyNode.Assign) s).targets) {
                        targetNames(t, out);
                    }
                } else if (s instanceof PyNode.AugAssign) {
                    targetNames(((PyNode.AugAssign) s).target, out);
                } else if (s instanceof PyNode.Loop && ((PyNode.Loop) s).target != null) {
                    targetNames(((PyNode.Loop) s).target, out);
                } else if (s instanceof PyNode.With) {
                    for (Expr t : ((PyNode.With) s).targets) {
                        if (t != null) {
                            targetNames(t, out);
                        }
                    }
                } else if (s instanceof PyNode.Import) {
                    PyNode.Import im = (PyNode.Import) s;
                    for (int i = 0; i < im.modules.size(); i++) {
                        out.add(im.asNames.get(i) != null ? im.asNames.get(i) : im.modules.get(i).split("\\.")[0]);
                    }
                } else if (s instanceof PyNode.ImportFrom && ((PyNode.ImportFrom) s).names != null) {
                    PyNode.ImportFrom im = (PyNode.ImportFrom) s;
                    for (int i = 0; i < im.names.size(); i++) {
                        out.add(im.asNames.get(i) != null ? im.asNames.get(i) : im.names.get(i));
                    }
                } else if (s instanceof PyNode.Def) {
                    out.add(((PyNode.Def) s).name);
                } else if (s instanceof PyNode.ClassDef) {
                    out.add(((PyNode.ClassDef) s).name);
                } else if (s instanceof PyNode.Del) {
                    for (Expr t : ((PyNode.Del) s).targets) {
                        targetNames(t, out);
                    }
                } else if (s instanceof PyNode.Skipped && ((PyNode.Skipped) s).names != null) {
                    out.addAll(((PyNode.Skipped) s).names);
                } else if (s instanceof PyNode.Try) {
                    for (PyNode.Handler h : ((PyNode.Try) s).handlers) {
                        if (h.name != null) {
                            out.add(h.name);
                        }
                    }
                }
                if (!(s instanceof PyNode.Def) && !(s instanceof PyNode.ClassDef)) {
                    for (List<Stmt> b : blocks(s)) {
                        todo.push(b);
                    }
                }
            }
        }
        return out;
    }

    private static void targetNames(Expr t, Set<String> out) {
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(t);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (e instanceof PyNode.Name) {
                out.add(((PyNode.Name) e).id);
            } else if (e instanceof PyNode.Seq) {
                for (Expr x : ((PyNode.Seq) e).elts) {
                    todo.push(x);
                }
            } else if (e instanceof PyNode.Starred) {
                todo.push(((PyNode.Starred) e).value);
            }
        }
    }

    /** Runs statements in order; false when the block stops (return, raise, sys.exit()). */
    private boolean block(List<Stmt> body) {
        for (Stmt s : body) {
            if (!statement(s)) {
                return false;
            }
        }
        return true;
    }

    private boolean statement(Stmt s) {
        if (s instanceof PyNode.Assign) {
            PyNode.Assign a = (PyNode.Assign) s;
            PyValue v = eval(a.value);
            for (Expr t : a.targets) {
                assign(t, v, s.start);
            }
            return true;
        }
        if (s instanceof PyNode.AugAssign) {
            PyNode.AugAssign a = (PyNode.AugAssign) s;
            PyValue cur = eval(a.target);
            PyValue v = eval(a.value);
            if (cur instanceof PyValue.Seq && !((PyValue.Seq) cur).tuple) {
                taint(cur, a.op + "= at line " + line(s.start), s.start);
            }
            assign(a.target, binary(a.op, cur, v, s.start), s.start);
            return true;
        }
        if (s instanceof PyNode.ExprStmt) {
            stopped = false;
            eval(((PyNode.ExprStmt) s).value);
            boolean stop = stopped;
            stopped = false;
            return !stop;
        }
        if (s instanceof PyNode.If) {
            return ifStatement((PyNode.If) s);
        }
        if (s instanceof PyNode.Loop) {
            return loop((PyNode.Loop) s);
        }
        if (s instanceof PyNode.Try) {
            return tryStatement((PyNode.Try) s);
        }
        if (s instanceof PyNode.With) {
            PyNode.With w = (PyNode.With) s;
            for (int i = 0; i < w.items.size(); i++) {
                eval(w.items.get(i));
                if (w.targets.get(i) != null) {
                    assign(w.targets.get(i), unknown("the value the with statement at line " + line(s.start)
                            + " binds", s.start), s.start);
                }
            }
            return block(w.body);
        }
        if (s instanceof PyNode.Def) {
            PyNode.Def d = (PyNode.Def) s;
            scope.set(d.name, new PyValue.Function(d.name, at(s.start)));
            pending.add(new Pending(d, functionParent, new ArrayList<>(frames)));
            return true;
        }
        if (s instanceof PyNode.ClassDef) {
            PyNode.ClassDef c = (PyNode.ClassDef) s;
            Scope outer = scope;
            scope = new Scope(outer);
            block(c.body);
            scope = outer;
            scope.set(c.name, new PyValue.Function(c.name, at(s.start)));
            return true;
        }
        if (s instanceof PyNode.Import) {
            PyNode.Import im = (PyNode.Import) s;
            for (int i = 0; i < im.modules.size(); i++) {
                String m = im.modules.get(i);
                if (im.asNames.get(i) != null) {
                    scope.set(im.asNames.get(i), new PyValue.Ref(canonical(m)));
                } else {
                    String first = m.split("\\.")[0];
                    scope.set(first, new PyValue.Ref(canonical(first)));
                }
            }
            return true;
        }
        if (s instanceof PyNode.ImportFrom) {
            importFrom((PyNode.ImportFrom) s);
            return true;
        }
        if (s instanceof PyNode.Stop) {
            PyNode.Stop st = (PyNode.Stop) s;
            if (st.value != null && st.keyword.equals("return")) {
                eval(st.value);
            }
            return false;
        }
        if (s instanceof PyNode.Del) {
            for (Expr t : ((PyNode.Del) s).targets) {
                if (t instanceof PyNode.Name) {
                    scope.set(((PyNode.Name) t).id, unknown(((PyNode.Name) t).id + " is deleted at line "
                            + line(s.start), s.start));
                } else if (t instanceof PyNode.Primary) {
                    PyNode.Primary p = (PyNode.Primary) t;
                    taint(evalPrimary(p, p.trailers.size() - 1), "del at line " + line(s.start), s.start);
                }
            }
            return true;
        }
        if (s instanceof PyNode.Skipped) {
            PyNode.Skipped k = (PyNode.Skipped) s;
            if (k.names == null) {
                scope.clobber(k.reason + " at line " + line(s.start), at(s.start));
            } else {
                for (String n : k.names) {
                    scope.set(n, unknown(n + " is bound by line " + line(s.start) + ", which footprint does not"
                            + " read: " + k.reason, s.start));
                }
            }
            return true;
        }
        return true; // pass, global, assert, print...
    }

    private static String canonical(String module) {
        if (module.equals("posixpath") || module.startsWith("posixpath.")) {
            return "os.path" + module.substring("posixpath".length());
        }
        return module;
    }

    private void importFrom(PyNode.ImportFrom im) {
        if (im.names == null) {
            List<String> known = im.module == null ? null : STAR.get(canonical(im.module));
            if (known == null) {
                scope.clobber("from " + (im.module == null ? "a relative module" : im.module) + " import * (line "
                        + line(im.start) + ")", at(im.start));
                return;
            }
            for (String n : known) {
                scope.set(n, new PyValue.Ref(canonical(im.module) + "." + n));
            }
            return;
        }
        for (int i = 0; i < im.names.size(); i++) {
            String bound = im.asNames.get(i) != null ? im.asNames.get(i) : im.names.get(i);
            if (im.module == null) {
                scope.set(bound, unknown(bound + " is imported from a relative module (line " + line(im.start) + ")",
                        im.start));
            } else {
                scope.set(bound, new PyValue.Ref(canonical(im.module) + "." + im.names.get(i)));
            }
        }
    }

    private void assign(Expr target, PyValue v, int offset) {
        if (target instanceof PyNode.Name) {
            String name = ((PyNode.Name) target).id;
            scope.set(name, named(name, v, offset));
            return;
        }
        if (target instanceof PyNode.Seq) {
            List<Expr> elts = ((PyNode.Seq) target).elts;
            PyValue r = readable(v);
            List<PyValue> items = r instanceof PyValue.Seq ? ((PyValue.Seq) r).items : null;
            if (r instanceof Str) {
                items = new ArrayList<>();
                for (int cp : PyStrings.codePoints(((Str) r).s)) {
                    items.add(new Str(new String(Character.toChars(cp)), Deriv.of("a character of …",
                            new String(Character.toChars(cp)), at(offset), List.of(r), null)));
                }
            }
            int starAt = -1;
            for (int i = 0; i < elts.size(); i++) {
                if (elts.get(i) instanceof PyNode.Starred) {
                    starAt = i;
                }
            }
            boolean fits = items != null
                    && (starAt < 0 ? items.size() == elts.size() : items.size() >= elts.size() - 1);
            if (!fits) {
                Set<String> names = new LinkedHashSet<>();
                targetNames(target, names);
                for (String n : names) {
                    scope.set(n, r instanceof Unknown ? named(n, r, offset) : unknown(n + " is unpacked from "
                            + (items == null ? "a value footprint does not know" : items.size() + " values into "
                                    + elts.size() + " names (ValueError)"), offset));
                }
                return;
            }
            int tail = elts.size() - starAt - 1;
            for (int i = 0; i < elts.size(); i++) {
                if (i == starAt) {
                    List<PyValue> rest = new ArrayList<>(items.subList(i, items.size() - tail));
                    assign(((PyNode.Starred) elts.get(i)).value, new PyValue.Seq(false, rest), offset);
                } else {
                    int k = starAt >= 0 && i > starAt ? items.size() - (elts.size() - i) : i;
                    assign(elts.get(i), items.get(k), offset);
                }
            }
            return;
        }
        if (target instanceof PyNode.Primary) {
            // obj.attr = v, obj[k] = v: the object changes; v escapes into it
            PyNode.Primary p = (PyNode.Primary) target;
            PyValue base = evalPrimary(p, p.trailers.size() - 1);
            PyNode.Trailer last = p.trailers.get(p.trailers.size() - 1);
            if (last instanceof PyNode.Index) {
                eval(((PyNode.Index) last).index);
                taint(base, "an assignment at line " + line(offset), offset);
            }
            taint(v, "an assignment at line " + line(offset), offset);
            return;
        }
        if (target instanceof PyNode.Starred) {
            assign(((PyNode.Starred) target).value, v, offset);
        }
    }

    /** A value bound to a name: a string gets the step "name = …". */
    private PyValue named(String name, PyValue v, int offset) {
        if (v instanceof Str) {
            Str s = (Str) v;
            String op = s.d.literal ? name + " = " + PyValue.repr(s.s) : name + " = …";
            return new Str(s.s, new Deriv(op, s.s, at(offset), s.d.literal ? List.of() : List.of(s.d), false, null));
        }
        if (v instanceof Unknown) {
            Unknown u = (Unknown) v;
            return new Unknown(u.reason, u.at, new Deriv(name + " = …", null, at(offset),
                    u.d == null ? List.of() : List.of(u.d), false, null));
        }
        return v;
    }

    private void push(IniLoad.Context kind, String textOf, int offset) {
        frames.push(new Frame(kind, textOf, at(offset)));
    }

    private boolean ifStatement(PyNode.If s) {
        List<Scope> paths = new ArrayList<>();
        Scope outer = scope;
        boolean branching = false;
        for (int k = 0; k < s.tests.size(); k++) {
            Expr test = s.tests.get(k);
            Boolean t = test instanceof PyNode.Opaque ? null : eval(test).truth();
            boolean pattern = test instanceof PyNode.Opaque && ((PyNode.Opaque) test).what.startsWith("the case");
            String head = pattern ? src(test) + ":" : (k == 0 ? "if " : "elif ") + src(test) + ":";
            if (Boolean.FALSE.equals(t)) {
                continue;
            }
            if (Boolean.TRUE.equals(t) && !branching) {
                return block(s.bodies.get(k));
            }
            branching = true;
            scope = new Scope(outer);
            push(IniLoad.Context.CONDITIONAL, "inside `" + head + "` (line " + line(test.start) + ")", test.start);
            boolean goesOn = block(s.bodies.get(k));
            frames.pop();
            if (goesOn) {
                paths.add(scope);
            }
            scope = outer;
            if (Boolean.TRUE.equals(t)) {
                return merge(paths, "the if at line " + line(s.start), s.start);
            }
        }
        if (!branching) {
            return s.orelse == null || block(s.orelse);
        }
        scope = new Scope(outer);
        boolean goesOn = true;
        if (s.orelse != null) {
            push(IniLoad.Context.CONDITIONAL, "in the else of `if " + src(s.tests.get(0)) + ":` (line "
                    + line(s.start) + ")", s.start);
            goesOn = block(s.orelse);
            frames.pop();
        }
        if (goesOn) {
            paths.add(scope);
        }
        scope = outer;
        return merge(paths, "the condition `" + src(s.tests.get(0)) + "` (line " + line(s.start) + ")", s.start);
    }

    /** Joins the paths that go on into the current scope; false when none does. */
    private boolean merge(List<Scope> paths, String what, int offset) {
        if (paths.isEmpty()) {
            return false;
        }
        Set<String> names = new LinkedHashSet<>();
        String clobber = null;
        Location clobberAt = null;
        for (Scope p : paths) {
            names.addAll(p.local.keySet());
            if (p.clobber != null && clobber == null) {
                clobber = p.clobber;
                clobberAt = p.clobberAt;
            }
        }
        Map<String, PyValue> merged = new LinkedHashMap<>();
        for (String n : names) {
            List<PyValue> values = new ArrayList<>();
            for (Scope p : paths) {
                values.add(p.get(n));
            }
            merged.put(n, mergeValues(n, values, what, offset));
        }
        if (clobber != null) {
            scope.clobber(clobber, clobberAt);
        }
        for (Map.Entry<String, PyValue> e : merged.entrySet()) {
            scope.set(e.getKey(), e.getValue());
        }
        return true;
    }

    private PyValue mergeValues(String name, List<PyValue> values, String what, int offset) {
        PyValue first = values.get(0);
        boolean same = first != null && !(first instanceof Unknown);
        for (PyValue v : values) {
            if (!same) {
                break;
            }
            same = v != null && first.same(v) && !(v instanceof Unknown);
        }
        if (same) {
            return first;
        }
        List<Deriv> inputs = new ArrayList<>();
        for (PyValue v : values) {
            Deriv d = v instanceof Str ? ((Str) v).d : v instanceof Unknown ? ((Unknown) v).d : null;
            if (d != null && !inputs.contains(d)) {
                inputs.add(d);
            }
        }
        Deriv d = new Deriv(name + " after " + what, null, at(offset), inputs, false, null);
        for (PyValue v : values) {
            if (v instanceof Unknown) {
                Unknown u = (Unknown) v;
                return new Unknown(u.reason + "; " + name + " depends on " + what, u.at, d);
            }
        }
        for (PyValue v : values) {
            if (v == null) {
                return new Unknown(name + " is bound on only some paths through " + what, at(offset), d);
            }
        }
        StringBuilder shown = new StringBuilder();
        for (PyValue v : values) {
            String one = v instanceof Str ? PyValue.repr(((Str) v).s) : v.show();
            if (shown.indexOf(one) < 0) {
                shown.append(shown.length() == 0 ? "" : " or ").append(one);
            }
        }
        return new Unknown(name + " is " + shown + " depending on " + what, at(offset), d);
    }

    private boolean loop(PyNode.Loop s) {
        PyValue head = eval(s.head);
        boolean never = s.keyword.equals("while") ? Boolean.FALSE.equals(head.truth())
                : (readable(head) instanceof PyValue.Seq && ((PyValue.Seq) readable(head)).items.isEmpty())
                        || (head instanceof Str && ((Str) head).s.isEmpty());
        if (never) {
            return s.orelse == null || block(s.orelse);
        }
        Set<String> names = assigned(s.body);
        if (s.target != null) {
            targetNames(s.target, names);
        }
        if (s.orelse != null) {
            names.addAll(assigned(s.orelse));
        }
        Scope outer = scope;
        scope = new Scope(outer);
        Map<String, PyValue> unknowns = new LinkedHashMap<>();
        for (String n : names) {
            PyValue u = unknown(n + " is bound in the " + s.keyword + " loop at line " + line(s.start)
                    + ": its value depends on the iterations", s.start);
            unknowns.put(n, u);
            scope.set(n, u);
        }
        push(IniLoad.Context.CONDITIONAL, "inside the " + s.keyword + " loop at line " + line(s.start), s.start);
        block(s.body);
        if (s.orelse != null) {
            block(s.orelse);
        }
        frames.pop();
        Scope inner = scope;
        scope = outer;
        if (inner.clobber != null) {
            scope.clobber(inner.clobber, inner.clobberAt);
        }
        for (Map.Entry<String, PyValue> e : unknowns.entrySet()) {
            scope.set(e.getKey(), e.getValue());
        }
        return true;
    }

    private boolean tryStatement(PyNode.Try s) {
        Scope outer = scope;
        scope = new Scope(outer);
        boolean goesOn = block(s.body);
        if (goesOn && s.orelse != null) {
            goesOn = block(s.orelse);
        }
        Scope body = scope;
        scope = outer;
        List<Scope> paths = new ArrayList<>();
        if (goesOn) {
            paths.add(body);
        }
        Set<String> bodyNames = assigned(s.body);
        for (PyNode.Handler h : s.handlers) {
            scope = new Scope(outer);
            for (String n : bodyNames) {
                PyValue before = outer.get(n);
                PyValue after = body.get(n);
                scope.set(n, before != null && after != null && before.same(after) && !(after instanceof Unknown)
                        ? after : unknown(n + " is bound in the try block at line " + line(s.start)
                                + ", which an exception may interrupt before or after it", s.start));
            }
            if (h.name != null) {
                scope.set(h.name, unknown("the exception caught at line " + line(h.start), h.start));
            }
            push(IniLoad.Context.CONDITIONAL, "in the except clause at line " + line(h.start), h.start);
            if (block(h.body)) {
                paths.add(scope);
            }
            frames.pop();
            scope = outer;
        }
        boolean after = merge(paths, "the try statement at line " + line(s.start), s.start);
        if (s.finalbody != null) {
            after &= block(s.finalbody);
        }
        return after;
    }

    private void function(Pending f) {
        PyNode.Def d = f.def;
        Scope fs = new Scope(f.parent != null ? f.parent : module);
        Set<String> locals = assigned(d.body);
        Set<String> globals = new HashSet<>();
        for (Stmt s : d.body) {
            if (s instanceof PyNode.Global) {
                globals.addAll(((PyNode.Global) s).names);
            }
        }
        locals.removeAll(globals);
        int offset = d.start;
        boolean app = d.name.equals("application");
        for (String n : locals) {
            fs.set(n, unknown("the local name " + n + " of " + d.name + "() before it is bound", offset));
        }
        for (String p : d.params) {
            fs.set(p, unknown("the argument " + p + " of " + d.name + "() (line " + line(offset) + ")"
                    + (app ? ", which mod_wsgi passes on each request" : ", given by its caller"), offset));
        }
        frames.clear();
        for (int i = f.frames.size() - 1; i >= 0; i--) {
            frames.push(f.frames.get(i));
        }
        push(IniLoad.Context.FUNCTION, "inside `" + d.header + "` (line " + line(offset) + "), which runs "
                + (app ? "on each request (mod_wsgi calls application)" : "only when it is called"), offset);
        Scope savedParent = functionParent;
        scope = fs;
        functionParent = fs;
        block(d.body);
        functionParent = savedParent;
        scope = module;
        frames.clear();
    }

    // ---------------------------------------------------------------- expressions

    PyValue eval(Expr e) {
        if (e instanceof PyNode.Name) {
            return name((PyNode.Name) e);
        }
        if (e instanceof PyNode.Str) {
            return string((PyNode.Str) e);
        }
        if (e instanceof PyNode.Const) {
            PyValue v = ((PyNode.Const) e).value;
            if (v instanceof Unknown && ((Unknown) v).at == null) {
                return unknown(((Unknown) v).reason, e.start);
            }
            return v;
        }
        if (e instanceof PyNode.Primary) {
            PyNode.Primary p = (PyNode.Primary) e;
            return evalPrimary(p, p.trailers.size());
        }
        if (e instanceof PyNode.Chain) {
            return chain((PyNode.Chain) e);
        }
        if (e instanceof PyNode.Compare) {
            return compare((PyNode.Compare) e);
        }
        if (e instanceof PyNode.BoolOp) {
            return boolOp((PyNode.BoolOp) e);
        }
        if (e instanceof PyNode.Not) {
            PyNode.Not n = (PyNode.Not) e;
            PyValue v = eval(n.operand);
            Boolean t = readable(v).truth();
            if (t == null) {
                return v instanceof Unknown ? v : unknown("the truth of " + src(n.operand) + " is not known", e.start);
            }
            return PyValue.Bool.of(n.count % 2 == 1 ? !t : t);
        }
        if (e instanceof PyNode.Power) {
            return power((PyNode.Power) e);
        }
        if (e instanceof PyNode.Seq) {
            PyNode.Seq s = (PyNode.Seq) e;
            List<PyValue> items = new ArrayList<>();
            for (Expr x : s.elts) {
                if (x instanceof PyNode.Starred) {
                    PyValue v = readable(eval(((PyNode.Starred) x).value));
                    if (v instanceof PyValue.Seq) {
                        items.addAll(((PyValue.Seq) v).items);
                    } else {
                        return v instanceof Unknown ? v : unknown("a starred value footprint does not unpack", x.start);
                    }
                } else {
                    items.add(eval(x));
                }
                if (items.size() > MAX_ITEMS) {
                    return unknown("a list longer than " + MAX_ITEMS + " items, footprint's bound", e.start);
                }
            }
            return new PyValue.Seq(s.tuple, items);
        }
        if (e instanceof PyNode.DictE) {
            PyNode.DictE d = (PyNode.DictE) e;
            PyValue.Dict out = PyValue.dict();
            for (int i = 0; i < d.keys.size(); i++) {
                PyValue v = eval(d.values.get(i));
                if (d.keys.get(i) == null) {
                    v = readable(v);
                    if (!(v instanceof PyValue.Dict)) {
                        return unknown("a dict footprint does not follow", e.start);
                    }
                    out.map.putAll(((PyValue.Dict) v).map);
                    continue;
                }
                PyValue k = eval(d.keys.get(i));
                if (!(k instanceof Str)) {
                    return unknown("a dict with keys footprint does not follow", e.start);
                }
                out.map.put(((Str) k).s, v);
            }
            return out;
        }
        if (e instanceof PyNode.IfExp) {
            return ifExp((PyNode.IfExp) e);
        }
        if (e instanceof PyNode.NamedExpr) {
            PyNode.NamedExpr n = (PyNode.NamedExpr) e;
            PyValue v = eval(n.value);
            scope.set(n.name, named(n.name, v, e.start));
            return v;
        }
        if (e instanceof PyNode.Starred) {
            return unknown("a starred expression here", e.start);
        }
        if (e instanceof PyNode.Slice) {
            return unknown("a slice here", e.start);
        }
        if (e instanceof PyNode.Opaque) {
            return unknown(((PyNode.Opaque) e).what + " (" + src(e) + "), which footprint does not evaluate",
                    e.start);
        }
        return unknown("an expression footprint does not evaluate", e.start);
    }

    /**
     * Operators of one precedence, left to right. A run of {@code +} on strings is built once (what Python computes
     * step by step, without keeping every intermediate string).
     */
    private PyValue chain(PyNode.Chain c) {
        PyValue v = eval(c.operands.get(0));
        int k = 0;
        while (k < c.ops.size()) {
            PyValue next = eval(c.operands.get(k + 1));
            if (c.ops.get(k).equals("+") && readable(v) instanceof Str && readable(next) instanceof Str) {
                StringBuilder b = new StringBuilder(((Str) readable(v)).s);
                List<PyValue> parts = new ArrayList<>();
                parts.add(readable(v));
                int startOp = c.operands.get(k + 1).start;
                boolean tooLong = false;
                while (true) {
                    Str s = (Str) readable(next);
                    parts.add(s);
                    if (!tooLong && (long) b.length() + s.s.length() <= MAX_CHARS) {
                        b.append(s.s);
                    } else {
                        tooLong = true;
                    }
                    k++;
                    if (k >= c.ops.size() || !c.ops.get(k).equals("+")) {
                        break;
                    }
                    next = eval(c.operands.get(k + 1));
                    if (!(readable(next) instanceof Str)) {
                        break;
                    }
                }
                StringBuilder op = new StringBuilder();
                for (int i = 0; i < parts.size() && i < 8; i++) {
                    op.append(i == 0 ? "" : " + ").append(parts.get(i).show());
                }
                if (parts.size() > 8) {
                    op.append(" + … (").append(parts.size()).append(" terms)");
                }
                v = str(tooLong ? null : b.toString(), op.toString(), startOp, parts);
                if (k < c.ops.size() && c.ops.get(k).equals("+") && !(readable(next) instanceof Str)) {
                    // the run ended on a value that is not a string: go on with Python's own rule for it
                    v = binary("+", v, next, c.operands.get(k + 1).start);
                    k++;
                }
                continue;
            }
            v = binary(c.ops.get(k), v, next, c.operands.get(k + 1).start);
            k++;
        }
        return v;
    }

    /** What abspath/realpath assume of a path that starts with a value a template fills in. */
    private static final String TEMPLATE_PATH_ABSOLUTE = "the template value that starts the path is an absolute"
            + " folder on the host (a WSGIScriptAlias target must be one: httpd maps requests to absolute file names)";

    /** A path that starts with a value a template fills in ({@link PyStrings#absoluteOnHost}). */
    private static boolean startsWithTemplateValue(String p) {
        return !PyStrings.isabs(p) && PyStrings.absoluteOnHost(p);
    }

    private PyValue name(PyNode.Name n) {
        PyValue v = scope.get(n.id);
        if (v != null) {
            return v;
        }
        switch (n.id) {
            case "__file__":
                if (hostFile == null) {
                    return unknown("__file__: the script's path on the host is not known (no WSGIScriptAlias leads"
                            + " to it)", n.start);
                }
                return new Str(hostFile, new Deriv("__file__ = " + PyValue.repr(hostFile) + " (mod_wsgi: the"
                        + " WSGIScriptAlias target as written)", hostFile, at(n.start), List.of(), false, null));
            case "__name__":
                if (hostFile == null) {
                    return unknown("__name__: the script is not run by a WSGIScriptAlias, so how it is named is not"
                            + " known", n.start);
                }
                // mod_wsgi's wsgi_module_name (GrahamDumpleton/mod_wsgi src/server/wsgi_interp.c, commit dbaca2e3):
                // "_mod_wsgi_" and the MD5 of the script's file name, lower-cased first unless WSGICaseSensitivity
                // is on: only the beginning is certain
                return new Unknown("__name__ is _mod_wsgi_ and an MD5 of the script's file name (mod_wsgi)",
                        at(n.start), null, "_mod_wsgi_");
            default:
                break;
        }
        if (THREAD_MODULES.contains(n.id)) {
            return new PyValue.Ref(n.id);
        }
        if (BUILTINS.contains(n.id)) {
            return new PyValue.Ref("builtins." + n.id);
        }
        return unknown("the name " + n.id + " is not bound by the script", n.start);
    }

    private PyValue string(PyNode.Str s) {
        StringBuilder b = new StringBuilder();
        List<PyValue> from = new ArrayList<>();
        boolean plain = true;
        for (PyNode.StrPart part : s.parts) {
            if (part.unread != null) {
                return unknown(part.unread, part.start);
            }
            if (part.text != null) {
                b.append(part.text);
                continue;
            }
            plain = false;
            for (Object piece : part.pieces) {
                if (piece instanceof String) {
                    b.append((String) piece);
                    continue;
                }
                PyNode.Field f = (PyNode.Field) piece;
                PyValue v = eval(f.expr);
                from.add(v);
                if (v instanceof Unknown) {
                    Unknown u = (Unknown) v;
                    return new Unknown(u.reason, u.at, Deriv.of(src(s), null, at(s.start), from, null));
                }
                if (!f.spec.isEmpty() || f.conversion == 'r' || f.conversion == 'a') {
                    return unknown("an f-string field with " + (f.spec.isEmpty() ? "!" + f.conversion
                            : "the format spec :" + f.spec) + ", which footprint does not compute", s.start);
                }
                String text = pyStr(plain(v));
                if (text == null) {
                    return unknown("an f-string field whose text footprint does not compute (" + src(f.expr) + ")",
                            s.start);
                }
                b.append(text);
                if (b.length() > MAX_CHARS) {
                    return str(null, src(s), s.start, from);
                }
            }
        }
        if (plain) {
            return new Str(b.toString(), Deriv.literal(b.toString(), at(s.start)));
        }
        return str(b.toString(), src(s), s.start, from);
    }

    private PyValue boolOp(PyNode.BoolOp b) {
        PyValue last = null;
        for (Expr x : b.values) {
            PyValue v = eval(x);
            Boolean t = readable(v).truth();
            if (t == null) {
                if (v instanceof Unknown) {
                    Unknown u = (Unknown) v;
                    return new Unknown(u.reason, u.at, Deriv.of(src(b), null, at(b.start), List.of(v), null));
                }
                return unknown("the truth of " + src(x) + " is not known", x.start);
            }
            if (t != b.and) {
                return v;
            }
            last = v;
        }
        return last;
    }

    private PyValue ifExp(PyNode.IfExp e) {
        List<PyValue> candidates = new ArrayList<>();
        Expr unknownTest = null;
        for (int k = 0; k < e.tests.size(); k++) {
            Boolean t = readable(eval(e.tests.get(k))).truth();
            if (Boolean.FALSE.equals(t)) {
                continue;
            }
            if (Boolean.TRUE.equals(t) && unknownTest == null) {
                return eval(e.bodies.get(k));
            }
            if (unknownTest == null) {
                unknownTest = e.tests.get(k);
            }
            candidates.add(eval(e.bodies.get(k)));
            if (Boolean.TRUE.equals(t)) {
                break;
            }
        }
        if (unknownTest == null) {
            return eval(e.orelse);
        }
        candidates.add(eval(e.orelse));
        return mergeValues("the value", candidates, "the condition `" + src(unknownTest) + "` (line "
                + line(unknownTest.start) + ")", e.start);
    }

    private PyValue power(PyNode.Power p) {
        int n = p.primaries.size();
        List<PyValue> values = new ArrayList<>();
        for (Expr x : p.primaries) {
            values.add(eval(x));
        }
        PyValue v = prefixes(p.prefixes.get(n - 1), values.get(n - 1), p.start);
        for (int k = n - 2; k >= 0; k--) {
            v = prefixes(p.prefixes.get(k), binary("**", values.get(k), v, p.primaries.get(k + 1).start), p.start);
        }
        return v;
    }

    private PyValue prefixes(List<String> ops, PyValue v, int offset) {
        for (int i = ops.size() - 1; i >= 0; i--) {
            if (v instanceof Unknown) {
                return v;
            }
            BigInteger x = intOf(v);
            if (x == null) {
                return unknown("unary " + ops.get(i) + " of a value footprint does not compute", offset);
            }
            switch (ops.get(i)) {
                case "-":
                    v = new PyValue.Int(x.negate());
                    break;
                case "~":
                    v = new PyValue.Int(x.not());
                    break;
                default:
                    v = new PyValue.Int(x);
                    break;
            }
        }
        return v;
    }

    private PyValue compare(PyNode.Compare c) {
        PyValue left = eval(c.operands.get(0));
        boolean unknownSeen = false;
        Unknown firstUnknown = null;
        for (int k = 0; k < c.ops.size(); k++) {
            PyValue right = eval(c.operands.get(k + 1));
            Boolean r = compareOne(c.ops.get(k), readable(left), readable(right));
            if (Boolean.FALSE.equals(r)) {
                return PyValue.Bool.FALSE;
            }
            if (r == null) {
                unknownSeen = true;
                if (firstUnknown == null) {
                    firstUnknown = left instanceof Unknown ? (Unknown) left : right instanceof Unknown
                            ? (Unknown) right : null;
                }
            }
            left = right;
        }
        if (!unknownSeen) {
            return PyValue.Bool.TRUE;
        }
        return firstUnknown != null ? firstUnknown : unknown("the comparison " + src(c) + " is not known", c.start);
    }

    private static Boolean compareOne(String op, PyValue a, PyValue b) {
        switch (op) {
            case "is":
            case "is not": {
                Boolean same = identical(a, b);
                return same == null ? null : op.equals("is") == same;
            }
            case "==":
            case "!=": {
                Boolean eq = equal(a, b);
                return eq == null ? null : op.equals("==") == eq;
            }
            case "<>":
                return null;
            case "in":
            case "not in": {
                Boolean in = contains(b, a);
                return in == null ? null : op.equals("in") == in;
            }
            default: {
                Integer cmp = order(a, b);
                if (cmp == null) {
                    return null;
                }
                switch (op) {
                    case "<":
                        return cmp < 0;
                    case ">":
                        return cmp > 0;
                    case "<=":
                        return cmp <= 0;
                    default:
                        return cmp >= 0;
                }
            }
        }
    }

    private static boolean known(PyValue v) {
        return v instanceof Str || v instanceof PyValue.Int || v instanceof PyValue.Bool
                || v instanceof PyValue.Singleton || (v instanceof PyValue.Seq && ((PyValue.Seq) v).taint == null);
    }

    private static Boolean identical(PyValue a, PyValue b) {
        if (a == PyValue.Singleton.NONE || b == PyValue.Singleton.NONE) {
            if (a == b) {
                return true;
            }
            PyValue other = a == PyValue.Singleton.NONE ? b : a;
            return other instanceof Unknown || other instanceof PyValue.Obj ? null : Boolean.FALSE;
        }
        if (a instanceof PyValue.Bool && b instanceof PyValue.Bool) {
            return a == b;
        }
        return null;
    }

    private static Boolean equal(PyValue a, PyValue b) {
        for (PyValue[] pair : new PyValue[][] {{a, b}, {b, a}}) {
            if (pair[0] instanceof Unknown && ((Unknown) pair[0]).prefix != null && pair[1] instanceof Str
                    && !((Str) pair[1]).s.startsWith(((Unknown) pair[0]).prefix)) {
                return false;
            }
        }
        if (!known(a) || !known(b)) {
            return null;
        }
        BigInteger x = intOf(a);
        BigInteger y = intOf(b);
        if (x != null && y != null) {
            return x.equals(y);
        }
        if (a instanceof PyValue.Seq && b instanceof PyValue.Seq) {
            PyValue.Seq s = (PyValue.Seq) a;
            PyValue.Seq t = (PyValue.Seq) b;
            if (s.tuple != t.tuple || s.items.size() != t.items.size()) {
                return false;
            }
            for (int i = 0; i < s.items.size(); i++) {
                Boolean e = equal(s.items.get(i), t.items.get(i));
                if (!Boolean.TRUE.equals(e)) {
                    return e;
                }
            }
            return true;
        }
        return a.same(b);
    }

    private static Boolean contains(PyValue container, PyValue item) {
        if (container instanceof Str) {
            return item instanceof Str ? ((Str) container).s.contains(((Str) item).s) : null;
        }
        if (container instanceof PyValue.Seq && ((PyValue.Seq) container).taint == null) {
            boolean unsure = false;
            for (PyValue x : ((PyValue.Seq) container).items) {
                Boolean e = equal(x, item);
                if (Boolean.TRUE.equals(e)) {
                    return true;
                }
                unsure |= e == null;
            }
            return unsure ? null : Boolean.FALSE;
        }
        if (container instanceof PyValue.Dict && ((PyValue.Dict) container).taint == null && item instanceof Str) {
            return ((PyValue.Dict) container).map.containsKey(((Str) item).s);
        }
        return null;
    }

    private static Integer order(PyValue a, PyValue b) {
        if (a instanceof Str && b instanceof Str) {
            int[] x = PyStrings.codePoints(((Str) a).s);
            int[] y = PyStrings.codePoints(((Str) b).s);
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                if (x[i] != y[i]) {
                    return Integer.compare(x[i], y[i]);
                }
            }
            return Integer.compare(x.length, y.length);
        }
        BigInteger x = intOf(a);
        BigInteger y = intOf(b);
        return x != null && y != null ? x.compareTo(y) : null;
    }

    PyValue binary(String op, PyValue a0, PyValue b0, int offset) {
        PyValue a = readable(a0);
        PyValue b = readable(b0);
        String opText = a.show() + " " + op + " " + b.show();
        Unknown u = firstUnknown(List.of(a, b), opText, at(offset));
        if (u != null) {
            return u;
        }
        if (a instanceof Str && op.equals("%")) {
            return percent((Str) a, b, offset);
        }
        if (op.equals("+")) {
            if (a instanceof Str && b instanceof Str) {
                String x = ((Str) a).s;
                String y = ((Str) b).s;
                if ((long) x.length() + y.length() > MAX_CHARS) {
                    return str(null, opText, offset, List.of(a, b));
                }
                return str(x + y, opText, offset, List.of(a, b));
            }
            if (a instanceof PyValue.Seq && b instanceof PyValue.Seq
                    && ((PyValue.Seq) a).tuple == ((PyValue.Seq) b).tuple) {
                if (((PyValue.Seq) a).items.size() + ((PyValue.Seq) b).items.size() > MAX_ITEMS) {
                    return unknown("a list longer than " + MAX_ITEMS + " items, footprint's bound", offset);
                }
                List<PyValue> items = new ArrayList<>(((PyValue.Seq) a).items);
                items.addAll(((PyValue.Seq) b).items);
                return new PyValue.Seq(((PyValue.Seq) a).tuple, items);
            }
        }
        if (op.equals("*")) {
            PyValue seq = a instanceof Str || a instanceof PyValue.Seq ? a : b;
            PyValue count = seq == a ? b : a;
            BigInteger n = intOf(count);
            if ((seq instanceof Str || seq instanceof PyValue.Seq) && n != null) {
                long times = n.signum() <= 0 ? 0 : n.bitLength() > 31 ? Long.MAX_VALUE : n.longValue();
                if (seq instanceof Str) {
                    String s = ((Str) seq).s;
                    if (times > 0 && s.length() * (double) times > MAX_CHARS) {
                        return str(null, opText, offset, List.of(seq));
                    }
                    return str(s.repeat((int) times), opText, offset, List.of(seq));
                }
                List<PyValue> items = ((PyValue.Seq) seq).items;
                if (times > 0 && items.size() * (double) times > MAX_ITEMS) {
                    return unknown("a list longer than " + MAX_ITEMS + " items, footprint's bound", offset);
                }
                List<PyValue> out = new ArrayList<>();
                for (long k = 0; k < times; k++) {
                    out.addAll(items);
                }
                return new PyValue.Seq(((PyValue.Seq) seq).tuple, out);
            }
        }
        BigInteger x = intOf(a);
        BigInteger y = intOf(b);
        if (x != null && y != null) {
            return arithmetic(op, x, y, offset);
        }
        return unknown(opText + ": an operation footprint does not compute", offset);
    }

    private PyValue arithmetic(String op, BigInteger x, BigInteger y, int offset) {
        switch (op) {
            case "+":
                return integer(x.add(y), offset);
            case "-":
                return integer(x.subtract(y), offset);
            case "*":
                if (x.bitLength() + y.bitLength() > MAX_INT_BITS + 1) {
                    return unknown("an integer wider than " + MAX_INT_BITS + " bits, footprint's bound", offset);
                }
                return integer(x.multiply(y), offset);
            case "//":
            case "%": {
                if (y.signum() == 0) {
                    return unknown("ZeroDivisionError: integer division or modulo by zero", offset);
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                BigInteger q = qr[0];
                BigInteger r = qr[1];
                if (r.signum() != 0 && r.signum() != y.signum()) {
                    q = q.subtract(BigInteger.ONE);
                    r = r.add(y);
                }
                return new PyValue.Int(op.equals("//") ? q : r);
            }
            case "**": {
                if (y.signum() < 0) {
                    return unknown("a negative power is a float", offset);
                }
                if (x.abs().compareTo(BigInteger.ONE) <= 0) {
                    return new PyValue.Int(x.signum() == 0 ? (y.signum() == 0 ? BigInteger.ONE : BigInteger.ZERO)
                            : x.equals(BigInteger.ONE) || !y.testBit(0) ? BigInteger.ONE : x);
                }
                if (y.bitLength() > 31 || (long) y.intValue() * x.bitLength() > MAX_INT_BITS + 1) {
                    return unknown("an integer wider than " + MAX_INT_BITS + " bits, footprint's bound", offset);
                }
                return integer(x.pow(y.intValue()), offset);
            }
            case "<<":
                if (y.signum() < 0) {
                    return unknown("ValueError: negative shift count", offset);
                }
                if (x.signum() == 0) {
                    return new PyValue.Int(BigInteger.ZERO);
                }
                if (y.bitLength() > 31 || x.bitLength() + y.longValue() > MAX_INT_BITS) {
                    return unknown("an integer wider than " + MAX_INT_BITS + " bits, footprint's bound", offset);
                }
                return new PyValue.Int(x.shiftLeft(y.intValue()));
            case ">>":
                if (y.signum() < 0) {
                    return unknown("ValueError: negative shift count", offset);
                }
                return new PyValue.Int(y.bitLength() > 31 ? (x.signum() < 0 ? BigInteger.ONE.negate()
                        : BigInteger.ZERO) : x.shiftRight(y.intValue()));
            case "&":
                return new PyValue.Int(x.and(y));
            case "|":
                return new PyValue.Int(x.or(y));
            case "^":
                return new PyValue.Int(x.xor(y));
            default:
                return unknown(op + " of integers gives a float or another type footprint does not compute", offset);
        }
    }

    private PyValue percent(Str fmt, PyValue arg, int offset) {
        List<Object> args = null;
        Map<String, Object> mapping = null;
        List<PyValue> from = new ArrayList<>();
        from.add(fmt);
        if (arg instanceof PyValue.Seq && ((PyValue.Seq) arg).tuple) {
            args = new ArrayList<>();
            for (PyValue v : ((PyValue.Seq) arg).items) {
                if (v instanceof Unknown) {
                    return firstUnknown(List.of(fmt, v), fmt.show() + " % …", at(offset));
                }
                args.add(plain(v));
                from.add(v);
            }
        } else if (arg instanceof PyValue.Dict) {
            mapping = new LinkedHashMap<>();
            for (Map.Entry<String, PyValue> e : ((PyValue.Dict) arg).map.entrySet()) {
                mapping.put(e.getKey(), plain(e.getValue()));
                from.add(e.getValue());
            }
        } else {
            args = new ArrayList<>();
            args.add(plain(arg));
            from.add(arg);
        }
        String op = fmt.show() + " % " + (arg instanceof PyValue.Seq ? "(" + show(((PyValue.Seq) arg).items) + ")"
                : arg.show());
        try {
            String out = PyStrings.percent(fmt.s, args, mapping, PyInterpreter::pyStr, MAX_CHARS);
            if (out == null) {
                Unknown u = null;
                if (mapping != null) {
                    for (Object v : mapping.values()) {
                        if (v instanceof Unknown) {
                            u = (Unknown) v;
                        }
                    }
                }
                return u != null ? u : unknown(op + ": a format footprint does not compute", offset);
            }
            return str(out, op, offset, from);
        } catch (PyStrings.PyError e) {
            return unknown(op + " raises " + e.getMessage(), offset);
        }
    }

    // ---------------------------------------------------------------- primaries, attributes, calls

    /** The value of a primary with its first {@code upto} trailers applied. */
    private PyValue evalPrimary(PyNode.Primary p, int upto) {
        PyValue v = eval(p.atom);
        for (int i = 0; i < upto; i++) {
            PyNode.Trailer t = p.trailers.get(i);
            if (t instanceof PyNode.Attr) {
                v = attribute(v, ((PyNode.Attr) t).name, t.start);
            } else if (t instanceof PyNode.Index) {
                v = subscript(v, ((PyNode.Index) t).index, t.start);
            } else {
                v = call(v, ((PyNode.Call) t).args, p.start, callee(p.start, t.start), t.end);
            }
        }
        return v;
    }

    private PyValue attribute(PyValue v, String name, int offset) {
        if (v instanceof PyValue.Ref) {
            String q = canonical(((PyValue.Ref) v).name + "." + name);
            switch (q) {
                case "os.sep":
                case "os.path.sep":
                    return new Str("/", Deriv.literal("/", at(offset)));
                case "os.curdir":
                case "os.path.curdir":
                case "os.extsep":
                case "os.path.extsep":
                    return new Str(".", Deriv.literal(".", at(offset)));
                case "os.pardir":
                case "os.path.pardir":
                    return new Str("..", Deriv.literal("..", at(offset)));
                default:
                    return new PyValue.Ref(q);
            }
        }
        if (v instanceof Unknown) {
            return ((Unknown) v).prefix != null && name.equals("startswith") ? new PyValue.Method(v, name) : v;
        }
        if (v instanceof Str && STR_METHODS.contains(name) || v instanceof PyValue.Seq || v instanceof PyValue.Dict) {
            return new PyValue.Method(v, name);
        }
        if (v instanceof PyValue.Obj) {
            PyValue.Obj o = (PyValue.Obj) v;
            if (o.kind.equals("config") && (name.equals("global_conf") || name.equals("local_conf"))) {
                return o;
            }
            return new PyValue.Method(v, name);
        }
        return unknown("the attribute " + name + " of " + v.show() + ", which footprint does not compute", offset);
    }

    private PyValue subscript(PyValue v0, Expr indexExpr, int offset) {
        PyValue v = readable(v0);
        if (v instanceof PyValue.Ref) {
            String q = ((PyValue.Ref) v).name;
            PyValue k = eval(indexExpr);
            if (q.equals("os.environ")) {
                return unknown("os.environ[" + k.show() + "] reads the environment" + (k instanceof Str
                        ? " variable " + ((Str) k).s : ""), offset);
            }
            return unknown(q + "[" + k.show() + "] is a value of the running process", offset);
        }
        if (v instanceof PyValue.Obj && ((PyValue.Obj) v).kind.equals("configparser")) {
            PyValue k = eval(indexExpr);
            parserAccess((PyValue.Obj) v, k);
            return unknown("a section of the INI the ConfigParser read", offset);
        }
        if (indexExpr instanceof PyNode.Slice) {
            PyNode.Slice sl = (PyNode.Slice) indexExpr;
            PyValue lo = sl.lower == null ? PyValue.Singleton.NONE : eval(sl.lower);
            PyValue hi = sl.upper == null ? PyValue.Singleton.NONE : eval(sl.upper);
            PyValue st = sl.step == null ? PyValue.Singleton.NONE : eval(sl.step);
            Unknown u = firstUnknown(List.of(v, lo, hi, st), "…[…:…]", at(offset));
            if (u != null) {
                return u;
            }
            return slice(v, lo, hi, st, offset);
        }
        PyValue k = eval(indexExpr);
        Unknown u = firstUnknown(List.of(v, k), "…[…]", at(offset));
        if (u != null) {
            return u;
        }
        if (v instanceof PyValue.Dict) {
            if (!(k instanceof Str)) {
                return unknown("a dict key footprint does not follow", offset);
            }
            PyValue r = ((PyValue.Dict) v).map.get(((Str) k).s);
            return r != null ? r : unknown("KeyError: " + k.show(), offset);
        }
        BigInteger i = intOf(k);
        if (i == null || !(v instanceof Str || v instanceof PyValue.Seq)) {
            return unknown("an index footprint does not compute", offset);
        }
        int n = v instanceof Str ? PyStrings.length(((Str) v).s) : ((PyValue.Seq) v).items.size();
        BigInteger idx = i.signum() < 0 ? i.add(BigInteger.valueOf(n)) : i;
        if (idx.signum() < 0 || idx.compareTo(BigInteger.valueOf(n)) >= 0) {
            return unknown("IndexError: index out of range", offset);
        }
        if (v instanceof PyValue.Seq) {
            return ((PyValue.Seq) v).items.get(idx.intValue());
        }
        int[] cps = PyStrings.codePoints(((Str) v).s);
        String one = new String(cps, idx.intValue(), 1);
        return str(one, "…[" + i + "]", offset, List.of(v));
    }

    private PyValue slice(PyValue v, PyValue lo, PyValue hi, PyValue st, int offset) {
        if (!(v instanceof Str || v instanceof PyValue.Seq)) {
            return unknown("a slice of a value footprint does not compute", offset);
        }
        int n = v instanceof Str ? PyStrings.length(((Str) v).s) : ((PyValue.Seq) v).items.size();
        long step = 1;
        if (st != PyValue.Singleton.NONE) {
            BigInteger s = intOf(st);
            if (s == null || s.signum() == 0 || s.bitLength() > 31) {
                return unknown(s != null && s.signum() == 0 ? "ValueError: slice step cannot be zero"
                        : "a slice step footprint does not compute", offset);
            }
            step = s.longValue();
        }
        Long start = bound(lo, n, step, true);
        Long stop = bound(hi, n, step, false);
        if (start == null || stop == null) {
            return unknown("slice bounds footprint does not compute", offset);
        }
        List<Integer> picks = new ArrayList<>();
        if (step > 0) {
            for (long i = start; i < stop; i += step) {
                picks.add((int) i);
            }
        } else {
            for (long i = start; i > stop; i += step) {
                picks.add((int) i);
            }
        }
        if (v instanceof PyValue.Seq) {
            List<PyValue> items = new ArrayList<>();
            for (int i : picks) {
                items.add(((PyValue.Seq) v).items.get(i));
            }
            return new PyValue.Seq(((PyValue.Seq) v).tuple, items);
        }
        int[] cps = PyStrings.codePoints(((Str) v).s);
        StringBuilder b = new StringBuilder();
        for (int i : picks) {
            b.appendCodePoint(cps[i]);
        }
        return str(b.toString(), "…[" + lo.show() + ":" + hi.show() + (st == PyValue.Singleton.NONE ? ""
                : ":" + st.show()) + "]", offset, List.of(v));
    }

    /** A slice bound as CPython's PySlice_AdjustIndices computes it. */
    private static Long bound(PyValue x, int n, long step, boolean start) {
        if (x == PyValue.Singleton.NONE) {
            return step > 0 ? (start ? 0L : n) : (start ? n - 1L : -1L);
        }
        BigInteger b = intOf(x);
        if (b == null) {
            return null;
        }
        long i = b.bitLength() > 62 ? (b.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2) : b.longValue();
        if (i < 0) {
            i += n;
            if (i < 0) {
                i = step < 0 ? -1 : 0;
            }
        } else if (i >= n) {
            i = step < 0 ? n - 1 : n;
        }
        return i;
    }

    /** A call's arguments: positional (starred ones unpacked), keywords, and why some are not known. */
    private static final class Args {
        final List<PyValue> pos = new ArrayList<>();
        final Map<String, PyValue> kw = new LinkedHashMap<>();
        Unknown spread;
        final List<PyValue> all = new ArrayList<>();
        Expr firstPositional;
    }

    private Args arguments(List<PyNode.Arg> nodes) {
        Args a = new Args();
        for (PyNode.Arg n : nodes) {
            PyValue v = eval(n.value);
            a.all.add(v);
            if (n.keyword == null) {
                if (a.firstPositional == null) {
                    a.firstPositional = n.value;
                }
                a.pos.add(v);
            } else if (n.keyword.equals("*")) {
                PyValue r = readable(v);
                if (r instanceof PyValue.Seq) {
                    a.pos.addAll(((PyValue.Seq) r).items);
                } else if (a.spread == null) {
                    a.spread = r instanceof Unknown ? (Unknown) r : unknown("*" + src(n.value)
                            + " unpacks a value footprint does not follow", n.value.start);
                }
            } else if (n.keyword.equals("**")) {
                PyValue r = readable(v);
                if (r instanceof PyValue.Dict) {
                    a.kw.putAll(((PyValue.Dict) r).map);
                } else if (a.spread == null) {
                    a.spread = r instanceof Unknown ? (Unknown) r : unknown("**" + src(n.value)
                            + " passes keywords footprint does not follow", n.value.start);
                }
            } else {
                a.kw.put(n.keyword, v);
            }
        }
        return a;
    }

    /** Binds a call's arguments to parameter names; a parameter a spread may fill is unknown. */
    private static Map<String, PyValue> bind(Args a, String... params) {
        Map<String, PyValue> out = new LinkedHashMap<>(a.kw);
        for (int i = 0; i < params.length && i < a.pos.size(); i++) {
            out.put(params[i], a.pos.get(i));
        }
        if (a.spread != null) {
            for (String p : params) {
                out.putIfAbsent(p, a.spread);
            }
        }
        return out;
    }

    private PyValue call(PyValue f, List<PyNode.Arg> argNodes, int start, String callee, int end) {
        Args a = arguments(argNodes);
        int offset = start;
        makeApp(f, callee, a, offset);
        if (f instanceof PyValue.Ref) {
            return callRef(((PyValue.Ref) f).name, a, argNodes, offset, callee);
        }
        if (f instanceof PyValue.Method) {
            return callMethod((PyValue.Method) f, a, offset, callee);
        }
        for (PyValue v : a.all) {
            taint(v, "the call " + callee + "() at line " + line(offset), offset);
        }
        touchGlobals(offset);
        if (f instanceof PyValue.Function) {
            return unknown("the result of " + callee + "() (line " + line(offset) + "), a function of the script:"
                    + " footprint does not follow calls", offset);
        }
        if (f instanceof Unknown) {
            Unknown u = (Unknown) f;
            return new Unknown(u.reason, u.at, Deriv.of(callee + "(…)", null, at(offset), List.of(u), null));
        }
        return unknown("the result of " + callee + "(), which footprint does not compute", offset);
    }

    /** A call into code footprint does not follow may change the names the script's functions declare global. */
    private void touchGlobals(int offset) {
        for (String g : globalDeclared) {
            scope.set(g, unknown(g + " may be changed by a function of the script that declares it global,"
                    + " through the call at line " + line(offset), offset));
        }
    }

    private void makeApp(PyValue f, String callee, Args a, int offset) {
        boolean isMakeApp = callee.equals("make_app") || callee.endsWith(".make_app")
                || (f instanceof PyValue.Ref && ((PyValue.Ref) f).name.endsWith(".make_app"));
        if (!isMakeApp) {
            return;
        }
        List<PyValue> values = new ArrayList<>(a.all);
        for (PyValue v : values) {
            if (v instanceof PyValue.Obj && ((PyValue.Obj) v).load != null && ((PyValue.Obj) v).kind.equals("config")
                    && ((PyValue.Obj) v).load.makeApp == null) {
                ((PyValue.Obj) v).load.makeApp = at(offset);
            }
        }
    }

    private LoadRecord record(IniLoad.Kind kind, String function, int offset) {
        IniLoad.Context ctx = IniLoad.Context.MODULE;
        StringBuilder textOf = new StringBuilder();
        Location ctxAt = null;
        List<Frame> list = new ArrayList<>(frames);
        for (int i = list.size() - 1; i >= 0; i--) {
            Frame f = list.get(i);
            if (f.kind == IniLoad.Context.FUNCTION || ctx == IniLoad.Context.MODULE) {
                ctx = f.kind;
            }
            textOf.append(textOf.length() == 0 ? "" : ", ").append(f.text);
            if (ctxAt == null) {
                ctxAt = f.at;
            }
        }
        LoadRecord r = new LoadRecord(kind, function, at(offset), offset, ctx, textOf.length() == 0 ? null
                : textOf.toString(), ctxAt);
        loads.add(r);
        return r;
    }

    private PyValue callRef(String q0, Args a, List<PyNode.Arg> argNodes, int offset, String callee) {
        String q = canonical(q0);
        Location here = at(offset);
        switch (q) {
            case "paste.deploy.loadapp":
            case "paste.deploy.loadwsgi.loadapp":
            case "paste.deploy.appconfig":
            case "paste.deploy.loadwsgi.appconfig": {
                boolean app = q.endsWith("loadapp");
                LoadRecord r = record(app ? IniLoad.Kind.LOADAPP : IniLoad.Kind.APPCONFIG, q, offset);
                Map<String, PyValue> b = bind(a, app ? new String[] {"uri", "name"}
                        : new String[] {"uri", "name", "relative_to", "global_conf"});
                LoaderRules.paste(r, b.get("uri"), b.get("name"), b.get("relative_to"), here);
                return new PyValue.Obj(app ? "app" : "config", r);
            }
            case "pyramid.paster.get_app":
            case "pyramid.paster.get_appsettings":
            case "pyramid.paster.bootstrap": {
                boolean settings = q.endsWith("settings");
                LoadRecord r = record(settings ? IniLoad.Kind.GET_APPSETTINGS : IniLoad.Kind.GET_APP, q, offset);
                Map<String, PyValue> b = bind(a, "config_uri", q.endsWith("bootstrap") ? "request" : "name",
                        "options");
                LoaderRules.plaster(r, b.get("config_uri"), b.get("name"), here);
                return new PyValue.Obj(settings ? "config" : "app", r);
            }
            case "pyramid.paster.setup_logging": {
                LoadRecord r = record(IniLoad.Kind.LOGGING, q, offset);
                LoaderRules.plasterLogging(r, bind(a, "config_uri", "global_conf").get("config_uri"), here);
                return PyValue.Singleton.NONE;
            }
            case "logging.config.fileConfig":
            case "paste.script.util.logging_config.fileConfig": {
                LoadRecord r = record(IniLoad.Kind.LOGGING, q, offset);
                LoaderRules.plain(r, bind(a, "fname", "defaults", "disable_existing_loggers").get("fname"), here);
                return PyValue.Singleton.NONE;
            }
            case "ckan.cli.CKANConfigLoader": {
                LoadRecord r = record(IniLoad.Kind.CKAN_CONFIG_LOADER, q, offset);
                LoaderRules.ckan(r, bind(a, "filename").get("filename"), here);
                return new PyValue.Obj("ckanloader", r);
            }
            case "threading.stack_size":
            case "thread.stack_size":
            case "_thread.stack_size":
                if (!a.pos.isEmpty() || a.spread != null) {
                    String textOf = a.firstPositional != null ? PyParser.squeeze(text.substring(
                            a.firstPositional.start, a.firstPositional.end)) : "";
                    stacks.add(new StackCall(textOf, a.pos.isEmpty() ? a.spread : a.pos.get(0), here, offset));
                }
                return unknown("the previous stack size", offset);
            default:
                break;
        }
        if (CONFIGPARSERS.contains(q)) {
            PyValue.Obj o = new PyValue.Obj("configparser", null);
            parsers.put(o, new ArrayList<>());
            return o;
        }
        if (STOPPERS.contains(q)) {
            stopped = true;
            return PyValue.Singleton.NONE;
        }
        if (q.startsWith("os.path.") || q.equals("urllib.parse.unquote")) {
            return pathFunction(q, a, offset);
        }
        switch (q) {
            case "os.getcwd":
            case "os.getcwdb":
                return unknown("os.getcwd() is " + LoaderRules.CWD, offset);
            case "os.getenv":
            case "os.environ.get":
            case "os.environ.setdefault":
            case "os.environ.pop":
            case "os.getenvb": {
                PyValue k = a.pos.isEmpty() ? null : a.pos.get(0);
                return unknown(callee + "(" + (k == null ? "" : k.show()) + ") reads the environment"
                        + (k instanceof Str ? " variable " + ((Str) k).s : ""), offset);
            }
            case "builtins.str":
                if (a.pos.isEmpty() && a.kw.isEmpty()) {
                    return str("", "str()", offset, List.of());
                }
                if (a.pos.size() == 1 && a.kw.isEmpty()) {
                    PyValue v = readable(a.pos.get(0));
                    if (v instanceof Unknown || v instanceof Str) {
                        return v;
                    }
                    String s = pyStr(plain(v));
                    if (s != null) {
                        return str(s, "str(" + v.show() + ")", offset, List.of(v));
                    }
                }
                return unknown("str() of a value footprint does not compute", offset);
            case "builtins.len":
                if (a.pos.size() == 1) {
                    PyValue v = readable(a.pos.get(0));
                    if (v instanceof Str) {
                        return new PyValue.Int(BigInteger.valueOf(PyStrings.length(((Str) v).s)));
                    }
                    if (v instanceof PyValue.Seq) {
                        return new PyValue.Int(BigInteger.valueOf(((PyValue.Seq) v).items.size()));
                    }
                    if (v instanceof Unknown) {
                        return v;
                    }
                }
                return unknown("len() of a value footprint does not compute", offset);
            case "builtins.dict":
                if (a.pos.isEmpty() && a.spread == null) {
                    PyValue.Dict d = PyValue.dict();
                    d.map.putAll(a.kw);
                    return d;
                }
                return unknown("dict() of values footprint does not follow", offset);
            case "builtins.list":
            case "builtins.tuple":
                if (a.pos.size() == 1 && readable(a.pos.get(0)) instanceof PyValue.Seq) {
                    return new PyValue.Seq(q.endsWith("tuple"), new ArrayList<>(((PyValue.Seq) readable(a.pos.get(0)))
                            .items));
                }
                return unknown(callee + "() of a value footprint does not follow", offset);
            case "builtins.exec":
            case "builtins.execfile":
            case "builtins.eval":
                if (a.pos.size() <= 1 && a.kw.isEmpty() && !q.endsWith("eval")) {
                    scope.clobber(callee + "() at line " + line(offset) + ", which runs code in this module's"
                            + " namespace", here);
                }
                for (PyValue v : a.all) {
                    taint(v, callee + "() at line " + line(offset), offset);
                }
                return unknown("the result of " + callee + "()", offset);
            case "builtins.globals":
            case "builtins.vars":
            case "builtins.locals":
                scope.clobber(callee + "() at line " + line(offset) + ", through which the script may bind any"
                        + " name", here);
                return unknown("the namespace " + callee + "() returns", offset);
            case "builtins.print":
            case "builtins.setattr":
                return PyValue.Singleton.NONE;
            case "builtins.open":
            case "io.open":
            case "codecs.open":
                return unknown(callee + "() reads a file on the host", offset);
            default:
                break;
        }
        for (PyValue v : a.all) {
            taint(v, "the call " + callee + "() at line " + line(offset), offset);
        }
        touchGlobals(offset);
        return unknown("the result of " + callee + "() (line " + line(offset) + "), which runs " + q
                + " when the script runs: footprint does not", offset);
    }

    /** os.path functions and urllib.parse.unquote: pure string functions, as posixpath computes them. */
    private PyValue pathFunction(String q, Args a, int offset) {
        String fn = q.substring(q.lastIndexOf('.') + 1);
        String shown = q + "(" + show(a.pos) + ")";
        if (a.spread != null) {
            return new Unknown(a.spread.reason, a.spread.at, Deriv.of(shown, null, at(offset), a.all, null));
        }
        Unknown u = firstUnknown(a.pos, shown, at(offset));
        if (u != null) {
            return u;
        }
        switch (fn) {
            case "exists":
            case "isfile":
            case "isdir":
            case "islink":
            case "lexists":
            case "getsize":
            case "getmtime":
            case "getatime":
            case "getctime":
            case "ismount":
            case "samefile":
                return unknown(shown + " looks at the file system of the host", offset);
            default:
                break;
        }
        List<String> s = new ArrayList<>();
        for (PyValue v : a.pos) {
            if (!(v instanceof Str)) {
                return unknown(shown + ": an argument is not a str (TypeError, or bytes, which footprint does not"
                        + " follow)", offset);
            }
            s.add(((Str) v).s);
        }
        if (!a.kw.isEmpty() && !(fn.equals("realpath") && a.kw.keySet().equals(Set.of("strict")))) {
            return unknown(shown + " with keywords footprint does not compute", offset);
        }
        if (fn.equals("join")) {
            if (s.isEmpty()) {
                return unknown("os.path.join() without arguments raises TypeError", offset);
            }
            long total = 0;
            for (String x : s) {
                total += x.length() + 1;
            }
            return total > MAX_CHARS ? str(null, shown, offset, a.pos) : str(PyStrings.join(s), shown, offset, a.pos);
        }
        if (s.size() != 1) {
            return unknown(shown + ": footprint computes it with one argument", offset);
        }
        String p = s.get(0);
        switch (fn) {
            case "dirname":
                return str(HostPaths.dirname(p), shown, offset, a.pos);
            case "basename":
                return str(HostPaths.basename(p), shown, offset, a.pos);
            case "normpath":
                return str(PyStrings.normpath(p), shown, offset, a.pos);
            case "abspath":
                if (startsWithTemplateValue(p)) {
                    String abs = PyStrings.normpath(p);
                    return new Str(abs, Deriv.of(shown, abs, at(offset), a.pos, TEMPLATE_PATH_ABSOLUTE));
                }
                if (!PyStrings.isabs(p)) {
                    return new Unknown("os.path.abspath(" + PyValue.repr(p) + ") joins a relative path to "
                            + LoaderRules.CWD, at(offset), Deriv.of(shown, null, at(offset), a.pos, null));
                }
                return str(PyStrings.normpath(p), shown, offset, a.pos);
            case "realpath":
                if (startsWithTemplateValue(p)) {
                    String real = PyStrings.normpath(p);
                    return new Str(real, Deriv.of(shown, real, at(offset), a.pos, TEMPLATE_PATH_ABSOLUTE
                            + "; no symbolic link on the host along it"));
                }
                if (!PyStrings.isabs(p)) {
                    return new Unknown("os.path.realpath(" + PyValue.repr(p) + ") joins a relative path to "
                            + LoaderRules.CWD, at(offset), Deriv.of(shown, null, at(offset), a.pos, null));
                }
                String real = PyStrings.realpathWithoutLinks(p);
                return new Str(real, Deriv.of(shown, real, at(offset), a.pos, "no symbolic link on the host along "
                        + PyValue.repr(p) + " (os.path.realpath resolves them there)"));
            case "expanduser":
                if (p.startsWith("~")) {
                    return new Unknown("os.path.expanduser(" + PyValue.repr(p) + ") depends on a user's home"
                            + " directory on the host", at(offset), Deriv.of(shown, null, at(offset), a.pos, null));
                }
                return str(p, shown, offset, a.pos);
            case "expandvars":
                if (p.indexOf('$') >= 0) {
                    return new Unknown("os.path.expandvars(" + PyValue.repr(p) + ") reads the environment", at(offset),
                            Deriv.of(shown, null, at(offset), a.pos, null));
                }
                return str(p, shown, offset, a.pos);
            case "isabs":
                return PyValue.Bool.of(PyStrings.isabs(p));
            case "split":
            case "splitext": {
                String[] parts = fn.equals("split") ? PyStrings.split(p) : PyStrings.splitext(p);
                List<PyValue> items = new ArrayList<>();
                Deriv shared = Deriv.of(shown, null, at(offset), a.pos, null);
                for (String part : parts) {
                    items.add(new Str(part, shared));
                }
                return new PyValue.Seq(true, items);
            }
            case "unquote":
                return str(PyStrings.unquote(p), shown, offset, a.pos);
            default:
                return unknown(shown + ": a function footprint does not compute", offset);
        }
    }

    private PyValue callMethod(PyValue.Method m, Args a, int offset, String callee) {
        PyValue self = m.self;
        String name = m.name;
        if (self instanceof PyValue.Seq || self instanceof PyValue.Dict) {
            if (MUTATORS.contains(name)) {
                taint(self, callee + "() at line " + line(offset), offset);
                for (PyValue v : a.all) {
                    taint(v, callee + "() at line " + line(offset), offset);
                }
                return unknown("the result of " + callee + "()", offset);
            }
            PyValue r = readable(self);
            if (r instanceof Unknown) {
                return r;
            }
            if (name.equals("copy") && a.all.isEmpty()) {
                if (r instanceof PyValue.Seq) {
                    return new PyValue.Seq(((PyValue.Seq) r).tuple, new ArrayList<>(((PyValue.Seq) r).items));
                }
                PyValue.Dict d = PyValue.dict();
                d.map.putAll(((PyValue.Dict) r).map);
                return d;
            }
            if (r instanceof PyValue.Dict && name.equals("get") && !a.pos.isEmpty() && a.pos.get(0) instanceof Str) {
                PyValue v = ((PyValue.Dict) r).map.get(((Str) a.pos.get(0)).s);
                return v != null ? v : a.pos.size() > 1 ? a.pos.get(1) : PyValue.Singleton.NONE;
            }
            return unknown("the result of " + callee + "(), which footprint does not compute", offset);
        }
        if (self instanceof PyValue.Obj) {
            return objectMethod((PyValue.Obj) self, name, a, offset, callee);
        }
        if (self instanceof Str) {
            return strMethod((Str) self, name, a, offset);
        }
        if (self instanceof Unknown && ((Unknown) self).prefix != null && a.pos.size() == 1 && a.kw.isEmpty()) {
            // only the beginning is known: startswith is decided when the argument is within it or departs from it
            String prefix = ((Unknown) self).prefix;
            Unknown undecided = new Unknown(((Unknown) self).reason, ((Unknown) self).at, null);
            PyValue x = readable(a.pos.get(0));
            List<PyValue> options = x instanceof PyValue.Seq && ((PyValue.Seq) x).tuple ? ((PyValue.Seq) x).items
                    : List.of(x);
            boolean allDepart = true;
            for (PyValue o : options) {
                if (!(o instanceof Str)) {
                    return undecided;
                }
                String t = ((Str) o).s;
                if (prefix.startsWith(t)) {
                    return PyValue.Bool.TRUE;
                }
                allDepart &= !t.startsWith(prefix);
            }
            return allDepart ? PyValue.Bool.FALSE : undecided;
        }
        return self instanceof Unknown ? new Unknown(((Unknown) self).reason, ((Unknown) self).at, null)
                : unknown("the result of " + callee + "()", offset);
    }

    private PyValue objectMethod(PyValue.Obj o, String name, Args a, int offset, String callee) {
        if (o.kind.equals("configparser")) {
            switch (name) {
                case "read": {
                    PyValue files = bind(a, "filenames", "encoding").get("filenames");
                    PyValue r = readable(files);
                    List<PyValue> each = r instanceof PyValue.Seq ? ((PyValue.Seq) r).items
                            : java.util.Collections.singletonList(r);
                    for (PyValue f : each) {
                        LoadRecord rec = record(IniLoad.Kind.CONFIGPARSER, "configparser.ConfigParser.read", offset);
                        LoaderRules.plain(rec, f, at(offset));
                        parsers.get(o).add(rec);
                    }
                    return unknown("the list of files " + callee + "() could read", offset);
                }
                case "items":
                case "get":
                case "options":
                case "has_section":
                case "getint":
                case "getboolean":
                case "has_option":
                case "__getitem__":
                    if (!a.pos.isEmpty()) {
                        parserAccess(o, a.pos.get(0));
                    }
                    return unknown("a value of the INI the ConfigParser read (" + callee + ")", offset);
                default:
                    return unknown("the result of " + callee + "()", offset);
            }
        }
        if (o.kind.equals("ckanloader") && name.equals("get_config")) {
            return new PyValue.Obj("config", o.load);
        }
        if (o.kind.equals("config") && (name.equals("copy"))) {
            return o;
        }
        return unknown("the result of " + callee + "(), which footprint does not compute", offset);
    }

    /** A section the script takes from a ConfigParser by a literal name. */
    private void parserAccess(PyValue.Obj o, PyValue section) {
        List<LoadRecord> reads = parsers.get(o);
        if (reads == null) {
            return;
        }
        for (LoadRecord r : reads) {
            if (section instanceof Str && ((Str) section).s.startsWith("app:")) {
                r.parserSections.add(((Str) section).s.substring(4));
            } else if (!(section instanceof Str)) {
                r.parserOtherSections = true;
            }
        }
    }

    private void parserSection(LoadRecord r) {
        if (r.parserSections.size() == 1 && !r.parserOtherSections) {
            String s = r.parserSections.iterator().next();
            r.section = new Str(s, new Deriv("the script reads [app:" + s + "] from the ConfigParser", s, r.at,
                    List.of(), false, null));
        } else {
            r.section = new Unknown(r.parserSections.isEmpty() ? "configparser reads every section; the script takes"
                    + " no [app:…] section from it by a literal name" : "the script takes several sections from the"
                    + " ConfigParser: " + String.join(", ", r.parserSections), r.at, null);
        }
    }

    private PyValue strMethod(Str self, String name, Args a, int offset) {
        String s = self.s;
        List<PyValue> from = new ArrayList<>();
        from.add(self);
        from.addAll(a.all);
        String shown = self.show() + "." + name + "(" + show(a.pos) + ")";
        if (a.spread != null) {
            return new Unknown(a.spread.reason, a.spread.at, Deriv.of(shown, null, at(offset), from, null));
        }
        if (name.equals("format")) {
            Unknown u = firstUnknown(a.all, shown, at(offset));
            if (u != null) {
                return u;
            }
            List<Object> args = new ArrayList<>();
            for (PyValue v : a.pos) {
                args.add(plain(v));
            }
            Map<String, Object> kwargs = new LinkedHashMap<>();
            for (Map.Entry<String, PyValue> e : a.kw.entrySet()) {
                kwargs.put(e.getKey(), plain(e.getValue()));
            }
            try {
                String out = PyStrings.format(s, args, kwargs, PyInterpreter::pyStr, MAX_CHARS);
                return out == null ? unknown(shown + ": a format footprint does not compute", offset)
                        : str(out, shown, offset, from);
            } catch (PyStrings.PyError e) {
                return unknown(shown + " raises " + e.getMessage(), offset);
            }
        }
        if (!a.kw.isEmpty()) {
            return unknown(shown + " with keywords footprint does not compute", offset);
        }
        Unknown u = firstUnknown(a.pos, shown, at(offset));
        if (u != null) {
            return u;
        }
        List<PyValue> args = new ArrayList<>();
        for (PyValue v : a.pos) {
            args.add(readable(v));
        }
        switch (name) {
            case "replace": {
                if (args.size() < 2 || args.size() > 3 || !(args.get(0) instanceof Str) || !(args.get(1) instanceof Str)
                        || (args.size() == 3 && intOf(args.get(2)) == null)) {
                    return unknown(shown + ": arguments footprint does not compute", offset);
                }
                long count = args.size() == 3 ? intOf(args.get(2)).max(BigInteger.valueOf(-1))
                        .min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue() : -1;
                String out = PyStrings.replace(s, ((Str) args.get(0)).s, ((Str) args.get(1)).s, count, MAX_CHARS);
                return str(out, shown, offset, from);
            }
            case "split":
            case "rsplit": {
                PyValue sep = args.isEmpty() ? PyValue.Singleton.NONE : args.get(0);
                int max = -1;
                if (args.size() > 1) {
                    BigInteger m = intOf(args.get(1));
                    if (m == null) {
                        return unknown(shown + ": arguments footprint does not compute", offset);
                    }
                    max = m.signum() < 0 ? -1 : m.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
                }
                List<String> parts;
                if (sep == PyValue.Singleton.NONE) {
                    parts = name.equals("split") ? PyStrings.splitWhitespace(s, max)
                            : PyStrings.rsplitWhitespace(s, max);
                } else if (sep instanceof Str) {
                    if (((Str) sep).s.isEmpty()) {
                        return unknown(shown + " raises ValueError: empty separator", offset);
                    }
                    parts = name.equals("split") ? PyStrings.splitOn(s, ((Str) sep).s, max)
                            : PyStrings.rsplitOn(s, ((Str) sep).s, max);
                } else {
                    return unknown(shown + ": arguments footprint does not compute", offset);
                }
                if (parts.size() > MAX_ITEMS) {
                    return unknown("a list longer than " + MAX_ITEMS + " items, footprint's bound", offset);
                }
                List<PyValue> items = new ArrayList<>();
                Deriv shared = Deriv.of(shown, null, at(offset), from, null);
                for (String part : parts) {
                    items.add(new Str(part, shared));
                }
                return new PyValue.Seq(false, items);
            }
            case "strip":
            case "lstrip":
            case "rstrip": {
                PyValue chars = args.isEmpty() ? PyValue.Singleton.NONE : args.get(0);
                if (args.size() > 1 || !(chars == PyValue.Singleton.NONE || chars instanceof Str)) {
                    return unknown(shown + ": arguments footprint does not compute", offset);
                }
                String c = chars instanceof Str ? ((Str) chars).s : null;
                return str(PyStrings.strip(s, c, !name.equals("rstrip"), !name.equals("lstrip")), shown, offset,
                        from);
            }
            case "startswith":
            case "endswith": {
                if (args.size() != 1) {
                    return unknown(shown + ": arguments footprint does not compute", offset);
                }
                List<PyValue> options = args.get(0) instanceof PyValue.Seq && ((PyValue.Seq) args.get(0)).tuple
                        ? ((PyValue.Seq) args.get(0)).items : List.of(args.get(0));
                for (PyValue o : options) {
                    if (!(o instanceof Str)) {
                        return unknown(shown + ": arguments footprint does not compute", offset);
                    }
                    if (name.equals("startswith") ? s.startsWith(((Str) o).s) : s.endsWith(((Str) o).s)) {
                        return PyValue.Bool.TRUE;
                    }
                }
                return PyValue.Bool.FALSE;
            }
            case "join": {
                if (args.size() != 1 || !(args.get(0) instanceof PyValue.Seq)) {
                    return args.size() == 1 && args.get(0) instanceof Unknown ? args.get(0)
                            : unknown(shown + ": arguments footprint does not compute", offset);
                }
                List<PyValue> items = ((PyValue.Seq) args.get(0)).items;
                Unknown iu = firstUnknown(items, shown, at(offset));
                if (iu != null) {
                    return iu;
                }
                StringBuilder b = new StringBuilder();
                List<PyValue> parts = new ArrayList<>(from);
                for (int i = 0; i < items.size(); i++) {
                    if (!(items.get(i) instanceof Str)) {
                        return unknown(shown + " raises TypeError: sequence item " + i + ": expected str instance",
                                offset);
                    }
                    if (i > 0) {
                        b.append(s);
                    }
                    b.append(((Str) items.get(i)).s);
                    parts.add(items.get(i));
                    if (b.length() > MAX_CHARS) {
                        return str(null, shown, offset, parts);
                    }
                }
                return str(b.toString(), shown, offset, parts);
            }
            case "find":
            case "rfind":
                if (args.size() != 1 || !(args.get(0) instanceof Str)) {
                    return unknown(shown + ": arguments footprint does not compute", offset);
                }
                return new PyValue.Int(BigInteger.valueOf(PyStrings.find(s, ((Str) args.get(0)).s,
                        name.equals("rfind"))));
            default:
                return unknown(shown + ": a method footprint does not compute", offset);
        }
    }
}
