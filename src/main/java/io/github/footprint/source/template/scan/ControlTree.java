package io.github.footprint.source.template.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.footprint.base.Severity;
import io.github.footprint.source.template.TemplateProblem;

/**
 * A template cut into text, expressions and control flow, as a reader without the language's engine sees it. Built
 * by a reader through {@link Builder}, which tolerates a bad nesting (an {@code end} too many, a block never closed)
 * with a located problem, never an exception.
 */
public final class ControlTree {
    /** One piece of a template. */
    abstract static class Node {
        final int line;

        Node(int line) {
            this.line = line;
        }
    }

    /** Literal text as the template's tool writes it (it may hold newlines); {@code line} is its first line. */
    static final class Text extends Node {
        final String text;

        Text(String text, int line) {
            super(line);
            this.text = text;
        }
    }

    /** An expression whose value nobody here can compute: written as the template writes it, delimiters included. */
    static final class Expr extends Node {
        final String written;
        final Set<String> variables;

        Expr(String written, Set<String> variables, int line) {
            super(line);
            this.written = written;
            this.variables = variables;
        }
    }

    /** A condition of an {@code if} chain. */
    static final class Condition {
        final String written;
        final Set<String> variables;
        final int line;
        final boolean negated;
        final List<Node> body = new ArrayList<>();

        Condition(String written, Set<String> variables, int line, boolean negated) {
            this.written = written;
            this.variables = variables;
            this.line = line;
            this.negated = negated;
        }
    }

    /** {@code if}/{@code elif}/{@code else}: the first condition that holds renders its body. */
    static final class If extends Node {
        final List<Condition> conditions = new ArrayList<>();
        List<Node> otherwise;

        If(int line) {
            super(line);
        }
    }

    /** A loop over something unknown: its body is rendered once. */
    static final class Loop extends Node {
        final String iterable;
        final Set<String> variables;
        final List<Node> body = new ArrayList<>();

        Loop(String iterable, Set<String> variables, int line) {
            super(line);
            this.iterable = iterable;
            this.variables = variables;
        }
    }

    /** A block that renders its body as is ({@code begin}, {@code try}, {@code with}). */
    static final class Group extends Node {
        final List<Node> body = new ArrayList<>();

        Group(int line) {
            super(line);
        }
    }

    final List<Node> nodes;
    final List<TemplateProblem> problems;

    private ControlTree(List<Node> nodes, List<TemplateProblem> problems) {
        this.nodes = nodes;
        this.problems = problems;
    }

    /** Builds a tree from a reader's pieces, in template order. */
    public static final class Builder {
        private final String language;
        private final List<Node> root = new ArrayList<>();
        private final Deque<Node> open = new ArrayDeque<>();
        private final Deque<String> openedAs = new ArrayDeque<>();
        private final List<TemplateProblem> problems = new ArrayList<>();
        /** Loop targets in scope: name to the variables of what the loop runs over. */
        private final Deque<Map<String, Set<String>>> scopes = new ArrayDeque<>();

        /** @param language how problems name the template language ({@code Mako}, {@code ERB}) */
        public Builder(String language) {
            this.language = language;
        }

        private List<Node> current() {
            Node n = open.peek();
            if (n == null) {
                return root;
            }
            if (n instanceof If) {
                If f = (If) n;
                return f.otherwise != null ? f.otherwise : f.conditions.get(f.conditions.size() - 1).body;
            }
            if (n instanceof Loop) {
                return ((Loop) n).body;
            }
            return ((Group) n).body;
        }

        /** Literal text (empty text is dropped). */
        public Builder text(String text, int line) {
            if (!text.isEmpty()) {
                List<Node> c = current();
                Node last = c.isEmpty() ? null : c.get(c.size() - 1);
                if (last instanceof Text && ((Text) last).text.indexOf('\n') < 0 && text.indexOf('\n') < 0
                        && last.line == line) {
                    c.set(c.size() - 1, new Text(((Text) last).text + text, line));
                } else {
                    c.add(new Text(text, line));
                }
            }
            return this;
        }

        /** The text written so far at the current level, or null when the last piece is no text. */
        String lastText() {
            List<Node> c = current();
            Node last = c.isEmpty() ? null : c.get(c.size() - 1);
            return last instanceof Text ? ((Text) last).text : null;
        }

        /** Replaces the last text of the current level (to trim it); an empty text removes it. */
        void replaceLastText(String text) {
            List<Node> c = current();
            Text last = (Text) c.get(c.size() - 1);
            if (text.isEmpty()) {
                c.remove(c.size() - 1);
            } else {
                c.set(c.size() - 1, new Text(text, last.line));
            }
        }

        /** True when nothing has been written at the current level yet. */
        boolean atLevelStart() {
            return current().isEmpty();
        }

        /** An expression with the names it reads (loop targets resolve to what their loop runs over). */
        public Builder expression(String written, Collection<String> names, int line) {
            current().add(new Expr(written, resolve(names), line));
            return this;
        }

        /** Opens an {@code if} (or {@code unless}, negated). */
        public Builder openIf(String condition, Collection<String> names, boolean negated, int line, String as) {
            If f = new If(line);
            f.conditions.add(new Condition(condition, resolve(names), line, negated));
            current().add(f);
            open.push(f);
            openedAs.push(as);
            return this;
        }

        /** An {@code elif}: a problem outside an {@code if}. */
        public Builder elseIf(String condition, Collection<String> names, boolean negated, int line, String written) {
            Node n = open.peek();
            if (!(n instanceof If) || ((If) n).otherwise != null) {
                problem(line, written + " outside an if block; the line is ignored");
                return this;
            }
            ((If) n).conditions.add(new Condition(condition, resolve(names), line, negated));
            return this;
        }

        /** An {@code else}: of an {@code if}; a loop's {@code else} (Python's {@code for ... else}) is dropped. */
        public Builder otherwise(int line, String written) {
            Node n = open.peek();
            if (n instanceof If && ((If) n).otherwise == null) {
                ((If) n).otherwise = new ArrayList<>();
                return this;
            }
            if (n instanceof Group || n instanceof Loop) {
                // for/while ... else, try ... except: the body after it is another way through, not rendered
                Group skipped = new Group(line);
                open.push(skipped);
                openedAs.push("(else)");
                return this;
            }
            problem(line, written + " outside an if block; the line is ignored");
            return this;
        }

        /** Opens a loop over an unknown iterable, binding {@code targets} to its items. */
        public Builder openLoop(String iterable, Collection<String> names, Collection<String> targets, int line,
                String as) {
            Set<String> vars = resolve(names);
            Loop l = new Loop(iterable, vars, line);
            current().add(l);
            open.push(l);
            openedAs.push(as);
            Map<String, Set<String>> scope = new HashMap<>();
            for (String t : targets) {
                scope.put(t, vars);
            }
            scopes.push(scope);
            return this;
        }

        /** Opens a block whose content is no output here (a function's body: it is output where it is called). */
        public Builder openSkipped(int line, String as) {
            open.push(new Group(line));
            openedAs.push(as);
            return this;
        }

        /** Opens a block rendered as is. */
        public Builder openGroup(int line, String as) {
            Group g = new Group(line);
            current().add(g);
            open.push(g);
            openedAs.push(as);
            return this;
        }

        /**
         * Closes the innermost block; {@code expected} (such as {@code endif}), when not null, must be what it was
         * opened as or a problem says so (and the block closes anyway).
         */
        public Builder close(int line, String written, String expected) {
            // a loop's or try's "else" part closes with its block
            while (!openedAs.isEmpty() && "(else)".equals(openedAs.peek())) {
                pop();
            }
            if (open.isEmpty()) {
                problem(line, written + " closes no block; the line is ignored");
                return this;
            }
            if (expected != null && !expected.equals(openedAs.peek())) {
                problem(line, written + " closes the " + openedAs.peek() + " block opened at line "
                        + open.peek().line);
            }
            pop();
            return this;
        }

        private void pop() {
            Node n = open.pop();
            openedAs.pop();
            if (n instanceof Loop) {
                scopes.pop();
            }
        }

        /** A located problem (a warning: the template is still read). */
        public Builder problem(int line, String message) {
            problems.add(new TemplateProblem(line, Severity.WARNING, language + ": " + message));
            return this;
        }

        private Set<String> resolve(Collection<String> names) {
            Set<String> out = new TreeSet<>();
            for (String n : names) {
                Set<String> bound = null;
                for (Map<String, Set<String>> s : scopes) {
                    bound = s.get(n);
                    if (bound != null) {
                        break;
                    }
                }
                if (bound != null) {
                    out.addAll(bound);
                } else {
                    out.add(n);
                }
            }
            return out;
        }

        /** The tree; blocks still open at the end are closed there, with a problem each. */
        public ControlTree build(int lastLine) {
            while (!open.isEmpty()) {
                if (!"(else)".equals(openedAs.peek())) {
                    problem(open.peek().line, "the " + openedAs.peek() + " block opened here is never closed;"
                            + " it is read to the end of the file");
                }
                pop();
            }
            return new ControlTree(root, problems);
        }
    }
}
