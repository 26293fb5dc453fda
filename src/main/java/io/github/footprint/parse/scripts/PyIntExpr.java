package io.github.footprint.parse.scripts;

/**
 * The value of a Python integer constant expression, as CPython 3 computes it, or null when the text is anything
 * else: a name, a call, a float, a string, a syntax Python 3 refuses ({@code 0512}), or a value beyond 64 bits.
 *
 * <p>Grammar (Python's precedence): integer literals (decimal, {@code 0x}, {@code 0o}, {@code 0b}, with
 * {@code _} between digits), parentheses, {@code **} (right-associative, binding tighter than a unary minus on
 * its left), unary {@code + -}, {@code * // %}, binary {@code + -}, {@code << >>}.
 */
final class PyIntExpr {
    private final String s;
    private int p;

    private PyIntExpr(String s) {
        this.s = s;
    }

    static Long eval(String text) {
        PyIntExpr e = new PyIntExpr(text);
        try {
            long v = e.shift();
            e.blanks();
            return e.p == e.s.length() ? Long.valueOf(v) : null;
        } catch (NotConstant | ArithmeticException x) {
            return null;
        }
    }

    /** Not an integer constant expression (or one Python would refuse). */
    private static final class NotConstant extends Exception {
        private static final long serialVersionUID = 1L;

        NotConstant() {
            super(null, null, false, false);
        }
    }

    private void blanks() {
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
    }

    private boolean eat(String op) {
        blanks();
        if (s.startsWith(op, p)) {
            p += op.length();
            return true;
        }
        return false;
    }

    private long shift() throws NotConstant {
        long v = sum();
        while (true) {
            if (eat("<<")) {
                long n = sum();
                if (n < 0) {
                    throw new NotConstant(); // ValueError: negative shift count
                }
                if (n >= 63 || (v != 0 && Long.numberOfLeadingZeros(Math.abs(v)) <= n)) {
                    throw new ArithmeticException();
                }
                v <<= n;
            } else if (eat(">>")) {
                long n = sum();
                if (n < 0) {
                    throw new NotConstant();
                }
                v = n >= 63 ? (v < 0 ? -1 : 0) : v >> n;
            } else {
                return v;
            }
        }
    }

    private long sum() throws NotConstant {
        long v = term();
        while (true) {
            if (eat("+")) {
                v = Math.addExact(v, term());
            } else if (peekMinus()) {
                p++;
                v = Math.subtractExact(v, term());
            } else {
                return v;
            }
        }
    }

    private boolean peekMinus() {
        blanks();
        return p < s.length() && s.charAt(p) == '-';
    }

    private long term() throws NotConstant {
        long v = unary();
        while (true) {
            blanks();
            if (s.startsWith("**", p)) {
                return v; // handled by power(); cannot appear here
            }
            if (eat("//")) {
                long d = unary();
                if (d == 0) {
                    throw new NotConstant(); // ZeroDivisionError
                }
                v = Math.floorDiv(v, d);
            } else if (eat("*")) {
                v = Math.multiplyExact(v, unary());
            } else if (eat("%")) {
                long d = unary();
                if (d == 0) {
                    throw new NotConstant();
                }
                v = Math.floorMod(v, d);
            } else if (s.startsWith("/", p)) {
                throw new NotConstant(); // true division gives a float
            } else {
                return v;
            }
        }
    }

    private long unary() throws NotConstant {
        if (eat("-")) {
            return Math.negateExact(unary());
        }
        if (eat("+")) {
            return unary();
        }
        return power();
    }

    private long power() throws NotConstant {
        long base = atom();
        if (eat("**")) {
            long exp = unary();
            if (exp < 0) {
                throw new NotConstant(); // a float
            }
            long v = 1;
            for (long k = 0; k < exp; k++) {
                v = Math.multiplyExact(v, base);
                if (v == 0 || v == 1) {
                    break;
                }
            }
            return v;
        }
        return base;
    }

    private long atom() throws NotConstant {
        if (eat("(")) {
            long v = shift();
            if (!eat(")")) {
                throw new NotConstant();
            }
            return v;
        }
        blanks();
        int start = p;
        while (p < s.length() && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_'
                || s.charAt(p) == '.')) {
            p++;
        }
        return literal(s.substring(start, p));
    }

    /** A Python 3 integer literal. */
    private static long literal(String t) throws NotConstant {
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        int radix = 10;
        String digits = lower;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = lower.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = lower.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = lower.substring(2);
        }
        if (digits.startsWith("_") && radix != 10) {
            digits = digits.substring(1); // 0x_80000 is valid
        }
        if (digits.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            throw new NotConstant();
        }
        String plain = digits.replace("_", "");
        if (radix == 10 && plain.length() > 1 && plain.charAt(0) == '0' && !plain.matches("0+")) {
            throw new NotConstant(); // SyntaxError: leading zeros in decimal integer literals
        }
        try {
            return Long.parseLong(plain, radix);
        } catch (NumberFormatException e) {
            throw new NotConstant();
        }
    }
}
