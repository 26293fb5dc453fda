package io.github.footprint.parse.scripts.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.footprint.base.Location;

/** A value of the script as footprint computes it: known (a string with its derivation, a number...) or unknown. */
abstract class PyValue {
    /** Python's truth value, or null when it is not known. */
    Boolean truth() {
        return null;
    }

    /** The same value for a merge of two paths through the script: equal known values. */
    boolean same(PyValue o) {
        return this == o;
    }

    /** How a derivation step shows this value as an argument. */
    String show() {
        return "…";
    }

    // ---------------------------------------------------------------- kinds

    static final class Str extends PyValue {
        final String s;
        final Deriv d;

        Str(String s, Deriv d) {
            this.s = s;
            this.d = d;
        }

        @Override
        Boolean truth() {
            return !s.isEmpty();
        }

        @Override
        boolean same(PyValue o) {
            return o instanceof Str && ((Str) o).s.equals(s);
        }

        @Override
        String show() {
            if (!d.literal) {
                return "…";
            }
            String r = repr(s);
            return r.length() > 60 ? io.github.footprint.base.Secrets.cut(r, 59) + "…" : r;
        }
    }

    static final class Int extends PyValue {
        final BigInteger v;

        Int(BigInteger v) {
            this.v = v;
        }

        @Override
        Boolean truth() {
            return v.signum() != 0;
        }

        @Override
        boolean same(PyValue o) {
            return o instanceof Int && ((Int) o).v.equals(v);
        }

        @Override
        String show() {
            return v.toString();
        }
    }

    static final class Bool extends PyValue {
        static final Bool TRUE = new Bool(true);
        static final Bool FALSE = new Bool(false);
        final boolean b;

        private Bool(boolean b) {
            this.b = b;
        }

        static Bool of(boolean b) {
            return b ? TRUE : FALSE;
        }

        @Override
        Boolean truth() {
            return b;
        }

        @Override
        String show() {
            return b ? "True" : "False";
        }
    }

    /** None and Ellipsis. */
    static final class Singleton extends PyValue {
        static final Singleton NONE = new Singleton("None");
        static final Singleton ELLIPSIS = new Singleton("Ellipsis");
        final String name;

        private Singleton(String name) {
            this.name = name;
        }

        @Override
        Boolean truth() {
            return this != NONE;
        }

        @Override
        String show() {
            return name;
        }
    }

    /** A list or tuple; a list changed in place where footprint does not follow it is {@link #taint}ed. */
    static final class Seq extends PyValue {
        final boolean tuple;
        final List<PyValue> items;
        Unknown taint;

        Seq(boolean tuple, List<PyValue> items) {
            this.tuple = tuple;
            this.items = items;
        }

        @Override
        Boolean truth() {
            return taint != null ? null : !items.isEmpty();
        }

        @Override
        boolean same(PyValue o) {
            if (!(o instanceof Seq) || taint != null || ((Seq) o).taint != null || ((Seq) o).tuple != tuple
                    || ((Seq) o).items.size() != items.size()) {
                return o == this && taint == null;
            }
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).same(((Seq) o).items.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A dict with string keys (a literal or {@code dict(k=v)}). */
    static final class Dict extends PyValue {
        final Map<String, PyValue> map;
        Unknown taint;

        Dict(Map<String, PyValue> map) {
            this.map = map;
        }

        @Override
        Boolean truth() {
            return taint != null ? null : !map.isEmpty();
        }
    }

    /** A module, function or class of a library, by its qualified name ({@code os.path.join}). */
    static final class Ref extends PyValue {
        final String name;

        Ref(String name) {
            this.name = name;
        }

        /** A module or function is true, but a Ref may name any attribute (sys.argv): not known. */
        @Override
        Boolean truth() {
            return null;
        }

        @Override
        boolean same(PyValue o) {
            return o instanceof Ref && identity(((Ref) o).name).equals(identity(name));
        }

        /**
         * The object a qualified name stands for, so that the two paths of a Python 2/3 import fallback agree:
         * {@code ConfigParser} (Python 2) and {@code six.moves.configparser} are {@code configparser};
         * {@code paste.deploy} re-exports {@code paste.deploy.loadwsgi}'s loaders.
         */
        static String identity(String q) {
            for (String[] alias : new String[][] {{"ConfigParser", "configparser"},
                {"six.moves.configparser", "configparser"}, {"backports.configparser", "configparser"},
                {"paste.deploy.loadwsgi", "paste.deploy"}}) {
                if (q.equals(alias[0]) || q.startsWith(alias[0] + ".")) {
                    return alias[1] + q.substring(alias[0].length());
                }
            }
            return q;
        }

        @Override
        String show() {
            return name;
        }
    }

    /** A method of a value: {@code path.replace}. */
    static final class Method extends PyValue {
        final PyValue self;
        final String name;

        Method(PyValue self, String name) {
            this.self = self;
            this.name = name;
        }

        @Override
        Boolean truth() {
            return true;
        }
    }

    /** A function or class the script defines. */
    static final class Function extends PyValue {
        final String name;
        final Location at;

        Function(String name, Location at) {
            this.name = name;
            this.at = at;
        }

        @Override
        Boolean truth() {
            return true;
        }
    }

    /**
     * An object a library call returned that footprint follows: a {@code ConfigParser}, the configuration that
     * {@code appconfig}, {@code get_appsettings} or {@code CKANConfigLoader} read (with the load it came from), an
     * application a loader built.
     */
    static final class Obj extends PyValue {
        final String kind;
        final LoadRecord load;

        Obj(String kind, LoadRecord load) {
            this.kind = kind;
            this.load = load;
        }

        @Override
        Boolean truth() {
            return kind.equals("configparser") ? null : Boolean.TRUE;
        }
    }

    /**
     * A value footprint cannot know, with why and where that came from; a string of which only the beginning is
     * known carries it as {@link #prefix} (mod_wsgi's {@code __name__}).
     */
    static final class Unknown extends PyValue {
        final String reason;
        final Location at;
        final Deriv d;
        final String prefix;

        Unknown(String reason, Location at, Deriv d) {
            this(reason, at, d, null);
        }

        Unknown(String reason, Location at, Deriv d, String prefix) {
            this.reason = reason;
            this.at = at;
            this.d = d;
            this.prefix = prefix;
        }

        @Override
        Boolean truth() {
            return prefix != null && !prefix.isEmpty() ? Boolean.TRUE : null;
        }
    }

    // ---------------------------------------------------------------- derivations

    /** One step of a computation, with the steps whose results it used (a DAG: a step may be shared). */
    static final class Deriv {
        /** The longest result a step keeps (longer ones are cut, with … at the end). */
        static final int SHOWN = 4096;
        final String op;
        final String result;
        final Location at;
        final List<Deriv> inputs;
        /** A bare literal: shown inline where it is used, never a step of its own there. */
        final boolean literal;
        /** What the result rests on, when it is not certain ({@code realpath}: no symbolic links), or null. */
        final String assumption;

        Deriv(String op, String result, Location at, List<Deriv> inputs, boolean literal, String assumption) {
            this.op = op;
            // a step shows what it computed; no path a loader can open is longer (Linux PATH_MAX)
            this.result = result == null || result.length() <= SHOWN ? result
                    : io.github.footprint.base.Secrets.cut(result, SHOWN) + "…";
            this.at = at;
            this.inputs = inputs;
            this.literal = literal;
            this.assumption = assumption;
        }

        static Deriv literal(String value, Location at) {
            String r = repr(value);
            return new Deriv("literal " + (r.length() > 80 ? io.github.footprint.base.Secrets.cut(r, 79) + "…" : r), value, at,
                    List.of(),
                    true, null);
        }

        /** A step computed from values: the inputs are those that are not bare literals. */
        static Deriv of(String op, String result, Location at, List<? extends PyValue> from, String assumption) {
            List<Deriv> inputs = new ArrayList<>();
            for (PyValue v : from) {
                Deriv d = v instanceof Str ? ((Str) v).d : v instanceof Unknown ? ((Unknown) v).d : null;
                if (d != null && !d.literal && !inputs.contains(d)) {
                    inputs.add(d);
                }
            }
            return new Deriv(op, result, at, inputs, false, assumption);
        }
    }

    /** Python's {@code repr} of a string, as far as footprint shows it in messages (quotes and backslashes). */
    static String repr(String s) {
        boolean single = s.indexOf('\'') < 0 || s.indexOf('"') >= 0;
        char q = single ? '\'' : '"';
        StringBuilder b = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(q).toString();
    }

    static Dict dict() {
        return new Dict(new LinkedHashMap<>());
    }

    @Override
    public String toString() {
        if (this instanceof Str) {
            return repr(((Str) this).s);
        }
        if (this instanceof Unknown) {
            return "unknown: " + ((Unknown) this).reason;
        }
        return Objects.toString(show());
    }
}
