package io.github.footprint.source.template.jinja;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import jinjava.javax.el.ELException;

/** Jinja2's tests ({@code x is odd}, {@code is divisibleby(3)}, {@code is gt 2}...), as Jinja2 writes them. */
final class PyTests {
    /** Every test name Jinja2 has, but defined/undefined/none (see {@link Filters}) and filter/test/escaped. */
    static final Set<String> NAMES = Set.of("odd", "even", "divisibleby", "boolean", "false", "true", "integer",
            "float", "lower", "upper", "string", "mapping", "number", "sequence", "iterable", "callable", "sameas",
            "in", "==", "eq", "equalto", "!=", "ne", ">", "gt", "greaterthan", "ge", ">=", "<", "lt", "lessthan", "<=",
            "le");

    private PyTests() {
    }

    static void install(Context context) {
        for (String name : NAMES) {
            context.registerExpTest(new ExpTest() {
                @Override
                public String getName() {
                    return name;
                }

                @Override
                public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
                    return test(name, var, args);
                }
            });
        }
    }

    /** Runs a test by name; an unknown operand leaves the expression unknown. */
    static boolean test(String name, Object value, Object... args) {
        Object v = PyOperators.known(value);
        Object a = args.length > 0 ? PyOperators.known(args[0]) : null;
        switch (name) {
            case "odd":
                return PyOperators.mod(v, 2).equals(1);
            case "even":
                return PyOperators.mod(v, 2).equals(0);
            case "divisibleby":
                return PyOperators.equal(PyOperators.mod(v, a), 0);
            case "boolean":
                return v instanceof Boolean;
            case "false":
                return Boolean.FALSE.equals(v);
            case "true":
                return Boolean.TRUE.equals(v);
            case "integer":
                return Py.isInt(v);
            case "float":
                return v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal;
            case "lower":
                return cased(Py.str(v), true);
            case "upper":
                return cased(Py.str(v), false);
            case "string":
                return v instanceof CharSequence;
            case "mapping":
                return v instanceof Map;
            case "number":
                return v instanceof Number || v instanceof Boolean;
            case "sequence":
                return v instanceof CharSequence || v instanceof Collection || v instanceof Map;
            case "iterable":
                return Py.iterate(v) != null;
            case "callable":
                return false;
            case "sameas":
                return v == a || (v instanceof Number || v instanceof CharSequence || v instanceof Boolean)
                        && PyOperators.equal(v, a) && v.getClass() == a.getClass();
            case "in":
                return PyOperators.contains(a, v);
            case "==":
            case "eq":
            case "equalto":
                return PyOperators.equal(v, a);
            case "!=":
            case "ne":
                return !PyOperators.equal(v, a);
            case ">":
            case "gt":
            case "greaterthan":
                return PyOperators.compare(v, a, ">") > 0;
            case ">=":
            case "ge":
                return PyOperators.compare(v, a, ">=") >= 0;
            case "<":
            case "lt":
            case "lessthan":
                return PyOperators.compare(v, a, "<") < 0;
            case "<=":
            case "le":
                return PyOperators.compare(v, a, "<=") <= 0;
            default:
                throw new ELException("No test named '" + name + "'");
        }
    }

    /** Python's {@code islower()} / {@code isupper()}: some cased character, and none of the other case. */
    private static boolean cased(String s, boolean lower) {
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (lower) {
                    return false;
                }
                any = true;
            } else if (Character.isLowerCase(c)) {
                if (!lower) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A test applied to items by select/reject: by name with its arguments, or truth when none is named. */
    static boolean apply(List<Object> args, int from, Object item) {
        if (args.size() <= from) {
            return Py.truth(PyOperators.known(item));
        }
        String name = Py.str(PyOperators.known(args.get(from)));
        Object[] rest = args.subList(from + 1, args.size()).toArray();
        switch (name) {
            case "defined":
                return !(item instanceof Unk && ((Unk) item).isUndefined());
            case "undefined":
                return item instanceof Unk && ((Unk) item).isUndefined();
            case "none":
                return Py.isNone(PyOperators.known(item));
            default:
                return test(name, item, rest);
        }
    }
}
