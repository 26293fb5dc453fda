package io.github.footprint.parse.scripts.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Python 3's tokenizer for the rules that matter to a start-up script, after CPython 3.11's
 * {@code Parser/tokenizer.c}: universal newlines (CR, LF, CRLF), logical lines (a NEWLINE only at bracket level 0
 * and outside blank or comment-only lines), backslash continuation, INDENT/DEDENT from the indentation stack (tab
 * stops of 8 checked against tab stops of 1, CPython's {@code altcol}), string literals with any valid prefix and
 * triple quotes, comments, numbers, operators.
 *
 * <p>Bounds are CPython's: at most {@value #MAXLEVEL} open brackets ({@code MAXLEVEL} in
 * {@code Parser/tokenizer.h}: "too many nested parentheses") and {@value #MAXINDENT} minus one indentation levels
 * ({@code MAXINDENT}: "too many levels of indentation"), as python/cpython's {@code Parser/tokenizer.h} states them
 * for 3.10 and 3.11 (commit 0190eed6) and python3 3.11 confirms (PythonJudgeTest). The errors CPython's tokenizer
 * raises here stop the reading with CPython's own message ({@link Refused}); a script CPython refuses never runs.
 *
 * <p>Python 2 only syntax (backquotes, {@code <>}, {@code 0777}, {@code 10L}) is tokenized without error: the
 * statement that holds it is left to the parser, which skips it.
 */
final class PyTokenizer {
    /** {@code MAXLEVEL} in CPython's Parser/tokenizer.h: the most brackets open at once. */
    static final int MAXLEVEL = 200;
    /** {@code MAXINDENT} in CPython's Parser/tokenizer.h: the indentation stack holds column 0 and 99 indents. */
    static final int MAXINDENT = 100;

    /** An error CPython's tokenizer raises: the whole script is refused. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;
        final String type;

        Refused(int offset, String type, String message) {
            super(message, null, false, false);
            this.offset = offset;
            this.type = type;
        }
    }

    /** Where an offset is, as a line number for messages ("detected at line N"). */
    interface Lines {
        int line(int offset);
    }

    private static final String[] OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "!=", "**", "//", "<<", ">>",
        "<=", ">=", "==", "<>", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "+", "-", "*",
        "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "`",
        "!", "$", "?"};

    private final String s;
    private final Lines lines;
    private final List<PyToken> out = new ArrayList<>();
    private int pos;
    private final int[] indstack = new int[MAXINDENT];
    private final int[] altindstack = new int[MAXINDENT];
    private int indent;
    private final char[] parenstack = new char[MAXLEVEL];
    private final int[] parenpos = new int[MAXLEVEL];
    private int level;

    /**
     * @param text the source; every CR is read as a line end (CPython translates CRLF and lone CR to LF; a text
     *        whose CRLF pairs are already LF keeps its offsets)
     */
    private PyTokenizer(String text, Lines lines) {
        this.s = text;
        this.lines = lines;
    }

    /** The tokens of a whole file, ending in NEWLINE (if any statement), DEDENTs and END. */
    static List<PyToken> tokenize(String text, Lines lines) throws Refused {
        PyTokenizer t = new PyTokenizer(text, lines);
        t.run(true);
        return t.out;
    }

    /**
     * The tokens of an f-string replacement field, read as CPython 3.11 reads it: as an expression in parentheses
     * with its own bracket count; offsets are those of the enclosing text.
     */
    static List<PyToken> tokenizeExpression(String text, int from, int to, Lines lines) throws Refused {
        PyTokenizer t = new PyTokenizer(text.substring(0, to), lines);
        t.pos = from;
        t.level = 1;
        t.parenstack[0] = '(';
        t.parenpos[0] = from;
        t.run(false);
        return t.out;
    }

    private boolean eof() {
        return pos >= s.length();
    }

    private char peek(int k) {
        int i = pos + k;
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean newline(char c) {
        return c == '\n' || c == '\r';
    }

    private void run(boolean file) throws Refused {
        if (file && s.startsWith("\ufeff")) {
            pos = 1;
        }
        boolean atBol = file;
        boolean lineHasTokens = false;
        while (true) {
            boolean blank = false;
            if (atBol) {
                atBol = false;
                int col = 0;
                int altcol = 0;
                while (!eof()) {
                    char c = s.charAt(pos);
                    if (c == ' ') {
                        col++;
                        altcol++;
                    } else if (c == '\t') {
                        col = (col / 8 + 1) * 8;
                        altcol = altcol + 1;
                    } else if (c == '\f') {
                        col = 0;
                        altcol = 0;
                    } else {
                        break;
                    }
                    pos++;
                }
                blank = eof() || s.charAt(pos) == '#' || newline(s.charAt(pos));
                if (!blank && level == 0) {
                    indentation(col, altcol);
                }
            }
            // the rest of the line
            while (true) {
                while (!eof() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\f')) {
                    pos++;
                }
                if (eof()) {
                    break;
                }
                char c = s.charAt(pos);
                if (c == '#') {
                    while (!eof() && !newline(s.charAt(pos))) {
                        pos++;
                    }
                    continue;
                }
                if (newline(c)) {
                    int at = pos;
                    pos += c == '\r' && peek(1) == '\n' ? 2 : 1;
                    if (!file) {
                        continue; // an f-string expression: newlines are plain space (it is in brackets)
                    }
                    atBol = true;
                    if (!blank && level == 0 && lineHasTokens) {
                        out.add(new PyToken(PyToken.Type.NEWLINE, "\n", at, at + 1));
                        lineHasTokens = false;
                    }
                    break;
                }
                if (c == '\\') {
                    int at = pos;
                    pos++;
                    if (eof()) {
                        throw new Refused(at, "SyntaxError", "unexpected EOF while parsing");
                    }
                    if (!newline(s.charAt(pos))) {
                        throw new Refused(at, "SyntaxError", "unexpected character after line continuation character");
                    }
                    pos += s.charAt(pos) == '\r' && peek(1) == '\n' ? 2 : 1;
                    if (eof()) {
                        throw new Refused(at, "SyntaxError", "unexpected EOF while parsing");
                    }
                    continue;
                }
                token();
                lineHasTokens = true;
            }
            if (eof()) {
                break;
            }
        }
        if (level > (file ? 0 : 1)) {
            throw new Refused(parenpos[level - 1], "SyntaxError", "'" + parenstack[level - 1] + "' was never closed");
        }
        if (!file) {
            return;
        }
        if (lineHasTokens) {
            out.add(new PyToken(PyToken.Type.NEWLINE, "", s.length(), s.length()));
        }
        while (indent > 0) {
            indent--;
            out.add(new PyToken(PyToken.Type.DEDENT, "", s.length(), s.length()));
        }
        out.add(new PyToken(PyToken.Type.END, "", s.length(), s.length()));
    }

    private void indentation(int col, int altcol) throws Refused {
        if (col == indstack[indent]) {
            if (altcol != altindstack[indent]) {
                throw new Refused(pos, "TabError", "inconsistent use of tabs and spaces in indentation");
            }
        } else if (col > indstack[indent]) {
            if (indent + 1 >= MAXINDENT) {
                throw new Refused(pos, "IndentationError", "too many levels of indentation");
            }
            if (altcol <= altindstack[indent]) {
                throw new Refused(pos, "TabError", "inconsistent use of tabs and spaces in indentation");
            }
            indent++;
            indstack[indent] = col;
            altindstack[indent] = altcol;
            out.add(new PyToken(PyToken.Type.INDENT, "", pos, pos));
        } else {
            while (indent > 0 && col < indstack[indent]) {
                indent--;
                out.add(new PyToken(PyToken.Type.DEDENT, "", pos, pos));
            }
            if (col != indstack[indent]) {
                throw new Refused(pos, "IndentationError", "unindent does not match any outer indentation level");
            }
            if (altcol != altindstack[indent]) {
                throw new Refused(pos, "TabError", "inconsistent use of tabs and spaces in indentation");
            }
        }
    }

    private static boolean nameStart(int c) {
        return c == '_' || (c < 128 ? Character.isLetter(c) : Character.isUnicodeIdentifierStart(c));
    }

    private static boolean namePart(int c) {
        return c == '_' || (c < 128 ? Character.isLetterOrDigit(c) : Character.isUnicodeIdentifierPart(c)
                && !Character.isIdentifierIgnorable(c));
    }

    private static boolean stringPrefix(String lower) {
        switch (lower) {
            case "r":
            case "u":
            case "b":
            case "f":
            case "br":
            case "rb":
            case "fr":
            case "rf":
                return true;
            default:
                return false;
        }
    }

    private void token() throws Refused {
        int start = pos;
        char c = s.charAt(pos);
        int cp = s.codePointAt(pos);
        if (nameStart(cp)) {
            while (!eof() && namePart(s.codePointAt(pos))) {
                pos += Character.charCount(s.codePointAt(pos));
            }
            String name = s.substring(start, pos);
            if (!eof() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"') && stringPrefix(name.toLowerCase(
                    java.util.Locale.ROOT))) {
                string(start, name.toLowerCase(java.util.Locale.ROOT));
                return;
            }
            out.add(new PyToken(PyToken.Type.NAME, name, start, pos));
            return;
        }
        if (c >= '0' && c <= '9' || (c == '.' && peek(1) >= '0' && peek(1) <= '9')) {
            number(start);
            return;
        }
        if (c == '\'' || c == '"') {
            string(start, "");
            return;
        }
        for (String op : OPERATORS) {
            if (op.charAt(0) == c && s.startsWith(op, pos)) {
                pos += op.length();
                if (op.length() == 1 && "([{".indexOf(op.charAt(0)) >= 0) {
                    if (level >= MAXLEVEL) {
                        throw new Refused(start, "SyntaxError", "too many nested parentheses");
                    }
                    parenstack[level] = op.charAt(0);
                    parenpos[level] = start;
                    level++;
                } else if (op.length() == 1 && ")]}".indexOf(op.charAt(0)) >= 0) {
                    if (level == 0) {
                        throw new Refused(start, "SyntaxError", "unmatched '" + op + "'");
                    }
                    level--;
                    char open = parenstack[level];
                    if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
                        int openLine = lines.line(parenpos[level]);
                        String msg = "closing parenthesis '" + c + "' does not match opening parenthesis '" + open
                                + "'";
                        throw new Refused(start, "SyntaxError", openLine != lines.line(start)
                                ? msg + " on line " + openLine : msg);
                    }
                }
                out.add(new PyToken(PyToken.Type.OP, op, start, pos));
                return;
            }
        }
        // a character Python has no token for: one OP token, which no statement accepts
        pos += Character.charCount(cp);
        out.add(new PyToken(PyToken.Type.OP, s.substring(start, pos), start, pos));
    }

    private void number(int start) {
        boolean hex = s.startsWith("0x", pos) || s.startsWith("0X", pos);
        while (!eof()) {
            char c = s.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
                if (!hex && (c == 'e' || c == 'E') && (peek(0) == '+' || peek(0) == '-') && peek(1) >= '0'
                        && peek(1) <= '9') {
                    pos++;
                }
            } else {
                break;
            }
        }
        out.add(new PyToken(PyToken.Type.NUMBER, s.substring(start, pos), start, pos));
    }

    private void string(int start, String prefix) throws Refused {
        char quote = s.charAt(pos);
        int quoteSize = 1;
        pos++;
        if (peek(0) == quote && peek(1) == quote) {
            quoteSize = 3;
            pos += 2;
        }
        int bodyStart = pos;
        int endQuote = 0;
        while (true) {
            if (eof() || (quoteSize == 1 && newline(s.charAt(pos)))) {
                int detected = lines.line(Math.min(pos, Math.max(0, s.length() - 1)));
                if (eof() && s.length() > 0 && newline(s.charAt(s.length() - 1)) && quoteSize == 3) {
                    detected = lines.line(s.length() - 1);
                }
                throw new Refused(start, "SyntaxError", quoteSize == 3
                        ? "unterminated triple-quoted string literal (detected at line " + detected + ")"
                        : "unterminated string literal (detected at line " + detected + ")");
            }
            char c = s.charAt(pos);
            pos++;
            if (c == quote) {
                endQuote++;
                if (endQuote == quoteSize) {
                    break;
                }
            } else {
                endQuote = 0;
                if (c == '\\' && !eof()) {
                    pos += s.charAt(pos) == '\r' && peek(1) == '\n' ? 2 : 1;
                }
            }
        }
        out.add(new PyToken(PyToken.Type.STRING, s.substring(start, pos), start, pos, prefix, bodyStart,
                pos - quoteSize));
    }

    // ---------------------------------------------------------------- literal values

    /** A literal's value could not be decoded: CPython 3 would refuse the escape. */
    static final class BadEscape extends Exception {
        private static final long serialVersionUID = 1L;

        BadEscape(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The value of a string body as Python 3 decodes it: {@code raw} keeps backslashes, {@code bytes} knows no
     * {@code \N}, {@code \\u}, {@code \\U} escapes (and holds ASCII only). Line ends in the body are LF.
     */
    static String decode(String body, boolean raw, boolean bytes) throws BadEscape {
        StringBuilder b = new StringBuilder(body.length());
        int i = 0;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\r') {
                b.append('\n');
                i += i + 1 < n && body.charAt(i + 1) == '\n' ? 2 : 1;
                continue;
            }
            if (bytes && c >= 0x80) {
                throw new BadEscape("bytes can only contain ASCII literal characters");
            }
            if (c != '\\' || raw) {
                if (raw && c == '\\' && i + 1 < n) {
                    // a raw string keeps the backslash and the character after it (a quote or a line end too)
                    b.append(c);
                    char d = body.charAt(i + 1);
                    if (d == '\r') {
                        b.append('\n');
                        i += i + 2 < n && body.charAt(i + 2) == '\n' ? 3 : 2;
                    } else {
                        b.append(d);
                        i += 2;
                    }
                    continue;
                }
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                b.append('\\');
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n':
                    break;
                case '\r':
                    if (i < n && body.charAt(i) == '\n') {
                        i++;
                    }
                    break;
                case '\\':
                    b.append('\\');
                    break;
                case '\'':
                    b.append('\'');
                    break;
                case '"':
                    b.append('"');
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
                case 'x': {
                    int v = hexDigits(body, i, 2);
                    if (v < 0) {
                        throw new BadEscape("truncated \\xXX escape");
                    }
                    b.append((char) v);
                    i += 2;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int k = 0;
                        while (k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            v = v * 8 + (body.charAt(i) - '0');
                            i++;
                            k++;
                        }
                        if (bytes) {
                            v &= 0xff;
                        }
                        b.appendCodePoint(v);
                    } else if (!bytes && (e == 'u' || e == 'U')) {
                        int len = e == 'u' ? 4 : 8;
                        int v = hexDigits(body, i, len);
                        if (v < 0) {
                            throw new BadEscape("truncated \\" + e + (e == 'u' ? "XXXX" : "XXXXXXXX") + " escape");
                        }
                        if (v > 0x10ffff) {
                            throw new BadEscape("illegal Unicode character");
                        }
                        b.appendCodePoint(v);
                        i += len;
                    } else if (!bytes && e == 'N') {
                        int close = i < n && body.charAt(i) == '{' ? body.indexOf('}', i) : -1;
                        if (close < 0) {
                            throw new BadEscape("malformed \\N character escape");
                        }
                        String name = body.substring(i + 1, close);
                        int v;
                        try {
                            v = Character.codePointOf(name);
                        } catch (IllegalArgumentException x) {
                            throw new BadEscape("unknown Unicode character name");
                        }
                        b.appendCodePoint(v);
                        i = close + 1;
                    } else {
                        // an unknown escape keeps its backslash
                        b.append('\\').append(e);
                    }
            }
        }
        return b.toString();
    }

    private static int hexDigits(String body, int at, int count) {
        if (at + count > body.length()) {
            return -1;
        }
        long v = 0;
        for (int k = 0; k < count; k++) {
            int h = PyStrings.hex(body.charAt(at + k));
            if (h < 0) {
                return -1;
            }
            v = v * 16 + h;
        }
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }
}
