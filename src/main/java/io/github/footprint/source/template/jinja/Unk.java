package io.github.footprint.source.template.jinja;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value inside the evaluator that is not known. Two kinds: undefined (no file defines the name: Jinja2's
 * {@code Undefined}, which {@code default} replaces and {@code is defined} tests) and unknown (the name has a value
 * nobody here can read: a vaulted variable, a fact of the target host, the result of any operation on an undefined or
 * unknown value). Each read of a variable makes a new one, so that an expression can tell which of its unknowns were
 * consumed ({@code default}, {@code is defined}) and which reached its result.
 */
final class Unk {
    private final boolean undefined;
    private final boolean fromUndefined;
    private final Set<String> names;
    private final boolean secret;
    /** The unknown this is an attribute of, and the attribute's name (a method about to be called on it). */
    private Unk parent;
    private String member;

    /**
     * @param fromUndefined true when every value it derives from is undefined (not vaulted, not a fact): rendering a
     *     variable's template that stops on it makes the variable undefined, as Ansible's Templar does
     */
    Unk(boolean undefined, boolean fromUndefined, Collection<String> names, boolean secret) {
        this.undefined = undefined;
        this.fromUndefined = fromUndefined || undefined;
        this.names = new TreeSet<>(names);
        this.secret = secret;
    }

    static Unk undefined(String name) {
        return new Unk(true, true, Set.of(name), false);
    }

    static Unk unknown(Collection<String> names, boolean secret) {
        return new Unk(false, false, names, secret);
    }

    /** An unknown result of operations on values all of which were undefined ({@code fromUndefined} given). */
    static Unk derived(Collection<String> names, boolean secret, boolean fromUndefined) {
        return new Unk(false, fromUndefined, names, secret);
    }

    boolean fromUndefined() {
        return fromUndefined;
    }

    Unk parent() {
        return parent;
    }

    String memberName() {
        return member;
    }

    boolean isUndefined() {
        return undefined;
    }

    Set<String> names() {
        return names;
    }

    boolean secret() {
        return secret;
    }

    /** A fresh copy (one per read), same kind. */
    Unk copy() {
        return new Unk(undefined, fromUndefined, names, secret);
    }

    /** An attribute or item of this: undefined stays undefined (Ansible's undefined chains), unknown stays unknown. */
    Unk member(String name) {
        Set<String> n = new TreeSet<>();
        for (String s : names) {
            n.add(s + (name.isEmpty() ? "" : "." + name));
        }
        Unk m = new Unk(undefined, fromUndefined, n, secret);
        m.parent = this;
        m.member = name;
        return m;
    }

    @Override
    public String toString() {
        return (undefined ? "undefined" : "unknown") + names;
    }
}
