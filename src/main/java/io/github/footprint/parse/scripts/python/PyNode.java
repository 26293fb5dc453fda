package io.github.footprint.parse.scripts.python;

import java.util.List;

/**
 * The syntax tree of a start-up script. Chains of one operator precedence ({@code a + b + c}), comparison chains,
 * boolean chains, repeated {@code not}, unary prefixes, {@code **} chains, conditional expressions and trailers
 * ({@code a.b(c)[d]}) are flat lists, so the depth of a tree grows only with brackets (at most
 * {@link PyTokenizer#MAXLEVEL}), lambdas and f-string fields, never with the length of an expression.
 */
final class PyNode {
    private PyNode() {
    }

    // ---------------------------------------------------------------- expressions

    abstract static class Expr {
        /** Offsets in the source of the first and after the last token. */
        int start;
        int end;
        /** Written in parentheses: a chain around it does not absorb it. */
        boolean paren;
    }

    static final class Name extends Expr {
        final String id;

        Name(String id) {
            this.id = id;
        }
    }

    /** A number, {@code None}, {@code True}, {@code False}, {@code ...}: its value or why it has none. */
    static final class Const extends Expr {
        final PyValue value;

        Const(PyValue value) {
            this.value = value;
        }
    }

    /** Adjacent string literals (implicit concatenation), f-strings included. */
    static final class Str extends Expr {
        final List<StrPart> parts;

        Str(List<StrPart> parts) {
            this.parts = parts;
        }
    }

    /** One literal of a {@link Str}: plain text, an f-string's pieces, or a value footprint does not take. */
    static final class StrPart {
        final int start;
        /** Plain literal: its value; null for an f-string or an unreadable literal. */
        final String text;
        /** f-string: the literal pieces and fields in order; null otherwise. */
        final List<Object> pieces;
        /** Why the literal has no value footprint takes (bytes, an escape Python 3 refuses), or null. */
        final String unread;

        StrPart(int start, String text, List<Object> pieces, String unread) {
            this.start = start;
            this.text = text;
            this.pieces = pieces;
            this.unread = unread;
        }
    }

    /** An f-string field: {@code {expr!conversion:spec}}. */
    static final class Field {
        final Expr expr;
        final char conversion;
        /** The format spec as written (may itself hold fields: then {@code specFields} is not empty). */
        final String spec;
        final boolean specHasFields;
        final boolean debug;

        Field(Expr expr, char conversion, String spec, boolean specHasFields, boolean debug) {
            this.expr = expr;
            this.conversion = conversion;
            this.spec = spec;
            this.specHasFields = specHasFields;
            this.debug = debug;
        }
    }

    static final class Seq extends Expr {
        final boolean tuple;
        final List<Expr> elts;

        Seq(boolean tuple, List<Expr> elts) {
            this.tuple = tuple;
            this.elts = elts;
        }
    }

    static final class DictE extends Expr {
        /** A null key is a {@code **mapping} entry. */
        final List<Expr> keys;
        final List<Expr> values;

        DictE(List<Expr> keys, List<Expr> values) {
            this.keys = keys;
            this.values = values;
        }
    }

    static final class Starred extends Expr {
        final Expr value;

        Starred(Expr value) {
            this.value = value;
        }
    }

    /** Operands of one precedence level joined left to right: {@code a + b - c}. */
    static final class Chain extends Expr {
        final int group;
        final List<Expr> operands;
        final List<String> ops;

        Chain(int group, List<Expr> operands, List<String> ops) {
            this.group = group;
            this.operands = operands;
            this.ops = ops;
        }
    }

    /** {@code a < b == c}: Python's comparison chain. */
    static final class Compare extends Expr {
        final List<Expr> operands;
        final List<String> ops;

        Compare(List<Expr> operands, List<String> ops) {
            this.operands = operands;
            this.ops = ops;
        }
    }

    static final class BoolOp extends Expr {
        final boolean and;
        final List<Expr> values;

        BoolOp(boolean and, List<Expr> values) {
            this.and = and;
            this.values = values;
        }
    }

    static final class Not extends Expr {
        final int count;
        final Expr operand;

        Not(int count, Expr operand) {
            this.count = count;
            this.operand = operand;
        }
    }

    /**
     * {@code -a ** -b ** c}: primaries with their prefix operators; element k is
     * {@code prefixes[k](primaries[k] ** element[k + 1])}, the last one {@code prefixes[n](primaries[n])}.
     */
    static final class Power extends Expr {
        final List<List<String>> prefixes;
        final List<Expr> primaries;

        Power(List<List<String>> prefixes, List<Expr> primaries) {
            this.prefixes = prefixes;
            this.primaries = primaries;
        }
    }

    /** {@code a.b(c)[d]}: an atom and its trailers. */
    static final class Primary extends Expr {
        final Expr atom;
        final List<Trailer> trailers;

        Primary(Expr atom, List<Trailer> trailers) {
            this.atom = atom;
            this.trailers = trailers;
        }
    }

    abstract static class Trailer {
        int start;
        int end;
    }

    static final class Attr extends Trailer {
        final String name;

        Attr(String name) {
            this.name = name;
        }
    }

    static final class Call extends Trailer {
        final List<Arg> args;

        Call(List<Arg> args) {
            this.args = args;
        }
    }

    static final class Index extends Trailer {
        final Expr index;

        Index(Expr index) {
            this.index = index;
        }
    }

    static final class Arg {
        /** null for positional, "*" and "**" for unpacking, else the keyword. */
        final String keyword;
        final Expr value;

        Arg(String keyword, Expr value) {
            this.keyword = keyword;
            this.value = value;
        }
    }

    static final class Slice extends Expr {
        final Expr lower;
        final Expr upper;
        final Expr step;

        Slice(Expr lower, Expr upper, Expr step) {
            this.lower = lower;
            this.upper = upper;
            this.step = step;
        }
    }

    /** {@code a if t else b if u else c}: bodies[k] when tests[k], else orelse. */
    static final class IfExp extends Expr {
        final List<Expr> bodies;
        final List<Expr> tests;
        final Expr orelse;

        IfExp(List<Expr> bodies, List<Expr> tests, Expr orelse) {
            this.bodies = bodies;
            this.tests = tests;
            this.orelse = orelse;
        }
    }

    static final class NamedExpr extends Expr {
        final String name;
        final Expr value;

        NamedExpr(String name, Expr value) {
            this.name = name;
            this.value = value;
        }
    }

    /** A lambda, comprehension, generator, yield, await: read, never evaluated. */
    static final class Opaque extends Expr {
        final String what;

        Opaque(String what) {
            this.what = what;
        }
    }

    // ---------------------------------------------------------------- statements

    abstract static class Stmt {
        int start;
        int end;
    }

    static final class Assign extends Stmt {
        final List<Expr> targets;
        final Expr value;

        Assign(List<Expr> targets, Expr value) {
            this.targets = targets;
            this.value = value;
        }
    }

    static final class AugAssign extends Stmt {
        final Expr target;
        final String op;
        final Expr value;

        AugAssign(Expr target, String op, Expr value) {
            this.target = target;
            this.op = op;
            this.value = value;
        }
    }

    static final class ExprStmt extends Stmt {
        final Expr value;

        ExprStmt(Expr value) {
            this.value = value;
        }
    }

    static final class If extends Stmt {
        final List<Expr> tests;
        final List<List<Stmt>> bodies;
        /** null when there is no else. */
        final List<Stmt> orelse;

        If(List<Expr> tests, List<List<Stmt>> bodies, List<Stmt> orelse) {
            this.tests = tests;
            this.bodies = bodies;
            this.orelse = orelse;
        }
    }

    /** {@code for} and {@code while}: the body may run any number of times. */
    static final class Loop extends Stmt {
        final String keyword;
        /** for: the target; null for while. */
        final Expr target;
        /** for: the iterable; while: the test. */
        final Expr head;
        final List<Stmt> body;
        final List<Stmt> orelse;

        Loop(String keyword, Expr target, Expr head, List<Stmt> body, List<Stmt> orelse) {
            this.keyword = keyword;
            this.target = target;
            this.head = head;
            this.body = body;
            this.orelse = orelse;
        }
    }

    static final class Handler {
        final int start;
        final String name;
        final List<Stmt> body;

        Handler(int start, String name, List<Stmt> body) {
            this.start = start;
            this.name = name;
            this.body = body;
        }
    }

    static final class Try extends Stmt {
        final List<Stmt> body;
        final List<Handler> handlers;
        final List<Stmt> orelse;
        final List<Stmt> finalbody;

        Try(List<Stmt> body, List<Handler> handlers, List<Stmt> orelse, List<Stmt> finalbody) {
            this.body = body;
            this.handlers = handlers;
            this.orelse = orelse;
            this.finalbody = finalbody;
        }
    }

    static final class With extends Stmt {
        final List<Expr> items;
        /** The {@code as} targets (null entries where there is none). */
        final List<Expr> targets;
        final List<Stmt> body;

        With(List<Expr> items, List<Expr> targets, List<Stmt> body) {
            this.items = items;
            this.targets = targets;
            this.body = body;
        }
    }

    static final class Def extends Stmt {
        final String name;
        final List<String> params;
        final String header;
        final List<Stmt> body;

        Def(String name, List<String> params, String header, List<Stmt> body) {
            this.name = name;
            this.params = params;
            this.header = header;
            this.body = body;
        }
    }

    static final class ClassDef extends Stmt {
        final String name;
        final List<Stmt> body;

        ClassDef(String name, List<Stmt> body) {
            this.name = name;
            this.body = body;
        }
    }

    /** {@code import a.b as c}: modules[k] bound to names[k] (the first component when there is no {@code as}). */
    static final class Import extends Stmt {
        final List<String> modules;
        final List<String> asNames;

        Import(List<String> modules, List<String> asNames) {
            this.modules = modules;
            this.asNames = asNames;
        }
    }

    /** {@code from m import a as b}; {@code names} is null for {@code *}; {@code module} null for a relative import. */
    static final class ImportFrom extends Stmt {
        final String module;
        final List<String> names;
        final List<String> asNames;

        ImportFrom(String module, List<String> names, List<String> asNames) {
            this.module = module;
            this.names = names;
            this.asNames = asNames;
        }
    }

    /** {@code return}, {@code raise}: the rest of the block does not run. */
    static final class Stop extends Stmt {
        final String keyword;
        final Expr value;

        Stop(String keyword, Expr value) {
            this.keyword = keyword;
            this.value = value;
        }
    }

    /** {@code global} / {@code nonlocal}. */
    static final class Global extends Stmt {
        final List<String> names;

        Global(List<String> names) {
            this.names = names;
        }
    }

    static final class Del extends Stmt {
        final List<Expr> targets;

        Del(List<Expr> targets) {
            this.targets = targets;
        }
    }

    /** pass, break, continue, assert, a Python 2 print statement: nothing footprint follows. */
    static final class Nothing extends Stmt {
    }

    /** A statement footprint does not read (not Python 3, or past a bound): the names it may bind. */
    static final class Skipped extends Stmt {
        final String reason;
        final List<String> names;
        final boolean limit;

        Skipped(String reason, List<String> names, boolean limit) {
            this.reason = reason;
            this.names = names;
            this.limit = limit;
        }
    }
}
