package io.github.footprint.source.template.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.footprint.base.Severity;
import io.github.footprint.source.template.Assumption;
import io.github.footprint.source.template.Choices;
import io.github.footprint.source.template.DecisionPoint;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.TemplateProblem;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.source.template.VarValues;
import io.github.footprint.source.template.Variables;

/**
 * The state of one render: the variables the template sees, the choices at decision points, and what the render
 * finds (unknowns, decision points, assumptions, problems). Also the bookkeeping of unknown values while an expression
 * is evaluated: a stack of frames, one per expression, each with the unknowns read and not yet consumed.
 */
final class Session {
    /** Ansible's magic variables and facts: they have values on the target, none here. */
    static final Set<String> MAGIC = Set.of("inventory_hostname", "inventory_hostname_short", "group_names",
            "groups", "hostvars", "play_hosts", "playbook_dir", "inventory_dir", "inventory_file", "role_path",
            "role_name", "omit", "template_host", "template_path", "template_fullpath", "template_uid",
            "template_run_date", "template_destpath", "template_mtime", "environment", "vars");

    /** The unknowns of one expression being evaluated. */
    static final class Frame {
        /** The unknowns read and not consumed, by identity; made when the first one is read. */
        Set<Unk> pending = Collections.emptySet();
        List<Unk> hits = Collections.emptyList();
        private boolean ownPending;
        private boolean ownHits;

        void add(Unk u) {
            if (!ownPending) {
                pending = Collections.newSetFromMap(new IdentityHashMap<>());
                ownPending = true;
            }
            pending.add(u);
        }

        void hit(Unk u) {
            if (!ownHits) {
                hits = new ArrayList<>();
                ownHits = true;
            }
            hits.add(u);
        }
    }

    /** Collects what rendering a variable's own template met, instead of the file's table. */
    static final class ValueRender {
        final Set<String> names = new TreeSet<>();
        boolean secret;
        boolean allUndefined = true;
    }

    final JinjaEngine engine;
    final String treePath;
    final Choices choices;
    final Variables.Scope scope;
    final SortedMap<Integer, Unknown> unknowns = new TreeMap<>();
    final Map<String, DecisionPoint> decisions = new LinkedHashMap<>();
    final List<Assumption> assumptions = new ArrayList<>();
    final List<TemplateProblem> problems = new ArrayList<>();
    private final Set<String> assumed = new HashSet<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<ValueRender> values = new ArrayDeque<>();
    private final Map<String, Object> globals = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    Session(JinjaEngine engine, String treePath, Choices choices, Variables.Scope scope) {
        this.engine = engine;
        this.treePath = treePath;
        this.choices = choices;
        this.scope = scope;
    }

    Frame push() {
        Frame f = new Frame();
        frames.push(f);
        return f;
    }

    void pop() {
        frames.pop();
    }

    /** An unknown was read: it must be consumed before its expression ends, or the expression is unknown. */
    Unk read(Unk u) {
        Frame f = frames.peek();
        if (f != null) {
            f.add(u);
        }
        return u;
    }

    /** Consumes the attribute read of an unknown that was the lookup of a method called on it. */
    void consumeMember(Unk base, String name) {
        Frame f = frames.peek();
        if (f != null) {
            f.pending.removeIf(u -> u.parent() == base && name.equals(u.memberName()));
        }
    }

    /** A filter or test used an unknown up ({@code default}, {@code is defined}). */
    void consume(Unk u) {
        for (Frame f : frames) {
            if (f.pending.remove(u)) {
                return;
            }
        }
    }

    /** An unknown made from another (an attribute, an operation's result). */
    Unk derive(Unk from, Unk to) {
        consume(from);
        return read(to);
    }

    /** The evaluator had to turn an unknown into a plain value: the expression is unknown. */
    void hit(Unk u) {
        Frame f = frames.peek();
        if (f != null) {
            f.hit(u);
        }
    }

    /** Registers an unknown in the file's table (or in the variable being rendered) and returns its token. */
    String token(int line, String written, Set<String> names, boolean secret, boolean undefined) {
        ValueRender v = values.peek();
        if (v != null) {
            v.names.addAll(names);
            v.secret |= secret;
            v.allUndefined &= undefined;
            return Unknowns.token(0);
        }
        int id = unknowns.size() + 1;
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        unknowns.put(id, new Unknown(id, line, written, sorted, Dialect.JINJA2, secret || anySecret(names)));
        return Unknowns.token(id);
    }

    private static boolean anySecret(Set<String> names) {
        for (String n : names) {
            if (Variables.isSecretName(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The branch to take at a condition that depends on unknowns: true for branch 0. Records the decision point the
     * first time the key is met. While a variable's own template renders, the variable becomes unknown instead.
     */
    boolean decide(String key, int line, Set<String> names, boolean secret, boolean fromUndefined) {
        ValueRender v = values.peek();
        if (v != null) {
            v.names.addAll(names);
            v.secret |= secret;
            v.allUndefined &= fromUndefined;
            return true;
        }
        int chosen = choices.branch(key);
        decisions.putIfAbsent(key, new DecisionPoint(key, line, 2, chosen));
        return chosen == 0;
    }

    void assume(int line, String text) {
        if (values.isEmpty() && assumed.add(line + "\0" + text)) {
            assumptions.add(new Assumption(line, text));
        }
    }

    void problem(int line, Severity severity, String message) {
        if (values.isEmpty()) {
            problems.add(new TemplateProblem(line, severity, message));
        }
    }

    /**
     * The value of a variable of the environment, its templates rendered (Ansible renders a variable's value when it
     * is used); an {@link Unk} when it has no value here; null when no file defines it.
     */
    Object global(String name) {
        if (globals.containsKey(name)) {
            return globals.get(name);
        }
        Object raw = scope.values().get(name);
        Object value;
        if (raw != null || scope.values().containsKey(name)) {
            if (!resolving.add(name)) {
                problem(0, Severity.ERROR, "the variable '" + name + "' refers to itself; Ansible stops with"
                        + " 'recursive loop detected'");
                return Unk.unknown(Set.of(name), false);
            }
            try {
                value = convert(raw, name);
            } finally {
                resolving.remove(name);
            }
        } else if (name.equals("ansible_managed")) {
            value = "Ansible managed";
        } else if (name.startsWith("ansible_") || MAGIC.contains(name) || !scope.encryptedFiles().isEmpty()) {
            // facts and magic variables exist on the target; with a vault in scope, any name may be defined in it
            value = Unk.unknown(Set.of(name), false);
        } else {
            value = null;
        }
        globals.put(name, value);
        return value;
    }

    /** A value of a variables file as the evaluator holds it, strings rendered as Ansible renders them. */
    @SuppressWarnings("unchecked")
    private Object convert(Object v, String path) {
        if (v == null) {
            return Py.NONE;
        }
        if (v instanceof VarValues.Vaulted) {
            return Unk.unknown(Set.of(path), true);
        }
        if (v instanceof VarValues.Unsafe) {
            return ((VarValues.Unsafe) v).text();
        }
        if (v instanceof String) {
            String s = (String) v;
            if (s.contains("{{") || s.contains("{%") || s.contains("{#")) {
                return renderValue(s, path);
            }
            return s;
        }
        if (v instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
                out.put(e.getKey(), convert(e.getValue(), path + "." + e.getKey()));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Object x : (List<Object>) v) {
                out.add(convert(x, path + "[" + i++ + "]"));
            }
            return out;
        }
        return v;
    }

    private Object renderValue(String text, String path) {
        ValueRender v = new ValueRender();
        values.push(v);
        String out;
        try {
            out = engine.renderValue(text, this);
        } finally {
            values.pop();
        }
        if (out == null) {
            return Unk.unknown(Set.of(path), false);
        }
        if (!v.names.isEmpty()) {
            return new Unk(v.allUndefined, v.allUndefined, v.names, v.secret);
        }
        if (out.startsWith("{") || out.startsWith("[") || out.equals("True") || out.equals("False")) {
            Object literal = PyLiteral.parse(out);
            if (literal != null) {
                return literal;
            }
        }
        return out;
    }
}
