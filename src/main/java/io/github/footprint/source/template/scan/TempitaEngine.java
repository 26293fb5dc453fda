package io.github.footprint.source.template.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;

/**
 * Paste Script's {@code _tmpl} files, without Paste: a file with {@code {{ }}} is Tempita's ({@code {{expr}}} an
 * unknown value; {@code {{if}}}/{@code {{elif}}}/{@code {{else}}}/{@code {{endif}}} decision points; {@code {{for}}}
 * run once; {@code {{py:}}}, {@code {{default}}}, {@code {{inherit}}}, {@code {{# }}} and {@code {{def}}} bodies no
 * output; a statement alone on its line takes its line with it, as Tempita's {@code trim_lex}); any other is read as
 * Paste's {@code LaxTemplate}, Python's {@code string.Template}: {@code $name} and {@code ${name}} unknown values,
 * {@code $$} a dollar.
 */
public final class TempitaEngine implements TemplateEngine {
    private static final Pattern STATEMENT = Pattern.compile("^(?:if |elif |for |def |inherit |default |py:)");
    private static final List<String> SINGLE = List.of("else", "endif", "endfor", "enddef", "continue", "break");
    private static final Pattern FOR = Pattern.compile("^for\\s+(.*?)\\s+in\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern DOLLAR = Pattern.compile("\\$(?:(\\$)|([_A-Za-z][_A-Za-z0-9]*)|\\{([_A-Za-z][_A-Za-z0-9]*)\\})");

    @Override
    public RenderedTemplate render(TemplateInput input) {
        String t = input.text();
        ControlTree.Builder b = new ControlTree.Builder(t.contains("{{") ? "Tempita" : "string.Template");
        if (t.contains("{{")) {
            tempita(t, b);
        } else {
            dollar(t, b);
        }
        return ControlRenderer.render(Dialect.TEMPITA, t, b.build(MakoEngine.lines(t)), input.choices(), List.of());
    }

    /** A piece of the template: text (with its first line) or a {@code {{ }}} chunk. */
    private static final class Piece {
        String text;
        int line;
        final boolean chunk;
        final String written;

        Piece(String text, int line, boolean chunk, String written) {
            this.text = text;
            this.line = line;
            this.chunk = chunk;
            this.written = written;
        }
    }

    private static void tempita(String t, ControlTree.Builder b) {
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        int line = 1;
        while (pos < t.length()) {
            int open = t.indexOf("{{", pos);
            if (open < 0) {
                pieces.add(new Piece(t.substring(pos), line, false, null));
                break;
            }
            String before = t.substring(pos, open);
            pieces.add(new Piece(before, line, false, null));
            line += count(before);
            int close = t.indexOf("}}", open + 2);
            if (close < 0) {
                b.problem(line, "{{ without }}; Tempita stops with 'No }} to finish last expression'");
                pieces.add(new Piece(t.substring(open), line, false, null));
                break;
            }
            String inner = t.substring(open + 2, close);
            pieces.add(new Piece(inner.trim(), line, true, t.substring(open, close + 2)));
            line += count(inner);
            pos = close + 2;
        }
        trim(pieces);
        for (Piece p : pieces) {
            if (!p.chunk) {
                b.text(p.text, p.line);
            } else {
                chunk(p, b);
            }
        }
    }

    /** Tempita's trim_lex: a statement alone on its line takes the line's blanks and newline with it. */
    private static void trim(List<Piece> pieces) {
        for (int i = 0; i < pieces.size(); i++) {
            Piece cur = pieces.get(i);
            if (!cur.chunk || !(STATEMENT.matcher(cur.text).find() || SINGLE.contains(cur.text))) {
                continue;
            }
            Piece prev = i > 0 ? pieces.get(i - 1) : null;
            Piece next = i + 1 < pieces.size() ? pieces.get(i + 1) : null;
            if ((prev != null && prev.chunk) || (next != null && next.chunk)) {
                continue;
            }
            String p = prev == null ? "" : prev.text;
            String nx = next == null ? "" : next.text;
            Matcher trail = Pattern.compile("\\n\\r?[\\t ]*$").matcher(p);
            boolean prevOk = p.isEmpty() || trail.find() || (i == 1 && p.isBlank());
            Matcher lead = Pattern.compile("^[\\t ]*\\n").matcher(nx);
            boolean nextOk = nx.isEmpty() || lead.find() || (i == pieces.size() - 2 && nx.isBlank());
            if (!prevOk || !nextOk) {
                continue;
            }
            if (prev != null && !p.isEmpty()) {
                Matcher m = Pattern.compile("\\n\\r?[\\t ]*$").matcher(p);
                prev.text = i == 1 && p.isBlank() ? "" : m.find() ? p.substring(0, m.start() + 1) : p;
            }
            if (next != null && !nx.isEmpty()) {
                Matcher m = Pattern.compile("^[\\t ]*\\n").matcher(nx);
                if (i == pieces.size() - 2 && nx.isBlank()) {
                    next.text = "";
                } else if (m.find()) {
                    next.text = nx.substring(m.end());
                    next.line += 1;
                }
            }
        }
    }

    private static void chunk(Piece p, ControlTree.Builder b) {
        String c = p.text;
        int at = p.line;
        if (c.startsWith("#") || c.startsWith("py:") || c.startsWith("default ") || c.startsWith("inherit ")
                || c.equals("continue") || c.equals("break")) {
            return;
        }
        if (c.startsWith("if ")) {
            Conditions k = Conditions.of(c.substring(3).replaceFirst(":\\s*$", ""), false);
            b.openIf(k.key, CodeNames.python(k.key), k.negated, at, "if");
        } else if (c.startsWith("elif ")) {
            Conditions k = Conditions.of(c.substring(5).replaceFirst(":\\s*$", ""), false);
            b.elseIf(k.key, CodeNames.python(k.key), k.negated, at, "{{elif}}");
        } else if (c.equals("else") || c.equals("else:")) {
            b.otherwise(at, "{{else}}");
        } else if (c.equals("endif")) {
            b.close(at, "{{endif}}", "if");
        } else if (c.startsWith("for ")) {
            Matcher f = FOR.matcher(c.replaceFirst(":\\s*$", ""));
            String iterable = f.matches() ? f.group(2).trim() : c.substring(4);
            b.openLoop(iterable, CodeNames.python(iterable), f.matches() ? CodeNames.targets(f.group(1))
                    : List.of(), at, "for");
        } else if (c.equals("endfor")) {
            b.close(at, "{{endfor}}", "for");
        } else if (c.startsWith("def ")) {
            // a function's body is output where it is called, not here
            b.openSkipped(at, "def");
        } else if (c.equals("enddef")) {
            b.close(at, "{{enddef}}", "def");
        } else {
            int bar = c.indexOf('|');
            String value = bar < 0 ? c : c.substring(0, bar);
            b.expression(p.written.replace("\r", ""), CodeNames.python(value), at);
        }
    }

    /** Python's string.Template, as Paste's LaxTemplate reads it. */
    private static void dollar(String t, ControlTree.Builder b) {
        String[] lines = t.split("(?<=\\n)");
        int line = 1;
        for (String l : lines) {
            Matcher m = DOLLAR.matcher(l);
            int at = 0;
            while (m.find()) {
                b.text(l.substring(at, m.start()), line);
                if (m.group(1) != null) {
                    b.text("$", line);
                } else {
                    String name = m.group(2) != null ? m.group(2) : m.group(3);
                    b.expression(m.group(), List.of(name), line);
                }
                at = m.end();
            }
            b.text(l.substring(at), line);
            line++;
        }
    }

    private static int count(String s) {
        int n = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }
}
