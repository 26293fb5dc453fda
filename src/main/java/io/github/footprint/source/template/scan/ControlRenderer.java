package io.github.footprint.source.template.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.github.footprint.source.template.Assumption;
import io.github.footprint.source.template.Choices;
import io.github.footprint.source.template.DecisionPoint;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.LineMarkers;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.TemplateProblem;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.source.template.Variables;

/**
 * Writes a {@link ControlTree} out for one set of choices: text as written, each expression as an unknown token (the
 * file's table names what it was written as and which variables would settle it), at each condition the branch the
 * choices name (branch 0, the condition holds, unless told otherwise; a leading {@code not} or {@code unless} counts),
 * each loop's body once. Conditions with the same text are one decision, as in the Jinja2 engine: the same condition
 * takes the same branch everywhere in the file.
 */
final class ControlRenderer {
    private final Dialect dialect;
    private final Choices choices;
    private final LineMarkers markers;
    private final StringBuilder out = new StringBuilder();
    private final SortedMap<Integer, Unknown> unknowns = new TreeMap<>();
    private final Map<String, DecisionPoint> decisions = new LinkedHashMap<>();
    private final Set<String> assumed = new LinkedHashSet<>();
    private final List<Assumption> assumptions = new ArrayList<>();

    private ControlRenderer(Dialect dialect, Choices choices, LineMarkers markers) {
        this.dialect = dialect;
        this.choices = choices;
        this.markers = markers;
    }

    /** Renders a tree; {@code template} is the template's text (it picks line markers that cannot clash). */
    static RenderedTemplate render(Dialect dialect, String template, ControlTree tree, Choices choices,
            List<TemplateProblem> more) {
        ControlRenderer r = new ControlRenderer(dialect, choices, LineMarkers.forTemplate(template));
        r.write(tree.nodes);
        List<TemplateProblem> problems = new ArrayList<>(more);
        problems.addAll(tree.problems);
        LineMarkers.Stripped plain = r.markers.strip(r.out.toString(), 1);
        return new RenderedTemplate(dialect, plain, r.unknowns, new ArrayList<>(r.decisions.values()),
                r.assumptions, problems, true);
    }

    private void write(List<ControlTree.Node> nodes) {
        for (ControlTree.Node n : nodes) {
            if (n instanceof ControlTree.Text) {
                text((ControlTree.Text) n);
            } else if (n instanceof ControlTree.Expr) {
                ControlTree.Expr e = (ControlTree.Expr) n;
                markers.mark(out, e.line);
                out.append(token(e));
            } else if (n instanceof ControlTree.If) {
                branch((ControlTree.If) n);
            } else if (n instanceof ControlTree.Loop) {
                ControlTree.Loop l = (ControlTree.Loop) n;
                assume(l.line, "the loop over '" + l.iterable + "'" + (l.variables.isEmpty() ? ""
                        : " (unknown: " + String.join(", ", l.variables) + ")")
                        + " was rendered once, with its items unknown");
                write(l.body);
            } else {
                write(((ControlTree.Group) n).body);
            }
        }
    }

    private void text(ControlTree.Text t) {
        String s = t.text;
        int line = t.line;
        markers.mark(out, line);
        int from = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            out.append(s, from, i + 1);
            from = i + 1;
            line++;
            if (from < s.length()) {
                markers.mark(out, line);
            }
        }
        out.append(s, from, s.length());
    }

    private void branch(ControlTree.If f) {
        if (f.conditions.size() == 1) {
            ControlTree.Condition c = f.conditions.get(0);
            String key = key(c);
            int chosen = choices.branch(key);
            decisions.putIfAbsent(key, new DecisionPoint(key, c.line, 2, chosen));
            if ((chosen == 0) != c.negated) {
                write(c.body);
            } else if (f.otherwise != null) {
                write(f.otherwise);
            }
            return;
        }
        // an if/elif chain is one decision among its branches: branch i is "the i-th condition is the first that
        // holds", and one more for the else; a chain without an else enumerates the values its author meant (a
        // server, a database engine), so taking none of its branches is not an alternative
        List<String> keys = new ArrayList<>();
        for (ControlTree.Condition c : f.conditions) {
            keys.add(c.negated ? "not " + key(c) : key(c));
        }
        String key = String.join(DecisionPoint.CHAIN, keys);
        int n = f.conditions.size() + (f.otherwise != null ? 1 : 0);
        int chosen = Math.min(choices.branch(key), n - 1);
        decisions.putIfAbsent(key, new DecisionPoint(key, f.conditions.get(0).line, n, chosen));
        if (chosen < f.conditions.size()) {
            write(f.conditions.get(chosen).body);
        } else {
            write(f.otherwise);
        }
    }

    private static String key(ControlTree.Condition c) {
        return c.written.trim().replaceAll("\\s+", " ");
    }

    private String token(ControlTree.Expr e) {
        int id = unknowns.size() + 1;
        boolean secret = false;
        for (String v : e.variables) {
            secret |= Variables.isSecretName(v);
        }
        unknowns.put(id, new Unknown(id, e.line, e.written, new ArrayList<>(e.variables), dialect, secret));
        return Unknowns.token(id);
    }

    private void assume(int line, String text) {
        if (assumed.add(line + "\0" + text)) {
            assumptions.add(new Assumption(line, text));
        }
    }
}
