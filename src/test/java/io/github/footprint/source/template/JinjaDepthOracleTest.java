package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.footprint.testing.PythonJudge;

/**
 * Deep templates judged by python3's jinja2 (compiling them as Ansible's template module would): where Jinja2 stops
 * with IndentationError (99 nested if, for, macro or call), "too many statically nested blocks" (21 nested for) or
 * RecursionError (deep brackets, deep blocks), footprint refuses the template too, at once and with those words,
 * instead of handing it to its evaluator (which recursed until the Java stack was gone). Where Jinja2 compiles the
 * template, footprint renders it.
 */
class JinjaDepthOracleTest {
    @TempDir
    Path dir;

    private static String nest(String open, String close, String inner, int n) {
        return open.repeat(n) + inner + close.repeat(n);
    }

    /** name -> template, around each bound. */
    private static Map<String, String> cases() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int n : new int[] {20, 21, 22}) {
            m.put("for-" + n, nest("{% for x in [1] %}", "{% endfor %}", "z", n));
        }
        for (int n : new int[] {97, 98, 99, 100, 2000}) {
            m.put("if-" + n, nest("{% if true %}", "{% endif %}", "z", n));
            m.put("call-" + n, "{% macro m() %}{{ caller() }}{% endmacro %}"
                    + nest("{% call m() %}", "{% endcall %}", "z", n));
        }
        for (int n : new int[] {10, 80}) {
            m.put("ifs-and-" + n + "-fors-19", nest("{% if true %}", "{% endif %}",
                    nest("{% for x in [1] %}", "{% endfor %}", "z", 19), n));
        }
        for (int n : new int[] {60, 69, 70, 71, 240, 250, 3000}) {
            m.put("parens-" + n, "{{ " + "(".repeat(n) + "5" + ")".repeat(n) + " }}");
            m.put("with-" + n, nest("{% with a = 1 %}", "{% endwith %}", "z", n));
        }
        for (int n : new int[] {30, 80}) {
            m.put("lists-" + n, "{{ " + "[".repeat(n) + "]".repeat(n) + " }}");
            m.put("parens-in-if-tag-" + n, "{% if " + "(".repeat(n) + "1" + ")".repeat(n) + " %}z{% endif %}");
            m.put("parens-in-50-ifs-" + n, nest("{% if true %}", "{% endif %}",
                    "{{ " + "(".repeat(n) + "5" + ")".repeat(n) + " }}", 50));
        }
        m.put("parens-100-with-text", "Timeout {{ " + "(".repeat(100) + "5" + ")".repeat(100) + " }}\n");
        m.put("parens-in-a-string-3000", "{{ '" + "(".repeat(3000) + "' }}");
        return m;
    }

    @Test
    void deepTemplatesAreRefusedWhereJinja2RefusesThem() throws Exception {
        Map<String, String> cases = cases();
        Map<String, String> python = python(cases);
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String theirs = python.get(c.getKey());
            RenderedTemplate r = Jinja.render(c.getValue(), "{}");
            String ours = refusal(r);
            // the build's engine (its fast path first) reads each template as the full engine does
            RenderedTemplate built = TemplateEngines.standard().engine(Dialect.JINJA2).render(new TemplateInput("t.j2",
                    c.getValue(), Dialect.JINJA2, Choices.DEFAULT, () -> Variables.none()));
            assertEquals(ours, refusal(built), c.getKey() + ": the build's engine and the full engine differ");
            if (theirs == null) {
                assertEquals(null, ours, c.getKey() + ": Jinja2 compiles it; footprint refused it");
                continue;
            }
            // footprint's RecursionError bound is where every Python stack must overflow; Jinja2 alone fails a few
            // frames sooner: there footprint may still render (and never the other way round)
            boolean nearTheLimit = theirs.equals("RecursionError") && ours == null
                    && (c.getKey().equals("parens-70") || c.getKey().equals("parens-71")
                            || c.getKey().equals("with-250"));
            if (nearTheLimit) {
                continue;
            }
            assertTrue(ours != null, c.getKey() + ": Jinja2 refuses it (" + theirs + "); footprint rendered it");
            assertTrue(ours.contains(theirs), c.getKey() + ": Jinja2 says " + theirs + ", footprint: " + ours);
        }
    }

    private static String refusal(RenderedTemplate r) {
        return r.problems().stream().filter(p -> p.message().contains("Jinja2 cannot read this template"))
                .map(TemplateProblem::message).findFirst().orElse(null);
    }

    /** Each case compiled by python3's jinja2: null when it compiles, else the error's class and first words. */
    private Map<String, String> python(Map<String, String> cases) throws Exception {
        JsonNode node = PythonJudge.verdicts(dir, "jinja2", "env = jinja2.Environment(trim_blocks=True)\n"
                + "out = {}\n"
                + "for name, t in json.load(open(sys.argv[1], encoding='utf-8')).items():\n"
                + "    try:\n        env.from_string(t)\n        out[name] = None\n"
                + "    except RecursionError:\n        out[name] = 'RecursionError'\n"
                + "    except IndentationError as e:\n        out[name] = 'IndentationError: ' + e.msg\n"
                + "    except SyntaxError as e:\n        out[name] = 'SyntaxError: ' + e.msg\n"
                + "print(json.dumps(out))\n", cases);
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }
}
