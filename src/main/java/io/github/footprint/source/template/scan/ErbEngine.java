package io.github.footprint.source.template.scan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;

/**
 * ERB templates (Puppet, Chef) read as Ruby's ERB cuts them with trim mode {@code -} (Puppet's), without Ruby:
 * {@code <%= expr %>} is an unknown value; {@code <%# %>} is no output; {@code <%- } takes off the indentation
 * before it and {@code -%>} the newline after it; {@code <%% } is a literal {@code <%}. Statements: {@code if},
 * {@code unless}, {@code elsif}, {@code else}, {@code end} are decision points; {@code x.each do |a|}, {@code for a in
 * x}, {@code while} are loops run once; {@code case x} / {@code when v} are conditions {@code x == v}; other code is no
 * output.
 */
public final class ErbEngine implements TemplateEngine {
    private static final Pattern EACH = Pattern.compile(
            "^(.*?)\\.\\s*(?:each|each_with_index|each_pair|each_key|each_value|map|collect|select|sort|times|"
                    + "each_line|upto|step)\\b[^|]*?(?:do|\\{)\\s*(?:\\|([^|]*)\\|)?\\s*$", Pattern.DOTALL);
    private static final Pattern OPENS_DO = Pattern.compile("(?:\\bdo|\\{)\\s*(?:\\|[^|]*\\|)?\\s*$");
    private static final Pattern FOR = Pattern.compile("^for\\s+(.*?)\\s+in\\s+(.*?)(?:\\s+do)?$", Pattern.DOTALL);
    private static final Pattern KEYWORD = Pattern.compile("^(if|unless|elsif|else|end|while|until|case|when|begin|"
            + "rescue|ensure|for)\\b(.*)$", Pattern.DOTALL);

    @Override
    public RenderedTemplate render(TemplateInput input) {
        String t = input.text();
        ControlTree.Builder b = new ControlTree.Builder("ERB");
        new Lexer(t, b).run();
        return ControlRenderer.render(Dialect.ERB, t, b.build(MakoEngine.lines(t)), input.choices(), List.of());
    }

    private static final class Lexer {
        private final String t;
        private final ControlTree.Builder b;
        private final int n;
        private int pos;
        private int line = 1;
        /** The subject of each open {@code case}, innermost first. */
        private final java.util.Deque<String> cases = new java.util.ArrayDeque<>();

        Lexer(String t, ControlTree.Builder b) {
            this.t = t;
            this.b = b;
            this.n = t.length();
        }

        void run() {
            while (pos < n) {
                int open = t.indexOf("<%", pos);
                if (open < 0) {
                    text(n);
                    break;
                }
                if (t.startsWith("<%%", open)) {
                    text(open);
                    b.text("<%", line);
                    pos = open + 3;
                    continue;
                }
                text(open);
                tag();
            }
        }

        /** Literal text up to {@code end}, one piece per line. */
        private void text(int end) {
            while (pos < end) {
                int nl = t.indexOf('\n', pos);
                int stop = nl < 0 || nl >= end ? end : nl + 1;
                b.text(t.substring(pos, stop), line);
                if (stop == nl + 1 && nl >= 0) {
                    line++;
                }
                pos = stop;
            }
        }

        private void tag() {
            int at = line;
            int start = pos;
            int close = t.indexOf("%>", pos + 2);
            int end = close < 0 ? n : close;
            String inner = t.substring(pos + 2, end);
            boolean trimAfter = inner.endsWith("-");
            if (trimAfter) {
                inner = inner.substring(0, inner.length() - 1);
            }
            advanceTo(close < 0 ? n : close + 2);
            if (close < 0) {
                b.problem(at, "the <% opened here is never closed with %>; the rest of the file is read as code");
            }
            if (inner.startsWith("-")) {
                // <%- takes off the indentation before it when only blanks stand before it on its line
                inner = inner.substring(1);
                String last = b.lastText();
                if (last != null) {
                    int k = last.length();
                    while (k > 0 && (last.charAt(k - 1) == ' ' || last.charAt(k - 1) == '\t')) {
                        k--;
                    }
                    if (k == 0 ? atLineStart(start, last.length()) : last.charAt(k - 1) == '\n') {
                        b.replaceLastText(last.substring(0, k));
                    }
                }
            }
            String written = t.substring(start, close < 0 ? n : close + 2);
            if (inner.startsWith("#")) {
                // a comment
            } else if (inner.startsWith("=")) {
                String code = inner.substring(1);
                b.expression(written.replace("\r", ""), CodeNames.ruby(code), at);
            } else {
                statement(inner.trim(), at, written);
            }
            if (trimAfter) {
                if (t.startsWith("\r\n", pos)) {
                    advanceTo(pos + 2);
                } else if (t.startsWith("\n", pos)) {
                    advanceTo(pos + 1);
                }
            }
        }

        /** True when only blanks stand between the line's start and {@code tagStart} (the text being {@code len}). */
        private boolean atLineStart(int tagStart, int len) {
            int s = tagStart - len;
            return s == 0 || (s > 0 && t.charAt(s - 1) == '\n');
        }

        private void statement(String code, int at, String written) {
            if (code.isEmpty()) {
                return;
            }
            Matcher k = KEYWORD.matcher(code);
            if (k.matches()) {
                String word = k.group(1);
                String rest = k.group(2).trim();
                if (rest.startsWith("then")) {
                    rest = rest.substring(4).trim();
                }
                if (rest.endsWith(" then")) {
                    rest = rest.substring(0, rest.length() - 5).trim();
                }
                switch (word) {
                    case "if":
                    case "unless": {
                        if (oneLine(code)) {
                            return;
                        }
                        Conditions c = Conditions.of(rest, true);
                        b.openIf(c.key, CodeNames.ruby(c.key), c.negated != word.equals("unless"), at, "if");
                        kinds.push("if");
                        return;
                    }
                    case "elsif": {
                        Conditions c = Conditions.of(rest, true);
                        b.elseIf(c.key, CodeNames.ruby(c.key), c.negated, at, "elsif");
                        return;
                    }
                    case "else":
                        if ("case".equals(openKind())) {
                            // a case without a when yet: nothing to choose from
                            return;
                        }
                        b.otherwise(at, "else");
                        return;
                    case "end": {
                        String kind = kinds.pollFirst();
                        if ("case".equals(kind) || "case+".equals(kind)) {
                            cases.pop();
                            if ("case".equals(kind)) {
                                // no when: no block was opened
                                return;
                            }
                        }
                        b.close(at, "end", null);
                        return;
                    }
                    case "while":
                    case "until":
                        b.openLoop(rest.replaceFirst("\\s+do$", ""), CodeNames.ruby(rest), List.of(), at, word);
                        kinds.push(word);
                        return;
                    case "for": {
                        Matcher f = FOR.matcher(code);
                        String iterable = f.matches() ? f.group(2) : rest;
                        b.openLoop(iterable, CodeNames.ruby(iterable), f.matches() ? CodeNames.targets(f.group(1))
                                : List.of(), at, "for");
                        kinds.push("for");
                        return;
                    }
                    case "case": {
                        // "case x" and its first "when" share a tag: Ruby allows no text between them
                        String[] parts = rest.split("\\s*(?:\\n|;)\\s*", 2);
                        cases.push(parts[0].trim());
                        kinds.push("case");
                        if (parts.length > 1 && !parts[1].isBlank()) {
                            statement(parts[1].trim(), at, written);
                        }
                        return;
                    }
                    case "when": {
                        if (cases.isEmpty()) {
                            b.problem(at, "'when' outside a case; the line is ignored");
                            return;
                        }
                        String cond = cases.peek() + " == " + rest;
                        if ("case".equals(openKind())) {
                            b.openIf(cond, CodeNames.ruby(cond), false, at, "if");
                            kinds.pop();
                            kinds.push("case+");
                        } else {
                            b.elseIf(cond, CodeNames.ruby(cond), false, at, "when");
                        }
                        return;
                    }
                    case "begin":
                        b.openGroup(at, "begin");
                        kinds.push("begin");
                        return;
                    default:
                        // rescue, ensure: another way through a begin block, not rendered
                        b.otherwise(at, word);
                        return;
                }
            }
            Matcher each = EACH.matcher(code);
            if (each.matches()) {
                String iterable = each.group(1).trim();
                b.openLoop(iterable, CodeNames.ruby(iterable), each.group(2) == null ? List.of()
                        : CodeNames.targets(each.group(2)), at, "do");
                kinds.push("do");
                return;
            }
            if (OPENS_DO.matcher(code).find()) {
                b.openGroup(at, "do");
                kinds.push("do");
                return;
            }
            if (code.equals("}")) {
                b.close(at, "}", null);
                kinds.pollFirst();
            }
            // any other code (an assignment, a call) writes nothing
        }

        private final java.util.Deque<String> kinds = new java.util.ArrayDeque<>();

        private String openKind() {
            return kinds.peek();
        }

        /** {@code if x then y end} in one tag: no block. */
        private static boolean oneLine(String code) {
            return code.matches("(?s).*\\bend\\s*$") || code.contains(";");
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
