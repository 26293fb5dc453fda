package io.github.footprint.source.template.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.el.ext.AstTuple;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.objects.collections.PyList;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;

/**
 * Python's operators where Jinjava's expression language has Java's: {@code ==} and {@code <} compare as Python does
 * ({@code 1 == '1'} is false), {@code and} gives an operand (not a boolean), {@code %} is Python's modulo and string
 * formatting, {@code in} is Python's membership, {@code *} repeats strings and lists.
 */
final class PyOperators {
    private PyOperators() {
    }

    /** The parser Jinjava's expression factory uses, with these operators put in. */
    public static final class FpSyntaxBuilder extends Builder {
        private static final long serialVersionUID = 1L;

        public FpSyntaxBuilder() {
            super();
        }

        public FpSyntaxBuilder(Feature... features) {
            super(features);
        }

        @Override
        protected Parser createParser(String expression) {
            return new FpParser(this, expression);
        }
    }

    static final class FpParser extends ExtendedParser {
        FpParser(Builder context, String input) {
            super(context, input);
            putExtensionHandler(CollectionMembershipOperator.TOKEN, new ExtensionHandler(ExtensionPoint.CMP) {
                @Override
                public AstNode createAstNode(AstNode... children) {
                    return new AstBinary(children[0], children[1], IN);
                }
            });
            putExtensionHandler(com.hubspot.jinjava.el.ext.PowerOfOperator.TOKEN,
                    new ExtensionHandler(ExtensionPoint.MUL) {
                        @Override
                        public AstNode createAstNode(AstNode... children) {
                            return new AstBinary(children[0], children[1], POW);
                        }
                    });
            putExtensionHandler(com.hubspot.jinjava.el.ext.TruncDivOperator.TOKEN,
                    new ExtensionHandler(ExtensionPoint.MUL) {
                        @Override
                        public AstNode createAstNode(AstNode... children) {
                            return new AstBinary(children[0], children[1], FLOORDIV);
                        }
                    });
            putExtensionHandler(CollectionNonMembershipOperator.TOKEN, new ExtensionHandler(ExtensionPoint.CMP) {
                @Override
                public AstNode createAstNode(AstNode... children) {
                    return new AstBinary(children[0], children[1], NOT_IN);
                }
            });
        }

        /** Jinjava's, but a dict literal's commas inside parentheses make no tuple. */
        @Override
        protected AstNode nonliteral() throws Scanner.ScanException, ParseException {
            if (getToken().getSymbol() != Symbol.LPAREN) {
                return super.nonliteral();
            }
            int i = 0;
            Scanner.Token t = lookahead(i++);
            int depth = 0;
            while (t.getSymbol() != Symbol.EOF && (depth > 0 || t.getSymbol() != Symbol.RPAREN)) {
                Symbol s = t.getSymbol();
                boolean brace = s == Symbol.EXTENSION && "{".equals(t.getImage());
                boolean closeBrace = s == Symbol.EXTENSION && "}".equals(t.getImage());
                if (s == Symbol.LPAREN || s == Symbol.LBRACK || brace) {
                    depth++;
                } else if (depth > 0 && (s == Symbol.RPAREN || s == Symbol.RBRACK || closeBrace)) {
                    depth--;
                } else if (depth == 0 && s == Symbol.COMMA) {
                    return createAstTuple(params());
                }
                t = lookahead(i++);
            }
            consumeToken();
            AstNode v = expr(true);
            consumeToken(Symbol.RPAREN);
            return createAstNested(v);
        }

        @Override
        protected AstTuple createAstTuple(AstParameters parameters) throws Scanner.ScanException, ParseException {
            return new AstTuple(parameters) {
                private static final long serialVersionUID = 1L;

                @Override
                public Object eval(Bindings bindings, ELContext context) {
                    Object v = super.eval(bindings, context);
                    return new Py.Tuple(((PyList) v).toList());
                }
            };
        }

        @Override
        protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
            AstBinary.Operator op = operator;
            if (operator == AstBinary.EQ) {
                op = EQ;
            } else if (operator == AstBinary.NE) {
                op = NE;
            } else if (operator == AstBinary.LT) {
                op = LT;
            } else if (operator == AstBinary.LE) {
                op = LE;
            } else if (operator == AstBinary.GT) {
                op = GT;
            } else if (operator == AstBinary.GE) {
                op = GE;
            } else if (operator == AstBinary.AND) {
                op = AND;
            } else if (operator == AstBinary.MOD) {
                op = MOD;
            } else if (operator == AstBinary.MUL) {
                op = MUL;
            } else if (operator == com.hubspot.jinjava.el.ext.AdditionOperator.OP || operator == AstBinary.ADD) {
                op = ADD;
            }
            return super.createAstBinary(left, right, op);
        }
    }

    /** Stops on an unknown operand: the expression is unknown. */
    static Object known(Object v) {
        if (v instanceof Unk) {
            Session s = FpInterpreter.current();
            if (s != null) {
                s.hit((Unk) v);
            }
            throw new UnknownValueException((Unk) v);
        }
        return v;
    }

    private abstract static class Simple extends AstBinary.SimpleOperator {
        private final String image;

        Simple(String image) {
            this.image = image;
        }

        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            return op(known(a), known(b));
        }

        abstract Object op(Object a, Object b);

        @Override
        public String toString() {
            return image;
        }
    }

    static final AstBinary.Operator EQ = new Simple("==") {
        @Override
        Object op(Object a, Object b) {
            return equal(a, b);
        }
    };
    static final AstBinary.Operator NE = new Simple("!=") {
        @Override
        Object op(Object a, Object b) {
            return !equal(a, b);
        }
    };
    static final AstBinary.Operator LT = new Simple("<") {
        @Override
        Object op(Object a, Object b) {
            return compare(a, b, "<") < 0;
        }
    };
    static final AstBinary.Operator LE = new Simple("<=") {
        @Override
        Object op(Object a, Object b) {
            return compare(a, b, "<=") <= 0;
        }
    };
    static final AstBinary.Operator GT = new Simple(">") {
        @Override
        Object op(Object a, Object b) {
            return compare(a, b, ">") > 0;
        }
    };
    static final AstBinary.Operator GE = new Simple(">=") {
        @Override
        Object op(Object a, Object b) {
            return compare(a, b, ">=") >= 0;
        }
    };
    static final AstBinary.Operator IN = new Simple("in") {
        @Override
        Object op(Object a, Object b) {
            return contains(b, a);
        }
    };
    static final AstBinary.Operator NOT_IN = new Simple("not in") {
        @Override
        Object op(Object a, Object b) {
            return !contains(b, a);
        }
    };
    static final AstBinary.Operator MOD = new Simple("%") {
        @Override
        Object op(Object a, Object b) {
            return mod(a, b);
        }
    };
    static final AstBinary.Operator MUL = new Simple("*") {
        @Override
        Object op(Object a, Object b) {
            return mul(a, b);
        }
    };
    /** Python's {@code +}: numbers, strings, lists (and tuples) with their own kind. */
    static final AstBinary.Operator ADD = new Simple("+") {
        @Override
        Object op(Object a, Object b) {
            if (isNumber(a) && isNumber(b)) {
                if (integral(a) && integral(b)) {
                    return Py.intValue(bigInt(a).add(bigInt(b)));
                }
                return dbl(a) + dbl(b);
            }
            if (a instanceof CharSequence && b instanceof CharSequence) {
                return a.toString() + b;
            }
            if (a instanceof List && b instanceof List && (a instanceof Py.Tuple) == (b instanceof Py.Tuple)) {
                List<Object> l = new java.util.ArrayList<>((List<?>) a);
                l.addAll((List<?>) b);
                return a instanceof Py.Tuple ? new Py.Tuple(l) : l;
            }
            throw new ELException("unsupported operand type(s) for +: '" + typeName(a) + "' and '" + typeName(b)
                    + "'");
        }
    };

    /** Python's {@code **}: exact for integers with a non-negative exponent, a float otherwise. */
    static final AstBinary.Operator POW = new Simple("**") {
        @Override
        Object op(Object a, Object b) {
            if (!isNumber(a) || !isNumber(b)) {
                throw new ELException("unsupported operand type(s) for ** or pow(): '" + typeName(a) + "' and '"
                        + typeName(b) + "'");
            }
            if (integral(a) && integral(b) && bigInt(b).signum() >= 0) {
                if (bigInt(b).bitLength() > 16) {
                    throw new ELException("exponent too large");
                }
                return Py.intValue(bigInt(a).pow(bigInt(b).intValue()));
            }
            return Math.pow(dbl(a), dbl(b));
        }
    };
    /** Python's {@code //}: floor division. */
    static final AstBinary.Operator FLOORDIV = new Simple("//") {
        @Override
        Object op(Object a, Object b) {
            if (!isNumber(a) || !isNumber(b)) {
                throw new ELException("unsupported operand type(s) for //: '" + typeName(a) + "' and '"
                        + typeName(b) + "'");
            }
            if (integral(a) && integral(b)) {
                BigInteger d = bigInt(b);
                if (d.signum() == 0) {
                    throw new ELException("integer division or modulo by zero");
                }
                BigInteger[] qr = bigInt(a).divideAndRemainder(d);
                BigInteger q = qr[0];
                if (qr[1].signum() != 0 && (qr[1].signum() != d.signum())) {
                    q = q.subtract(BigInteger.ONE);
                }
                return Py.intValue(q);
            }
            if (dbl(b) == 0) {
                throw new ELException("float floor division by zero");
            }
            return Math.floor(dbl(a) / dbl(b));
        }
    };

    /** Python's {@code and}: the left operand when it is false, else the right one (evaluated only then). */
    static final AstBinary.Operator AND = new AstBinary.Operator() {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object l = known(left.eval(bindings, context));
            if (!Py.truth(l)) {
                return l;
            }
            return right.eval(bindings, context);
        }

        @Override
        public String toString() {
            return "and";
        }
    };

    static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    private static boolean integral(Object v) {
        return Py.isInt(v) || v instanceof Boolean;
    }

    static BigInteger bigInt(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (v instanceof BigInteger) {
            return (BigInteger) v;
        }
        return BigInteger.valueOf(((Number) v).longValue());
    }

    static double dbl(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        return ((Number) v).doubleValue();
    }

    /** Python's {@code ==}. */
    @SuppressWarnings("unchecked")
    static boolean equal(Object a, Object b) {
        if (Py.isNone(a) || Py.isNone(b)) {
            return Py.isNone(a) && Py.isNone(b);
        }
        if (isNumber(a) && isNumber(b)) {
            if (integral(a) && integral(b)) {
                return bigInt(a).equals(bigInt(b));
            }
            if (a instanceof BigDecimal || b instanceof BigDecimal) {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            }
            return dbl(a) == dbl(b);
        }
        if (a instanceof CharSequence || b instanceof CharSequence) {
            return a instanceof CharSequence && b instanceof CharSequence && a.toString().equals(b.toString());
        }
        if (a instanceof List && b instanceof List) {
            List<Object> x = (List<Object>) a;
            List<Object> y = (List<Object>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(known(x.get(i)), known(y.get(i)))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<Object, Object> x = (Map<Object, Object>) a;
            Map<Object, Object> y = (Map<Object, Object>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<Object, Object> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(known(e.getValue()), known(y.get(e.getKey())))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Python's ordering; a TypeError (as an expression error) between types Python does not order. */
    @SuppressWarnings("unchecked")
    static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if (integral(a) && integral(b)) {
                return bigInt(a).compareTo(bigInt(b));
            }
            return Double.compare(dbl(a), dbl(b)) == 0 ? 0 : dbl(a) < dbl(b) ? -1 : 1;
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            String x = a.toString();
            String y = b.toString();
            int i = 0;
            int j = 0;
            while (i < x.length() && j < y.length()) {
                int c = x.codePointAt(i);
                int d = y.codePointAt(j);
                if (c != d) {
                    return Integer.compare(c, d);
                }
                i += Character.charCount(c);
                j += Character.charCount(d);
            }
            return Integer.compare(x.length() - i, y.length() - j);
        }
        if (a instanceof List && b instanceof List) {
            Iterator<Object> x = ((List<Object>) a).iterator();
            Iterator<Object> y = ((List<Object>) b).iterator();
            while (x.hasNext() && y.hasNext()) {
                Object p = known(x.next());
                Object q = known(y.next());
                if (!equal(p, q)) {
                    return compare(p, q, op);
                }
            }
            return Boolean.compare(x.hasNext(), y.hasNext());
        }
        throw new ELException("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    static String typeName(Object v) {
        if (Py.isNone(v)) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (Py.isInt(v)) {
            return "int";
        }
        if (v instanceof Number) {
            return "float";
        }
        if (v instanceof CharSequence) {
            return "str";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Collection) {
            return "list";
        }
        return v.getClass().getSimpleName();
    }

    /** Python's {@code needle in haystack}. */
    @SuppressWarnings("unchecked")
    static boolean contains(Object haystack, Object needle) {
        if (haystack instanceof CharSequence) {
            if (!(needle instanceof CharSequence)) {
                throw new ELException("'in <string>' requires string as left operand, not " + typeName(needle));
            }
            return haystack.toString().contains(needle.toString());
        }
        if (haystack instanceof Map) {
            for (Object k : ((Map<Object, Object>) haystack).keySet()) {
                if (equal(known(k), needle)) {
                    return true;
                }
            }
            return false;
        }
        if (haystack instanceof Collection) {
            for (Object x : (Collection<Object>) haystack) {
                if (equal(known(x), needle)) {
                    return true;
                }
            }
            return false;
        }
        throw new ELException("argument of type '" + typeName(haystack) + "' is not iterable");
    }

    /** Python's {@code %}: modulo of numbers (sign of the divisor), or printf-style formatting of a string. */
    static Object mod(Object a, Object b) {
        if (a instanceof CharSequence) {
            return Printf.format(a.toString(), b);
        }
        if (isNumber(a) && isNumber(b)) {
            if (integral(a) && integral(b)) {
                BigInteger d = bigInt(b);
                if (d.signum() == 0) {
                    throw new ELException("integer division or modulo by zero");
                }
                BigInteger r = bigInt(a).mod(d.abs());
                if (d.signum() < 0 && r.signum() != 0) {
                    r = r.add(d);
                }
                return Py.intValue(r);
            }
            double x = dbl(a);
            double y = dbl(b);
            if (y == 0) {
                throw new ELException("float modulo");
            }
            double r = x % y;
            if (r != 0 && (r < 0) != (y < 0)) {
                r += y;
            }
            return r;
        }
        throw new ELException("unsupported operand type(s) for %: '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** Python's {@code *}: numbers, or a string or list repeated. */
    static Object mul(Object a, Object b) {
        if ((a instanceof CharSequence || a instanceof List) && integral(b)) {
            return repeat(a, bigInt(b).intValue());
        }
        if ((b instanceof CharSequence || b instanceof List) && integral(a)) {
            return repeat(b, bigInt(a).intValue());
        }
        if (isNumber(a) && isNumber(b)) {
            if (integral(a) && integral(b)) {
                return Py.intValue(bigInt(a).multiply(bigInt(b)));
            }
            return dbl(a) * dbl(b);
        }
        throw new ELException("unsupported operand type(s) for *: '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    @SuppressWarnings("unchecked")
    private static Object repeat(Object v, int times) {
        if (v instanceof CharSequence) {
            return times <= 0 ? "" : v.toString().repeat(Math.min(times, 1_000_000));
        }
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(times, 100_000); i++) {
            out.addAll((List<Object>) v);
        }
        return out;
    }
}
