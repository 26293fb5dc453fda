package io.github.footprint.source.template.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.Jinja2Lexer;
import io.github.footprint.source.template.LineMarkers;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.source.template.Variables;

/**
 * The Jinja2 engine as the loader sees it: templates of text and {@code {{ }}} expressions that
 * {@link FastExpressions} evaluates (most Ansible templates of httpd and INI files) are rendered here, without
 * Jinjava; every other template goes to the full engine ({@link JinjaEngine}), made only when the first one is met,
 * so that a build whose templates are all simple never loads Jinjava's classes.
 *
 * <p>The result is what the full render gives, byte for byte and line for line: the same line markers are put in and
 * read out, and a bare variable without a value here is the same unknown token, registered with the same line,
 * expression and names. A template with a {@code #jinja2:} header, a statement, a comment, or an expression this
 * evaluator does not decide goes the full way. Thread-safe; one instance serves a build.
 */
public final class FastJinja implements TemplateEngine {
    /** A render must not grow beyond what the full engine allows; larger ones go the full way. */
    private static final int MAX_TEXT = 16 << 20;
    /** At most this many expressions' outcomes are kept per set of variables. */
    private static final int MAX_CACHED = 10_000;

    private final Supplier<TemplateEngine> full;
    /** The outcome of each expression per set of variables, the scope held weakly. */
    private final Map<Variables.Scope, Map<String, Object>> outcomes = new WeakHashMap<>();
    private final AtomicLong renders = new AtomicLong();

    /** @param full the full engine, asked for only when a template needs it (it may make it then) */
    public FastJinja(Supplier<TemplateEngine> full) {
        this.full = full;
    }

    /** How many templates were rendered here, without the full engine (for tests). */
    public long fastRenders() {
        return renders.get();
    }

    @Override
    public RenderedTemplate render(TemplateInput input) {
        RenderedTemplate r = renderFast(input);
        return r != null ? r : full.get().render(input);
    }

    /** The template rendered here, or null when it must go to the full engine. */
    public RenderedTemplate renderFast(TemplateInput input) {
        String text = input.text();
        if (text.startsWith("#jinja2:")) {
            return null;
        }
        Jinja2Lexer.Result lexed;
        try {
            lexed = Jinja2Lexer.lex(text, Jinja2Lexer.Settings.ansible());
        } catch (Jinja2Lexer.SyntaxError e) {
            return null;
        }
        for (Jinja2Lexer.Token t : lexed.tokens()) {
            if (t.type() == Jinja2Lexer.Type.STATEMENT) {
                return null;
            }
        }
        Variables.Scope scope = input.variables().scopeFor(input.treePath());
        Map<String, Object> cache = cacheOf(scope);
        LineMarkers markers = LineMarkers.forTemplate(text);
        StringBuilder b = new StringBuilder(lexed.source().length() + 256);
        SortedMap<Integer, Unknown> unknowns = new TreeMap<>();
        for (Jinja2Lexer.Token t : lexed.tokens()) {
            int line = lexed.line(t.tagStart());
            if (t.type() == Jinja2Lexer.Type.TEXT) {
                markers.markText(b, t.content(), line);
                continue;
            }
            Object outcome = cache.get(t.content());
            if (outcome == null) {
                // brackets nested beyond what Jinja2's parser can follow: the full engine refuses the template
                outcome = ParserDepth.BRACKET_FRAMES * ParserDepth.bracketDepth(t.content())
                        >= ParserDepth.RECURSION_LIMIT ? FastExpressions.FALLBACK
                                : FastExpressions.evaluate(t.content(), scope);
                if (cache.size() < MAX_CACHED) {
                    cache.put(t.content(), outcome);
                }
            }
            if (outcome == FastExpressions.FALLBACK) {
                return null;
            }
            markers.mark(b, line);
            if (outcome instanceof FastExpressions.Unknown) {
                FastExpressions.Unknown u = (FastExpressions.Unknown) outcome;
                int id = unknowns.size() + 1;
                List<String> names = new ArrayList<>(List.of(u.name));
                unknowns.put(id, new Unknown(id, line, lexed.source().substring(t.tagStart(), t.tagEnd()), names,
                        Dialect.JINJA2, u.secret || Variables.isSecretName(u.name)));
                b.append(Unknowns.token(id));
            } else {
                b.append((String) outcome);
            }
            if (b.length() > MAX_TEXT) {
                return null;
            }
        }
        String marked = b.toString();
        int wanted = trailingNewlines(text);
        int have = markers.trailingNewlines(marked);
        LineMarkers.Stripped plain = markers.strip(wanted > have ? marked + "\n".repeat(wanted - have) : marked, 1);
        renders.incrementAndGet();
        return new RenderedTemplate(Dialect.JINJA2, plain, unknowns, List.of(), List.of(), List.of(), true);
    }

    /** How many {@code \n} end the text (as {@link JinjaEngine} counts them; not called there, so that this class
     * does not load it). */
    private static int trailingNewlines(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) {
            n++;
        }
        return n;
    }

    private Map<String, Object> cacheOf(Variables.Scope scope) {
        synchronized (outcomes) {
            return outcomes.computeIfAbsent(scope, s -> new ConcurrentHashMap<>());
        }
    }
}
