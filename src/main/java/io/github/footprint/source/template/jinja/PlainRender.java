package io.github.footprint.source.template.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.Jinja2Lexer;
import io.github.footprint.source.template.LineMarkers;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateInput;
import io.github.footprint.source.template.Variables;

/**
 * The fast path of the most common template: text and {@code {{ }}} expressions only (no statements), each
 * expression a variable, its attributes and filters that read nothing else (most Ansible templates of httpd and INI
 * files). Such a template renders to its text with each expression's value in place, and an expression of this kind
 * has the same value in every template of the same variables: it is evaluated once by Jinjava, and its text is
 * reused. The result is what {@link JinjaEngine}'s full render gives, byte for byte and line for line (the same line
 * markers are put in and read out); a template where any expression is unknown, decides, assumes, warns or fails goes
 * the full way instead (null from {@link #render}), so that what it reports comes from the one place that reports it.
 */
final class PlainRender {
    /** Filters that compute from their input and literal arguments alone (no randomness, no clock, no tests). */
    private static final Set<String> PURE_FILTERS = Set.of("default", "d", "int", "float", "bool", "string", "lower",
            "upper", "replace", "regex_replace", "join", "quote", "to_json", "to_nice_json", "basename", "dirname",
            "trim", "length", "count", "first", "last", "sum", "min", "max", "unique", "round", "title", "capitalize",
            "indent", "center", "list", "ternary");
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String LITERAL = "(?:-?[0-9]+(?:\\.[0-9]+)?|'[^'\\\\\\n]*'|\"[^\"\\\\\\n]*\"|" + NAME + ")";
    private static final String ARGS = "\\(\\s*(?:(?:" + NAME + "\\s*=\\s*)?" + LITERAL + "(?:\\s*,\\s*(?:" + NAME
            + "\\s*=\\s*)?" + LITERAL + ")*)?\\s*\\)";
    /** A variable, its attributes and items by literal, then filters: {@code a.b['c'] | default('x') | int}. */
    private static final Pattern SIMPLE = Pattern.compile("\\s*" + NAME + "(?:\\." + NAME + "|\\[\\s*(?:[0-9]+|'"
            + "[^'\\\\\\n]*'|\"[^\"\\\\\\n]*\")\\s*\\])*(?:\\s*\\|\\s*(" + NAME + ")\\s*(?:" + ARGS + ")?)*\\s*");
    private static final Pattern FILTER = Pattern.compile("\\|\\s*(" + NAME + ")");
    private static final Pattern WORD = Pattern.compile(NAME);
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** Python's keywords and Jinja2's operator words: an expression holding one as a name is no simple lookup. */
    private static final Set<String> WORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "lambda", "for",
            "loop", "self", "super", "caller", "varargs", "kwargs", "range", "lookup", "query", "q", "now");
    /** A render must not grow beyond what {@link JinjaEngine} allows; larger ones go the full way. */
    private static final int MAX_TEXT = 16 << 20;
    /** At most this many expressions' texts are kept per set of variables. */
    private static final int MAX_CACHED = 10_000;

    private final JinjaEngine engine;
    private final FpJinjava jinjava;
    private final JinjavaConfig config;
    private final Output output;
    /** The text of each simple expression (Jinjava's form) per set of variables, the scope held weakly. */
    private final Map<Variables.Scope, Map<String, String>> values = new WeakHashMap<>();
    /** Which expressions are simple, by their text as written. */
    private final Map<String, Boolean> simple = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicLong renders = new java.util.concurrent.atomic.AtomicLong();

    PlainRender(JinjaEngine engine, FpJinjava jinjava, JinjavaConfig config, Output output) {
        this.engine = engine;
        this.jinjava = jinjava;
        this.config = config;
        this.output = output;
    }

    /** How many templates went this way. */
    long renders() {
        return renders.get();
    }

    /** True when a template's tokens are text and simple expressions only. */
    boolean applies(Jinja2Lexer.Result lexed) {
        for (Jinja2Lexer.Token t : lexed.tokens()) {
            if (t.type() == Jinja2Lexer.Type.STATEMENT) {
                return false;
            }
            if (t.type() == Jinja2Lexer.Type.EXPRESSION) {
                Boolean known = simple.get(t.content());
                if (known == null) {
                    known = isSimple(t.content());
                    if (simple.size() < MAX_CACHED) {
                        simple.put(t.content(), known);
                    }
                }
                if (!known) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isSimple(String expression) {
        if (expression.length() > 500 || !SIMPLE.matcher(expression).matches()) {
            return false;
        }
        java.util.regex.Matcher f = FILTER.matcher(expression);
        while (f.find()) {
            if (!PURE_FILTERS.contains(f.group(1))) {
                return false;
            }
        }
        java.util.regex.Matcher w = WORD.matcher(QUOTED.matcher(expression).replaceAll(""));
        while (w.find()) {
            if (WORDS.contains(w.group())) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> cacheOf(Variables.Scope scope) {
        synchronized (values) {
            return values.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
        }
    }

    /**
     * The template rendered (no header line, {@link #applies} true), or null when it must go the full way. Called with
     * the lexed template and the markers {@link JinjaEngine#render} chose.
     */
    RenderedTemplate render(TemplateInput input, String body, Jinja2Lexer.Result lexed, LineMarkers markers) {
        Variables.Scope scope = input.variables().scopeFor(input.treePath());
        Map<String, String> cache = cacheOf(scope);
        StringBuilder b = new StringBuilder(lexed.source().length() + 256);
        Session session = null;
        FpInterpreter interpreter = null;
        try {
            for (Jinja2Lexer.Token t : lexed.tokens()) {
                int line = lexed.line(t.tagStart());
                if (t.type() == Jinja2Lexer.Type.TEXT) {
                    markers.markText(b, t.content(), line);
                    continue;
                }
                String el;
                try {
                    el = TreeBuilder.translate(t.content(), line);
                } catch (TreeBuilder.BuildError e) {
                    return null;
                }
                String value = cache.get(el);
                if (value == null) {
                    if (session == null) {
                        session = new Session(engine, input.treePath(), input.choices(), scope);
                        interpreter = new FpInterpreter(jinjava, new Context(jinjava.getGlobalContext()), config,
                                session);
                        JinjavaInterpreter.pushCurrent(interpreter);
                    }
                    value = evaluate(interpreter, session, el, lexed.source().substring(t.tagStart(), t.tagEnd()),
                            line, t.tagStart());
                    if (value == null) {
                        return null;
                    }
                    if (cache.size() < MAX_CACHED) {
                        cache.put(el, value);
                    }
                }
                markers.mark(b, line);
                b.append(value);
                if (b.length() > MAX_TEXT) {
                    return null;
                }
            }
        } finally {
            if (interpreter != null) {
                JinjavaInterpreter.popCurrent();
            }
        }
        String marked = b.toString();
        int wanted = JinjaEngine.trailingNewlines(body);
        int have = markers.trailingNewlines(marked);
        LineMarkers.Stripped plain = markers.strip(wanted > have ? marked + "\n".repeat(wanted - have) : marked, 1);
        renders.incrementAndGet();
        return new RenderedTemplate(Dialect.JINJA2, plain, new TreeMap<>(), List.of(), List.of(), List.of(), true);
    }

    /** What the full render writes for the expression, or null when it records anything besides its text. */
    private String evaluate(FpInterpreter interpreter, Session session, String el, String written, int line,
            int position) {
        int unknowns = session.unknowns.size();
        int decisions = session.decisions.size();
        int assumptions = session.assumptions.size();
        int problems = session.problems.size();
        int errors = interpreter.getErrorsCopy().size();
        String value;
        try {
            value = output.interpretOutput(new TreeBuilder.FpExpressionToken(el, line, position, written), interpreter)
                    .getValue();
        } catch (RuntimeException e) {
            return null;
        }
        if (session.unknowns.size() != unknowns || session.decisions.size() != decisions
                || session.assumptions.size() != assumptions || session.problems.size() != problems
                || interpreter.getErrorsCopy().size() != errors) {
            return null;
        }
        return value;
    }
}
