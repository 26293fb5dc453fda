package io.github.footprint.source.template.jinja;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} for what Ansible gives it: after templating a variable, a result that starts with
 * {@code [} or {@code {}, or is {@code True}/{@code False}, becomes a list, dict or bool (JSON's true, false and null
 * read as Python's). Null when the text is no literal (Ansible then keeps the string).
 */
final class PyLiteral {
    private final String s;
    private int i;

    private PyLiteral(String s) {
        this.s = s;
    }

    /** The value, or null when the text is not a literal. */
    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        try {
            p.space();
            Object v = p.value();
            p.space();
            return p.i == text.length() ? v : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private void space() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r' || s.charAt(i) == '\f')) {
            i++;
        }
    }

    private IllegalArgumentException fail() {
        return new IllegalArgumentException("not a literal at " + i);
    }

    private Object value() {
        Object first = single();
        space();
        if (i < s.length() && s.charAt(i) == ',' && !inContainer) {
            // a bare tuple
            List<Object> t = new ArrayList<>();
            t.add(first);
            while (i < s.length() && s.charAt(i) == ',') {
                i++;
                space();
                if (i >= s.length()) {
                    break;
                }
                t.add(single());
                space();
            }
            return t;
        }
        return first;
    }

    private boolean inContainer;

    private Object single() {
        char c = s.charAt(i);
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            i++;
            List<Object> out = new ArrayList<>();
            boolean saved = inContainer;
            inContainer = true;
            space();
            boolean comma = false;
            while (s.charAt(i) != close) {
                out.add(single());
                space();
                comma = false;
                if (s.charAt(i) == ',') {
                    i++;
                    comma = true;
                    space();
                } else if (s.charAt(i) != close) {
                    throw fail();
                }
            }
            i++;
            inContainer = saved;
            if (c == '(' && out.size() == 1 && !comma) {
                return out.get(0);
            }
            return out;
        }
        if (c == '{') {
            i++;
            boolean saved = inContainer;
            inContainer = true;
            space();
            Map<Object, Object> map = new LinkedHashMap<>();
            LinkedHashSet<Object> set = null;
            while (s.charAt(i) != '}') {
                Object k = single();
                space();
                if (s.charAt(i) == ':' && set == null) {
                    i++;
                    space();
                    map.put(k, single());
                } else if (map.isEmpty()) {
                    if (set == null) {
                        set = new LinkedHashSet<>();
                    }
                    set.add(k);
                } else {
                    throw fail();
                }
                space();
                if (s.charAt(i) == ',') {
                    i++;
                    space();
                } else if (s.charAt(i) != '}') {
                    throw fail();
                }
            }
            i++;
            inContainer = saved;
            return set != null ? set : map;
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
            return number();
        }
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        switch (s.substring(start, i)) {
            case "True":
            case "true":
                return Boolean.TRUE;
            case "False":
            case "false":
                return Boolean.FALSE;
            case "None":
            case "null":
                return Py.NONE;
            default:
                throw fail();
        }
    }

    private Object string() {
        char q = s.charAt(i);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        int start = i;
        i += triple ? 3 : 1;
        while (true) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(3), i))) {
                i += triple ? 3 : 1;
                break;
            }
            if (c == '\n' && !triple) {
                throw fail();
            }
            i++;
        }
        String body = s.substring(start + (triple ? 2 : 0), i - (triple ? 2 : 0));
        Object first = Translator.unescape(body);
        space();
        if (i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
            // implicit concatenation of adjacent literals
            return first + (String) string();
        }
        return first;
    }

    private Object number() {
        int start = i;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            i++;
            space();
        }
        int digits = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_'
                || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
            i++;
        }
        String t = s.substring(digits, i);
        boolean negative = s.charAt(start) == '-';
        BigInteger b = Py.parseInt(t, 0);
        if (b != null && !t.contains(".")) {
            return Py.intValue(negative ? b.negate() : b);
        }
        Double d = t.matches("[0-9_]*\\.?[0-9_]*([eE][+-]?[0-9_]+)?") && !t.equals(".") ? Py.parseFloat(t) : null;
        if (d == null) {
            throw fail();
        }
        return negative ? -d : d;
    }
}
