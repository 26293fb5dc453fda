package io.github.footprint.source.template.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.footprint.source.template.VarValues;

/**
 * Python's view of the values the evaluator holds, where Java's differs: {@code str()}, {@code repr()}, truth,
 * {@code int()}, {@code float()}, {@code len()} and {@code json.dumps()}. What Ansible writes into a file is
 * {@code str()} of the value, so {@code True}, {@code None}, {@code ['a', 1]}, {@code 2.0}.
 */
final class Py {
    /** Python's None; Java's null is read as None too. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private Py() {
    }

    /** A Python tuple (a list that prints in parentheses). */
    static final class Tuple extends com.hubspot.jinjava.objects.collections.PyList {
        Tuple(List<Object> items) {
            super(java.util.Collections.unmodifiableList(new ArrayList<>(items)));
        }
    }

    static boolean isNone(Object v) {
        return v == null || v == NONE;
    }

    /** {@code str(v)}. */
    static String str(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        StringBuilder b = new StringBuilder();
        str(v, b);
        return b.toString();
    }

    private static void str(Object v, StringBuilder b) {
        if (v instanceof String) {
            b.append((String) v);
        } else if (v instanceof CharSequence || v instanceof VarValues.Unsafe) {
            b.append(v.toString());
        } else {
            repr(v, b);
        }
    }

    /** {@code repr(v)}. */
    static String repr(Object v) {
        StringBuilder b = new StringBuilder();
        repr(v, b);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void repr(Object v, StringBuilder b) {
        if (isNone(v)) {
            b.append("None");
        } else if (v instanceof Boolean) {
            b.append((Boolean) v ? "True" : "False");
        } else if (v instanceof String) {
            reprString((String) v, b);
        } else if (v instanceof CharSequence || v instanceof VarValues.Unsafe) {
            reprString(v.toString(), b);
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            b.append(floatRepr(((Number) v).doubleValue()));
        } else if (v instanceof Number) {
            b.append(v.toString());
        } else if (v instanceof Map.Entry) {
            Map.Entry<Object, Object> e = (Map.Entry<Object, Object>) v;
            b.append('(');
            repr(e.getKey(), b);
            b.append(", ");
            repr(e.getValue(), b);
            b.append(')');
        } else if (v instanceof Map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                repr(e.getKey(), b);
                b.append(": ");
                repr(e.getValue(), b);
            }
            b.append('}');
        } else if (v instanceof Tuple) {
            List<Object> items = ((Tuple) v).toList();
            b.append('(');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                repr(items.get(i), b);
            }
            b.append(items.size() == 1 ? ",)" : ")");
        } else if (v instanceof Collection || v instanceof Object[]) {
            Iterable<Object> items = v instanceof Object[] ? java.util.Arrays.asList((Object[]) v)
                    : (Collection<Object>) v;
            boolean set = v instanceof java.util.Set;
            b.append(set ? '{' : '[');
            boolean first = true;
            for (Object x : items) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                repr(x, b);
            }
            if (set && first) {
                b.setLength(b.length() - 1);
                b.append("set()");
                return;
            }
            b.append(set ? '}' : ']');
        } else {
            b.append(v);
        }
    }

    /** Python's {@code repr()} of a string: single quotes unless the text has one and no double quote. */
    private static void reprString(String s, StringBuilder b) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        b.append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == q || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else if (c < 0x7f || printable(c) || io.github.footprint.base.Secrets.isMarker(c)) {
                b.appendCodePoint(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.append(String.format("\\U%08x", c));
            }
        }
        b.append(q);
    }

    /** Python's {@code str.isprintable()} for one character beyond ASCII. */
    private static boolean printable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Python's {@code repr(float)}: the shortest digits that read back, fixed from 1e-4 up to 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        // value = 0.digits * 10^decpt
        int decpt = digits.length() - bd.scale();
        StringBuilder b = new StringBuilder();
        if (d < 0) {
            b.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                b.append("0.");
                for (int i = 0; i < -decpt; i++) {
                    b.append('0');
                }
                b.append(digits);
            } else if (decpt >= digits.length()) {
                b.append(digits);
                for (int i = digits.length(); i < decpt; i++) {
                    b.append('0');
                }
                b.append(".0");
            } else {
                b.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            b.append('e').append(exp < 0 ? '-' : '+');
            if (Math.abs(exp) < 10) {
                b.append('0');
            }
            b.append(Math.abs(exp));
        }
        return b.toString();
    }

    /** Python truth. */
    static boolean truth(Object v) {
        if (isNone(v)) {
            return false;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof BigInteger) {
            return ((BigInteger) v).signum() != 0;
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).signum() != 0;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue() != 0;
        }
        if (v instanceof CharSequence) {
            return ((CharSequence) v).length() > 0;
        }
        if (v instanceof VarValues.Unsafe) {
            return !v.toString().isEmpty();
        }
        if (v instanceof Collection) {
            return !((Collection<?>) v).isEmpty();
        }
        if (v instanceof Map) {
            return !((Map<?, ?>) v).isEmpty();
        }
        if (v instanceof Object[]) {
            return ((Object[]) v).length > 0;
        }
        return true;
    }

    /** True for the numbers Python calls int (bool aside). */
    static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    /** An integer as the smallest Java type that holds it. */
    static Number intValue(BigInteger b) {
        if (b.bitLength() < 32) {
            return b.intValue();
        }
        return b.bitLength() < 64 ? (Number) b.longValue() : b;
    }

    /** Python's {@code int(s, base)} for a string, or null when Python raises ValueError. */
    static BigInteger parseInt(String text, int base) {
        String s = strip(text);
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (base == 0 || base == 16 || base == 8 || base == 2) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            int prefixBase = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 0;
            if (prefixBase != 0 && (base == 0 || base == prefixBase)) {
                base = prefixBase;
                s = s.substring(2);
                if (s.startsWith("_")) {
                    s = s.substring(1);
                }
            } else if (base == 0) {
                base = 10;
                if (s.length() > 1 && s.matches("0[0_]*") == false && s.startsWith("0")) {
                    return null;
                }
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        String digits = s.replace("_", "");
        try {
            BigInteger v = new BigInteger(digits, base);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Python's {@code float(s)} for a string, or null when Python raises ValueError. */
    static Double parseFloat(String text) {
        String s = strip(text).replace("_", "");
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(s);
    }

    /** Python's {@code str.strip()} (Unicode whitespace). */
    static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    /** Python's {@code len()}, or -1 when it has none. */
    static int len(Object v) {
        if (v instanceof CharSequence) {
            CharSequence s = (CharSequence) v;
            return Character.codePointCount(s, 0, s.length());
        }
        if (v instanceof VarValues.Unsafe) {
            return len(v.toString());
        }
        if (v instanceof Collection) {
            return ((Collection<?>) v).size();
        }
        if (v instanceof Map) {
            return ((Map<?, ?>) v).size();
        }
        if (v instanceof Object[]) {
            return ((Object[]) v).length;
        }
        return -1;
    }

    /** What iterating a value gives in Python: a list's items, a dict's keys, a string's characters. */
    @SuppressWarnings("unchecked")
    static List<Object> iterate(Object v) {
        List<Object> out = new ArrayList<>();
        if (v instanceof Map) {
            out.addAll(((Map<Object, Object>) v).keySet());
        } else if (v instanceof Iterable) {
            for (Object x : (Iterable<Object>) v) {
                out.add(x);
            }
        } else if (v instanceof Object[]) {
            out.addAll(java.util.Arrays.asList((Object[]) v));
        } else if (v instanceof Iterator) {
            ((Iterator<Object>) v).forEachRemaining(out::add);
        } else if (v instanceof CharSequence || v instanceof VarValues.Unsafe) {
            String s = v.toString();
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                out.add(new String(Character.toChars(c)));
                i += Character.charCount(c);
            }
        } else {
            return null;
        }
        return out;
    }

    /** {@code json.dumps(v)} with Python's defaults (ensure_ascii, ", " and ": "), or with indent and sorted keys. */
    static String json(Object v, Integer indent, boolean sortKeys) {
        StringBuilder b = new StringBuilder();
        json(v, b, indent, sortKeys, 0);
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void json(Object v, StringBuilder b, Integer indent, boolean sortKeys, int depth) {
        String itemSep = indent == null ? ", " : ",";
        if (isNone(v)) {
            b.append("null");
        } else if (v instanceof Boolean) {
            b.append((Boolean) v ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : floatRepr(d));
        } else if (v instanceof Number) {
            b.append(v);
        } else if (v instanceof CharSequence || v instanceof VarValues.Unsafe) {
            jsonString(v.toString(), b);
        } else if (v instanceof Map) {
            Map<Object, Object> m = (Map<Object, Object>) v;
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            List<Map.Entry<Object, Object>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((x, y) -> jsonKey(x.getKey()).compareTo(jsonKey(y.getKey())));
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : entries) {
                if (!first) {
                    b.append(itemSep);
                }
                first = false;
                newline(b, indent, depth + 1);
                jsonString(jsonKey(e.getKey()), b);
                b.append(": ");
                json(e.getValue(), b, indent, sortKeys, depth + 1);
            }
            newline(b, indent, depth);
            b.append('}');
        } else if (v instanceof Collection || v instanceof Object[]) {
            List<Object> items = iterate(v);
            if (items.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            boolean first = true;
            for (Object x : items) {
                if (!first) {
                    b.append(itemSep);
                }
                first = false;
                newline(b, indent, depth + 1);
                json(x, b, indent, sortKeys, depth + 1);
            }
            newline(b, indent, depth);
            b.append(']');
        } else {
            jsonString(String.valueOf(v), b);
        }
    }

    private static String jsonKey(Object k) {
        if (k instanceof Boolean) {
            return (Boolean) k ? "true" : "false";
        }
        if (isNone(k)) {
            return "null";
        }
        return str(k);
    }

    private static void newline(StringBuilder b, Integer indent, int depth) {
        if (indent != null) {
            b.append('\n');
            for (int i = 0; i < indent * depth; i++) {
                b.append(' ');
            }
        }
    }

    private static void jsonString(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '\b':
                    b.append("\\b");
                    break;
                case '\f':
                    b.append("\\f");
                    break;
                default:
                    if ((c < 0x20 || c > 0x7e) && !io.github.footprint.base.Secrets.isMarker(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
