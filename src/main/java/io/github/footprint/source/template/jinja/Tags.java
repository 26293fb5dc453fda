package io.github.footprint.source.template.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter.InterpreterScopeClosable;
import com.hubspot.jinjava.lib.tag.ElseIfTag;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.lib.tag.SetTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.tree.parse.TokenScannerSymbols;
import com.hubspot.jinjava.util.ForLoop;
import io.github.footprint.base.Severity;
import jinjava.javax.el.ELException;

/**
 * The statements whose meaning changes with unknown values, as Jinja2 runs them: {@code if}/{@code elif} (a condition
 * on an unknown is a decision point), {@code for} (Jinja2's {@code else} and {@code if} filter; a loop over an unknown
 * runs once), and {@code set} (an unknown result is stored as unknown).
 */
final class Tags {
    private Tags() {
    }

    /** A statement token that keeps the Jinja2 text and what the builder parsed of it. */
    static final class FpTagToken extends TagToken {
        private static final long serialVersionUID = 1L;
        final String original;
        final String expression;
        final ForHeader forHeader;
        final List<String> targets;
        /** For {@code with}: the expression of each target. */
        final List<String> values;

        FpTagToken(String image, int line, int position, TokenScannerSymbols symbols, String original,
                String expression, ForHeader forHeader, List<String> targets, List<String> values) {
            super(image, line, position, symbols);
            this.original = original;
            this.expression = expression;
            this.forHeader = forHeader;
            this.targets = targets;
            this.values = values;
        }
    }

    /** {@code for <targets> in <iterable> [if <filter>] [recursive]}, the expressions translated. */
    static final class ForHeader {
        final List<String> targets;
        final String iterable;
        final String iterableWritten;
        final String filter;

        ForHeader(List<String> targets, String iterable, String iterableWritten, String filter) {
            this.targets = targets;
            this.iterable = iterable;
            this.iterableWritten = iterableWritten;
            this.filter = filter;
        }
    }

    private static FpTagToken token(TagNode node) {
        return (FpTagToken) node.getMaster();
    }

    private static String render(List<Node> nodes, JinjavaInterpreter interpreter) {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) {
            b.append(n.render(interpreter).getValue());
        }
        return b.toString();
    }

    /** The key of a decision: the condition as written, spaces collapsed (a leading {@code not} is taken off first). */
    static String decisionKey(String condition) {
        String key = condition.trim().replaceAll("\\s+", " ");
        return key;
    }

    /** {@code if}: branches by Python truth; a condition on unknowns takes the branch the session's choices name. */
    static final class If extends IfTag {
        private static final long serialVersionUID = 1L;

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            FpInterpreter fp = (FpInterpreter) interpreter;
            List<TagNode> conditions = new ArrayList<>();
            List<List<Node>> bodies = new ArrayList<>();
            conditions.add(tagNode);
            bodies.add(new ArrayList<>());
            for (Node child : tagNode.getChildren()) {
                if (child instanceof TagNode && ((TagNode) child).getTag() instanceof ElseIfTag) {
                    conditions.add((TagNode) child);
                    bodies.add(new ArrayList<>());
                } else if (child instanceof TagNode && ((TagNode) child).getTag() instanceof ElseTag) {
                    conditions.add(null);
                    bodies.add(new ArrayList<>());
                } else {
                    bodies.get(bodies.size() - 1).add(child);
                }
            }
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i) == null || holds(conditions.get(i), fp)) {
                    return render(bodies.get(i), interpreter);
                }
            }
            return "";
        }

        private static boolean holds(TagNode node, FpInterpreter fp) {
            FpTagToken t = token(node);
            Object v = fp.resolveELExpression(t.expression, node.getLineNumber());
            if (v instanceof Unk) {
                Unk u = (Unk) v;
                String written = t.original.trim();
                boolean negated = false;
                while (written.startsWith("not ") || written.startsWith("not(")) {
                    written = written.substring(3).trim();
                    negated = !negated;
                }
                boolean branch = fp.session.decide(decisionKey(written), node.getLineNumber(), u.names(), u.secret(),
                        u.fromUndefined());
                return branch != negated;
            }
            return Py.truth(v);
        }
    }

    /** Jinja2's {@code for}. */
    static final class For extends ForTag {
        private static final long serialVersionUID = 1L;

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            FpInterpreter fp = (FpInterpreter) interpreter;
            ForHeader h = token(tagNode).forHeader;
            List<Node> body = new ArrayList<>();
            List<Node> otherwise = new ArrayList<>();
            List<Node> into = body;
            for (Node child : tagNode.getChildren()) {
                if (child instanceof TagNode && ((TagNode) child).getTag() instanceof ElseTag && into == body) {
                    into = otherwise;
                    continue;
                }
                into.add(child);
            }
            int line = tagNode.getLineNumber();
            Object collection = fp.resolveELExpression(h.iterable, line);
            List<Object> items;
            if (collection instanceof Unk) {
                Unk u = (Unk) collection;
                fp.session.assume(line, "the loop over '" + h.iterableWritten + "' (unknown: " + String.join(", ",
                        u.names()) + ") was rendered once, with its items unknown");
                items = new ArrayList<>();
                items.add(Unk.derived(u.names(), u.secret(), u.fromUndefined()));
            } else {
                items = Py.iterate(collection == Py.NONE ? null : collection);
                if (items == null) {
                    fp.session.problem(line, Severity.ERROR, "'" + h.iterableWritten + "' is "
                            + PyOperators.typeName(collection) + ", which a for loop cannot iterate; Ansible stops here");
                    return "";
                }
            }
            if (h.filter != null) {
                List<Object> kept = new ArrayList<>();
                for (Object item : items) {
                    try (InterpreterScopeClosable c = interpreter.enterScope()) {
                        bind(h.targets, item, fp, line);
                        Object keep = fp.resolveELExpression(h.filter, line);
                        if (keep instanceof Unk) {
                            fp.session.assume(line, "an item of the loop over '" + h.iterableWritten
                                    + "' was kept although its filter is unknown");
                            kept.add(item);
                        } else if (Py.truth(keep)) {
                            kept.add(item);
                        }
                    }
                }
                items = kept;
            }
            if (items.isEmpty()) {
                return render(otherwise, interpreter);
            }
            StringBuilder out = new StringBuilder();
            try (InterpreterScopeClosable c = interpreter.enterScope()) {
                ForLoop loop = new ForLoop(items.iterator(), items.size());
                interpreter.getContext().put(LOOP, loop);
                while (loop.hasNext()) {
                    Object item = loop.next();
                    bind(h.targets, item, fp, line);
                    out.append(render(body, interpreter));
                }
            }
            return out.toString();
        }

        @SuppressWarnings("unchecked")
        private static void bind(List<String> targets, Object item, FpInterpreter fp, int line) {
            if (targets.size() == 1) {
                fp.getContext().put(targets.get(0), item == null ? Py.NONE : item);
                return;
            }
            List<Object> parts;
            if (item instanceof Unk) {
                parts = new ArrayList<>();
                for (int i = 0; i < targets.size(); i++) {
                    parts.add(Unk.derived(((Unk) item).names(), ((Unk) item).secret(), ((Unk) item).fromUndefined()));
                }
            } else if (item instanceof Map.Entry) {
                parts = List.of(((Map.Entry<Object, Object>) item).getKey(),
                        ((Map.Entry<Object, Object>) item).getValue());
            } else {
                parts = Py.iterate(item);
            }
            if (parts == null || parts.size() != targets.size()) {
                throw new ELException("cannot unpack " + PyOperators.typeName(item) + " into " + targets.size()
                        + " values");
            }
            for (int i = 0; i < targets.size(); i++) {
                Object p = parts.get(i);
                fp.getContext().put(targets.get(i), p == null ? Py.NONE : p);
            }
        }
    }

    /** {@code set}: the assigned value as the evaluator gives it, unknowns included. */
    static final class Set_ extends SetTag {
        private static final long serialVersionUID = 1L;

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            FpTagToken t = token(tagNode);
            if (t.targets == null) {
                return super.interpret(tagNode, interpreter);
            }
            FpInterpreter fp = (FpInterpreter) interpreter;
            Object value = fp.resolveELExpression(t.expression, tagNode.getLineNumber());
            List<Object> values;
            if (t.targets.size() == 1) {
                values = new ArrayList<>();
                values.add(value == null ? Py.NONE : value);
            } else if (value instanceof Unk) {
                values = new ArrayList<>();
                for (int i = 0; i < t.targets.size(); i++) {
                    values.add(Unk.derived(((Unk) value).names(), ((Unk) value).secret(),
                            ((Unk) value).fromUndefined()));
                }
            } else {
                values = Py.iterate(value);
                if (values == null || values.size() != t.targets.size()) {
                    fp.session.problem(tagNode.getLineNumber(), Severity.ERROR, "cannot unpack "
                            + PyOperators.typeName(value) + " into " + t.targets.size() + " names");
                    return "";
                }
            }
            executeSet(t, interpreter, t.targets.toArray(new String[0]), values, true);
            return "";
        }
    }

    /** The variable a filter block's body is given to its filters as. */
    static final String FILTER_BODY = "__fp_filter_body";

    /** {@code {% filter upper %}...{% endfilter %}}: the body, rendered, through the filters. */
    static final class FilterBlock implements com.hubspot.jinjava.lib.tag.Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "filter";
        }

        @Override
        public String getEndTagName() {
            return "endfilter";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            FpInterpreter fp = (FpInterpreter) interpreter;
            try (InterpreterScopeClosable c = interpreter.enterScope()) {
                interpreter.getContext().put(FILTER_BODY, render(tagNode.getChildren(), interpreter));
                Object v = fp.resolveELExpression(token(tagNode).expression, tagNode.getLineNumber());
                if (v instanceof Unk) {
                    Unk u = (Unk) v;
                    return fp.session.token(tagNode.getLineNumber(), "{% filter " + token(tagNode).original.trim()
                            + " %}", u.names(), u.secret(), u.fromUndefined());
                }
                return Py.isNone(v) ? "" : Py.str(v);
            }
        }
    }

    /** {@code {% with a = 1, b = x %}...{% endwith %}}: values taken outside, bound inside a scope. */
    static final class With implements com.hubspot.jinjava.lib.tag.Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "with";
        }

        @Override
        public String getEndTagName() {
            return "endwith";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            FpInterpreter fp = (FpInterpreter) interpreter;
            FpTagToken t = token(tagNode);
            List<Object> values = new ArrayList<>();
            for (String el : t.values) {
                Object v = fp.resolveELExpression(el, tagNode.getLineNumber());
                values.add(v == null ? Py.NONE : v);
            }
            try (InterpreterScopeClosable c = interpreter.enterScope()) {
                for (int i = 0; i < t.targets.size(); i++) {
                    interpreter.getContext().put(t.targets.get(i), values.get(i));
                }
                return render(tagNode.getChildren(), interpreter);
            }
        }
    }

    /** Names of the tags whose bodies are captured as values, not written out (no line markers inside). */
    static final Set<String> CAPTURING = new TreeSet<>(List.of("macro", "call", "filter"));
}
