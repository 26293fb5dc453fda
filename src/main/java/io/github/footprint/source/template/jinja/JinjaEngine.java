package io.github.footprint.source.template.jinja;

import java.util.ArrayList;
import java.util.List;

import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import io.github.footprint.base.Severity;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.Jinja2Lexer;
import io.github.footprint.source.template.LineMarkers;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;
import io.github.footprint.source.template.TemplateProblem;
import jinjava.javax.el.CompositeELResolver;

/**
 * Renders Jinja2 templates as Ansible's template module does: trim_blocks on, lstrip_blocks off, the template's
 * trailing newlines kept, a {@code #jinja2:} first line read as overrides of those settings, values written as Python
 * writes them, Ansible's filters. Jinja2's lexer ({@link Jinja2Lexer}) cuts the template; Jinjava evaluates it with
 * the evaluator changes of this package. Values nobody can render come out as unknown tokens; conditions on them as
 * decision points. One instance serves a whole build (it is thread-safe: every render has its own interpreter).
 */
public final class JinjaEngine implements TemplateEngine {
    /** A render must not grow beyond this (a template that loops over a huge range): 64 MiB of text. */
    private static final long MAX_OUTPUT = 64L << 20;

    private final FpJinjava jinjava;
    private final JinjavaConfig config;
    private final Output output = new Output();
    /** Templates of text and simple expressions, their values reused: see {@link PlainRender}. */
    private final PlainRender plain;

    public JinjaEngine() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new FpResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        config = JinjavaConfig.newBuilder()
                .withTrimBlocks(false)
                .withLstripBlocks(false)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withMaxOutputSize(MAX_OUTPUT)
                .withElResolver(resolver)
                .withInterperterFactory(new FpInterpreter.Factory())
                .withLegacyOverrides(LegacyOverrides.newBuilder().withIterateOverMapKeys(true)
                        .withUsePyishObjectMapper(true).withKeepNullableLoopValues(true).build())
                .build();
        jinjava = new FpJinjava(config);
        Context global = jinjava.getGlobalContext();
        global.registerTag(new Tags.If());
        global.registerTag(new Tags.For());
        global.registerTag(new Tags.Set_());
        global.registerTag(new Tags.FilterBlock());
        global.registerTag(new Tags.With());
        Filters.install(global);
        global.setExpressionStrategy(output);
        plain = new PlainRender(this, jinjava, config, output);
    }

    /** The settings a {@code #jinja2:} line gives, and how many lines it took. */
    private static final class Header {
        Jinja2Lexer.Settings settings = Jinja2Lexer.Settings.ansible();
        String body;
        int lines;
        final List<TemplateProblem> problems = new ArrayList<>();
    }

    /** Ansible's Templar: {@code #jinja2: trim_blocks: False, lstrip_blocks: True} on the first line. */
    private static Header header(String text) {
        Header h = new Header();
        h.body = text;
        if (!text.startsWith("#jinja2:")) {
            return h;
        }
        int eol = text.indexOf('\n');
        String line = eol < 0 ? text.substring(8, Math.max(8, text.length() - 1)) : text.substring(8, eol);
        if (eol >= 0) {
            h.body = text.substring(eol + 1);
            h.lines = 1;
        }
        boolean trim = true;
        boolean lstrip = false;
        boolean keep = false;
        for (String pair : line.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                h.problems.add(new TemplateProblem(1, Severity.ERROR, "failed to parse jinja2 override '"
                        + pair.trim() + "'. Did you use something different from colon as key-value separator?"));
                continue;
            }
            String key = pair.substring(0, colon).trim();
            Object value = PyLiteral.parse(pair.substring(colon + 1).trim());
            switch (key) {
                case "trim_blocks":
                    trim = Py.truth(value);
                    break;
                case "lstrip_blocks":
                    lstrip = Py.truth(value);
                    break;
                case "keep_trailing_newline":
                    keep = Py.truth(value);
                    break;
                default:
                    h.problems.add(new TemplateProblem(1, Severity.WARNING, "the jinja2 override '" + key
                            + "' is not supported here; the template is read with Jinja2's standard syntax"));
            }
        }
        h.settings = new Jinja2Lexer.Settings(trim, lstrip, keep);
        return h;
    }

    @Override
    public RenderedTemplate render(TemplateInput input) {
        return render(input, true, true);
    }

    /**
     * {@link #render} without the fast path of {@link PlainRender}: what the fast path must equal, byte for byte and
     * line for line (for the test that compares the two).
     */
    public RenderedTemplate renderFully(TemplateInput input) {
        return render(input, true, false);
    }

    /** How many templates this engine rendered on the fast path of {@link PlainRender} (for tests). */
    public long plainRenders() {
        return plain.renders();
    }

    /**
     * Renders without line markers (every line then maps to the first): the text must be byte for byte the text of
     * {@link #render}, which the agreement test checks.
     */
    public RenderedTemplate renderWithoutMarkers(TemplateInput input) {
        return render(input, false, false);
    }

    private RenderedTemplate render(TemplateInput input, boolean markers, boolean fast) {
        Header h = header(input.text());
        LineMarkers lineMarkers = LineMarkers.forTemplate(h.body);
        Session session = new Session(this, input.treePath(), input.choices(),
                input.variables().scopeFor(input.treePath()));
        session.problems.addAll(h.problems);
        Jinja2Lexer.Result lexed;
        TreeBuilder.Root root;
        try {
            lexed = Jinja2Lexer.lex(h.body, h.settings);
        } catch (Jinja2Lexer.SyntaxError e) {
            String normalized = Jinja2Lexer.normalize(h.body, h.settings.keepTrailingNewline());
            int line = lineOf(normalized, e.position()) + h.lines;
            return refused(input, line, e.getMessage(), session);
        }
        if (fast && markers && h.lines == 0 && h.problems.isEmpty() && plain.applies(lexed)) {
            RenderedTemplate r = plain.render(input, h.body, lexed, lineMarkers);
            if (r != null) {
                return r;
            }
        }
        try {
            root = TreeBuilder.build(lexed, h.lines, markers ? lineMarkers : null, jinjava.getGlobalContext(),
                    output);
        } catch (TreeBuilder.BuildError e) {
            return refused(input, e.line, e.getMessage(), session);
        }
        String marked;
        FpInterpreter interpreter = new FpInterpreter(jinjava, new Context(jinjava.getGlobalContext()), config,
                session);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            marked = interpreter.render(root);
        } catch (RuntimeException e) {
            return refused(input, interpreter.getLineNumber(), "the template cannot be rendered: " + e.getMessage(),
                    session);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        for (TemplateError e : interpreter.getErrorsCopy()) {
            session.problems.add(new TemplateProblem(Math.max(0, e.getLineno()),
                    e.getSeverity() == TemplateError.ErrorType.FATAL ? Severity.ERROR : Severity.WARNING,
                    "Jinja2: " + e.getMessage()));
        }
        // Ansible's template module keeps the template's trailing newlines (Jinja2 drops one)
        int wanted = trailingNewlines(h.body);
        int have = lineMarkers.trailingNewlines(marked);
        LineMarkers.Stripped plain = lineMarkers.strip(wanted > have ? marked + "\n".repeat(wanted - have) : marked,
                1 + h.lines);
        return new RenderedTemplate(Dialect.JINJA2, plain, session.unknowns,
                new ArrayList<>(session.decisions.values()), session.assumptions, session.problems, true);
    }

    private static RenderedTemplate refused(TemplateInput input, int line, String message, Session session) {
        List<TemplateProblem> problems = new ArrayList<>(session.problems);
        problems.add(new TemplateProblem(line, Severity.ERROR, "Jinja2 cannot read this template: " + message
                + " (Ansible's template module stops here too)"));
        RenderedTemplate verbatim = RenderedTemplate.verbatim(Dialect.JINJA2, input.text());
        return new RenderedTemplate(Dialect.JINJA2, input.text(), verbatim.lines(), verbatim.lineMap(),
                session.unknowns, List.of(), List.of(), problems, false);
    }

    private static int lineOf(String s, int position) {
        int line = 1;
        for (int i = 0; i < position && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Ansible's {@code _count_newlines_from_end}: how many {@code \n} end the text. */
    static int trailingNewlines(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) {
            n++;
        }
        return n;
    }

    /**
     * Renders a variable's value as Ansible's Templar does when the variable is used (no line markers, the template's
     * own locals not visible); null when it cannot be read.
     */
    String renderValue(String text, Session session) {
        Header h = header(text);
        TreeBuilder.Root root;
        try {
            Jinja2Lexer.Result lexed = Jinja2Lexer.lex(h.body, h.settings);
            root = TreeBuilder.build(lexed, 0, null, jinjava.getGlobalContext(), output);
        } catch (Jinja2Lexer.SyntaxError | TreeBuilder.BuildError e) {
            return null;
        }
        FpInterpreter interpreter = new FpInterpreter(jinjava, new Context(jinjava.getGlobalContext()), config,
                session);
        JinjavaInterpreter.pushCurrent(interpreter);
        String out;
        try {
            out = interpreter.render(root);
        } catch (RuntimeException e) {
            return null;
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        int wanted = trailingNewlines(h.body);
        int have = trailingNewlines(out);
        return wanted > have ? out + "\n".repeat(wanted - have) : out;
    }
}
