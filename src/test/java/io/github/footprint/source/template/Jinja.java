package io.github.footprint.source.template;

import java.util.Map;

import io.github.footprint.source.template.jinja.JinjaEngine;

/** Renders Jinja2 templates in tests: one engine for all. */
final class Jinja {
    static final JinjaEngine ENGINE = new JinjaEngine();

    private Jinja() {
    }

    static RenderedTemplate render(String template, String varsYaml) {
        return render(template, varsYaml, Choices.DEFAULT);
    }

    static RenderedTemplate render(String template, String varsYaml, Choices choices) {
        VarsFiles.Parsed p = VarsFiles.read("vars.yml", varsYaml);
        if (p.problem() != null) {
            throw new IllegalArgumentException(p.problem().toString());
        }
        return render(template, Variables.of(p.values()), choices);
    }

    static RenderedTemplate render(String template, Variables vars, Choices choices) {
        return ENGINE.render(new TemplateInput("t.j2", template, Dialect.JINJA2, choices, () -> vars));
    }

    /** The text with tokens shown as {@code <?id>}. */
    static String shown(RenderedTemplate r) {
        return r.text().replace(String.valueOf(Unknowns.OPEN), "<?").replace(String.valueOf(Unknowns.CLOSE), ">");
    }

    static Map<String, Object> yaml(String text) {
        return VarsFiles.read("v.yml", text).values();
    }
}
