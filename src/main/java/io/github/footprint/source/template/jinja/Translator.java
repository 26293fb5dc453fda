package io.github.footprint.source.template.jinja;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a Jinja2 expression into the same expression in Jinjava's syntax: Python string escapes become literal
 * characters, {@code True}/{@code False}/{@code None} the engine's constants, {@code 0x1f} and {@code 1_000} plain
 * decimals, {@code x.0} an index, and names Jinjava's expression language reserves ({@code empty}, {@code div},
 * {@code eq}...) a form it reads as a name. Everything else is the same in both.
 */
final class Translator {
    /** Stands for Python's None (the evaluator resolves it to {@link Py#NONE}). */
    static final String NONE_NAME = "__fp_none";
    /** Stands for {@code ()}, the empty tuple Jinjava's parser cannot read. */
    static final String EMPTY_TUPLE = "__fp_empty_tuple";
    /** The filter a Python slice ({@code x[1:]}, {@code x[::-1]}) is turned into. */
    static final String SLICE = "__fp_slice";
    /** Prefix of names that are reserved words in Jinjava's expression language. */
    static final String RESERVED_PREFIX = "__fp_kw_";

    private static final Set<String> EL_RESERVED = Set.of("eq", "ne", "lt", "gt", "le", "ge", "div", "mod",
            "empty", "instanceof", "null", "function");

    /** A token of a Jinja2 expression. */
    static final class Tok {
        enum Kind { SPACE, NUMBER, NAME, STRING, OPERATOR }

        final Kind kind;
        final String text;

        Tok(Kind kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        @Override
        public String toString() {
            return kind + ":" + text;
        }
    }

    /** A Jinja2 expression Jinjava cannot be given. */
    static final class Untranslatable extends Exception {
        private static final long serialVersionUID = 1L;

        Untranslatable(String message) {
            super(message, null, false, false);
        }
    }

    private Translator() {
    }

    /** Jinja2's tokens of an expression (spaces kept, to give the text back). */
    static List<Tok> tokens(String s) throws Untranslatable {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (Py.isSpace(c)) {
                while (i < n && Py.isSpace(s.charAt(i))) {
                    i++;
                }
                out.add(new Tok(Tok.Kind.SPACE, s.substring(start, i)));
                continue;
            }
            int num = numberEnd(s, i);
            if (num > i) {
                out.add(new Tok(Tok.Kind.NUMBER, s.substring(i, num)));
                i = num;
                continue;
            }
            if (nameChar(c)) {
                while (i < n && nameChar(s.charAt(i))) {
                    i++;
                }
                out.add(new Tok(Tok.Kind.NAME, s.substring(start, i)));
                continue;
            }
            if (c == '\'' || c == '"') {
                i++;
                while (i < n && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                if (i >= n) {
                    throw new Untranslatable("unterminated string");
                }
                i++;
                out.add(new Tok(Tok.Kind.STRING, s.substring(start, i)));
                continue;
            }
            String two = i + 1 < n ? s.substring(i, i + 2) : "";
            if (two.equals("//") || two.equals("**") || two.equals("==") || two.equals("!=") || two.equals(">=")
                    || two.equals("<=")) {
                out.add(new Tok(Tok.Kind.OPERATOR, two));
                i += 2;
                continue;
            }
            if ("+-/*%~[](){}=.:|,;<>".indexOf(c) >= 0) {
                out.add(new Tok(Tok.Kind.OPERATOR, String.valueOf(c)));
                i++;
                continue;
            }
            throw new Untranslatable("unexpected char '" + c + "'");
        }
        return out;
    }

    private static boolean nameChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        int t = Character.getType(c);
        return Character.isLetterOrDigit(c) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.CONNECTOR_PUNCTUATION;
    }

    /** Past a number literal (float first, then integer, as Jinja2's lexer), or {@code at}. */
    private static int numberEnd(String s, int at) {
        char c = s.charAt(at);
        if (c < '0' || c > '9') {
            return at;
        }
        int n = s.length();
        int i = at;
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (c == '0' && i + 1 < n && "xob".indexOf(lower.charAt(i + 1)) >= 0) {
            String digits = lower.charAt(i + 1) == 'x' ? "0123456789abcdef_" : lower.charAt(i + 1) == 'o'
                    ? "01234567_" : "01_";
            int j = i + 2;
            while (j < n && digits.indexOf(lower.charAt(j)) >= 0) {
                j++;
            }
            if (j > i + 2) {
                return j;
            }
        }
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i + 1 < n && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1)) && (at == 0 || s.charAt(at - 1)
                != '.')) {
            i++;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(s.charAt(j))) {
                while (j < n && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    private static final Set<String> BINARY = Set.of("+", "-", "*", "/", "//", "%", "**", "~", "==", "!=", "<",
            ">", "<=", ">=", ",", ":", "=");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "if", "else");

    /**
     * Jinja2 applies filters and tests left to right at one level ({@code x | default(1) is number}); Jinjava's
     * parser takes no test after a filter, so the operand of such a test is put in parentheses.
     */
    private static List<Tok> parenthesizeTestedFilters(List<Tok> toks) {
        List<Tok> out = new ArrayList<>(toks);
        for (int i = 0; i < out.size(); i++) {
            Tok t = out.get(i);
            if (t.kind != Tok.Kind.NAME || !t.text.equals("is")) {
                continue;
            }
            int depth = 0;
            boolean filtered = false;
            int start = 0;
            for (int j = i - 1; j >= 0; j--) {
                Tok u = out.get(j);
                if (u.kind == Tok.Kind.OPERATOR && ")]}".contains(u.text)) {
                    depth++;
                } else if (u.kind == Tok.Kind.OPERATOR && "([{".contains(u.text)) {
                    if (depth == 0) {
                        start = j + 1;
                        break;
                    }
                    depth--;
                } else if (depth == 0 && u.kind == Tok.Kind.OPERATOR && u.text.equals("|")) {
                    filtered = true;
                } else if (depth == 0 && ((u.kind == Tok.Kind.OPERATOR && BINARY.contains(u.text))
                        || (u.kind == Tok.Kind.NAME && KEYWORDS.contains(u.text)))) {
                    start = j + 1;
                    break;
                }
            }
            if (filtered) {
                out.add(i, new Tok(Tok.Kind.OPERATOR, ")"));
                out.add(start, new Tok(Tok.Kind.OPERATOR, "("));
                i += 2;
            }
        }
        return out;
    }

    /**
     * Jinja2's unary minus takes the operand without its filters ({@code -7 | abs} is {@code (-7) | abs}); Jinjava's
     * takes them too, so such a negation is put in parentheses.
     */
    private static List<Tok> parenthesizeNegations(List<Tok> toks) {
        List<Tok> out = new ArrayList<>(toks);
        for (int i = 0; i < out.size(); i++) {
            Tok t = out.get(i);
            if (t.kind != Tok.Kind.OPERATOR || !(t.text.equals("-") || t.text.equals("+"))) {
                continue;
            }
            Tok before = previous(out, i);
            boolean unary = before == null || (before.kind == Tok.Kind.OPERATOR && (BINARY.contains(before.text)
                    || "([{|".contains(before.text))) || (before.kind == Tok.Kind.NAME && KEYWORDS.contains(
                            before.text));
            if (!unary) {
                continue;
            }
            int end = operandEnd(out, i + 1);
            if (end < 0) {
                continue;
            }
            Tok after = next(out, end);
            if (after != null && after.kind == Tok.Kind.OPERATOR && after.text.equals("|")) {
                out.add(end, new Tok(Tok.Kind.OPERATOR, ")"));
                out.add(i, new Tok(Tok.Kind.OPERATOR, "("));
                i++;
            }
        }
        return out;
    }

    private static Tok previous(List<Tok> toks, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (toks.get(j).kind != Tok.Kind.SPACE) {
                return toks.get(j);
            }
        }
        return null;
    }

    private static Tok next(List<Tok> toks, int i) {
        for (int j = i; j < toks.size(); j++) {
            if (toks.get(j).kind != Tok.Kind.SPACE) {
                return toks.get(j);
            }
        }
        return null;
    }

    /** Past a primary and its postfixes (attributes, subscripts, calls) from {@code i}; -1 when there is none. */
    private static int operandEnd(List<Tok> toks, int i) {
        while (i < toks.size() && toks.get(i).kind == Tok.Kind.SPACE) {
            i++;
        }
        if (i >= toks.size()) {
            return -1;
        }
        Tok t = toks.get(i);
        if (t.kind == Tok.Kind.OPERATOR && "([{".contains(t.text)) {
            i = groupEnd(toks, i);
        } else if (t.kind == Tok.Kind.NAME || t.kind == Tok.Kind.NUMBER || t.kind == Tok.Kind.STRING) {
            i++;
        } else {
            return -1;
        }
        while (i >= 0 && i < toks.size()) {
            Tok u = toks.get(i);
            if (u.kind == Tok.Kind.OPERATOR && u.text.equals(".") && i + 1 < toks.size()) {
                i += 2;
            } else if (u.kind == Tok.Kind.OPERATOR && (u.text.equals("[") || u.text.equals("("))) {
                i = groupEnd(toks, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** Past the bracket group opening at {@code i}, or -1. */
    private static int groupEnd(List<Tok> toks, int i) {
        int depth = 0;
        for (int j = i; j < toks.size(); j++) {
            Tok t = toks.get(j);
            if (t.kind == Tok.Kind.OPERATOR && "([{".contains(t.text)) {
                depth++;
            } else if (t.kind == Tok.Kind.OPERATOR && ")]}".contains(t.text) && --depth == 0) {
                return j + 1;
            }
        }
        return -1;
    }

    /**
     * Python's slices ({@code x[a:b:c]}, any part left out) become a filter with Python's semantics:
     * {@code (x | __fp_slice(a, b, c))}.
     */
    private static List<Tok> slices(List<Tok> toks) throws Untranslatable {
        List<Tok> out = new ArrayList<>(toks);
        for (int i = 0; i < out.size(); i++) {
            Tok t = out.get(i);
            if (t.kind != Tok.Kind.OPERATOR || !t.text.equals("[")) {
                continue;
            }
            Tok before = previous(out, i);
            boolean subscript = before != null && (before.kind == Tok.Kind.STRING || (before.kind == Tok.Kind.NAME
                    && !KEYWORDS.contains(before.text) && !before.text.equals("is")) || (before.kind
                            == Tok.Kind.OPERATOR && (before.text.equals(")") || before.text.equals("]"))));
            int end = groupEnd(out, i);
            if (!subscript || end < 0) {
                continue;
            }
            List<List<Tok>> parts = new ArrayList<>();
            parts.add(new ArrayList<>());
            int depth = 0;
            for (int j = i + 1; j < end - 1; j++) {
                Tok u = out.get(j);
                if (u.kind == Tok.Kind.OPERATOR && "([{".contains(u.text)) {
                    depth++;
                } else if (u.kind == Tok.Kind.OPERATOR && ")]}".contains(u.text)) {
                    depth--;
                } else if (depth == 0 && u.kind == Tok.Kind.OPERATOR && u.text.equals(":")) {
                    parts.add(new ArrayList<>());
                    continue;
                }
                parts.get(parts.size() - 1).add(u);
            }
            if (parts.size() < 2) {
                continue;
            }
            if (parts.size() > 3) {
                throw new Untranslatable("invalid slice");
            }
            int start = operandStart(out, i);
            List<Tok> call = new ArrayList<>();
            call.add(new Tok(Tok.Kind.OPERATOR, "|"));
            call.add(new Tok(Tok.Kind.NAME, SLICE));
            call.add(new Tok(Tok.Kind.OPERATOR, "("));
            for (int p = 0; p < 3; p++) {
                if (p > 0) {
                    call.add(new Tok(Tok.Kind.OPERATOR, ","));
                }
                List<Tok> part = p < parts.size() ? parts.get(p) : List.of();
                if (part.stream().allMatch(x -> x.kind == Tok.Kind.SPACE)) {
                    call.add(new Tok(Tok.Kind.NAME, "none"));
                } else {
                    call.addAll(part);
                }
            }
            call.add(new Tok(Tok.Kind.OPERATOR, ")"));
            call.add(new Tok(Tok.Kind.OPERATOR, ")"));
            out.subList(i, end).clear();
            out.addAll(i, call);
            out.add(start, new Tok(Tok.Kind.OPERATOR, "("));
            i = start;
        }
        return out;
    }

    /** Where the primary and postfixes ending just before {@code i} start. */
    private static int operandStart(List<Tok> toks, int i) {
        int j = i - 1;
        while (j >= 0) {
            while (j >= 0 && toks.get(j).kind == Tok.Kind.SPACE) {
                j--;
            }
            if (j < 0) {
                return 0;
            }
            Tok t = toks.get(j);
            int start;
            if (t.kind == Tok.Kind.OPERATOR && ")]}".contains(t.text)) {
                int depth = 0;
                int k = j;
                for (; k >= 0; k--) {
                    Tok u = toks.get(k);
                    if (u.kind == Tok.Kind.OPERATOR && ")]}".contains(u.text)) {
                        depth++;
                    } else if (u.kind == Tok.Kind.OPERATOR && "([{".contains(u.text) && --depth == 0) {
                        break;
                    }
                }
                start = Math.max(0, k);
            } else {
                start = j;
            }
            // a postfix (call or subscript) continues to its left; a dot joins an attribute to its base
            int p = start - 1;
            while (p >= 0 && toks.get(p).kind == Tok.Kind.SPACE) {
                p--;
            }
            Tok left = p >= 0 ? toks.get(p) : null;
            boolean postfix = toks.get(start).kind == Tok.Kind.OPERATOR && ("(".equals(toks.get(start).text)
                    || "[".equals(toks.get(start).text)) && left != null && (left.kind == Tok.Kind.NAME
                            && !KEYWORDS.contains(left.text) || left.kind == Tok.Kind.STRING
                            || (left.kind == Tok.Kind.OPERATOR && (")".equals(left.text) || "]".equals(left.text))));
            if (postfix) {
                j = p;
                continue;
            }
            if (left != null && left.kind == Tok.Kind.OPERATOR && left.text.equals(".")) {
                j = p - 1;
                continue;
            }
            return start;
        }
        return 0;
    }

    /** {@code ()} that is no call is the empty tuple. */
    private static List<Tok> emptyTuples(List<Tok> toks) {
        List<Tok> out = new ArrayList<>(toks);
        for (int i = 0; i < out.size(); i++) {
            Tok t = out.get(i);
            if (t.kind != Tok.Kind.OPERATOR || !t.text.equals("(")) {
                continue;
            }
            Tok after = next(out, i + 1);
            Tok before = previous(out, i);
            boolean call = before != null && ((before.kind == Tok.Kind.NAME && !KEYWORDS.contains(before.text))
                    || before.kind == Tok.Kind.STRING || (before.kind == Tok.Kind.OPERATOR
                            && (before.text.equals(")") || before.text.equals("]"))));
            if (after != null && after.kind == Tok.Kind.OPERATOR && after.text.equals(")") && !call) {
                int close = out.indexOf(after);
                out.subList(i, close + 1).clear();
                out.add(i, new Tok(Tok.Kind.NAME, EMPTY_TUPLE));
            }
        }
        return out;
    }

    /** The expression in Jinjava's syntax. */
    static String translate(String expression) throws Untranslatable {
        List<Tok> toks = parenthesizeTestedFilters(parenthesizeNegations(slices(emptyTuples(tokens(expression)))));
        StringBuilder b = new StringBuilder();
        Tok prev = null;
        Tok prev2 = null;
        for (int k = 0; k < toks.size(); k++) {
            Tok t = toks.get(k);
            switch (t.kind) {
                case SPACE:
                    b.append(' ');
                    break;
                case STRING:
                    b.append(elString(unescape(t.text)));
                    break;
                case NUMBER:
                    if (prev != null && prev.kind == Tok.Kind.OPERATOR && prev.text.equals(".")) {
                        // x.0 is x[0]
                        b.setLength(b.length() - 1);
                        b.append('[').append(number(t.text)).append(']');
                    } else {
                        b.append(number(t.text));
                    }
                    break;
                case NAME:
                    boolean attribute = prev != null && prev.kind == Tok.Kind.OPERATOR && prev.text.equals(".");
                    // the name of a filter or a test is no variable
                    boolean callee = prev != null && (prev.text.equals("|") || prev.text.equals("is")
                            || (prev.text.equals("not") && prev2 != null && prev2.text.equals("is")));
                    b.append(callee ? t.text : name(t.text, attribute, b));
                    break;
                default:
                    b.append(t.text);
                    if (t.text.equals("+") || t.text.equals("-")) {
                        // Jinjava reads "+1" as one token
                        b.append(' ');
                    }
            }
            if (t.kind != Tok.Kind.SPACE) {
                prev2 = prev;
                prev = t;
            }
        }
        return b.toString();
    }

    private static String name(String name, boolean attribute, StringBuilder b) {
        if (attribute) {
            if (EL_RESERVED.contains(name) || name.equals("and") || name.equals("or") || name.equals("not")
                    || name.equals("true") || name.equals("false")) {
                b.setLength(b.length() - 1);
                return "['" + name + "']";
            }
            return name;
        }
        switch (name) {
            case "True":
            case "true":
                return "true";
            case "False":
            case "false":
                return "false";
            case "None":
            case "none":
                return NONE_NAME;
            default:
                return EL_RESERVED.contains(name) ? RESERVED_PREFIX + name : name;
        }
    }

    /** A number literal as a plain decimal (base prefixes and underscores gone). */
    private static String number(String text) {
        String t = text.replace("_", "");
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            return new BigInteger(t.substring(2), 16).toString();
        }
        if (lower.startsWith("0o")) {
            return new BigInteger(t.substring(2), 8).toString();
        }
        if (lower.startsWith("0b")) {
            return new BigInteger(t.substring(2), 2).toString();
        }
        if (lower.contains(".") || lower.contains("e")) {
            return t;
        }
        // 007 is an error in Python 3; Jinja2 reads "0" then "07": keep what is written
        return t;
    }

    /** Python's unescaping of a string literal's body ({@code unicode-escape}); unknown escapes stay as written. */
    static String unescape(String literal) {
        String s = literal.substring(1, literal.length() - 1);
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\n':
                    break;
                case '\\':
                case '\'':
                case '"':
                    b.append(e);
                    break;
                case 'a':
                    b.append('\u0007');
                    break;
                case 'b':
                    b.append('\b');
                    break;
                case 'f':
                    b.append('\f');
                    break;
                case 'n':
                    b.append('\n');
                    break;
                case 'r':
                    b.append('\r');
                    break;
                case 't':
                    b.append('\t');
                    break;
                case 'v':
                    b.append('\u000b');
                    break;
                case 'x':
                case 'u':
                case 'U': {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (hex(s, i + 1, len)) {
                        b.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
                        i += len;
                    } else {
                        b.append('\\').append(e);
                    }
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int j = i;
                        int v = 0;
                        while (j < n && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            v = v * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        b.append((char) v);
                        i = j - 1;
                    } else {
                        b.append('\\').append(e);
                    }
            }
        }
        return b.toString();
    }

    private static boolean hex(String s, int from, int len) {
        if (from + len > s.length()) {
            return false;
        }
        for (int i = from; i < from + len; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A string literal Jinjava's scanner reads back as exactly this text. */
    static String elString(String v) {
        StringBuilder b = new StringBuilder(v.length() + 2).append('\'');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\':
                    b.append("\\\\");
                    break;
                case '\'':
                    b.append("\\'");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
