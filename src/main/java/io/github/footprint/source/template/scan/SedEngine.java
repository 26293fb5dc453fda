package io.github.footprint.source.template.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.SedForms;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.source.template.Variables;

/**
 * Placeholders a deploy script fills in with {@code sed} (devstack's {@code %PUBLICPORT%}), in the forms of a
 * {@link SedForms}: each one the value of the variable of its name when the user's variables give one (a text or an
 * integer, on one line: what {@code sed} would put there), else an unknown value named by its name; the lines stay
 * the template's, one for one. In an
 * httpd or INI file, where a dollar is no syntax of the file's own language, Python's {@code string.Template}
 * placeholders ({@code $NAME}, upper case, three characters or more) are unknown values too.
 */
public final class SedEngine implements TemplateEngine {

    private final SedForms forms;

    public SedEngine(SedForms forms) {
        this.forms = forms;
    }

    @Override
    public RenderedTemplate render(TemplateInput input) {
        String t = input.text();
        SortedMap<Integer, Unknown> unknowns = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        StringBuilder all = new StringBuilder(t.length());
        int lineNo = 1;
        int start = 0;
        while (start < t.length()) {
            int nl = t.indexOf('\n', start);
            int end = nl < 0 ? t.length() : nl + 1;
            String line = t.substring(start, end);
            String out = replace(input, line, forms.pattern(), lineNo, unknowns, false);
            if (input.dollarPlaceholders()) {
                out = replace(input, out, SedForms.DOLLAR_NAME, lineNo, unknowns, true);
            }
            all.append(out);
            String bare = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
            lines.add(bare.endsWith("\r") ? bare.substring(0, bare.length() - 1) : bare);
            lineNo++;
            start = end;
        }
        int[] map = new int[lines.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = i + 1;
        }
        return new RenderedTemplate(Dialect.SED, all.toString(), lines, map, unknowns, List.of(), List.of(),
                List.of(), true);
    }

    private String replace(TemplateInput input, String line, Pattern p, int lineNo,
            SortedMap<Integer, Unknown> unknowns, boolean dollar) {
        Matcher m = p.matcher(line);
        if (!m.find()) {
            return line;
        }
        Map<String, Object> values = input.variables().scopeFor(input.treePath()).values();
        StringBuilder b = new StringBuilder();
        int at = 0;
        do {
            String written = m.group();
            String name = dollar ? m.group(1) : forms.name(written);
            String value = value(values.get(name));
            if (value != null) {
                b.append(line, at, m.start()).append(value);
                at = m.end();
                continue;
            }
            int id = unknowns.size() + 1;
            unknowns.put(id, new Unknown(id, lineNo, written, List.of(name), Dialect.SED,
                    Variables.isSecretName(name)));
            b.append(line, at, m.start()).append(Unknowns.token(id));
            at = m.end();
        } while (m.find());
        return b.append(line.substring(at)).toString();
    }

    /**
     * What {@code sed} puts in place of a token whose variable has this value: a text (secret marks kept) or an
     * integer, on one line, that is no template expression of another engine; null (unknown) for anything else.
     */
    private static String value(Object v) {
        String s;
        if (v instanceof String) {
            s = (String) v;
        } else if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            s = v.toString();
        } else {
            return null;
        }
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.contains("{{") || s.contains("{%") ? null : s;
    }
}
