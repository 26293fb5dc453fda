package io.github.footprint.parse.scripts.python;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.footprint.parse.scripts.python.PyNode.Arg;
import io.github.footprint.parse.scripts.python.PyNode.Expr;
import io.github.footprint.parse.scripts.python.PyNode.Stmt;
import io.github.footprint.parse.scripts.python.PyToken.Type;

/**
 * Statements and expressions of Python 3 from {@link PyTokenizer}'s tokens. Blocks follow INDENT/DEDENT; each
 * simple statement is parsed alone, so one that is not Python 3 (a Python 2 {@code print x}, {@code exec},
 * {@code except E, e:}) or beyond what footprint reads becomes a {@link PyNode.Skipped} statement and the rest is
 * read. Structural errors CPython refuses the whole file for ("unexpected indent", "expected an indented block
 * after ...") stop the reading with CPython's message.
 *
 * <p>No recursion grows with the length of the input: operator chains are parsed by a shunting yard into flat
 * nodes, prefix operators and {@code **} chains by loops. Recursion grows with brackets (at most
 * {@link PyTokenizer#MAXLEVEL} open at once, CPython's bound), blocks (at most {@link PyTokenizer#MAXINDENT} - 1),
 * and lambdas and f-string fields, which share one bound, {@link #MAX_NESTING}.
 */
final class PyParser {
    /**
     * The most brackets, lambdas and f-string fields nested in one another that footprint reads, all counted
     * together; deeper, the statement is skipped (its names unknown). CPython's tokenizer allows
     * {@value PyTokenizer#MAXLEVEL} brackets per expression (and as many again inside each f-string field) and its
     * compiler gives up near a nesting of 3,000 ("maximum recursion depth exceeded during compilation"); this bound
     * equals the bracket bound, so that reading never needs more than about 512 KB of thread stack (measured), half
     * of a JVM thread's default.
     */
    static final int MAX_NESTING = PyTokenizer.MAXLEVEL;

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");
    private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=",
            "&=", "|=", "^=", "@=");
    private static final Set<String> COMPARISONS = Set.of("<", ">", "==", ">=", "<=", "!=", "<>", "in", "is");

    /** A statement footprint does not read: the message says why. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean limit;
        final int offset;

        ParseError(String message, int offset, boolean limit) {
            super(message, null, false, false);
            this.offset = offset;
            this.limit = limit;
        }
    }

    /** A {@code loadapp('...')} call with a plain literal first argument, where the name {@code loadapp} is. */
    static final class LiteralLoadapp {
        final int offset;
        final String uri;

        LiteralLoadapp(int offset, String uri) {
            this.offset = offset;
            this.uri = uri;
        }
    }

    private final List<PyToken> toks;
    private final String text;
    private final PyTokenizer.Lines lines;
    private final int[] match;
    private int p;
    private int limit;
    private int nesting;
    final List<LiteralLoadapp> literalLoadapps;

    private PyParser(List<PyToken> toks, String text, PyTokenizer.Lines lines, int nesting,
            List<LiteralLoadapp> literalLoadapps) {
        this.toks = toks;
        this.text = text;
        this.lines = lines;
        this.nesting = nesting;
        this.literalLoadapps = literalLoadapps;
        this.match = new int[toks.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < toks.size(); i++) {
            PyToken t = toks.get(i);
            match[i] = -1;
            if (t.type == Type.OP && t.text.length() == 1 && "([{".indexOf(t.text.charAt(0)) >= 0) {
                open.push(i);
            } else if (t.type == Type.OP && t.text.length() == 1 && ")]}".indexOf(t.text.charAt(0)) >= 0
                    && !open.isEmpty()) {
                int o = open.pop();
                match[o] = i;
                match[i] = o;
            }
        }
        this.limit = toks.size();
    }

    /** The statements of a file (tokens from {@link PyTokenizer#tokenize}). */
    static List<Stmt> parseFile(List<PyToken> toks, String text, PyTokenizer.Lines lines,
            List<LiteralLoadapp> literalLoadapps) throws PyTokenizer.Refused {
        PyParser parser = new PyParser(toks, text, lines, 0, literalLoadapps);
        List<Stmt> out = new ArrayList<>();
        while (parser.tok().type != Type.END) {
            parser.statement(out);
        }
        return out;
    }

    // ---------------------------------------------------------------- tokens

    private PyToken tok() {
        return p < toks.size() ? toks.get(p) : toks.get(toks.size() - 1);
    }

    private PyToken tok(int k) {
        int i = p + k;
        return i < toks.size() ? toks.get(i) : toks.get(toks.size() - 1);
    }

    private boolean more() {
        return p < limit && tok().type != Type.NEWLINE && tok().type != Type.END;
    }

    /** The token at p is this operator or keyword (a NAME token spelled as a keyword is that keyword). */
    private boolean at(String s) {
        if (!more()) {
            return false;
        }
        PyToken t = toks.get(p);
        return (t.type == Type.OP || t.type == Type.NAME) && t.text.equals(s);
    }

    private boolean atName() {
        return more() && tok().type == Type.NAME && !KEYWORDS.contains(tok().text);
    }

    private void expect(String s) throws ParseError {
        if (!at(s)) {
            throw error("'" + s + "' expected");
        }
        p++;
    }

    private ParseError error(String message) {
        return new ParseError(message, more() ? tok().start : p > 0 ? toks.get(Math.min(p, toks.size()) - 1).end : 0,
                false);
    }

    private int prevEnd() {
        return p > 0 ? toks.get(p - 1).end : 0;
    }

    private <T extends Expr> T span(T e, int start) {
        e.start = start;
        e.end = prevEnd();
        return e;
    }

    private void enter() throws ParseError {
        if (++nesting > MAX_NESTING) {
            throw new ParseError("brackets, lambdas and f-string fields nested deeper than " + MAX_NESTING
                    + " levels", tok().start, true);
        }
    }

    private void leave() {
        nesting--;
    }

    // ---------------------------------------------------------------- statements

    /** The index of the NEWLINE that ends the logical line starting at {@code from}. */
    private int lineEnd(int from) {
        int i = from;
        while (i < toks.size() && toks.get(i).type != Type.NEWLINE && toks.get(i).type != Type.END) {
            i++;
        }
        return i;
    }

    private void statement(List<Stmt> out) throws PyTokenizer.Refused {
        PyToken t = tok();
        if (t.type == Type.INDENT) {
            throw new PyTokenizer.Refused(t.start, "IndentationError", "unexpected indent");
        }
        if (t.type == Type.NEWLINE || t.type == Type.DEDENT) {
            p++;
            return;
        }
        if (t.type == Type.NAME && t.text.equals("match") && matchStatement()) {
            out.add(match());
            return;
        }
        if (t.type == Type.NAME && (t.text.equals("if") || t.text.equals("while") || t.text.equals("for")
                || t.text.equals("try") || t.text.equals("with") || t.text.equals("def") || t.text.equals("class")
                || (t.text.equals("async") && tok(1).type == Type.NAME))
                || t.is("@") && t.type == Type.OP) {
            compound(out);
            return;
        }
        simpleLine(out, lineEnd(p));
        if (tok().type == Type.NEWLINE) {
            p++;
        }
    }

    /** Simple statements separated by {@code ;} up to {@code end} (a NEWLINE index). */
    private void simpleLine(List<Stmt> out, int end) {
        while (p < end) {
            int s = p;
            int e = s;
            while (e < end && !(toks.get(e).type == Type.OP && toks.get(e).text.equals(";"))) {
                e = match[e] > e ? match[e] + 1 : e + 1;
            }
            if (e > s) {
                out.add(small(s, Math.min(e, end)));
            }
            p = Math.min(e + 1, end);
        }
        p = end;
    }

    private Stmt small(int s, int e) {
        int savedLimit = limit;
        p = s;
        limit = e;
        try {
            Stmt st = smallStatement();
            if (p < e) {
                throw error("unexpected " + tok().text);
            }
            st.start = toks.get(s).start;
            st.end = toks.get(e - 1).end;
            return st;
        } catch (ParseError x) {
            Stmt skipped = skipped(s, e, x);
            skipped.start = toks.get(s).start;
            skipped.end = toks.get(e - 1).end;
            return skipped;
        } finally {
            limit = savedLimit;
            p = e;
        }
    }

    /** What a statement that could not be read is: a Python 2 print is nothing; else the names it may bind. */
    private Stmt skipped(int s, int e, ParseError x) {
        PyToken first = toks.get(s);
        if (!x.limit && first.type == Type.NAME && first.text.equals("print")) {
            return new PyNode.Nothing();
        }
        if (!x.limit && first.type == Type.NAME && first.text.equals("exec")) {
            return new PyNode.Skipped("a Python 2 exec statement, which may assign any name", null, false);
        }
        List<String> names = new ArrayList<>();
        int eq = -1;
        for (int i = s; i < e; i++) {
            if (toks.get(i).type == Type.OP && (toks.get(i).text.equals("=") || AUGMENTED.contains(toks.get(i).text))) {
                eq = i;
            }
        }
        for (int i = s; i < eq; i++) {
            PyToken t = toks.get(i);
            if (t.type == Type.NAME && !KEYWORDS.contains(t.text) && (i == s || !toks.get(i - 1).is("."))
                    && !names.contains(t.text)) {
                names.add(t.text);
            }
        }
        String what = x.limit ? x.getMessage() : "not Python 3 syntax footprint reads (" + x.getMessage() + ")";
        return new PyNode.Skipped(what, names, x.limit);
    }

    private Stmt smallStatement() throws ParseError {
        PyToken t = tok();
        if (t.type == Type.NAME) {
            switch (t.text) {
                case "pass":
                case "break":
                case "continue":
                    p++;
                    return new PyNode.Nothing();
                case "return":
                case "raise": {
                    p++;
                    Expr value = more() ? testlist() : null;
                    if (t.text.equals("raise") && at("from")) {
                        p++;
                        test();
                    }
                    return new PyNode.Stop(t.text, value);
                }
                case "global":
                case "nonlocal": {
                    p++;
                    List<String> names = new ArrayList<>();
                    do {
                        if (!atName()) {
                            throw error("a name expected");
                        }
                        names.add(tok().text);
                        p++;
                    } while (at(",") && ++p > 0);
                    return new PyNode.Global(names);
                }
                case "del": {
                    p++;
                    List<Expr> targets = new ArrayList<>();
                    do {
                        targets.add(yard());
                    } while (at(",") && ++p > 0 && more());
                    return new PyNode.Del(targets);
                }
                case "assert":
                    p++;
                    test();
                    if (at(",")) {
                        p++;
                        test();
                    }
                    return new PyNode.Nothing();
                case "import":
                    return importStatement();
                case "from":
                    return fromStatement();
                default:
                    break;
            }
        }
        Expr first = at("yield") ? yieldExpr() : testlistStar();
        if (at("=")) {
            List<Expr> targets = new ArrayList<>();
            targets.add(first);
            Expr value = null;
            while (at("=")) {
                p++;
                Expr next = at("yield") ? yieldExpr() : testlistStar();
                if (value != null) {
                    targets.add(value);
                }
                value = next;
            }
            return new PyNode.Assign(targets, value);
        }
        if (more() && tok().type == Type.OP && AUGMENTED.contains(tok().text)) {
            String op = tok().text;
            p++;
            Expr value = at("yield") ? yieldExpr() : testlist();
            return new PyNode.AugAssign(first, op.substring(0, op.length() - 1), value);
        }
        if (at(":")) {
            // an annotation: x: str = value
            p++;
            test();
            if (at("=")) {
                p++;
                Expr value = at("yield") ? yieldExpr() : testlistStar();
                return new PyNode.Assign(List.of(first), value);
            }
            return new PyNode.Nothing();
        }
        return new PyNode.ExprStmt(first);
    }

    private Expr yieldExpr() throws ParseError {
        int s = tok().start;
        p++;
        if (at("from")) {
            p++;
        }
        if (more() && !at(")") && !at("=")) {
            testlist();
        }
        return span(new PyNode.Opaque("a yield expression"), s);
    }

    private String dotted() throws ParseError {
        StringBuilder b = new StringBuilder();
        if (!more() || tok().type != Type.NAME) {
            throw error("a module name expected");
        }
        b.append(tok().text);
        p++;
        while (at(".")) {
            p++;
            if (!more() || tok().type != Type.NAME) {
                throw error("a module name expected");
            }
            b.append('.').append(tok().text);
            p++;
        }
        return b.toString();
    }

    private Stmt importStatement() throws ParseError {
        p++;
        List<String> modules = new ArrayList<>();
        List<String> asNames = new ArrayList<>();
        do {
            String m = dotted();
            String as = null;
            if (at("as")) {
                p++;
                if (!atName()) {
                    throw error("a name expected after as");
                }
                as = tok().text;
                p++;
            }
            modules.add(m);
            asNames.add(as);
        } while (at(",") && ++p > 0);
        return new PyNode.Import(modules, asNames);
    }

    private Stmt fromStatement() throws ParseError {
        p++;
        int dots = 0;
        while (at(".") || at("...")) {
            dots += tok().text.length();
            p++;
        }
        String module = null;
        if (!at("import")) {
            module = dotted();
        }
        expect("import");
        if (dots > 0) {
            module = null;
        }
        if (at("*")) {
            p++;
            return new PyNode.ImportFrom(module, null, null);
        }
        boolean paren = at("(");
        if (paren) {
            p++;
        }
        List<String> names = new ArrayList<>();
        List<String> asNames = new ArrayList<>();
        while (more() && !at(")")) {
            if (!atName()) {
                throw error("a name expected");
            }
            String n = tok().text;
            p++;
            String as = null;
            if (at("as")) {
                p++;
                if (!atName()) {
                    throw error("a name expected after as");
                }
                as = tok().text;
                p++;
            }
            names.add(n);
            asNames.add(as);
            if (!at(",")) {
                break;
            }
            p++;
        }
        if (paren) {
            expect(")");
        }
        if (names.isEmpty()) {
            throw error("a name expected");
        }
        return new PyNode.ImportFrom(module, names, asNames);
    }

    // ---------------------------------------------------------------- compound statements

    /** The index of the header's colon on the logical line from {@code from} to {@code end}, or -1. */
    private int headerColon(int from, int end) {
        int lambdas = 0;
        int i = from;
        while (i < end) {
            PyToken t = toks.get(i);
            if (t.type == Type.OP && match[i] > i) {
                i = match[i] + 1;
                continue;
            }
            if (t.type == Type.NAME && t.text.equals("lambda")) {
                lambdas++;
            } else if (t.type == Type.OP && t.text.equals(":")) {
                if (lambdas == 0) {
                    return i;
                }
                lambdas--;
            }
            i++;
        }
        return -1;
    }

    private void compound(List<Stmt> out) throws PyTokenizer.Refused {
        int start = tok().start;
        while (tok().is("@") && tok().type == Type.OP) {
            // decorators: read past, not evaluated
            p = lineEnd(p);
            p++;
            if (tok().type == Type.INDENT) {
                throw new PyTokenizer.Refused(tok().start, "IndentationError", "unexpected indent");
            }
        }
        if (tok().is("async") && tok().type == Type.NAME) {
            p++;
        }
        String keyword = tok().text;
        Stmt st;
        switch (keyword) {
            case "if":
                st = ifStatement();
                break;
            case "while":
            case "for":
                st = loop(keyword);
                break;
            case "try":
                st = tryStatement();
                break;
            case "with":
                st = withStatement();
                break;
            case "def":
                st = def();
                break;
            case "class":
                st = classDef();
                break;
            default:
                // not a compound statement after all (a decorator before something else)
                simpleLine(out, lineEnd(p));
                if (tok().type == Type.NEWLINE) {
                    p++;
                }
                return;
        }
        st.start = start;
        st.end = prevEnd();
        out.add(st);
    }

    /** A clause header from the keyword at p: [keyword + 1, colon). */
    private static final class Header {
        final int from;
        final int colon;
        final int keywordAt;
        final String keyword;

        Header(int from, int colon, int keywordAt, String keyword) {
            this.from = from;
            this.colon = colon;
            this.keywordAt = keywordAt;
            this.keyword = keyword;
        }
    }

    private Header header() {
        int k = p;
        String keyword = tok().text;
        int end = lineEnd(p);
        int colon = headerColon(p + 1, end);
        return new Header(k + 1, colon, k, keyword);
    }

    /** Parses an expression in [from, to); null when it is not one footprint reads. */
    private Expr exprIn(int from, int to, boolean list) {
        if (from >= to) {
            return null;
        }
        int savedP = p;
        int savedLimit = limit;
        p = from;
        limit = to;
        try {
            Expr e = list ? testlistStar() : namedTest();
            return p == to ? e : null;
        } catch (ParseError x) {
            return null;
        } finally {
            p = savedP;
            limit = savedLimit;
        }
    }

    private Expr unreadHeader(Header h) {
        PyNode.Opaque o = new PyNode.Opaque("a condition footprint does not read");
        o.start = toks.get(h.keywordAt).start;
        o.end = toks.get(Math.max(h.keywordAt, (h.colon < 0 ? lineEnd(h.keywordAt) : h.colon) - 1)).end;
        return o;
    }

    /** The suite after a header: an indented block, or simple statements on the header's line. */
    private List<Stmt> suite(Header h, String what) throws PyTokenizer.Refused {
        int end = lineEnd(h.keywordAt);
        List<Stmt> body = new ArrayList<>();
        if (h.colon < 0) {
            // no colon: CPython refuses it (Python 2 too); read the line as skipped, the block (if any) as a body
            p = end;
        } else if (h.colon + 1 < end) {
            p = h.colon + 1;
            simpleLine(body, end);
            if (tok().type == Type.NEWLINE) {
                p++;
            }
            return body;
        } else {
            p = end;
        }
        if (tok().type == Type.NEWLINE) {
            p++;
        }
        if (tok().type != Type.INDENT) {
            if (h.colon < 0) {
                return body;
            }
            int where = tok().type == Type.END && p > 0 ? toks.get(p - 1).start : tok().start;
            throw new PyTokenizer.Refused(where, "IndentationError", "expected an indented block after "
                    + what + " on line " + lines.line(toks.get(h.keywordAt).start));
        }
        p++;
        while (tok().type != Type.DEDENT && tok().type != Type.END) {
            statement(body);
        }
        if (tok().type == Type.DEDENT) {
            p++;
        }
        return body;
    }

    private boolean clause(String keyword) {
        return tok().type == Type.NAME && tok().text.equals(keyword);
    }

    /**
     * {@code match} is a keyword only where a match statement can be (Python 3.10's soft keyword): a subject, a
     * colon ending the line, then an indented block.
     */
    private boolean matchStatement() {
        int end = lineEnd(p);
        int colon = headerColon(p + 1, end);
        return colon > p + 1 && colon == end - 1 && end + 1 < toks.size() && toks.get(end + 1).type == Type.INDENT;
    }

    /**
     * {@code match subject:} and its {@code case pattern:} blocks, read as an if/elif chain whose conditions are not
     * known (footprint does not match patterns); the names a pattern captures are unknown in its block.
     */
    private Stmt match() throws PyTokenizer.Refused {
        int start = tok().start;
        Header h = header();
        Expr subject = exprIn(h.from, h.colon, true);
        p = h.colon + 1;
        if (tok().type == Type.NEWLINE) {
            p++;
        }
        p++; // INDENT (checked by matchStatement)
        List<Expr> tests = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        while (tok().type != Type.DEDENT && tok().type != Type.END) {
            if (!clause("case")) {
                // not a case clause: CPython refuses it; read it as a statement of the match block
                List<Stmt> other = new ArrayList<>();
                statement(other);
                continue;
            }
            Header c = header();
            PyNode.Opaque test = new PyNode.Opaque("the case pattern of a match statement");
            test.start = toks.get(c.keywordAt).start;
            test.end = toks.get(Math.max(c.keywordAt, (c.colon < 0 ? lineEnd(c.keywordAt) : c.colon) - 1)).end;
            List<Expr> captured = new ArrayList<>();
            for (int i = c.from; c.colon > 0 && i < c.colon; i++) {
                PyToken t = toks.get(i);
                boolean dotted = (i > c.from && toks.get(i - 1).is(".")) || toks.get(i + 1).is(".")
                        || toks.get(i + 1).is("(") || toks.get(i + 1).is("=");
                if (t.type == Type.NAME && !KEYWORDS.contains(t.text) && !t.text.equals("_") && !dotted) {
                    PyNode.Name n = new PyNode.Name(t.text);
                    n.start = t.start;
                    n.end = t.end;
                    captured.add(n);
                }
            }
            List<Stmt> body = new ArrayList<>();
            if (!captured.isEmpty()) {
                PyNode.Opaque value = new PyNode.Opaque("a value a case pattern captures");
                value.start = test.start;
                value.end = test.end;
                PyNode.Seq targets = new PyNode.Seq(true, captured);
                PyNode.Assign bind = new PyNode.Assign(List.of(captured.size() == 1 ? captured.get(0) : targets),
                        value);
                bind.start = test.start;
                bind.end = test.end;
                body.add(bind);
            }
            body.addAll(suite(c, "'case' statement"));
            tests.add(test);
            bodies.add(body);
        }
        if (tok().type == Type.DEDENT) {
            p++;
        }
        PyNode.If st = new PyNode.If(tests, bodies, null);
        st.start = start;
        st.end = prevEnd();
        if (subject == null) {
            return st;
        }
        // the subject is evaluated first (a loader call in it runs)
        PyNode.ExprStmt evalSubject = new PyNode.ExprStmt(subject);
        evalSubject.start = start;
        evalSubject.end = subject.end;
        PyNode.If wrapper = new PyNode.If(List.of(trueConst(start)), List.of(List.of(evalSubject, st)), null);
        wrapper.start = start;
        wrapper.end = st.end;
        return wrapper;
    }

    private static Expr trueConst(int at) {
        PyNode.Const c = new PyNode.Const(PyValue.Bool.TRUE);
        c.start = at;
        c.end = at;
        return c;
    }

    private Stmt ifStatement() throws PyTokenizer.Refused {
        List<Expr> tests = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<Stmt> orelse = null;
        Header h = header();
        Expr test = h.colon < 0 ? null : exprIn(h.from, h.colon, false);
        tests.add(test != null ? test : unreadHeader(h));
        bodies.add(suite(h, "'if' statement"));
        while (clause("elif")) {
            h = header();
            test = h.colon < 0 ? null : exprIn(h.from, h.colon, false);
            tests.add(test != null ? test : unreadHeader(h));
            bodies.add(suite(h, "'elif' statement"));
        }
        if (clause("else")) {
            h = header();
            orelse = suite(h, "'else' statement");
        }
        return new PyNode.If(tests, bodies, orelse);
    }

    private Stmt loop(String keyword) throws PyTokenizer.Refused {
        Header h = header();
        Expr target = null;
        Expr head = null;
        if (h.colon >= 0 && keyword.equals("for")) {
            int in = -1;
            for (int i = h.from; i < h.colon; i = match[i] > i ? match[i] + 1 : i + 1) {
                if (toks.get(i).type == Type.NAME && toks.get(i).text.equals("in")) {
                    in = i;
                    break;
                }
            }
            if (in > 0) {
                target = exprIn(h.from, in, true);
                head = exprIn(in + 1, h.colon, true);
            }
            if (target == null) {
                target = unreadHeader(h);
            }
        } else if (h.colon >= 0) {
            head = exprIn(h.from, h.colon, false);
        }
        if (head == null) {
            head = unreadHeader(h);
        }
        List<Stmt> body = suite(h, "'" + keyword + "' statement");
        List<Stmt> orelse = null;
        if (clause("else")) {
            orelse = suite(header(), "'else' statement");
        }
        return new PyNode.Loop(keyword, target, head, body, orelse);
    }

    private Stmt tryStatement() throws PyTokenizer.Refused {
        Header h = header();
        List<Stmt> body = suite(h, "'try' statement");
        List<PyNode.Handler> handlers = new ArrayList<>();
        List<Stmt> orelse = null;
        List<Stmt> finalbody = null;
        while (clause("except")) {
            h = header();
            String name = null;
            if (h.colon > 0) {
                for (int i = h.from; i + 1 < h.colon; i = match[i] > i ? match[i] + 1 : i + 1) {
                    PyToken t = toks.get(i);
                    if ((t.type == Type.NAME && t.text.equals("as") || t.type == Type.OP && t.text.equals(","))
                            && toks.get(i + 1).type == Type.NAME) {
                        name = toks.get(i + 1).text;
                    }
                }
            }
            handlers.add(new PyNode.Handler(toks.get(h.keywordAt).start, name, suite(h, "'except' statement")));
        }
        if (clause("else")) {
            orelse = suite(header(), "'else' statement");
        }
        if (clause("finally")) {
            finalbody = suite(header(), "'finally' statement");
        }
        return new PyNode.Try(body, handlers, orelse, finalbody);
    }

    private Stmt withStatement() throws PyTokenizer.Refused {
        Header h = header();
        List<Expr> items = new ArrayList<>();
        List<Expr> targets = new ArrayList<>();
        if (h.colon > 0) {
            int from = h.from;
            int to = h.colon;
            if (toks.get(from).is("(") && match[from] == to - 1) {
                boolean hasAs = false;
                for (int i = from + 1; i < to - 1; i = match[i] > i ? match[i] + 1 : i + 1) {
                    hasAs |= toks.get(i).type == Type.NAME && toks.get(i).text.equals("as");
                }
                if (hasAs) {
                    from++;
                    to--;
                }
            }
            int i = from;
            while (i < to) {
                int e = i;
                int as = -1;
                while (e < to && !toks.get(e).is(",")) {
                    if (toks.get(e).type == Type.NAME && toks.get(e).text.equals("as")) {
                        as = e;
                    }
                    e = match[e] > e ? match[e] + 1 : e + 1;
                }
                Expr item = exprIn(i, as > 0 ? as : e, false);
                items.add(item != null ? item : unreadHeader(h));
                targets.add(as > 0 ? exprIn(as + 1, e, false) : null);
                i = e + 1;
            }
        }
        return new PyNode.With(items, targets, suite(h, "'with' statement"));
    }

    private Stmt def() throws PyTokenizer.Refused {
        Header h = header();
        String name = toks.get(h.from).type == Type.NAME ? toks.get(h.from).text : "?";
        List<String> params = new ArrayList<>();
        int open = h.from + 1;
        if (open < toks.size() && toks.get(open).is("(") && match[open] > open) {
            boolean expectName = true;
            for (int i = open + 1; i < match[open]; i++) {
                PyToken t = toks.get(i);
                if (t.type == Type.OP && match[i] > i) {
                    i = match[i];
                    continue;
                }
                if (t.is(",")) {
                    expectName = true;
                } else if (expectName && t.type == Type.NAME) {
                    params.add(t.text);
                    expectName = false;
                } else if (!(t.is("*") || t.is("**"))) {
                    expectName = false;
                }
            }
        }
        int headerEnd = h.colon > 0 ? toks.get(h.colon).end : toks.get(lineEnd(h.keywordAt) - 1).end;
        String headerText = squeeze(text.substring(toks.get(h.keywordAt).start, headerEnd));
        return new PyNode.Def(name, params, headerText, suite(h, "function definition"));
    }

    private Stmt classDef() throws PyTokenizer.Refused {
        Header h = header();
        String name = toks.get(h.from).type == Type.NAME ? toks.get(h.from).text : "?";
        return new PyNode.ClassDef(name, suite(h, "class definition"));
    }

    /** Source text on one line: runs of white space (and continuations) as one space. */
    static String squeeze(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s.strip();
        }
        return LINE_BREAK.matcher(s).replaceAll(" ").strip();
    }

    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\\\?\\s*[\\r\\n]\\s*");

    // ---------------------------------------------------------------- expressions

    private boolean endOfList() {
        return !more() || at(")") || at("]") || at("}") || at("=") || at(":") || at(";") || at("in")
                || (tok().type == Type.OP && AUGMENTED.contains(tok().text));
    }

    /** Expressions separated by commas (a tuple when there is a comma), starred items allowed. */
    private Expr testlistStar() throws ParseError {
        int s = tok().start;
        Expr first = starOrNamed();
        if (!at(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (at(",")) {
            p++;
            if (endOfList()) {
                break;
            }
            elts.add(starOrNamed());
        }
        return span(new PyNode.Seq(true, elts), s);
    }

    private Expr testlist() throws ParseError {
        return testlistStar();
    }

    private Expr starOrNamed() throws ParseError {
        if (at("*")) {
            int s = tok().start;
            p++;
            return span(new PyNode.Starred(yard()), s);
        }
        return namedTest();
    }

    private Expr namedTest() throws ParseError {
        if (atName() && tok(1).is(":=") && p + 1 < limit) {
            int s = tok().start;
            String name = tok().text;
            p += 2;
            return span(new PyNode.NamedExpr(name, test()), s);
        }
        return test();
    }

    /** A conditional expression chain, or a lambda. */
    private Expr test() throws ParseError {
        if (at("lambda")) {
            return lambda();
        }
        int s = tok().start;
        Expr e = yard();
        if (!at("if")) {
            return e;
        }
        List<Expr> bodies = new ArrayList<>();
        List<Expr> tests = new ArrayList<>();
        while (at("if")) {
            p++;
            Expr cond = yard();
            expect("else");
            bodies.add(e);
            tests.add(cond);
            if (at("lambda")) {
                e = lambda();
                break;
            }
            e = yard();
        }
        return span(new PyNode.IfExp(bodies, tests, e), s);
    }

    private Expr lambda() throws ParseError {
        int s = tok().start;
        enter();
        p++;
        int inner = 0;
        while (more() && !(at(":") && inner == 0)) {
            if (at("lambda")) {
                inner++; // a lambda in a default value has its own colon
            } else if (at(":")) {
                inner--;
            }
            p = match[p] > p ? match[p] + 1 : p + 1;
        }
        expect(":");
        test();
        leave();
        return span(new PyNode.Opaque("a lambda"), s);
    }

    private static final class Op {
        final String op;
        final int prec;
        final boolean prefix;
        final int at;

        Op(String op, int prec, boolean prefix, int at) {
            this.op = op;
            this.prec = prec;
            this.prefix = prefix;
            this.at = at;
        }
    }

    /** The binary operator at p, with its precedence, or null; two-word operators ("not in", "is not") joined. */
    private Op binaryOp() {
        if (!more()) {
            return null;
        }
        PyToken t = tok();
        String s = t.text;
        if (t.type == Type.NAME) {
            switch (s) {
                case "or":
                    return new Op(s, 1, false, t.start);
                case "and":
                    return new Op(s, 2, false, t.start);
                case "in":
                    return new Op(s, 4, false, t.start);
                case "is":
                    return new Op(tok(1).type == Type.NAME && tok(1).text.equals("not") && p + 1 < limit ? "is not"
                            : "is", 4, false, t.start);
                case "not":
                    return tok(1).type == Type.NAME && tok(1).text.equals("in") && p + 1 < limit
                            ? new Op("not in", 4, false, t.start) : null;
                default:
                    return null;
            }
        }
        if (t.type != Type.OP) {
            return null;
        }
        if (COMPARISONS.contains(s)) {
            return new Op(s, 4, false, t.start);
        }
        switch (s) {
            case "|":
                return new Op(s, 5, false, t.start);
            case "^":
                return new Op(s, 6, false, t.start);
            case "&":
                return new Op(s, 7, false, t.start);
            case "<<":
            case ">>":
                return new Op(s, 8, false, t.start);
            case "+":
            case "-":
                return new Op(s, 9, false, t.start);
            case "*":
            case "/":
            case "//":
            case "%":
            case "@":
                return new Op(s, 10, false, t.start);
            default:
                return null;
        }
    }

    /**
     * {@code or}, {@code and}, {@code not}, comparisons and the binary operators, by a shunting yard: left-assoc
     * chains of one level become one flat node.
     */
    private Expr yard() throws ParseError {
        if (!at("not")) {
            // the common case: one operand and no operator after it
            Expr first = factor();
            if (binaryOp() == null) {
                return first;
            }
            return yard(first);
        }
        return yard(null);
    }

    private Expr yard(Expr first) throws ParseError {
        Deque<Expr> operands = new ArrayDeque<>();
        Deque<Op> ops = new ArrayDeque<>();
        Expr pending = first;
        while (true) {
            if (pending != null) {
                operands.push(pending);
                pending = null;
            } else {
                // an operand, after any number of prefix 'not'
                while (at("not")) {
                    ops.push(new Op("not", 3, true, tok().start));
                    p++;
                }
                if (!more()) {
                    throw error("an expression expected");
                }
                operands.push(factor());
            }
            Op op = binaryOp();
            if (op == null) {
                break;
            }
            while (!ops.isEmpty() && ops.peek().prec >= op.prec) {
                reduce(operands, ops.pop());
            }
            p += op.op.indexOf(' ') > 0 ? 2 : 1;
            ops.push(op);
        }
        while (!ops.isEmpty()) {
            reduce(operands, ops.pop());
        }
        return operands.pop();
    }

    private static void reduce(Deque<Expr> operands, Op op) {
        if (op.prefix) {
            Expr operand = operands.pop();
            Expr e = operand instanceof PyNode.Not && !operand.paren
                    ? new PyNode.Not(((PyNode.Not) operand).count + 1, ((PyNode.Not) operand).operand)
                    : new PyNode.Not(1, operand);
            e.start = op.at;
            e.end = operand.end;
            operands.push(e);
            return;
        }
        Expr right = operands.pop();
        Expr left = operands.pop();
        Expr e;
        if (op.prec <= 2) {
            boolean and = op.prec == 2;
            if (left instanceof PyNode.BoolOp && !left.paren && ((PyNode.BoolOp) left).and == and) {
                ((PyNode.BoolOp) left).values.add(right);
                e = left;
            } else {
                List<Expr> values = new ArrayList<>();
                values.add(left);
                values.add(right);
                e = new PyNode.BoolOp(and, values);
            }
        } else if (op.prec == 4) {
            if (left instanceof PyNode.Compare && !left.paren) {
                ((PyNode.Compare) left).operands.add(right);
                ((PyNode.Compare) left).ops.add(op.op);
                e = left;
            } else {
                List<Expr> operandList = new ArrayList<>();
                operandList.add(left);
                operandList.add(right);
                List<String> opList = new ArrayList<>();
                opList.add(op.op);
                e = new PyNode.Compare(operandList, opList);
            }
        } else {
            if (left instanceof PyNode.Chain && !left.paren && ((PyNode.Chain) left).group == op.prec) {
                ((PyNode.Chain) left).operands.add(right);
                ((PyNode.Chain) left).ops.add(op.op);
                e = left;
            } else {
                List<Expr> operandList = new ArrayList<>();
                operandList.add(left);
                operandList.add(right);
                List<String> opList = new ArrayList<>();
                opList.add(op.op);
                e = new PyNode.Chain(op.prec, operandList, opList);
            }
        }
        e.start = left.start;
        e.end = right.end;
        operands.push(e);
    }

    /** Unary prefixes and {@code **}, by a loop: {@code -a ** -b ** c}. */
    private Expr factor() throws ParseError {
        int s = tok().start;
        if (!(at("-") || at("+") || at("~") || at("await"))) {
            Expr only = primary();
            if (!at("**")) {
                return only; // the common case: no prefix, no power
            }
            return factor(s, only);
        }
        return factor(s, null);
    }

    private Expr factor(int s, Expr firstPrimary) throws ParseError {
        List<List<String>> prefixes = new ArrayList<>();
        List<Expr> primaries = new ArrayList<>();
        Expr given = firstPrimary;
        while (true) {
            List<String> pre = new ArrayList<>();
            while (given == null && (at("-") || at("+") || at("~") || at("await"))) {
                if (!at("await")) {
                    pre.add(tok().text);
                }
                p++;
            }
            prefixes.add(pre);
            primaries.add(given != null ? given : primary());
            given = null;
            if (!at("**")) {
                break;
            }
            p++;
        }
        if (primaries.size() == 1 && prefixes.get(0).isEmpty()) {
            return primaries.get(0);
        }
        return span(new PyNode.Power(prefixes, primaries), s);
    }

    private Expr primary() throws ParseError {
        int s = tok().start;
        Expr atom = atom();
        List<PyNode.Trailer> trailers = null;
        while (more()) {
            PyNode.Trailer t;
            int ts = tok().start;
            if (at(".")) {
                p++;
                if (!more() || tok().type != Type.NAME) {
                    throw error("a name expected after '.'");
                }
                t = new PyNode.Attr(tok().text);
                p++;
            } else if (at("(")) {
                int nameAt = trailers == null ? (atom instanceof PyNode.Name ? atom.start : -1)
                        : trailers.get(trailers.size() - 1) instanceof PyNode.Attr
                                ? toks.get(p - 1).start : -1;
                String callee = trailers == null ? (atom instanceof PyNode.Name ? ((PyNode.Name) atom).id : null)
                        : trailers.get(trailers.size() - 1) instanceof PyNode.Attr
                                ? ((PyNode.Attr) trailers.get(trailers.size() - 1)).name : null;
                t = new PyNode.Call(arguments());
                if ("loadapp".equals(callee) && literalLoadapps != null) {
                    literalLoadapp(nameAt, ((PyNode.Call) t).args);
                }
            } else if (at("[")) {
                enter();
                p++;
                Expr index = subscripts();
                expect("]");
                leave();
                t = new PyNode.Index(index);
            } else {
                break;
            }
            t.start = ts;
            t.end = prevEnd();
            if (trailers == null) {
                trailers = new ArrayList<>();
            }
            trailers.add(t);
        }
        return trailers == null ? atom : span(new PyNode.Primary(atom, trailers), s);
    }

    private void literalLoadapp(int nameAt, List<Arg> args) {
        if (nameAt < 0 || args.isEmpty() || args.get(0).keyword != null || !(args.get(0).value instanceof PyNode.Str)) {
            return;
        }
        StringBuilder b = new StringBuilder();
        for (PyNode.StrPart part : ((PyNode.Str) args.get(0).value).parts) {
            if (part.text == null) {
                return;
            }
            b.append(part.text);
        }
        literalLoadapps.add(new LiteralLoadapp(nameAt, b.toString()));
    }

    private List<Arg> arguments() throws ParseError {
        enter();
        int open = p;
        p++;
        List<Arg> args = new ArrayList<>();
        while (more() && !at(")")) {
            if (at("*") || at("**")) {
                String k = tok().text;
                p++;
                args.add(new Arg(k, test()));
            } else if (atName() && tok(1).is("=") && tok(1).type == Type.OP) {
                String k = tok().text;
                p += 2;
                args.add(new Arg(k, test()));
            } else {
                Expr e = namedTest();
                if (at("for") || at("async")) {
                    p = match[open];
                    PyNode.Opaque g = new PyNode.Opaque("a generator expression");
                    g.start = e.start;
                    g.end = toks.get(p - 1).end;
                    args.add(new Arg(null, g));
                    break;
                }
                args.add(new Arg(null, e));
            }
            if (!at(",")) {
                break;
            }
            p++;
        }
        expect(")");
        leave();
        return args;
    }

    private Expr subscripts() throws ParseError {
        int s = tok().start;
        Expr first = sliceItem();
        if (!at(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (at(",")) {
            p++;
            if (at("]")) {
                break;
            }
            elts.add(sliceItem());
        }
        return span(new PyNode.Seq(true, elts), s);
    }

    private Expr sliceItem() throws ParseError {
        int s = tok().start;
        Expr lower = null;
        if (!at(":")) {
            lower = at("*") ? starOrNamed() : namedTest();
            if (!at(":")) {
                return lower;
            }
        }
        p++;
        Expr upper = at(":") || at("]") || at(",") ? null : test();
        Expr step = null;
        if (at(":")) {
            p++;
            step = at("]") || at(",") ? null : test();
        }
        return span(new PyNode.Slice(lower, upper, step), s);
    }

    private Expr atom() throws ParseError {
        if (!more()) {
            throw error("an expression expected");
        }
        PyToken t = tok();
        int s = t.start;
        switch (t.type) {
            case NAME:
                switch (t.text) {
                    case "None":
                        p++;
                        return span(new PyNode.Const(PyValue.Singleton.NONE), s);
                    case "True":
                        p++;
                        return span(new PyNode.Const(PyValue.Bool.TRUE), s);
                    case "False":
                        p++;
                        return span(new PyNode.Const(PyValue.Bool.FALSE), s);
                    case "lambda":
                        return lambda();
                    case "yield":
                        return yieldExpr();
                    default:
                        if (KEYWORDS.contains(t.text)) {
                            throw error("unexpected '" + t.text + "'");
                        }
                        p++;
                        return span(new PyNode.Name(t.text), s);
                }
            case NUMBER:
                p++;
                return span(new PyNode.Const(number(t.text)), s);
            case STRING:
                return strings();
            case OP:
                if (t.text.equals("...")) {
                    p++;
                    return span(new PyNode.Const(PyValue.Singleton.ELLIPSIS), s);
                }
                if (t.text.equals("(") || t.text.equals("[") || t.text.equals("{")) {
                    return display(t.text.charAt(0));
                }
                throw error("unexpected '" + t.text + "'");
            default:
                throw error("an expression expected");
        }
    }

    private Expr display(char open) throws ParseError {
        int s = tok().start;
        int openAt = p;
        enter();
        p++;
        char close = open == '(' ? ')' : open == '[' ? ']' : '}';
        String closeText = String.valueOf(close);
        Expr result;
        if (at(closeText)) {
            p++;
            leave();
            return span(open == '{' ? new PyNode.DictE(new ArrayList<>(), new ArrayList<>())
                    : new PyNode.Seq(open == '(', new ArrayList<>()), s);
        }
        if (open == '(' && at("yield")) {
            Expr y = yieldExpr();
            expect(")");
            leave();
            y.paren = true;
            y.start = s;
            y.end = prevEnd();
            return y;
        }
        if (open == '{') {
            result = dictOrSet(openAt);
        } else {
            Expr first = starOrNamed();
            if (at("for") || at("async")) {
                p = match[openAt] + 1;
                leave();
                return span(new PyNode.Opaque(open == '(' ? "a generator expression" : "a list comprehension"), s);
            }
            if (open == '(' && !at(",")) {
                expect(")");
                leave();
                first.paren = true;
                first.start = s;
                first.end = prevEnd();
                return first;
            }
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            while (at(",")) {
                p++;
                if (at(closeText)) {
                    break;
                }
                elts.add(starOrNamed());
            }
            result = new PyNode.Seq(open == '(', elts);
            expect(closeText);
        }
        leave();
        result = span(result, s);
        result.paren = open == '(';
        return result;
    }

    private Expr dictOrSet(int openAt) throws ParseError {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        List<Expr> elts = new ArrayList<>();
        boolean dict = false;
        boolean first = true;
        while (more() && !at("}")) {
            if (at("**")) {
                p++;
                dict = true;
                keys.add(null);
                values.add(yard());
            } else {
                Expr k = starOrNamed();
                if (at(":")) {
                    p++;
                    dict = true;
                    keys.add(k);
                    values.add(test());
                } else {
                    elts.add(k);
                }
            }
            if (first && (at("for") || at("async"))) {
                p = match[openAt] + 1;
                return new PyNode.Opaque(dict ? "a dict comprehension" : "a set comprehension");
            }
            first = false;
            if (!at(",")) {
                break;
            }
            p++;
        }
        expect("}");
        if (dict && !elts.isEmpty()) {
            throw error("a dict and a set in one display");
        }
        return dict ? new PyNode.DictE(keys, values) : new PyNode.Opaque("a set");
    }

    // ---------------------------------------------------------------- literals

    /** A number token's value: an int (Python 3's literal rules), else unknown with why. */
    static PyValue number(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = lower;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = lower.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = lower.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = lower.substring(2);
        }
        if (digits.startsWith("_") && radix != 10) {
            digits = digits.substring(1);
        }
        boolean intSyntax = !digits.isEmpty() && !digits.startsWith("_") && !digits.endsWith("_")
                && !digits.contains("__");
        String plain = digits.replace("_", "");
        if (intSyntax) {
            for (int i = 0; i < plain.length(); i++) {
                if (Character.digit(plain.charAt(i), radix) < 0 || plain.charAt(i) > 'z') {
                    intSyntax = false;
                    break;
                }
            }
        }
        if (!intSyntax) {
            if (radix == 10 && t.matches("[0-9_]*\\.?[0-9_]*([eE][-+]?[0-9_]+)?[jJ]?") && !t.equals(".")) {
                return new PyValue.Unknown("the number " + t + " is a float", null, null);
            }
            return new PyValue.Unknown("the number " + t + " is not a Python 3 literal", null, null);
        }
        if (radix == 10 && plain.length() > 1 && plain.charAt(0) == '0' && !plain.matches("0+")) {
            return new PyValue.Unknown("the number " + t + " has a leading zero: Python 2 reads it as octal,"
                    + " Python 3 refuses it", null, null);
        }
        if (plain.length() > 1300) {
            return new PyValue.Unknown("the number " + t.substring(0, 20) + "… is longer than footprint computes",
                    null, null);
        }
        return new PyValue.Int(new BigInteger(plain, radix));
    }

    private Expr strings() throws ParseError {
        int s = tok().start;
        List<PyNode.StrPart> parts = new ArrayList<>();
        boolean bytes = false;
        boolean text = false;
        while (more() && tok().type == Type.STRING) {
            PyToken t = tok();
            p++;
            boolean raw = t.prefix.indexOf('r') >= 0;
            boolean b = t.prefix.indexOf('b') >= 0;
            bytes |= b;
            text |= !b;
            String body = this.text.substring(t.bodyStart, t.bodyEnd);
            if (t.prefix.indexOf('f') >= 0) {
                parts.add(fstring(t, raw));
                continue;
            }
            try {
                String v = PyTokenizer.decode(body, raw, b);
                parts.add(b ? new PyNode.StrPart(t.start, null, null, "a bytes literal: footprint follows str values")
                        : new PyNode.StrPart(t.start, v, null, null));
            } catch (PyTokenizer.BadEscape x) {
                parts.add(new PyNode.StrPart(t.start, null, null, "the literal has an escape Python 3 refuses ("
                        + x.getMessage() + ")"));
            }
        }
        if (bytes && text) {
            throw error("cannot mix bytes and nonbytes literals");
        }
        return span(new PyNode.Str(parts), s);
    }

    /** An f-string: literal pieces (decoded) and fields, as CPython 3.11 reads them. */
    private PyNode.StrPart fstring(PyToken t, boolean raw) throws ParseError {
        List<Object> pieces = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = t.bodyStart;
        int end = t.bodyEnd;
        try {
            while (i < end) {
                char c = text.charAt(i);
                if (c == '{' || c == '}') {
                    if (i + 1 < end && text.charAt(i + 1) == c) {
                        lit.append(c == '{' ? "{" : "}");
                        i += 2;
                        continue;
                    }
                    if (c == '}') {
                        return unreadF(t, "f-string: single '}' is not allowed");
                    }
                    if (lit.length() > 0) {
                        pieces.add(PyTokenizer.decode(lit.toString(), raw, false));
                        lit.setLength(0);
                    }
                    int[] next = new int[1];
                    Object field = field(t, i + 1, end, next);
                    if (field instanceof String) {
                        return unreadF(t, (String) field);
                    }
                    pieces.add(field);
                    i = next[0];
                    continue;
                }
                if (c == '\\' && !raw && i + 1 < end) {
                    if (text.charAt(i + 1) == 'N' && i + 2 < end && text.charAt(i + 2) == '{') {
                        int close = text.indexOf('}', i + 2);
                        if (close < 0 || close >= end) {
                            return unreadF(t, "malformed \\N character escape");
                        }
                        lit.append(text, i, close + 1);
                        i = close + 1;
                        continue;
                    }
                    lit.append(c).append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                lit.append(c);
                i++;
            }
            if (lit.length() > 0) {
                pieces.add(PyTokenizer.decode(lit.toString(), raw, false));
            }
        } catch (PyTokenizer.BadEscape x) {
            return unreadF(t, "the literal has an escape Python 3 refuses (" + x.getMessage() + ")");
        }
        return new PyNode.StrPart(t.start, null, pieces, null);
    }

    private static PyNode.StrPart unreadF(PyToken t, String why) {
        return new PyNode.StrPart(t.start, null, null, why);
    }

    /** One field from just after its '{': a {@link PyNode.Field}, or a String saying why it is not read. */
    private Object field(PyToken t, int from, int end, int[] next) throws ParseError {
        int depth = 0;
        int i = from;
        char quote = 0;
        int exprEnd = -1;
        boolean debug = false;
        while (i < end) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '\\') {
                return "f-string expression part cannot include a backslash";
            }
            if (c == '#') {
                return "f-string expression part cannot include '#'";
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0) {
                char n = i + 1 < end ? text.charAt(i + 1) : 0;
                if (c == '}' || c == ':' || (c == '!' && n != '=')) {
                    exprEnd = i;
                    break;
                }
                if (c == '=' && n != '=' && (i == from || "=!<>".indexOf(text.charAt(i - 1)) < 0)) {
                    debug = true;
                    exprEnd = i;
                    i++;
                    break;
                }
            }
            i++;
        }
        if (exprEnd < 0) {
            return "f-string: expecting '}'";
        }
        if (text.substring(from, exprEnd).isBlank()) {
            return "f-string: empty expression not allowed";
        }
        if (debug) {
            // {x=} shows repr(x) unless a conversion or spec says otherwise; footprint does not compute repr
            while (i < end && text.charAt(i) != '}') {
                i++;
            }
            next[0] = i + 1;
            return "f-string {expr=} shows the value's repr, which footprint does not compute";
        }
        i = exprEnd;
        char conversion = 0;
        if (text.charAt(i) == '!') {
            if (i + 1 >= end) {
                return "f-string: expecting '}'";
            }
            conversion = text.charAt(i + 1);
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                return "f-string: invalid conversion character: expected 's', 'r', or 'a'";
            }
            i += 2;
        }
        String spec = "";
        boolean specFields = false;
        if (i < end && text.charAt(i) == ':') {
            int k = i + 1;
            int d = 0;
            while (k < end && (text.charAt(k) != '}' || d > 0)) {
                if (text.charAt(k) == '{') {
                    d++;
                    specFields = true;
                } else if (text.charAt(k) == '}') {
                    d--;
                }
                k++;
            }
            spec = text.substring(i + 1, Math.min(k, end));
            i = k;
        }
        if (i >= end || text.charAt(i) != '}') {
            return "f-string: expecting '}'";
        }
        next[0] = i + 1;
        List<PyToken> sub;
        try {
            sub = PyTokenizer.tokenizeExpression(text, from, exprEnd, lines);
        } catch (PyTokenizer.Refused x) {
            return "f-string: " + x.getMessage();
        }
        if (sub.isEmpty()) {
            return "f-string: empty expression not allowed";
        }
        List<PyToken> withEnd = new ArrayList<>(sub);
        withEnd.add(new PyToken(Type.END, "", exprEnd, exprEnd));
        enter();
        PyParser inner = new PyParser(withEnd, text, lines, nesting, null);
        Expr e;
        try {
            e = inner.testlistStar();
            if (inner.tok().type != Type.END) {
                return "f-string: invalid syntax";
            }
        } catch (ParseError x) {
            if (x.limit) {
                throw x;
            }
            return "f-string: " + x.getMessage();
        } finally {
            leave();
        }
        return new PyNode.Field(e, conversion, spec, specFields, false);
    }
}
