package io.github.footprint.source.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's lexer (jinja2/lexer.py, 3.x), written out for the default delimiters: it cuts a template into text,
 * {@code {{ }}} expressions and {@code {% %}} statements, drops comments, turns {@code {% raw %}} blocks into text,
 * and applies every rule of whitespace control exactly where Jinja2 applies it (the {@code -} and {@code +} signs,
 * {@code trim_blocks}, {@code lstrip_blocks}, the single trailing newline {@code keep_trailing_newline} keeps). What
 * comes out is what Jinja2's parser sees, so the engine that evaluates it needs no whitespace rules of its own, and
 * every piece of text knows the template line it came from.
 *
 * <p>Like Jinja2, the source is first normalised: {@code \r\n}, {@code \r} and {@code \n} all end a line, and
 * text is {@code \n}-separated. Positions in tokens are positions in {@link Result#source()}.
 */
public final class Jinja2Lexer {
    /** The three environment settings that change lexing. */
    public static final class Settings {
        final boolean trimBlocks;
        final boolean lstripBlocks;
        final boolean keepTrailingNewline;

        public Settings(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline) {
            this.trimBlocks = trimBlocks;
            this.lstripBlocks = lstripBlocks;
            this.keepTrailingNewline = keepTrailingNewline;
        }

        /** Ansible's template module: trim_blocks on, lstrip_blocks off, Jinja2's trailing newline rule. */
        public static Settings ansible() {
            return new Settings(true, false, false);
        }

        public boolean trimBlocks() {
            return trimBlocks;
        }

        public boolean lstripBlocks() {
            return lstripBlocks;
        }

        public boolean keepTrailingNewline() {
            return keepTrailingNewline;
        }
    }

    /** What a token is. */
    public enum Type {
        /** Literal text (from the template, or the inside of a raw block). */
        TEXT,
        /** A {@code {{ expression }}}. */
        EXPRESSION,
        /** A {@code {% statement %}}. */
        STATEMENT
    }

    /** One token: for text, {@code [start, end)} of the source; for the others, the content between delimiters. */
    public static final class Token {
        private final Type type;
        private final int start;
        private final int end;
        private final String content;
        private final int tagStart;
        private final int tagEnd;

        Token(Type type, int start, int end, String content, int tagStart) {
            this(type, start, end, content, tagStart, end);
        }

        Token(Type type, int start, int end, String content, int tagStart, int tagEnd) {
            this.type = type;
            this.start = start;
            this.end = end;
            this.content = content;
            this.tagStart = tagStart;
            this.tagEnd = tagEnd;
        }

        public Type type() {
            return type;
        }

        /** Text: first character. Expression, statement: first character of the content. */
        public int start() {
            return start;
        }

        /** Text: one past the last character. Expression, statement: one past the content. */
        public int end() {
            return end;
        }

        /** The text, or the content between the delimiters and their whitespace-control signs. */
        public String content() {
            return content;
        }

        /** Where the opening delimiter ({@code {{}, {@code {%}) starts; for text, {@link #start()}. */
        public int tagStart() {
            return tagStart;
        }

        /** One past the closing delimiter ({@code }}}, {@code -%}}); for text, {@link #end()}. */
        public int tagEnd() {
            return tagEnd;
        }

        @Override
        public String toString() {
            return type + "[" + content + "]";
        }
    }

    /** A template Jinja2 would refuse at lexing. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int position;

        SyntaxError(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }

        /** Position in the normalised source. */
        public int position() {
            return position;
        }
    }

    /** The tokens of a template and the normalised source they point into. */
    public static final class Result {
        private final String source;
        private final List<Token> tokens;
        private final int[] lineStarts;

        Result(String source, List<Token> tokens) {
            this.source = source;
            this.tokens = tokens;
            this.lineStarts = TextLines.starts(source);
        }

        public String source() {
            return source;
        }

        public List<Token> tokens() {
            return tokens;
        }

        /** The line (1-based, in the normalised source) of a position. */
        public int line(int position) {
            return TextLines.lineOf(lineStarts, position);
        }
    }

    private Jinja2Lexer() {
    }

    /** Jinja2's newline normalisation: every line end becomes {@code \n}; the last one goes unless kept. */
    public static String normalize(String text, boolean keepTrailingNewline) {
        StringBuilder b = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == '\r') {
                b = new StringBuilder(n);
                break;
            }
        }
        String s = text;
        if (b != null) {
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\r') {
                    b.append('\n');
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else {
                    b.append(c);
                }
            }
            s = b.toString();
        }
        if (!keepTrailingNewline && s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Lexes a template (any line ends). */
    public static Result lex(String template, Settings settings) throws SyntaxError {
        String s = normalize(template, settings.keepTrailingNewline);
        return new Result(s, new Scanner(s, settings).run());
    }

    private static final class Scanner {
        private final String s;
        private final int n;
        private final Settings settings;
        private final List<Token> out = new ArrayList<>();
        private boolean lineStarting = true;

        Scanner(String s, Settings settings) {
            this.s = s;
            this.n = s.length();
            this.settings = settings;
        }

        List<Token> run() throws SyntaxError {
            int pos = 0;
            while (pos < n) {
                int open = findOpen(pos);
                if (open < 0) {
                    out.add(new Token(Type.TEXT, pos, n, s.substring(pos, n), pos));
                    break;
                }
                pos = tag(pos, open);
            }
            return out;
        }

        /** The first {@code {{}, {@code {%} or {@code {#} at or after pos (the root rule's non-greedy text). */
        private int findOpen(int from) {
            for (int i = s.indexOf('{', from); i >= 0 && i + 1 < n; i = s.indexOf('{', i + 1)) {
                char c = s.charAt(i + 1);
                if (c == '{' || c == '%' || c == '#') {
                    return i;
                }
            }
            return -1;
        }

        private char sign(int at) {
            if (at < n) {
                char c = s.charAt(at);
                if (c == '-' || c == '+') {
                    return c;
                }
            }
            return 0;
        }

        /** The text before a tag and the tag; returns where scanning goes on. */
        private int tag(int textStart, int open) throws SyntaxError {
            char kind = s.charAt(open + 1);
            char sign = sign(open + 2);
            int afterSign = open + 2 + (sign != 0 ? 1 : 0);
            int rawEnd = kind == '%' ? rawBegin(afterSign) : -1;
            // the text before the tag, with the strip the tag's sign (or lstrip_blocks) asks for
            int textEnd = open;
            if (sign == '-') {
                textEnd = rstrip(textStart, open);
            } else if (sign != '+' && settings.lstripBlocks && kind != '{') {
                int lineStart = s.lastIndexOf('\n', open - 1) + 1;
                if (lineStart < textStart) {
                    lineStart = textStart;
                }
                if ((lineStart > textStart || lineStarting) && lineStart < open && allSpace(lineStart, open)) {
                    textEnd = lineStart;
                }
            }
            if (textEnd > textStart) {
                out.add(new Token(Type.TEXT, textStart, textEnd, s.substring(textStart, textEnd), textStart));
            }
            if (rawEnd >= 0) {
                lineStarting = s.charAt(rawEnd - 1) == '\n';
                return raw(rawEnd, open);
            }
            switch (kind) {
                case '#':
                    return comment(afterSign, open);
                case '%':
                    return inside(afterSign, open, Type.STATEMENT);
                default:
                    return inside(afterSign, open, Type.EXPRESSION);
            }
        }

        /** If {@code \s*raw\s*(-%}\s*|%})} follows, where the raw content starts; else -1. */
        private int rawBegin(int at) {
            int i = skipSpace(at);
            if (!s.startsWith("raw", i)) {
                return -1;
            }
            i = skipSpace(i + 3);
            if (s.startsWith("-%}", i)) {
                return skipSpace(i + 3);
            }
            if (s.startsWith("%}", i)) {
                return i + 2;
            }
            return -1;
        }

        private int raw(int contentStart, int open) throws SyntaxError {
            // (.*?)({%(-|+|)\s*endraw\s*(\+%}|-%}\s*|%}\n?)), with the optional strip on the content
            for (int i = s.indexOf("{%", contentStart); i >= 0; i = s.indexOf("{%", i + 1)) {
                char sign = sign(i + 2);
                int j = skipSpace(i + 2 + (sign != 0 ? 1 : 0));
                if (!s.startsWith("endraw", j)) {
                    continue;
                }
                j = skipSpace(j + 6);
                int end;
                if (s.startsWith("+%}", j)) {
                    end = j + 3;
                } else if (s.startsWith("-%}", j)) {
                    end = skipSpace(j + 3);
                } else if (s.startsWith("%}", j)) {
                    end = j + 2;
                    if (settings.trimBlocks && end < n && s.charAt(end) == '\n') {
                        end++;
                    }
                } else {
                    continue;
                }
                int textEnd = i;
                if (sign == '-') {
                    textEnd = rstrip(contentStart, i);
                } else if (sign != '+' && settings.lstripBlocks) {
                    int lineStart = Math.max(contentStart, s.lastIndexOf('\n', i - 1) + 1);
                    if ((lineStart > contentStart || lineStarting) && lineStart < i && allSpace(lineStart, i)) {
                        textEnd = lineStart;
                    }
                }
                if (textEnd > contentStart) {
                    out.add(new Token(Type.TEXT, contentStart, textEnd, s.substring(contentStart, textEnd),
                            contentStart));
                }
                lineStarting = s.charAt(end - 1) == '\n';
                return end;
            }
            throw new SyntaxError("Missing end of raw directive", open);
        }

        private int comment(int from, int open) throws SyntaxError {
            // (.*?)(\+#}|-#}\s*|#}\n?)
            for (int i = s.indexOf("#}", from); i >= 0; i = s.indexOf("#}", i + 1)) {
                int end;
                if (i > from && s.charAt(i - 1) == '+') {
                    end = i + 2;
                } else if (i > from && s.charAt(i - 1) == '-') {
                    end = skipSpace(i + 2);
                } else {
                    end = i + 2;
                    if (settings.trimBlocks && end < n && s.charAt(end) == '\n') {
                        end++;
                    }
                }
                lineStarting = s.charAt(end - 1) == '\n';
                return end;
            }
            throw new SyntaxError("Missing end of comment tag", open);
        }

        /** The tokens of an expression or statement, up to the end delimiter met with brackets balanced. */
        private int inside(int from, int open, Type type) throws SyntaxError {
            char close = type == Type.STATEMENT ? '%' : '}';
            List<Character> balance = new ArrayList<>();
            int i = from;
            while (true) {
                if (i >= n) {
                    throw new SyntaxError("unexpected end of template, expected '"
                            + (type == Type.STATEMENT ? "end of statement block" : "end of print statement") + "'",
                            open);
                }
                if (balance.isEmpty()) {
                    int contentEnd = -1;
                    int end = -1;
                    int delimiterEnd = -1;
                    if (type == Type.STATEMENT && s.startsWith("+%}", i)) {
                        contentEnd = i;
                        end = i + 3;
                        delimiterEnd = end;
                    } else if (s.startsWith("-" + close + "}", i)) {
                        contentEnd = i;
                        delimiterEnd = i + 3;
                        end = skipSpace(i + 3);
                    } else if (s.startsWith(close + "}", i)) {
                        contentEnd = i;
                        end = i + 2;
                        delimiterEnd = end;
                        if (type == Type.STATEMENT && settings.trimBlocks && end < n && s.charAt(end) == '\n') {
                            end++;
                        }
                    }
                    if (end >= 0) {
                        out.add(new Token(type, from, contentEnd, s.substring(from, contentEnd), open,
                                delimiterEnd));
                        lineStarting = s.charAt(end - 1) == '\n';
                        return end;
                    }
                }
                char c = s.charAt(i);
                if (PyText.isSpace(c)) {
                    i = skipSpace(i);
                    continue;
                }
                int next = number(i);
                if (next > i) {
                    i = next;
                    continue;
                }
                if (PyText.isNameChar(c)) {
                    while (i < n && PyText.isNameChar(s.charAt(i))) {
                        i++;
                    }
                    continue;
                }
                if (c == '\'' || c == '"') {
                    i = string(i);
                    continue;
                }
                int op = operator(i);
                if (op == 0) {
                    throw new SyntaxError("unexpected char '" + c + "' at " + i, i);
                }
                if (c == '{' || c == '(' || c == '[') {
                    balance.add(c == '{' ? '}' : c == '(' ? ')' : ']');
                } else if (c == '}' || c == ')' || c == ']') {
                    if (balance.isEmpty()) {
                        throw new SyntaxError("unexpected '" + c + "'", i);
                    }
                    char expected = balance.remove(balance.size() - 1);
                    if (expected != c) {
                        throw new SyntaxError("unexpected '" + c + "', expected '" + expected + "'", i);
                    }
                }
                i += op;
            }
        }

        /** Past a string literal starting at a quote (Jinja2's string_re), or a syntax error if it never ends. */
        private int string(int at) throws SyntaxError {
            char q = s.charAt(at);
            for (int i = at + 1; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == q) {
                    return i + 1;
                }
            }
            throw new SyntaxError("unexpected char '" + q + "' at " + at, at);
        }

        /** Past a float or integer literal at {@code at}, or {@code at} when there is none. */
        private int number(int at) {
            return PyText.numberEnd(s, at);
        }

        /** The length of the operator at {@code at} (longest first), 0 if none. */
        private int operator(int at) {
            char c = s.charAt(at);
            char d = at + 1 < n ? s.charAt(at + 1) : 0;
            switch (c) {
                case '/':
                    return d == '/' ? 2 : 1;
                case '*':
                    return d == '*' ? 2 : 1;
                case '=':
                    return d == '=' ? 2 : 1;
                case '!':
                    return d == '=' ? 2 : 0;
                case '>':
                case '<':
                    return d == '=' ? 2 : 1;
                case '+':
                case '-':
                case '%':
                case '~':
                case '[':
                case ']':
                case '(':
                case ')':
                case '{':
                case '}':
                case '.':
                case ':':
                case '|':
                case ',':
                case ';':
                    return 1;
                default:
                    return 0;
            }
        }

        private int skipSpace(int i) {
            while (i < n && PyText.isSpace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        /** Where Python's {@code rstrip()} would end {@code s[from, to)}. */
        private int rstrip(int from, int to) {
            int e = to;
            while (e > from && PyText.isSpace(s.charAt(e - 1))) {
                e--;
            }
            return e;
        }

        private boolean allSpace(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!PyText.isSpace(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
