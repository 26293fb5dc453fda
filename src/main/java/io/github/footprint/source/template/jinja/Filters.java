package io.github.footprint.source.template.jinja;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import jinjava.javax.el.ELException;

/**
 * The filters and tests of Ansible's template environment that templates use most, written to behave as Ansible's
 * (Jinja2's builtins plus ansible.builtin's core filters), and a guard around every other filter and test: given an
 * unknown, they give an unknown.
 */
final class Filters {
    private Filters() {
    }

    /** Registers the filters and tests on a context, guarding Jinjava's own. */
    static void install(Context context) {
        for (Filter f : new ArrayList<>(context.getAllFilters())) {
            context.registerFilter(new Guarded(f));
        }
        for (ExpTest t : new ArrayList<>(context.getAllExpTests())) {
            context.registerExpTest(new GuardedTest(t));
        }
        for (Filter f : ours()) {
            context.registerFilter(f);
        }
        context.registerExpTest(new Defined("defined", true));
        context.registerExpTest(new Defined("undefined", false));
        context.registerExpTest(new NoneTest());
    }

    /** The arguments of a filter call, bound as Python binds them (positional, then by name). */
    static final class Args {
        private final Object[] args;
        private final Map<String, Object> kwargs;

        Args(Object[] args, Map<String, Object> kwargs) {
            this.args = args == null ? new Object[0] : args;
            this.kwargs = kwargs == null ? Map.of() : kwargs;
        }

        Object get(int index, String name, Object fallback) {
            if (index < args.length) {
                return args[index];
            }
            if (kwargs.containsKey(name)) {
                return kwargs.get(name);
            }
            return fallback;
        }

        Object known(int index, String name, Object fallback) {
            return PyOperators.known(get(index, name, fallback));
        }
    }

    /** A filter whose body sees only known values (an unknown input makes the result unknown). */
    private abstract static class Known implements Filter {
        private final String name;

        Known(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, args, Map.of());
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Unk u = unknownOf(var, args, kwargs);
            if (u != null) {
                return u;
            }
            return apply(var, new Args(args, kwargs));
        }

        abstract Object apply(Object v, Args a);
    }

    /**
     * If a filter's input or an argument holds an unknown, the unknown result (the inputs consumed, the result read);
     * otherwise null.
     */
    static Unk unknownOf(Object var, Object[] args, Map<String, Object> kwargs) {
        Set<String> names = new TreeSet<>();
        boolean any = false;
        boolean secret = false;
        boolean fromUndefined = true;
        List<Object> all = new ArrayList<>();
        all.add(var);
        if (args != null) {
            all.addAll(java.util.Arrays.asList(args));
        }
        if (kwargs != null) {
            all.addAll(kwargs.values());
        }
        Session s = FpInterpreter.current();
        for (Object x : all) {
            if (x instanceof Unk) {
                any = true;
                names.addAll(((Unk) x).names());
                secret |= ((Unk) x).secret();
                fromUndefined &= ((Unk) x).fromUndefined();
                if (s != null) {
                    s.consume((Unk) x);
                }
            } else if (Unks.contains(x)) {
                any = true;
                fromUndefined &= Unks.collect(x, names);
            }
        }
        if (!any) {
            return null;
        }
        Unk r = Unk.derived(names, secret, fromUndefined);
        return s == null ? r : s.read(r);
    }

    /** Any of Jinjava's filters, made to give an unknown for an unknown. */
    static final class Guarded implements Filter {
        private final Filter inner;

        Guarded(Filter inner) {
            this.inner = inner;
        }

        @Override
        public String getName() {
            return inner.getName();
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return inner.filter(var, interpreter, args);
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Unk u = unknownOf(var, args, kwargs);
            if (u != null) {
                return u;
            }
            return inner.filter(var == Py.NONE ? null : var, interpreter, args, kwargs);
        }
    }

    /** Any of Jinjava's tests: an unknown operand leaves the expression unknown. */
    static final class GuardedTest implements ExpTest {
        private final ExpTest inner;

        GuardedTest(ExpTest inner) {
            this.inner = inner;
        }

        @Override
        public String getName() {
            return inner.getName();
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            PyOperators.known(var);
            for (Object a : args) {
                PyOperators.known(a);
            }
            return inner.evaluate(var == Py.NONE ? null : var, interpreter, args);
        }
    }

    /** {@code is defined} / {@code is undefined}: an unknown is defined (it has a value, unknown here). */
    static final class Defined implements ExpTest {
        private final String name;
        private final boolean defined;

        Defined(String name, boolean defined) {
            this.name = name;
            this.defined = defined;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            boolean isDefined = true;
            if (var instanceof Unk) {
                Session s = FpInterpreter.current();
                if (s != null) {
                    s.consume((Unk) var);
                }
                isDefined = !((Unk) var).isUndefined();
            }
            return isDefined == defined;
        }
    }

    /** {@code is none}: an undefined value is not None; an unknown one may be. */
    static final class NoneTest implements ExpTest {
        @Override
        public String getName() {
            return "none";
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (var instanceof Unk && ((Unk) var).isUndefined()) {
                Session s = FpInterpreter.current();
                if (s != null) {
                    s.consume((Unk) var);
                }
                return false;
            }
            return Py.isNone(PyOperators.known(var));
        }
    }

    /** {@code default(value, default_value='', boolean=False)}, alias {@code d}. */
    static final class Default implements Filter {
        private final String name;

        Default(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, args, Map.of());
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Args a = new Args(args, kwargs);
            Object fallback = a.get(0, "default_value", "");
            Object booleanArg = a.known(1, "boolean", Boolean.FALSE);
            Session s = FpInterpreter.current();
            if (var instanceof Unk) {
                Unk u = (Unk) var;
                if (u.isUndefined()) {
                    if (s != null) {
                        s.consume(u);
                    }
                    return fallback;
                }
                // a value exists, unknown here: default does not apply (or, with boolean, may)
                Set<String> names = new TreeSet<>(u.names());
                if (fallback instanceof Unk) {
                    names.addAll(((Unk) fallback).names());
                    if (s != null) {
                        s.consume((Unk) fallback);
                    }
                }
                Unk r = Unk.derived(names, u.secret(), u.fromUndefined());
                return s == null ? r : s.derive(u, r);
            }
            if (Py.truth(booleanArg) && !Py.truth(PyOperators.known(var))) {
                return fallback;
            }
            if (fallback instanceof Unk && s != null) {
                s.consume((Unk) fallback);
            }
            return var;
        }
    }

    /** {@code mandatory}: an undefined value stays unknown (Ansible would stop; the value is unknown here). */
    static final class Mandatory implements Filter {
        @Override
        public String getName() {
            return "mandatory";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, args, Map.of());
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Unk u = unknownOf(var, args, kwargs);
            return u != null ? u : var;
        }
    }

    private static List<Filter> ours() {
        List<Filter> out = new ArrayList<>();
        out.add(new Default("default"));
        out.add(new Default("d"));
        out.add(new Mandatory());
        out.add(new Known("int") {
            @Override
            Object apply(Object v, Args a) {
                return toInt(v, a.known(0, "default", 0), a.known(1, "base", 10));
            }
        });
        out.add(new Known("float") {
            @Override
            Object apply(Object v, Args a) {
                Object fallback = a.known(0, "default", 0.0);
                if (PyOperators.isNumber(v)) {
                    return PyOperators.dbl(v);
                }
                if (v instanceof CharSequence) {
                    Double d = Py.parseFloat(v.toString());
                    return d != null ? d : fallback;
                }
                return fallback;
            }
        });
        out.add(new Known("bool") {
            @Override
            Object apply(Object v, Args a) {
                if (Py.isNone(v) || v instanceof Boolean) {
                    return v;
                }
                Object x = v instanceof CharSequence ? v.toString().toLowerCase(Locale.ROOT) : v;
                if (x instanceof CharSequence) {
                    String s = x.toString();
                    return s.equals("yes") || s.equals("on") || s.equals("1") || s.equals("true");
                }
                return Py.isInt(x) && PyOperators.bigInt(x).equals(BigInteger.ONE)
                        || x instanceof Double && (Double) x == 1.0;
            }
        });
        out.add(new Known("string") {
            @Override
            Object apply(Object v, Args a) {
                return Py.str(v);
            }
        });
        out.add(new Known("lower") {
            @Override
            Object apply(Object v, Args a) {
                return Py.str(v).toLowerCase(Locale.ROOT);
            }
        });
        out.add(new Known("upper") {
            @Override
            Object apply(Object v, Args a) {
                return Py.str(v).toUpperCase(Locale.ROOT);
            }
        });
        out.add(new Known("replace") {
            @Override
            Object apply(Object v, Args a) {
                Object count = a.known(2, "count", Py.NONE);
                return FpResolver.replace(Py.str(v), Py.str(a.known(0, "old", "")), Py.str(a.known(1, "new", "")),
                        Py.isNone(count) ? -1 : PyOperators.bigInt(count).intValue());
            }
        });
        out.add(new Known("regex_replace") {
            @Override
            Object apply(Object v, Args a) {
                return regexReplace(Py.str(v), Py.str(a.known(0, "pattern", "")),
                        Py.str(a.known(1, "replacement", "")), Py.truth(a.known(2, "ignorecase", false)),
                        Py.truth(a.known(3, "multiline", false)));
            }
        });
        out.add(new Known("join") {
            @Override
            Object apply(Object v, Args a) {
                String sep = Py.str(a.known(0, "d", ""));
                Object attribute = a.known(1, "attribute", Py.NONE);
                List<Object> items = Py.iterate(v);
                if (items == null) {
                    throw new ELException("'" + PyOperators.typeName(v) + "' object is not iterable");
                }
                List<String> parts = new ArrayList<>();
                for (Object x : items) {
                    Object item = PyOperators.known(x);
                    if (!Py.isNone(attribute) && item instanceof Map) {
                        item = PyOperators.known(((Map<?, ?>) item).get(Py.str(attribute)));
                    }
                    parts.add(Py.str(item));
                }
                return String.join(sep, parts);
            }
        });
        out.add(new Known("quote") {
            @Override
            Object apply(Object v, Args a) {
                return shellQuote(Py.isNone(v) ? "" : Py.str(v));
            }
        });
        out.add(new Known("to_json") {
            @Override
            Object apply(Object v, Args a) {
                Object indent = a.known(Integer.MAX_VALUE, "indent", Py.NONE);
                Object sort = a.known(Integer.MAX_VALUE, "sort_keys", false);
                return Py.json(v, Py.isNone(indent) ? null : PyOperators.bigInt(indent).intValue(), Py.truth(sort));
            }
        });
        out.add(new Known("to_nice_json") {
            @Override
            Object apply(Object v, Args a) {
                Object indent = a.known(0, "indent", 4);
                return Py.json(v, PyOperators.bigInt(indent).intValue(), Py.truth(a.known(1, "sort_keys", true)));
            }
        });
        out.add(new Known("basename") {
            @Override
            Object apply(Object v, Args a) {
                String p = path(v);
                return p.substring(p.lastIndexOf('/') + 1);
            }
        });
        out.add(new Known("dirname") {
            @Override
            Object apply(Object v, Args a) {
                String p = path(v);
                String head = p.substring(0, p.lastIndexOf('/') + 1);
                if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
                    int e = head.length();
                    while (e > 0 && head.charAt(e - 1) == '/') {
                        e--;
                    }
                    head = head.substring(0, e);
                }
                return head;
            }
        });
        out.add(new Known("trim") {
            @Override
            Object apply(Object v, Args a) {
                Object chars = a.known(0, "chars", Py.NONE);
                String s = Py.str(v);
                return Py.isNone(chars) ? Py.strip(s) : FpResolver.stripChars(s, Py.str(chars), true, true);
            }
        });
        for (String name : new String[] {"length", "count"}) {
            out.add(new Known(name) {
                @Override
                Object apply(Object v, Args a) {
                    int n = Py.len(v);
                    if (n < 0) {
                        throw new ELException("object of type '" + PyOperators.typeName(v) + "' has no len()");
                    }
                    return n;
                }
            });
        }
        out.add(new Known("ternary") {
            @Override
            Object apply(Object v, Args a) {
                Object none = a.known(2, "none_val", Py.NONE);
                if (Py.isNone(v) && !Py.isNone(none)) {
                    return none;
                }
                return Py.truth(v) ? a.known(0, "true_val", Py.NONE) : a.known(1, "false_val", Py.NONE);
            }
        });
        out.add(new Known("combine") {
            @Override
            @SuppressWarnings("unchecked")
            Object apply(Object v, Args a) {
                boolean recursive = Py.truth(a.known(Integer.MAX_VALUE, "recursive", false));
                Map<Object, Object> result = new LinkedHashMap<>((Map<Object, Object>) v);
                for (int i = 0; i < a.args.length; i++) {
                    merge(result, (Map<Object, Object>) a.known(i, "", Map.of()), recursive);
                }
                return result;
            }
        });
        out.add(new Known("dict2items") {
            @Override
            Object apply(Object v, Args a) {
                String k = Py.str(a.known(0, "key_name", "key"));
                String val = Py.str(a.known(1, "value_name", "value"));
                List<Object> items = new ArrayList<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    Map<Object, Object> m = new LinkedHashMap<>();
                    m.put(k, e.getKey());
                    m.put(val, e.getValue());
                    items.add(m);
                }
                return items;
            }
        });
        out.add(new Known("list") {
            @Override
            Object apply(Object v, Args a) {
                List<Object> items = Py.iterate(v);
                if (items == null) {
                    throw new ELException("'" + PyOperators.typeName(v) + "' object is not iterable");
                }
                return items;
            }
        });
        out.add(new Known("first") {
            @Override
            Object apply(Object v, Args a) {
                List<Object> items = Py.iterate(v);
                return items == null || items.isEmpty() ? Unk.undefined("first") : items.get(0);
            }
        });
        out.add(new Known("last") {
            @Override
            Object apply(Object v, Args a) {
                List<Object> items = Py.iterate(v);
                return items == null || items.isEmpty() ? Unk.undefined("last") : items.get(items.size() - 1);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<Object, Object> into, Map<Object, Object> from, boolean recursive) {
        for (Map.Entry<Object, Object> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            if (recursive && old instanceof Map && e.getValue() instanceof Map) {
                Map<Object, Object> m = new LinkedHashMap<>((Map<Object, Object>) old);
                merge(m, (Map<Object, Object>) e.getValue(), true);
                into.put(e.getKey(), m);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    private static String path(Object v) {
        if (!(v instanceof CharSequence)) {
            throw new ELException("expected str, bytes or os.PathLike object, not " + PyOperators.typeName(v));
        }
        return v.toString();
    }

    /** Jinja2's {@code int} filter: {@code int(value)}, else {@code int(float(value))}, else the default. */
    static Object toInt(Object v, Object fallback, Object baseArg) {
        int base = PyOperators.bigInt(baseArg).intValue();
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        if (Py.isInt(v)) {
            return v;
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return fallback;
            }
            return Py.intValue(new java.math.BigDecimal(d).toBigInteger());
        }
        if (v instanceof CharSequence) {
            BigInteger b = Py.parseInt(v.toString(), base);
            if (b != null) {
                return Py.intValue(b);
            }
            Double d = Py.parseFloat(v.toString());
            if (d != null && !d.isNaN() && !d.isInfinite()) {
                return Py.intValue(new java.math.BigDecimal(d).toBigInteger());
            }
        }
        return fallback;
    }

    /** Python's {@code shlex.quote}. */
    static String shellQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        if (s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "@%+=:,./-_".indexOf(c) >= 0))) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /** Python's {@code re.sub(pattern, replacement, value)}, the pattern and replacement read as Python's. */
    static String regexReplace(String value, String pattern, String replacement, boolean ignoreCase,
            boolean multiline) {
        Pattern p;
        try {
            int flags = Pattern.UNICODE_CHARACTER_CLASS | (ignoreCase ? Pattern.CASE_INSENSITIVE
                    | Pattern.UNICODE_CASE : 0) | (multiline ? Pattern.MULTILINE : 0);
            p = Pattern.compile(pythonPattern(pattern), flags);
        } catch (PatternSyntaxException e) {
            throw new ELException("bad regular expression '" + pattern + "': " + e.getDescription());
        }
        Matcher m = p.matcher(value);
        StringBuilder b = new StringBuilder();
        int at = 0;
        while (m.find()) {
            b.append(value, at, m.start());
            b.append(expand(replacement, m));
            at = m.end();
        }
        b.append(value, at, value.length());
        return b.toString();
    }

    /** Python's regular expression syntax in Java's ({@code (?P<n>)}, {@code (?P=n)}, {@code \Z}). */
    static String pythonPattern(String pattern) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char d = pattern.charAt(i + 1);
                b.append(d == 'Z' ? "\\z" : "\\" + d);
                i++;
            } else if (pattern.startsWith("(?P<", i)) {
                b.append("(?<");
                i += 3;
            } else if (pattern.startsWith("(?P=", i)) {
                int close = pattern.indexOf(')', i);
                b.append("\\k<").append(pattern, i + 4, close).append('>');
                i = close;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A Python replacement template for one match: {@code \1}, {@code \g<name>}, {@code \n}... */
    private static String expand(String repl, Matcher m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c != '\\' || i + 1 >= repl.length()) {
                b.append(c);
                continue;
            }
            char d = repl.charAt(++i);
            if (Character.isDigit(d)) {
                int j = i + 1;
                if (j < repl.length() && Character.isDigit(repl.charAt(j)) && Integer.parseInt(repl.substring(i,
                        j + 1)) <= m.groupCount()) {
                    j++;
                }
                String g = m.group(Integer.parseInt(repl.substring(i, j)));
                b.append(g == null ? "" : g);
                i = j - 1;
            } else if (d == 'g' && i + 1 < repl.length() && repl.charAt(i + 1) == '<') {
                int close = repl.indexOf('>', i);
                String ref = repl.substring(i + 2, close);
                String g = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
                b.append(g == null ? "" : g);
                i = close;
            } else {
                switch (d) {
                    case 'n':
                        b.append('\n');
                        break;
                    case 't':
                        b.append('\t');
                        break;
                    case 'r':
                        b.append('\r');
                        break;
                    case '\\':
                        b.append('\\');
                        break;
                    default:
                        b.append('\\').append(d);
                }
            }
        }
        return b.toString();
    }
}
