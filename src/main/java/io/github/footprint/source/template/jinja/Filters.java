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

import io.github.footprint.base.HostPaths;
import io.github.footprint.base.Secrets;
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
        for (Filter f : lists()) {
            context.registerFilter(f);
        }
        PyTests.install(context);
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
                return HostPaths.basename(path(v));
            }
        });
        out.add(new Known("dirname") {
            @Override
            Object apply(Object v, Args a) {
                return HostPaths.dirname(path(v));
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

    /** Python's {@code str.splitlines()}. */
    static List<String> splitlines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) || c == 0x85
                    || c == 0x2028 || c == 0x2029) {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Jinja2's {@code ignore_case}: strings compare lower-cased. */
    private static Object ignoreCase(Object v, boolean caseSensitive) {
        return !caseSensitive && v instanceof CharSequence ? v.toString().toLowerCase(Locale.ROOT) : v;
    }

    /** Jinja2's attribute getter: {@code a.b.0} looks up a, then b, then index 0 (items first, as getitem). */
    static Object attribute(Object item, Object attribute) {
        if (Py.isNone(attribute)) {
            return item;
        }
        Object v = item;
        for (String part : Py.str(attribute).split("\\.")) {
            v = PyOperators.known(v);
            if (v instanceof Map) {
                Map<?, ?> m = (Map<?, ?>) v;
                v = m.containsKey(part) ? m.get(part) : Unk.undefined(part);
            } else if (v instanceof List && part.matches("-?\\d+")) {
                List<?> l = (List<?>) v;
                int i = Integer.parseInt(part);
                i = i < 0 ? i + l.size() : i;
                v = i >= 0 && i < l.size() ? l.get(i) : Unk.undefined(part);
            } else {
                v = Unk.undefined(part);
            }
            if (v == null) {
                v = Py.NONE;
            }
        }
        return v;
    }

    private static int compareKeys(Object a, Object b) {
        return PyOperators.compare(PyOperators.known(a), PyOperators.known(b), "<");
    }

    private static List<Object> items(Object v) {
        List<Object> items = Py.iterate(v);
        if (items == null) {
            throw new ELException("'" + PyOperators.typeName(v) + "' object is not iterable");
        }
        return items;
    }

    /** The filters over sequences and the text filters whose Jinja2 behaviour Jinjava's differ from. */
    private static List<Filter> lists() {
        List<Filter> out = new ArrayList<>();
        out.add(new Known("sum") {
            @Override
            Object apply(Object v, Args a) {
                Object attribute = a.known(0, "attribute", Py.NONE);
                Object total = a.known(1, "start", 0);
                for (Object x : items(v)) {
                    Object item = PyOperators.known(attribute(x, attribute));
                    total = add(total, item);
                }
                return total;
            }
        });
        for (String name : new String[] {"min", "max"}) {
            out.add(new Known(name) {
                @Override
                Object apply(Object v, Args a) {
                    boolean cs = Py.truth(a.known(0, "case_sensitive", false));
                    Object attribute = a.known(1, "attribute", Py.NONE);
                    Object best = null;
                    Object bestKey = null;
                    for (Object x : items(v)) {
                        Object key = ignoreCase(PyOperators.known(attribute(x, attribute)), cs);
                        int c = best == null ? 0 : compareKeys(key, bestKey);
                        if (best == null || (name.equals("min") ? c < 0 : c > 0)) {
                            best = x;
                            bestKey = key;
                        }
                    }
                    return best == null ? Unk.undefined(name) : best;
                }
            });
        }
        out.add(new Known("sort") {
            @Override
            Object apply(Object v, Args a) {
                boolean reverse = Py.truth(a.known(0, "reverse", false));
                boolean cs = Py.truth(a.known(1, "case_sensitive", false));
                Object attribute = a.known(2, "attribute", Py.NONE);
                List<Object> l = new ArrayList<>(items(v));
                java.util.Comparator<Object> cmp = (x, y) -> compareKeys(ignoreCase(attribute(x, attribute), cs),
                        ignoreCase(attribute(y, attribute), cs));
                l.sort(reverse ? cmp.reversed() : cmp);
                return l;
            }
        });
        out.add(new Known("unique") {
            @Override
            Object apply(Object v, Args a) {
                boolean cs = Py.truth(a.known(0, "case_sensitive", false));
                Object attribute = a.known(1, "attribute", Py.NONE);
                List<Object> out = new ArrayList<>();
                List<Object> seen = new ArrayList<>();
                for (Object x : items(v)) {
                    Object key = ignoreCase(PyOperators.known(attribute(x, attribute)), cs);
                    boolean dup = false;
                    for (Object s : seen) {
                        dup |= PyOperators.equal(s, key);
                    }
                    if (!dup) {
                        seen.add(key);
                        out.add(x);
                    }
                }
                return out;
            }
        });
        out.add(new Known("reverse") {
            @Override
            Object apply(Object v, Args a) {
                if (v instanceof CharSequence) {
                    return new StringBuilder(v.toString()).reverse().toString();
                }
                List<Object> l = new ArrayList<>(items(v));
                java.util.Collections.reverse(l);
                return l;
            }
        });
        for (String name : new String[] {"select", "reject", "selectattr", "rejectattr"}) {
            out.add(new Known(name) {
                @Override
                Object apply(Object v, Args a) {
                    boolean attr = name.endsWith("attr");
                    boolean keep = name.startsWith("select");
                    List<Object> args = java.util.Arrays.asList(a.args);
                    List<Object> out = new ArrayList<>();
                    for (Object x : items(v)) {
                        Object item = attr ? attribute(x, args.get(0)) : x;
                        if (PyTests.apply(args, attr ? 1 : 0, item) == keep) {
                            out.add(x);
                        }
                    }
                    return out;
                }
            });
        }
        out.add(new Known("map") {
            @Override
            Object apply(Object v, Args a) {
                List<Object> out = new ArrayList<>();
                if (a.args.length == 0 && a.kwargs.containsKey("attribute")) {
                    Object attribute = a.kwargs.get("attribute");
                    Object dflt = a.kwargs.getOrDefault("default", Py.NONE);
                    for (Object x : items(v)) {
                        Object r = attribute(x, attribute);
                        out.add(r instanceof Unk && ((Unk) r).isUndefined() && a.kwargs.containsKey("default")
                                ? dflt : r);
                    }
                    return out;
                }
                String filter = Py.str(a.known(0, "", ""));
                Session s = FpInterpreter.current();
                Filter f = JinjavaInterpreter.getCurrent().getContext().getFilter(filter);
                if (f == null) {
                    throw new ELException("No filter named '" + filter + "'");
                }
                Object[] rest = java.util.Arrays.copyOfRange(a.args, 1, a.args.length);
                for (Object x : items(v)) {
                    out.add(f.filter(x, JinjavaInterpreter.getCurrent(), rest, a.kwargs));
                }
                return s == null ? out : out;
            }
        });
        out.add(new Known("indent") {
            @Override
            Object apply(Object v, Args a) {
                Object width = a.known(0, "width", 4);
                boolean first = Py.truth(a.known(1, "first", false));
                boolean blank = Py.truth(a.known(2, "blank", false));
                String indention = width instanceof CharSequence ? width.toString()
                        : " ".repeat(PyOperators.bigInt(width).intValue());
                List<String> lines = splitlines(Py.str(v) + "\n");
                StringBuilder b = new StringBuilder();
                if (blank) {
                    b.append(String.join("\n" + indention, lines));
                } else {
                    b.append(lines.get(0));
                    for (String line : lines.subList(1, lines.size())) {
                        b.append('\n').append(line.isEmpty() ? line : indention + line);
                    }
                }
                return first ? indention + b : b.toString();
            }
        });
        out.add(new Known("round") {
            @Override
            Object apply(Object v, Args a) {
                int precision = PyOperators.bigInt(a.known(0, "precision", 0)).intValue();
                String method = Py.str(a.known(1, "method", "common"));
                if (Py.isInt(v) || v instanceof Boolean) {
                    return method.equals("common") ? v : (double) PyOperators.dbl(v);
                }
                double d = PyOperators.dbl(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return d;
                }
                java.math.RoundingMode mode = method.equals("ceil") ? java.math.RoundingMode.CEILING
                        : method.equals("floor") ? java.math.RoundingMode.FLOOR : java.math.RoundingMode.HALF_EVEN;
                if (!method.equals("common")) {
                    double scale = Math.pow(10, precision);
                    return (method.equals("ceil") ? Math.ceil(d * scale) : Math.floor(d * scale)) / scale;
                }
                return new java.math.BigDecimal(d).setScale(precision, mode).doubleValue();
            }
        });
        out.add(new Known("truncate") {
            @Override
            Object apply(Object v, Args a) {
                String s = Py.str(v);
                int length = PyOperators.bigInt(a.known(0, "length", 255)).intValue();
                boolean killwords = Py.truth(a.known(1, "killwords", false));
                String end = Py.str(a.known(2, "end", "..."));
                int leeway = PyOperators.bigInt(a.known(3, "leeway", 5)).intValue();
                if (s.length() <= length + leeway) {
                    return s;
                }
                String head = s.substring(0, Math.max(0, length - end.length()));
                if (killwords) {
                    return head + end;
                }
                int space = head.lastIndexOf(' ');
                return (space >= 0 ? head.substring(0, space) : head) + end;
            }
        });
        out.add(new Known("title") {
            @Override
            Object apply(Object v, Args a) {
                StringBuilder b = new StringBuilder();
                Matcher m = Pattern.compile("([-\\s({\\[<]+)", Pattern.UNICODE_CHARACTER_CLASS).matcher(Py.str(v));
                String s = Py.str(v);
                int at = 0;
                List<String> parts = new ArrayList<>();
                while (m.find()) {
                    parts.add(s.substring(at, m.start()));
                    parts.add(m.group());
                    at = m.end();
                }
                parts.add(s.substring(at));
                for (String item : parts) {
                    if (!item.isEmpty()) {
                        b.append(item.substring(0, 1).toUpperCase(Locale.ROOT)).append(item.substring(1)
                                .toLowerCase(Locale.ROOT));
                    }
                }
                return b.toString();
            }
        });
        out.add(new Known("capitalize") {
            @Override
            Object apply(Object v, Args a) {
                String s = Py.str(v);
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(
                        Locale.ROOT);
            }
        });
        out.add(new Known("wordcount") {
            @Override
            Object apply(Object v, Args a) {
                Matcher m = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS).matcher(Py.str(v));
                int n = 0;
                while (m.find()) {
                    n++;
                }
                return n;
            }
        });
        out.add(new Known("center") {
            @Override
            Object apply(Object v, Args a) {
                String s = Py.str(v);
                int width = PyOperators.bigInt(a.known(0, "width", 80)).intValue();
                int marg = width - s.length();
                if (marg <= 0) {
                    return s;
                }
                int left = marg / 2 + (marg & width & 1);
                return " ".repeat(left) + s + " ".repeat(marg - left);
            }
        });
        out.add(new Known("dictsort") {
            @Override
            Object apply(Object v, Args a) {
                boolean cs = Py.truth(a.known(0, "case_sensitive", false));
                int pos = Py.str(a.known(1, "by", "key")).equals("value") ? 1 : 0;
                boolean reverse = Py.truth(a.known(2, "reverse", false));
                List<Object> l = new ArrayList<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    l.add(new Py.Tuple(java.util.Arrays.asList(e.getKey(), e.getValue())));
                }
                java.util.Comparator<Object> cmp = (x, y) -> compareKeys(ignoreCase(((List<?>) x).get(pos), cs),
                        ignoreCase(((List<?>) y).get(pos), cs));
                l.sort(reverse ? cmp.reversed() : cmp);
                return l;
            }
        });
        out.add(new Known(Translator.SLICE) {
            @Override
            Object apply(Object v, Args a) {
                return slice(v, a.known(0, "", Py.NONE), a.known(1, "", Py.NONE), a.known(2, "", Py.NONE));
            }
        });
        return out;
    }

    /** Python's {@code +} for the values sum adds. */
    private static Object add(Object a, Object b) {
        if (PyOperators.isNumber(a) && PyOperators.isNumber(b)) {
            if ((Py.isInt(a) || a instanceof Boolean) && (Py.isInt(b) || b instanceof Boolean)) {
                return Py.intValue(PyOperators.bigInt(a).add(PyOperators.bigInt(b)));
            }
            return PyOperators.dbl(a) + PyOperators.dbl(b);
        }
        if (a instanceof List && b instanceof List) {
            List<Object> l = new ArrayList<>((List<?>) a);
            l.addAll((List<?>) b);
            return l;
        }
        throw new ELException("unsupported operand type(s) for +: '" + PyOperators.typeName(a) + "' and '"
                + PyOperators.typeName(b) + "'");
    }

    /** Python's {@code seq[start:stop:step]} of a string, list or tuple. */
    static Object slice(Object v, Object start, Object stop, Object step) {
        List<Object> items = v instanceof CharSequence ? null : items(v);
        String s = v instanceof CharSequence ? v.toString() : null;
        int n = s != null ? s.length() : items.size();
        int st = Py.isNone(step) ? 1 : PyOperators.bigInt(step).intValue();
        if (st == 0) {
            throw new ELException("slice step cannot be zero");
        }
        int lo = bound(start, n, st < 0 ? n - 1 : 0, st);
        int hi = bound(stop, n, st < 0 ? -1 : n, st);
        StringBuilder b = new StringBuilder();
        List<Object> out = new ArrayList<>();
        for (int i = lo; st > 0 ? i < hi : i > hi; i += st) {
            if (s != null) {
                b.append(s.charAt(i));
            } else {
                out.add(items.get(i));
            }
        }
        if (s != null) {
            return b.toString();
        }
        return v instanceof Py.Tuple ? new Py.Tuple(out) : out;
    }

    private static int bound(Object x, int n, int dflt, int step) {
        if (Py.isNone(x)) {
            return dflt;
        }
        long i = PyOperators.bigInt(x).longValue();
        if (i < 0) {
            i += n;
            if (i < 0) {
                i = step < 0 ? -1 : 0;
            }
        } else if (i >= n) {
            i = step < 0 ? n - 1 : n;
        }
        return (int) i;
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
        // a secret value's markers are not characters of the value: Python decides on the value alone
        if (Secrets.strip(s).isEmpty()) {
            return s + "''";
        }
        if (s.chars().allMatch(c -> Secrets.isMarker(c)
                || c < 128 && (Character.isLetterOrDigit(c) || "@%+=:,./-_".indexOf(c) >= 0))) {
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
