package io.github.footprint.source.template.jinja;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.HostPaths;
import io.github.footprint.source.template.VarValues;
import io.github.footprint.source.template.Variables;

/**
 * Our own evaluator of the simplest Jinja2 expressions, so that the most common Ansible templates render without
 * Jinjava (whose classes alone cost more than a second of CPU in a cold JVM): a variable, its attributes and items by
 * literal key or index, literals (strings without escapes, integers, decimals, {@code true}/{@code false}/
 * {@code none}), and the pure filters Ansible templates use most ({@code default}/{@code d}, {@code int},
 * {@code string}, {@code lower}, {@code upper}, {@code replace}, {@code join}, {@code to_json}, {@code bool},
 * {@code basename}, {@code dirname}, {@code quote}), each as Python's Jinja2 and ansible-core compute it.
 *
 * <p>Anything else (an operator, a call, a test, another filter, a value of a type it does not hold, a string value
 * that is itself a template, a Python error) gives {@link #FALLBACK}: the template then goes to Jinjava, which reports
 * what has to be reported. A bare variable that has no value here (undefined, vaulted, a fact) gives an
 * {@link Unknown}, registered by the caller as the full render registers it. This class and its caller load no
 * Jinjava class.
 */
final class FastExpressions {
    /** The answer when this evaluator does not decide: the template goes the full way. */
    static final Object FALLBACK = new Object() {
        @Override
        public String toString() {
            return "FALLBACK";
        }
    };

    /** A bare variable with no value here: the caller writes an unknown token for it. */
    static final class Unknown {
        final String name;
        final boolean secret;

        Unknown(String name, boolean secret) {
            this.name = name;
            this.secret = secret;
        }
    }

    /** Jinja2's undefined (Ansible's chains: an attribute of it is itself); only {@code default} may take it. */
    private static final Object UNDEFINED = new Object();

    /** Thrown inside the evaluator for {@link #FALLBACK}; no stack trace (it is control flow). */
    private static final class Fallback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fallback() {
            super(null, null, false, false);
        }
    }

    private static final Fallback FALL = new Fallback();

    /** Names that are not plain variable lookups in Jinja2 or Ansible (operators, specials, globals). */
    private static final Set<String> NOT_VARIABLES = Set.of("and", "or", "not", "in", "is", "if", "else", "self",
            "loop", "super", "caller", "varargs", "kwargs", "range", "dict", "lipsum", "cycler", "joiner",
            "namespace", "lookup", "query", "q", "now", "undef", "finalize");
    /** Attributes of Python's dict (Jinja2 looks up {@code d.keys} as the method before the key). */
    private static final Set<String> DICT_ATTRIBUTES = Set.of("clear", "copy", "fromkeys", "get", "items", "keys",
            "pop", "popitem", "setdefault", "update", "values", "ansible_pos");

    /** Filters that hand a secret value on whole, its masking markers with it. */
    private static final Set<String> PASSES_SECRETS = Set.of("default", "d", "string", "join", "to_json");

    private final Variables.Scope scope;
    private String src;
    private int pos;

    private FastExpressions(Variables.Scope scope) {
        this.scope = scope;
    }

    /**
     * The text a {@code {{ }}} with this content writes (a String), an {@link Unknown} for a bare variable without a
     * value here, or {@link #FALLBACK}.
     */
    static Object evaluate(String expression, Variables.Scope scope) {
        if (expression.length() > 500) {
            return FALLBACK;
        }
        FastExpressions e = new FastExpressions(scope);
        e.src = expression;
        try {
            e.skipSpace();
            int start = e.pos;
            Object v = e.filtered();
            e.skipSpace();
            if (e.pos != expression.length()) {
                return FALLBACK;
            }
            if (v instanceof Unknown || v == UNDEFINED) {
                String bare = expression.substring(start, e.pos).trim();
                if (!isName(bare)) {
                    return FALLBACK;
                }
                return v instanceof Unknown ? v : new Unknown(bare, false);
            }
            if (Py.isNone(v)) {
                return "";
            }
            return str(v);
        } catch (Fallback | ArithmeticException | NumberFormatException | IndexOutOfBoundsException f) {
            return FALLBACK;
        }
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) && s.charAt(0) < 128 || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    // ---- parsing and evaluating in one pass --------------------------------------------------------------------

    private void skipSpace() {
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t' || src.charAt(pos) == '\n'
                || src.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private boolean peek(char c) {
        skipSpace();
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw FALL;
        }
        pos++;
    }

    private String name() {
        skipSpace();
        int start = pos;
        if (pos < src.length() && (src.charAt(pos) < 128 && Character.isLetter(src.charAt(pos))
                || src.charAt(pos) == '_')) {
            pos++;
            while (pos < src.length() && (src.charAt(pos) < 128 && Character.isLetterOrDigit(src.charAt(pos))
                    || src.charAt(pos) == '_')) {
                pos++;
            }
            return src.substring(start, pos);
        }
        return null;
    }

    /** A primary with its attributes and items, then its filters. */
    private Object filtered() {
        Object v = postfixed();
        while (peek('|')) {
            pos++;
            String filter = name();
            if (filter == null) {
                throw FALL;
            }
            List<Object> args = new ArrayList<>();
            Map<String, Object> kwargs = new HashMap<>();
            if (peek('(')) {
                pos++;
                if (!peek(')')) {
                    while (true) {
                        int mark = pos;
                        String kw = name();
                        if (kw != null && peek('=') && !src.startsWith("==", pos)) {
                            pos++;
                            if (kwargs.put(kw, argument()) != null) {
                                throw FALL;
                            }
                        } else {
                            pos = mark;
                            if (!kwargs.isEmpty()) {
                                throw FALL;
                            }
                            args.add(argument());
                        }
                        if (peek(',')) {
                            pos++;
                            continue;
                        }
                        break;
                    }
                }
                expect(')');
            }
            v = filter(filter, v, args, kwargs);
        }
        return v;
    }

    /** A filter's argument: an expression with a known, defined value. */
    private Object argument() {
        Object v = filtered();
        if (v == UNDEFINED || v instanceof Unknown) {
            throw FALL;
        }
        return v;
    }

    private Object postfixed() {
        Object v = primary();
        while (true) {
            if (peek('.')) {
                pos++;
                if (pos < src.length() && !Character.isLetter(src.charAt(pos)) && src.charAt(pos) != '_') {
                    throw FALL;
                }
                String attribute = name();
                if (attribute == null) {
                    throw FALL;
                }
                v = attribute(v, attribute);
            } else if (peek('[')) {
                pos++;
                skipSpace();
                Object key = literal();
                expect(']');
                v = item(v, key);
            } else {
                return v;
            }
        }
    }

    private Object primary() {
        skipSpace();
        if (pos >= src.length()) {
            throw FALL;
        }
        char c = src.charAt(pos);
        if (c == '\'' || c == '"' || c == '-' || (c >= '0' && c <= '9')) {
            return literal();
        }
        String n = name();
        if (n == null) {
            throw FALL;
        }
        switch (n) {
            case "true":
            case "True":
                return Boolean.TRUE;
            case "false":
            case "False":
                return Boolean.FALSE;
            case "none":
            case "None":
                return Py.NONE;
            default:
                if (peek('(')) {
                    throw FALL;
                }
                return lookup(n);
        }
    }

    /** A string without escapes, an integer or a decimal (optionally negative), a constant. */
    private Object literal() {
        skipSpace();
        if (pos >= src.length()) {
            throw FALL;
        }
        char c = src.charAt(pos);
        if (c == '\'' || c == '"') {
            int end = src.indexOf(c, pos + 1);
            if (end < 0) {
                throw FALL;
            }
            String s = src.substring(pos + 1, end);
            if (s.indexOf('\\') >= 0) {
                throw FALL;
            }
            pos = end + 1;
            return s;
        }
        boolean negative = c == '-';
        int start = negative ? pos + 1 : pos;
        int i = start;
        while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
            i++;
        }
        if (i == start || src.charAt(start) == '0' && i > start + 1) {
            throw FALL;
        }
        boolean decimal = false;
        if (i + 1 < src.length() && src.charAt(i) == '.' && src.charAt(i + 1) >= '0' && src.charAt(i + 1) <= '9') {
            decimal = true;
            i++;
            while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') {
                i++;
            }
        }
        if (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
                || src.charAt(i) == '.')) {
            throw FALL;
        }
        String digits = src.substring(pos, i);
        pos = i;
        if (decimal) {
            return Double.parseDouble(digits);
        }
        return Py.intValue(new BigInteger(digits));
    }

    // ---- values --------------------------------------------------------------------------------------------------

    /** A top-level variable as Ansible sees it. */
    private Object lookup(String name) {
        if (NOT_VARIABLES.contains(name)) {
            throw FALL;
        }
        Map<String, Object> values = scope.values();
        Object raw = values.get(name);
        if (raw != null || values.containsKey(name)) {
            return value(raw, name);
        }
        if (name.equals("ansible_managed")) {
            return "Ansible managed";
        }
        if (name.startsWith("ansible_") || Session.MAGIC.contains(name) || !scope.encryptedFiles().isEmpty()) {
            return new Unknown(name, false);
        }
        return UNDEFINED;
    }

    /** A value of the variables files as the evaluator holds it; a string that is a template is not ours. */
    private static Object value(Object raw, String path) {
        if (raw == null) {
            return Py.NONE;
        }
        if (raw instanceof String) {
            String s = (String) raw;
            if (s.contains("{{") || s.contains("{%") || s.contains("{#")) {
                throw FALL;
            }
            return s;
        }
        if (raw instanceof VarValues.Unsafe) {
            return ((VarValues.Unsafe) raw).text();
        }
        if (raw instanceof VarValues.Vaulted) {
            return new Unknown(path, true);
        }
        if (raw instanceof Boolean || raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger
                || raw instanceof Double || raw instanceof Map || raw instanceof List) {
            return raw;
        }
        throw FALL;
    }

    private static Object attribute(Object v, String name) {
        if (v == UNDEFINED) {
            return UNDEFINED;
        }
        if (v instanceof Map) {
            if (name.startsWith("_") || DICT_ATTRIBUTES.contains(name)) {
                throw FALL;
            }
            Map<?, ?> m = (Map<?, ?>) v;
            Object raw = m.get(name);
            return raw != null || m.containsKey(name) ? value(raw, name) : UNDEFINED;
        }
        throw FALL;
    }

    private static Object item(Object v, Object key) {
        if (v == UNDEFINED) {
            return UNDEFINED;
        }
        if (v instanceof Map && key instanceof String) {
            Map<?, ?> m = (Map<?, ?>) v;
            Object raw = m.get(key);
            if (raw != null || m.containsKey(key)) {
                return value(raw, (String) key);
            }
            String k = (String) key;
            if (k.startsWith("_") || DICT_ATTRIBUTES.contains(k)) {
                throw FALL;
            }
            return UNDEFINED;
        }
        if (v instanceof List && key instanceof Integer) {
            List<?> l = (List<?>) v;
            int i = (Integer) key;
            if (i < 0) {
                i += l.size();
            }
            return i >= 0 && i < l.size() ? value(l.get(i), "item") : UNDEFINED;
        }
        throw FALL;
    }

    /** Python's {@code str()} of a scalar. */
    private static String str(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (Py.isNone(v)) {
            return "None";
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double) {
            return Py.floatRepr((Double) v);
        }
        throw FALL;
    }

    private static Object arg(List<Object> args, Map<String, Object> kwargs, int index, String name,
            Object fallback) {
        if (index < args.size()) {
            if (kwargs.containsKey(name)) {
                throw FALL;
            }
            return args.get(index);
        }
        return kwargs.containsKey(name) ? kwargs.get(name) : fallback;
    }

    /** At most {@code n} positional arguments, and keywords only of these names. */
    private static void takes(List<Object> args, Map<String, Object> kwargs, String... names) {
        if (args.size() > names.length) {
            throw FALL;
        }
        for (String k : kwargs.keySet()) {
            if (!List.of(names).contains(k)) {
                throw FALL;
            }
        }
    }

    private static Object filter(String name, Object v, List<Object> args, Map<String, Object> kwargs) {
        if (v instanceof Unknown || v == UNDEFINED && !name.equals("default") && !name.equals("d")) {
            throw FALL;
        }
        if (v instanceof String && !PASSES_SECRETS.contains(name) && io.github.footprint.base.Secrets.marked(
                (String) v)) {
            // a secret value carries the markers that mask it in reports: Python sees no such characters
            throw FALL;
        }
        switch (name) {
            case "default":
            case "d": {
                takes(args, kwargs, "default_value", "boolean");
                Object fallback = arg(args, kwargs, 0, "default_value", "");
                Object booleanArg = arg(args, kwargs, 1, "boolean", Boolean.FALSE);
                if (v == UNDEFINED || Py.truth(booleanArg) && !truth(v)) {
                    return fallback;
                }
                return v;
            }
            case "int": {
                takes(args, kwargs, "default", "base");
                return toInt(v, arg(args, kwargs, 0, "default", 0), arg(args, kwargs, 1, "base", 10));
            }
            case "string":
                takes(args, kwargs);
                return str(v);
            case "lower":
            case "upper": {
                takes(args, kwargs);
                String s = str(v);
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) >= 128) {
                        throw FALL;
                    }
                }
                return name.equals("lower") ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
            }
            case "replace": {
                takes(args, kwargs, "old", "new", "count");
                if (args.size() + kwargs.size() < 2) {
                    throw FALL;
                }
                Object count = arg(args, kwargs, 2, "count", Py.NONE);
                int n;
                if (Py.isNone(count)) {
                    n = -1;
                } else if (count instanceof Integer) {
                    n = (Integer) count;
                } else {
                    throw FALL;
                }
                return replace(str(v), str(arg(args, kwargs, 0, "old", null)), str(arg(args, kwargs, 1, "new", null)),
                        n);
            }
            case "join": {
                takes(args, kwargs, "d", "attribute");
                if (!Py.isNone(arg(args, kwargs, 1, "attribute", Py.NONE))) {
                    throw FALL;
                }
                String sep = str(arg(args, kwargs, 0, "d", ""));
                StringBuilder b = new StringBuilder();
                boolean first = true;
                for (Object x : items(v)) {
                    if (!first) {
                        b.append(sep);
                    }
                    first = false;
                    b.append(str(value(x, "item")));
                }
                return b.toString();
            }
            case "to_json":
                takes(args, kwargs);
                return Py.json(plainDeep(v, 0), null, false);
            case "bool": {
                takes(args, kwargs);
                if (Py.isNone(v) || v instanceof Boolean) {
                    return v;
                }
                if (v instanceof String) {
                    String s = ((String) v).toLowerCase(Locale.ROOT);
                    if (!s.chars().allMatch(c -> c < 128)) {
                        throw FALL;
                    }
                    return s.equals("yes") || s.equals("on") || s.equals("1") || s.equals("true");
                }
                if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
                    return new BigInteger(v.toString()).equals(BigInteger.ONE);
                }
                if (v instanceof Double) {
                    return (Double) v == 1.0;
                }
                return false;
            }
            case "basename":
            case "dirname": {
                takes(args, kwargs);
                if (!(v instanceof String)) {
                    throw FALL;
                }
                String p = (String) v;
                return name.equals("basename") ? HostPaths.basename(p) : HostPaths.dirname(p);
            }
            case "quote": {
                takes(args, kwargs);
                String s = Py.isNone(v) ? "" : str(v);
                if (s.isEmpty()) {
                    return "''";
                }
                if (s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "@%+=:,./-_".indexOf(c)
                        >= 0))) {
                    return s;
                }
                return "'" + s.replace("'", "'\"'\"'") + "'";
            }
            default:
                throw FALL;
        }
    }

    /** Python truth of the values this evaluator holds. */
    private static boolean truth(Object v) {
        return Py.truth(v);
    }

    /** What iterating a value gives in Python: a list's items, a dict's keys, a string's characters. */
    private static List<Object> items(Object v) {
        if (v instanceof List) {
            return new ArrayList<>((List<?>) v);
        }
        if (v instanceof Map) {
            return new ArrayList<>(((Map<?, ?>) v).keySet());
        }
        if (v instanceof String) {
            List<Object> out = new ArrayList<>();
            String s = (String) v;
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                out.add(new String(Character.toChars(c)));
                i += Character.charCount(c);
            }
            return out;
        }
        throw FALL;
    }

    /** A whole value for {@code to_json}: every string, key and item one this evaluator holds. */
    private static Object plainDeep(Object v, int depth) {
        if (depth > 64) {
            throw FALL;
        }
        if (v instanceof Map) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                Object k = e.getKey();
                if (!(k instanceof String || k instanceof Integer || k instanceof Long || k instanceof Boolean
                        || k == null)) {
                    throw FALL;
                }
                Object x = value(e.getValue(), "item");
                if (x instanceof Unknown) {
                    throw FALL;
                }
                out.put(k, plainDeep(x, depth + 1));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) v) {
                Object y = value(x, "item");
                if (y instanceof Unknown) {
                    throw FALL;
                }
                out.add(plainDeep(y, depth + 1));
            }
            return out;
        }
        return v;
    }

    /** Jinja2's {@code int} filter: {@code int(value)} (with the base for a string), else {@code int(float(value))}. */
    private static Object toInt(Object v, Object fallback, Object base) {
        if (!(base instanceof Integer)) {
            throw FALL;
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isInfinite(d)) {
                throw FALL; // OverflowError: Jinja2 does not catch it
            }
            if (Double.isNaN(d)) {
                return fallback;
            }
            return Py.intValue(new java.math.BigDecimal(d).toBigInteger());
        }
        if (v instanceof String) {
            String s = (String) v;
            if (!s.chars().allMatch(c -> c < 128)) {
                throw FALL;
            }
            int b = (Integer) base;
            if (b != 10 && b != 0 && b != 2 && b != 8 && b != 16) {
                throw FALL;
            }
            BigInteger parsed = Py.parseInt(s, b);
            if (parsed != null) {
                return Py.intValue(parsed);
            }
            Double d = Py.parseFloat(s);
            if (d != null && d.isInfinite()) {
                throw FALL;
            }
            if (d != null && !d.isNaN()) {
                return Py.intValue(new java.math.BigDecimal(d).toBigInteger());
            }
            return fallback;
        }
        return fallback;
    }

    /** Python's {@code str.replace(old, new, count)}. */
    static String replace(String s, String old, String replacement, int count) {
        if (count == 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int done = 0;
        if (old.isEmpty()) {
            int i = 0;
            while (i <= s.length()) {
                if (count < 0 || done < count) {
                    b.append(replacement);
                    done++;
                } else {
                    b.append(s, i, s.length());
                    return b.toString();
                }
                if (i == s.length()) {
                    break;
                }
                int c = s.codePointAt(i);
                b.appendCodePoint(c);
                i += Character.charCount(c);
            }
            return b.toString();
        }
        int from = 0;
        int at;
        while ((count < 0 || done < count) && (at = s.indexOf(old, from)) >= 0) {
            b.append(s, from, at).append(replacement);
            from = at + old.length();
            done++;
        }
        b.append(s, from, s.length());
        return b.toString();
    }
}
