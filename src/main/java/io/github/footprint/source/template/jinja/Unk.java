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
    private final Set<String> names;
    private final boolean secret;
    /** For a value read from a variable whose own text had unknowns: what that text rendered to, tokens included. */
    private final String partial;

    Unk(boolean undefined, Collection<String> names, boolean secret, String partial) {
        this.undefined = undefined;
        this.names = new TreeSet<>(names);
        this.secret = secret;
        this.partial = partial;
    }

    static Unk undefined(String name) {
        return new Unk(true, Set.of(name), false, null);
    }

    static Unk unknown(Collection<String> names, boolean secret) {
        return new Unk(false, names, secret, null);
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

    String partial() {
        return partial;
    }

    /** A fresh copy (one per read), same kind. */
    Unk copy() {
        return new Unk(undefined, names, secret, partial);
    }

    /** What an operation on this gives: always unknown (an undefined value used is an error Ansible would stop on). */
    Unk used() {
        return new Unk(false, names, secret, null);
    }

    /** An attribute or item of this: undefined stays undefined (Ansible's undefined chains), unknown stays unknown. */
    Unk member(String name) {
        Set<String> n = new TreeSet<>();
        for (String s : names) {
            n.add(s + (name.isEmpty() ? "" : "." + name));
        }
        return new Unk(undefined, n, secret, null);
    }

    @Override
    public String toString() {
        return (undefined ? "undefined" : "unknown") + names;
    }
}
