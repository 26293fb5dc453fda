package io.github.footprint.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;
import io.github.footprint.source.template.Unknown;

/**
 * A test's engine for sed-style placeholders, through the API every engine uses: each {@code %NAME%} (upper-case
 * letters, digits, underscores) becomes an unknown token naming {@code NAME}, line for line; everything else is kept
 * as written (httpd's own {@code %{GROUP}}, {@code %h}, {@code %>s} are no placeholders). It stands in for the
 * project's own reader of the dialect, so the readers downstream can be tested on the tokens they will meet.
 */
public final class TokenEngine implements TemplateEngine {
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Z][A-Z0-9_]*)%");

    @Override
    public RenderedTemplate render(TemplateInput input) {
        List<String> lines = new ArrayList<>(List.of(input.text().split("\n", -1)));
        if (input.text().endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        List<String> out = new ArrayList<>();
        SortedMap<Integer, Unknown> unknowns = new TreeMap<>();
        int[] map = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = PLACEHOLDER.matcher(lines.get(i));
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                int id = unknowns.size() + 1;
                Unknown u = new Unknown(id, i + 1, m.group(), List.of(m.group(1)), Dialect.SED, false);
                unknowns.put(id, u);
                m.appendReplacement(b, Matcher.quoteReplacement(u.token()));
            }
            m.appendTail(b);
            out.add(b.toString());
            map[i] = i + 1;
        }
        return new RenderedTemplate(input.dialect(), String.join("\n", out) + (input.text().endsWith("\n") ? "\n" : ""),
                out, map, unknowns, List.of(), List.of(), List.of(), true);
    }
}
