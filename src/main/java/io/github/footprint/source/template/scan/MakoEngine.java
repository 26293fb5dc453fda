package io.github.footprint.source.template.scan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;

/**
 * Mako templates read as Mako's lexer cuts them, without Mako: {@code ## } comment lines and {@code %} control lines
 * (their newline with them) are no output; {@code ${expr}} is an unknown value; {@code <%text>} is literal text;
 * {@code <%doc>}, {@code <% %>} and {@code <%! %>} blocks and {@code <%def>} bodies are no output; other tags
 * ({@code <%block>}, {@code <%namespace/>}, {@code <%include/>}...) are dropped, their content kept; a backslash at
 * the end of a line joins it to the next; {@code %%} at the start of a line is a literal {@code %}.
 * {@code % if}/{@code % elif}/{@code % else}/{@code % endif} are decision points; {@code % for} loops run once.
 */
public final class MakoEngine implements TemplateEngine {
    private static final Pattern CONTROL = Pattern.compile("^(end)?([A-Za-z]+)\\b(.*?):?\\s*$", Pattern.DOTALL);
    private static final Pattern FOR = Pattern.compile("^(.*?)\\s+in\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern TAG_NAME = Pattern.compile("<%([A-Za-z_][A-Za-z0-9_.:]*)");

    @Override
    public RenderedTemplate render(TemplateInput input) {
        String t = input.text();
        ControlTree.Builder b = new ControlTree.Builder("Mako");
        new Lexer(t, b).run();
        return ControlRenderer.render(Dialect.MAKO, t, b.build(lines(t)), input.choices(), List.of());
    }

    static int lines(String t) {
        int n = 1;
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    private static final class Lexer {
        private final String t;
        private final ControlTree.Builder b;
        private final int n;
        private int pos;
        private int line = 1;

        Lexer(String t, ControlTree.Builder b) {
            this.t = t;
            this.b = b;
            this.n = t.length();
        }

        void run() {
            while (pos < n) {
                if (pos == 0 || t.charAt(pos - 1) == '\n') {
                    if (lineStart()) {
                        continue;
                    }
                }
                textRun();
            }
        }

        /** A comment or control line at the current line start: consumed; true when it was one. */
        private boolean lineStart() {
            int eol = t.indexOf('\n', pos);
            int end = eol < 0 ? n : eol;
            int i = pos;
            while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
                i++;
            }
            if (t.startsWith("##", i)) {
                advanceTo(eol < 0 ? n : eol + 1);
                return true;
            }
            if (i < end && t.charAt(i) == '%') {
                if (i + 1 < end && t.charAt(i + 1) == '%') {
                    // %% at the start of a line: a literal %
                    b.text(t.substring(pos, i) + "%", line);
                    pos = i + 2;
                    return true;
                }
                String code = t.substring(i + 1, end);
                if (code.endsWith("\r")) {
                    code = code.substring(0, code.length() - 1);
                }
                control(code.trim(), line);
                advanceTo(eol < 0 ? n : eol + 1);
                return true;
            }
            return false;
        }

        private void control(String code, int at) {
            Matcher m = CONTROL.matcher(code);
            if (!m.matches()) {
                b.problem(at, "'% " + code + "' is no control line Mako knows; it is ignored");
                return;
            }
            String keyword = m.group(2);
            String rest = m.group(3).trim();
            if (rest.endsWith(":")) {
                rest = rest.substring(0, rest.length() - 1).trim();
            }
            if (m.group(1) != null) {
                b.close(at, "% end" + keyword, keyword);
                return;
            }
            switch (keyword) {
                case "if": {
                    Conditions c = Conditions.of(rest, false);
                    b.openIf(c.key, CodeNames.python(c.key), c.negated, at, "if");
                    break;
                }
                case "elif": {
                    Conditions c = Conditions.of(rest, false);
                    b.elseIf(c.key, CodeNames.python(c.key), c.negated, at, "% elif");
                    break;
                }
                case "else":
                case "except":
                case "finally":
                    b.otherwise(at, "% " + keyword);
                    break;
                case "for": {
                    Matcher f = FOR.matcher(rest);
                    String iterable = f.matches() ? f.group(2).trim() : rest;
                    b.openLoop(iterable, CodeNames.python(iterable), f.matches() ? CodeNames.targets(f.group(1))
                            : List.of(), at, "for");
                    break;
                }
                case "while":
                    b.openLoop(rest, CodeNames.python(rest), List.of(), at, "while");
                    break;
                case "try":
                case "with":
                    b.openGroup(at, keyword);
                    break;
                default:
                    b.problem(at, "'% " + code + "' is no control line Mako knows; it is ignored");
            }
        }

        /** Text up to the next construct or line end, then the construct. */
        private void textRun() {
            int start = pos;
            int startLine = line;
            StringBuilder s = new StringBuilder();
            while (pos < n) {
                char c = t.charAt(pos);
                if (c == '\n') {
                    s.append(c);
                    pos++;
                    line++;
                    b.text(s.toString(), startLine);
                    return;
                }
                if (c == '\\' && pos + 1 < n && (t.charAt(pos + 1) == '\n'
                        || (t.charAt(pos + 1) == '\r' && pos + 2 < n && t.charAt(pos + 2) == '\n'))) {
                    // a backslash ending a line joins it to the next: neither is output
                    b.text(s.toString(), startLine);
                    advanceTo(t.indexOf('\n', pos) + 1);
                    return;
                }
                if (c == '$' && pos + 1 < n && t.charAt(pos + 1) == '{') {
                    b.text(s.toString(), startLine);
                    expression();
                    return;
                }
                if (c == '<' && (t.startsWith("<%", pos) || t.startsWith("</%", pos))) {
                    b.text(s.toString(), startLine);
                    tag();
                    return;
                }
                s.append(c);
                pos++;
            }
            b.text(s.toString(), startLine);
            if (pos == start) {
                pos++;
            }
        }

        private void expression() {
            int at = line;
            int end = matching(pos + 1, '{', '}');
            String written = t.substring(pos, end);
            String code = written.substring(2, Math.max(2, written.length() - 1));
            String value = filtered(code);
            b.expression(written.replace("\r", ""), CodeNames.python(value), at);
            advanceTo(end);
        }

        /** The expression without Mako's {@code | filters} (the last top-level bar). */
        private static String filtered(String code) {
            int depth = 0;
            int bar = -1;
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '\'' || c == '"') {
                    i = CodeNames.skipString(code, i) - 1;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    bar = i;
                }
            }
            return bar < 0 ? code : code.substring(0, bar);
        }

        /** The position after the bracket closing the one at {@code open}, strings skipped; the end when unclosed. */
        private int matching(int open, char o, char c) {
            int depth = 0;
            for (int i = open; i < n; i++) {
                char x = t.charAt(i);
                if (x == '\'' || x == '"') {
                    i = CodeNames.skipString(t, i) - 1;
                } else if (x == o) {
                    depth++;
                } else if (x == c && --depth == 0) {
                    return i + 1;
                }
            }
            b.problem(line, "the expression opened here is never closed; the rest of the file is read as it");
            return n;
        }

        private void tag() {
            int at = line;
            if (t.startsWith("<%text>", pos)) {
                int close = t.indexOf("</%text>", pos);
                int end = close < 0 ? n : close;
                b.text(t.substring(pos + 7, end), at);
                advanceTo(close < 0 ? n : close + 8);
                return;
            }
            if (t.startsWith("<%doc>", pos)) {
                skipBlock("doc", at);
                return;
            }
            if (t.startsWith("</%", pos)) {
                int gt = t.indexOf('>', pos);
                advanceTo(gt < 0 ? n : gt + 1);
                return;
            }
            Matcher m = TAG_NAME.matcher(t);
            if (m.find(pos) && m.start() == pos) {
                String name = m.group(1);
                int gt = tagEnd(pos);
                boolean selfClosing = gt > 1 && t.charAt(gt - 2) == '/';
                if (name.equals("def") && !selfClosing) {
                    skipBlock("def", at);
                    return;
                }
                advanceTo(gt);
                return;
            }
            // <% code %> or <%! code %>: Python, no output
            int close = t.indexOf("%>", pos + 2);
            advanceTo(close < 0 ? n : close + 2);
            if (close < 0) {
                b.problem(at, "the <% block opened here is never closed with %>");
            }
        }

        /** The position after a tag's {@code >}, quoted attribute values skipped. */
        private int tagEnd(int from) {
            for (int i = from + 2; i < n; i++) {
                char c = t.charAt(i);
                if (c == '"' || c == '\'') {
                    int q = t.indexOf(c, i + 1);
                    i = q < 0 ? n : q;
                } else if (c == '>') {
                    return i + 1;
                }
            }
            return n;
        }

        /** Skips {@code <%name ...>...</%name>}, nested ones of the same name counted. */
        private void skipBlock(String name, int at) {
            int depth = 0;
            int i = pos;
            while (i < n) {
                if (t.startsWith("<%" + name, i)) {
                    depth++;
                    i += 2;
                } else if (t.startsWith("</%" + name + ">", i)) {
                    depth--;
                    i += name.length() + 4;
                    if (depth == 0) {
                        advanceTo(i);
                        return;
                    }
                } else {
                    i++;
                }
            }
            b.problem(at, "the <%" + name + "> opened here is never closed");
            advanceTo(n);
        }

        private void advanceTo(int to) {
            int end = Math.min(Math.max(to, pos), n);
            for (int i = pos; i < end; i++) {
                if (t.charAt(i) == '\n') {
                    line++;
                }
            }
            pos = end;
        }
    }
}
