package io.github.footprint.source.template.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.FlexibleTag;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.TextNode;
import com.hubspot.jinjava.tree.output.OutputNode;
import com.hubspot.jinjava.tree.parse.DefaultTokenScannerSymbols;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TextToken;
import com.hubspot.jinjava.tree.parse.TokenScannerSymbols;
import io.github.footprint.source.template.Jinja2Lexer;
import io.github.footprint.source.template.LineMarkers;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import jinjava.de.odysseus.el.tree.impl.Builder;

/**
 * Builds Jinjava's node tree from Jinja2's tokens (so Jinjava never lexes: text is exactly what Jinja2's lexer left),
 * putting line markers into the text, and refusing what Jinja2's parser refuses (unknown tags, unclosed blocks,
 * expressions that do not parse).
 */
final class TreeBuilder {
    static final TokenScannerSymbols SYMBOLS = new DefaultTokenScannerSymbols();

    /** The tags of Jinja2 without extensions (what Ansible's environment has); raw is the lexer's. */
    private static final Set<String> OPENING = Set.of("if", "for", "set", "macro", "call", "filter", "with",
            "autoescape", "block", "include", "import", "from", "extends");
    private static final Set<String> INNER = Set.of("elif", "else");
    private static final Builder PARSER = new PyOperators.FpSyntaxBuilder(Builder.Feature.METHOD_INVOCATIONS,
            Builder.Feature.VARARGS);

    /** A template Jinja2 would refuse to compile. */
    static final class BuildError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        BuildError(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** The root of a built tree. */
    static final class Root extends Node {
        private static final long serialVersionUID = 1L;

        Root() {
            super(null, 0, 0);
        }

        @Override
        public OutputNode render(JinjavaInterpreter interpreter) {
            throw new UnsupportedOperationException("render the root with the interpreter");
        }

        @Override
        public String getName() {
            return "root";
        }
    }

    /** An expression token that keeps the Jinja2 text as written. */
    static final class FpExpressionToken extends ExpressionToken {
        private static final long serialVersionUID = 1L;
        final String written;
        private final String el;

        FpExpressionToken(String el, int line, int position, String written) {
            super(written, line, position, SYMBOLS);
            this.written = written;
            this.el = el;
        }

        /** The translated expression (the image is the Jinja2 text, which Jinjava would read otherwise). */
        @Override
        public String getExpr() {
            return el;
        }
    }

    private final Jinja2Lexer.Result lexed;
    private final int lineOffset;
    private final LineMarkers markers;
    private final Context context;
    private final Output output;

    private TreeBuilder(Jinja2Lexer.Result lexed, int lineOffset, LineMarkers markers, Context context,
            Output output) {
        this.lexed = lexed;
        this.lineOffset = lineOffset;
        this.markers = markers;
        this.context = context;
        this.output = output;
    }

    /**
     * @param lineOffset added to the lexed source's lines to give the template's (1 when a header line was cut)
     * @param markers the line markers to put into the text, or null for none
     */
    static Root build(Jinja2Lexer.Result lexed, int lineOffset, LineMarkers markers, Context context, Output output)
            throws BuildError {
        return new TreeBuilder(lexed, lineOffset, markers, context, output).run();
    }

    private int line(int position) {
        return lexed.line(position) + lineOffset;
    }

    private Root run() throws BuildError {
        Root root = new Root();
        Deque<Node> parents = new ArrayDeque<>();
        parents.push(root);
        Deque<String> open = new ArrayDeque<>();
        int capturing = 0;
        int indent = 0;
        int loops = 0;
        // Python's compiler refuses after Jinja2's parser has read the whole template: a parse error anywhere first
        BuildError compileError = null;
        Deque<Boolean> indents = new ArrayDeque<>();
        for (Jinja2Lexer.Token t : lexed.tokens()) {
            Node parent = parents.peek();
            int line = line(t.tagStart());
            if (t.type() != Jinja2Lexer.Type.TEXT) {
                int brackets = ParserDepth.bracketDepth(t.content());
                if (ParserDepth.BLOCK_FRAMES * open.size() + ParserDepth.BRACKET_FRAMES * brackets
                        >= ParserDepth.RECURSION_LIMIT) {
                    throw new BuildError(ParserDepth.recursion(brackets + " nested brackets", open.size()), line);
                }
            }
            switch (t.type()) {
                case TEXT:
                    add(parent, text(t, capturing == 0 && markers != null));
                    break;
                case EXPRESSION:
                    if (markers != null && capturing == 0) {
                        StringBuilder b = new StringBuilder();
                        markers.mark(b, line);
                        add(parent, new TextNode(new TextToken(b.toString(), line, t.tagStart(), SYMBOLS)));
                    }
                    add(parent, expression(t.content(), lexed.source().substring(t.tagStart(), t.tagEnd()), line,
                            t.tagStart()));
                    break;
                default:
                    String content = t.content();
                    String name = name(content);
                    String helpers = content.substring(content.indexOf(name) + name.length());
                    if (name.isEmpty()) {
                        throw new BuildError("tag name expected", line);
                    }
                    if (name.startsWith("end") && !OPENING.contains(name)) {
                        String opened = open.isEmpty() ? null : open.peek();
                        if (opened == null || !name.equals("end" + opened)) {
                            throw new BuildError("Encountered unknown tag '" + name + "'."
                                    + (opened == null ? "" : " Jinja was looking for the following tags: 'end"
                                            + opened + "'. The innermost block that needs to be closed is '" + opened
                                            + "'."), line);
                        }
                        if (!helpers.trim().isEmpty() && !name.equals("endblock") && !name.equals("endmacro")) {
                            throw new BuildError("expected token 'end of statement block', got '" + helpers.trim()
                                    + "'", line);
                        }
                        open.pop();
                        parents.pop();
                        if (indents.pop()) {
                            indent--;
                        }
                        if (opened.equals("for")) {
                            loops--;
                        }
                        if (Tags.CAPTURING.contains(opened) || opened.equals("set")) {
                            capturing--;
                        }
                        break;
                    }
                    if (INNER.contains(name)) {
                        String opened = open.isEmpty() ? null : open.peek();
                        if (!"if".equals(opened) && !(name.equals("else") && "for".equals(opened))) {
                            throw new BuildError("Encountered unknown tag '" + name + "'.", line);
                        }
                        String expr = name.equals("elif") ? translate(helpers, line) : null;
                        add(parent, tagNode(context.getTag(name), name, helpers, expr, null, null, line,
                                t.tagStart()));
                        break;
                    }
                    if (!OPENING.contains(name)) {
                        throw new BuildError("Encountered unknown tag '" + name + "'.", line);
                    }
                    TagNode node = opening(name, helpers, line, t.tagStart());
                    add(parent, node);
                    if (node.getEndName() != null && (!(node.getTag() instanceof FlexibleTag)
                            || ((FlexibleTag) node.getTag()).hasEndTag((Tags.FpTagToken) node.getMaster()))) {
                        boolean indents1 = INDENTING.contains(name);
                        if (compileError == null && name.equals("for") && loops + 1 >= CO_MAXBLOCKS + 1) {
                            compileError = new BuildError("SyntaxError: too many statically nested blocks (Python compiles"
                                    + " each for loop to a block of its own and allows " + CO_MAXBLOCKS + " nested;"
                                    + " this is loop " + (loops + 1) + ")", line);
                        }
                        if (compileError == null && indents1 && indent + 1 >= MAX_INDENT) {
                            compileError = new BuildError("IndentationError: too many levels of indentation (Jinja2 indents"
                                    + " the Python code of each nested if, for, macro and call; this " + name
                                    + " is the " + (indent + 1) + "th, beyond Python's 100 levels)", line);
                        }
                        if (ParserDepth.BLOCK_FRAMES * (open.size() + 1) >= ParserDepth.RECURSION_LIMIT) {
                            throw new BuildError(ParserDepth.recursion("", open.size() + 1), line);
                        }
                        indents.push(indents1);
                        indent += indents1 ? 1 : 0;
                        loops += name.equals("for") ? 1 : 0;
                        parents.push(node);
                        open.push(name);
                        if (Tags.CAPTURING.contains(name) || name.equals("set")) {
                            capturing++;
                        }
                    }
            }
        }
        if (!open.isEmpty()) {
            throw new BuildError("Unexpected end of template. Jinja was looking for the following tags: 'end"
                    + open.peek() + "'. The innermost block that needs to be closed is '" + open.peek() + "'.",
                    line(lexed.source().length()));
        }
        if (compileError != null) {
            throw compileError;
        }
        return root;
    }

    /**
     * Python's compiler (CPython's {@code CO_MAXBLOCKS}): Jinja2 compiles each {@code for} to a Python loop, and
     * the 21st nested one fails with "SyntaxError: too many statically nested blocks" (python3-jinja2 3.1, Python 3.11).
     */
    static final int CO_MAXBLOCKS = 20;
    /**
     * The tags whose body Jinja2's code generator indents ({@code if}, {@code for}, {@code macro}, {@code call}):
     * the 99th nested fails with "IndentationError: too many levels of indentation" (the tokenizer's 100 levels, one
     * taken by the render function).
     */
    static final Set<String> INDENTING = Set.of("if", "for", "macro", "call");
    static final int MAX_INDENT = 99;
    private static void add(Node parent, Node child) {
        child.setParent(parent);
        parent.getChildren().add(child);
    }

    private TextNode text(Jinja2Lexer.Token t, boolean mark) {
        String s = t.content();
        int line = line(t.start());
        if (!mark) {
            return new TextNode(new TextToken(s, line, t.start(), SYMBOLS));
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        markers.markText(b, s, line);
        return new TextNode(new TextToken(b.toString(), line, t.start(), SYMBOLS));
    }

    private ExpressionNode expression(String content, String written, int line, int position) throws BuildError {
        if (content.trim().isEmpty()) {
            throw new BuildError("Expected an expression, got 'end of print statement'", line);
        }
        String el = translate(content, line);
        return new ExpressionNode(output, new FpExpressionToken(el, line, position, written));
    }

    /** Expressions already translated and found to parse (templates of a tree repeat theirs): text to Jinjava's. */
    private static final java.util.Map<String, String> TRANSLATED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The expression translated for Jinjava, and parsed once so that a syntax error is found at build time. */
    static String translate(String expression, int line) throws BuildError {
        String cached = TRANSLATED.get(expression);
        if (cached != null) {
            return cached;
        }
        String el = translateAndCheck(expression, line);
        if (TRANSLATED.size() < 100_000) {
            TRANSLATED.put(expression, el);
        }
        return el;
    }

    private static String translateAndCheck(String expression, int line) throws BuildError {
        String el;
        try {
            el = Translator.translate(expression);
        } catch (Translator.Untranslatable e) {
            throw new BuildError(e.getMessage(), line);
        }
        check(el, line);
        return el;
    }

    private static void check(String el, int line) throws BuildError {
        try {
            PARSER.build("#{" + el + "}");
        } catch (TreeBuilderException e) {
            throw new BuildError("cannot parse '" + el.trim() + "': " + e.getMessage(), line);
        } catch (RuntimeException e) {
            throw new BuildError("cannot parse '" + el.trim() + "': " + e, line);
        }
    }

    private static String name(String content) {
        int i = 0;
        while (i < content.length() && Py.isSpace(content.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < content.length() && (Character.isLetterOrDigit(content.charAt(i)) || content.charAt(i) == '_')) {
            i++;
        }
        return content.substring(start, i);
    }

    private TagNode opening(String name, String helpers, int line, int position) throws BuildError {
        Tag tag = context.getTag(name);
        if (tag == null) {
            throw new BuildError("Encountered unknown tag '" + name + "'.", line);
        }
        switch (name) {
            case "if":
                return tagNode(tag, name, helpers, translate(helpers, line), null, null, line, position);
            case "filter":
                return tagNode(tag, name, helpers, translate(Tags.FILTER_BODY + " | " + helpers, line), null, null,
                        line, position);
            case "with": {
                List<String> targets = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (String pair : splitTopLevel(helpers, line)) {
                    int eq = topLevelAssignment(pair, line);
                    if (eq < 0) {
                        throw new BuildError("expected token '=', got '" + pair.trim() + "'", line);
                    }
                    targets.add(pair.substring(0, eq).trim());
                    values.add(translate(pair.substring(eq + 1), line));
                }
                Tags.FpTagToken token = new Tags.FpTagToken("{% with %}", line, position, SYMBOLS, helpers, null, null,
                        targets, values);
                return new TagNode(tag, token, SYMBOLS);
            }
            case "for":
                return tagNode(tag, name, helpers, null, forHeader(helpers, line), null, line, position);
            case "set": {
                int eq = topLevelAssignment(helpers, line);
                if (eq < 0) {
                    return tagNode(tag, name, helpers, null, null, null, line, position);
                }
                List<String> targets = new ArrayList<>();
                for (String target : helpers.substring(0, eq).split(",")) {
                    String t = target.trim();
                    if (t.startsWith("(") && t.endsWith(")")) {
                        t = t.substring(1, t.length() - 1).trim();
                    }
                    if (!t.isEmpty()) {
                        targets.add(t);
                    }
                }
                String rhs = helpers.substring(eq + 1);
                String el = translate(rhs, line);
                if (hasTopLevelComma(rhs, line)) {
                    el = "[" + el + "]";
                }
                return tagNode(tag, name, helpers, el, null, targets, line, position);
            }
            default:
                return tagNode(tag, name, helpers, null, null, null, line, position);
        }
    }

    private TagNode tagNode(Tag tag, String name, String helpers, String expression, Tags.ForHeader forHeader,
            List<String> targets, int line, int position) throws BuildError {
        String translated;
        try {
            translated = translateHelpers(helpers);
        } catch (Translator.Untranslatable e) {
            throw new BuildError(e.getMessage(), line);
        }
        Tags.FpTagToken token = new Tags.FpTagToken("{% " + name + " " + translated + " %}", line, position, SYMBOLS,
                helpers, expression, forHeader, targets, null);
        return new TagNode(tag, token, SYMBOLS);
    }

    /** A tag's text with its string literals and Python constants in Jinjava's syntax, the rest as written. */
    private static String translateHelpers(String helpers) throws Translator.Untranslatable {
        if (helpers.trim().isEmpty()) {
            return "";
        }
        String cached = HELPERS.get(helpers);
        if (cached == null) {
            cached = Translator.translate(helpers);
            if (HELPERS.size() < 100_000) {
                HELPERS.put(helpers, cached);
            }
        }
        return cached;
    }

    /** Tag texts already translated. */
    private static final java.util.Map<String, String> HELPERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The position of the {@code =} of an assignment ({@code x = 1}), or -1 for a block set. */
    private static int topLevelAssignment(String helpers, int line) throws BuildError {
        int depth = 0;
        List<Translator.Tok> toks = tokens(helpers, line);
        int at = 0;
        for (Translator.Tok t : toks) {
            if (t.kind == Translator.Tok.Kind.OPERATOR) {
                if ("([{".contains(t.text)) {
                    depth++;
                } else if (")]}".contains(t.text)) {
                    depth--;
                } else if (t.text.equals("=") && depth == 0) {
                    return at;
                } else if (t.text.equals("|") && depth == 0) {
                    return -1;
                }
            }
            at += t.text.length();
        }
        return -1;
    }

    /** The parts of a text between its top-level commas. */
    private static List<String> splitTopLevel(String text, int line) throws BuildError {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (Translator.Tok t : tokens(text, line)) {
            if (t.kind == Translator.Tok.Kind.OPERATOR) {
                if ("([{".contains(t.text)) {
                    depth++;
                } else if (")]}".contains(t.text)) {
                    depth--;
                } else if (t.text.equals(",") && depth == 0) {
                    out.add(current.toString());
                    current.setLength(0);
                    continue;
                }
            }
            current.append(t.text);
        }
        if (!current.toString().trim().isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static boolean hasTopLevelComma(String expression, int line) throws BuildError {
        int depth = 0;
        for (Translator.Tok t : tokens(expression, line)) {
            if (t.kind == Translator.Tok.Kind.OPERATOR) {
                if ("([{".contains(t.text)) {
                    depth++;
                } else if (")]}".contains(t.text)) {
                    depth--;
                } else if (t.text.equals(",") && depth == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Translator.Tok> tokens(String s, int line) throws BuildError {
        try {
            return Translator.tokens(s);
        } catch (Translator.Untranslatable e) {
            throw new BuildError(e.getMessage(), line);
        }
    }

    /** {@code targets in iterable [if filter] [recursive]}. */
    private static Tags.ForHeader forHeader(String helpers, int line) throws BuildError {
        List<Translator.Tok> toks = tokens(helpers, line);
        int depth = 0;
        int in = -1;
        int cond = -1;
        int end = toks.size();
        for (int i = 0; i < toks.size(); i++) {
            Translator.Tok t = toks.get(i);
            if (t.kind == Translator.Tok.Kind.OPERATOR) {
                if ("([{".contains(t.text)) {
                    depth++;
                } else if (")]}".contains(t.text)) {
                    depth--;
                }
            } else if (t.kind == Translator.Tok.Kind.NAME && depth == 0) {
                if (t.text.equals("in") && in < 0) {
                    in = i;
                } else if (t.text.equals("if") && in >= 0 && cond < 0) {
                    cond = i;
                } else if (t.text.equals("recursive") && in >= 0) {
                    throw new BuildError("recursive loops are not supported", line);
                }
            }
        }
        if (in < 0) {
            throw new BuildError("expected token 'in', got 'end of statement block'", line);
        }
        List<String> targets = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < in; i++) {
            Translator.Tok t = toks.get(i);
            if (t.kind == Translator.Tok.Kind.NAME) {
                current.append(t.text);
            } else if (t.text.equals(",")) {
                targets.add(current.toString());
                current.setLength(0);
            } else if (t.kind != Translator.Tok.Kind.SPACE && !t.text.equals("(") && !t.text.equals(")")) {
                throw new BuildError("can't assign to '" + t.text + "'", line);
            }
        }
        if (current.length() > 0) {
            targets.add(current.toString());
        }
        if (targets.isEmpty()) {
            throw new BuildError("expected a name before 'in'", line);
        }
        String iterable = join(toks, in + 1, cond >= 0 ? cond : end);
        String filter = cond >= 0 ? join(toks, cond + 1, end) : null;
        String el = translate(iterable, line);
        if (hasTopLevelComma(iterable, line)) {
            el = "[" + el + "]";
        }
        return new Tags.ForHeader(targets, el, iterable.trim(), filter == null ? null : translate(filter, line));
    }

    private static String join(List<Translator.Tok> toks, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(toks.get(i).text);
        }
        return b.toString();
    }
}
