package io.github.footprint.source.template.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import jinjava.javax.el.ELException;

/** Python's printf-style string formatting ({@code '%s:%d' % (host, port)}) for the common conversions. */
final class Printf {
    private Printf() {
    }

    @SuppressWarnings("unchecked")
    static String format(String fmt, Object args) {
        // only a tuple is a list of arguments: a list is one argument ('%s' % [1, 2])
        List<Object> list = args instanceof Py.Tuple ? ((Py.Tuple) args).toList()
                : List.of(args == null ? Py.NONE : args);
        Map<Object, Object> map = args instanceof Map ? (Map<Object, Object>) args : null;
        StringBuilder b = new StringBuilder();
        int next = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (++i >= n) {
                throw new ELException("incomplete format");
            }
            Object value = null;
            boolean named = false;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0 || map == null) {
                    throw new ELException("format requires a mapping");
                }
                value = map.get(fmt.substring(i + 1, close));
                named = true;
                i = close + 1;
            }
            String flags = "";
            while (i < n && "-+ 0#".indexOf(fmt.charAt(i)) >= 0) {
                flags += fmt.charAt(i++);
            }
            int width = 0;
            while (i < n && Character.isDigit(fmt.charAt(i))) {
                width = width * 10 + (fmt.charAt(i++) - '0');
            }
            int precision = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    precision = precision * 10 + (fmt.charAt(i++) - '0');
                }
            }
            if (i >= n) {
                throw new ELException("incomplete format");
            }
            char conv = fmt.charAt(i);
            if (conv == '%') {
                b.append('%');
                continue;
            }
            if (!named) {
                if (next >= list.size()) {
                    throw new ELException("not enough arguments for format string");
                }
                value = list.get(next++);
            }
            value = PyOperators.known(value);
            String body;
            switch (conv) {
                case 's':
                    body = Py.str(value);
                    if (precision >= 0 && body.length() > precision) {
                        body = body.substring(0, precision);
                    }
                    break;
                case 'r':
                case 'a':
                    body = Py.repr(value);
                    break;
                case 'd':
                case 'i':
                case 'u':
                    body = sign(integer(value).toString(), flags);
                    break;
                case 'x':
                case 'X':
                case 'o':
                    String digits = integer(value).abs().toString(conv == 'o' ? 8 : 16);
                    digits = conv == 'X' ? digits.toUpperCase(java.util.Locale.ROOT) : digits;
                    body = sign((integer(value).signum() < 0 ? "-" : "") + digits, flags);
                    break;
                case 'f':
                case 'F':
                    if (!PyOperators.isNumber(value)) {
                        throw new ELException("must be real number, not " + PyOperators.typeName(value));
                    }
                    body = sign(new BigDecimal(PyOperators.dbl(value)).setScale(precision < 0 ? 6 : precision,
                            RoundingMode.HALF_EVEN).toPlainString(), flags);
                    break;
                default:
                    throw new ELException("unsupported format character '" + conv + "'");
            }
            b.append(pad(body, width, flags, conv != 's' && conv != 'r' && conv != 'a'));
        }
        if (map == null && next < list.size()) {
            throw new ELException("not all arguments converted during string formatting");
        }
        return b.toString();
    }

    private static java.math.BigInteger integer(Object v) {
        if (PyOperators.isNumber(v)) {
            if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
                return new BigDecimal(PyOperators.dbl(v)).toBigInteger();
            }
            return PyOperators.bigInt(v);
        }
        throw new ELException("%d format: a number is required, not " + PyOperators.typeName(v));
    }

    private static String sign(String s, String flags) {
        if (!s.startsWith("-")) {
            if (flags.indexOf('+') >= 0) {
                return "+" + s;
            }
            if (flags.indexOf(' ') >= 0) {
                return " " + s;
            }
        }
        return s;
    }

    private static String pad(String s, int width, String flags, boolean numeric) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        if (flags.indexOf('-') >= 0) {
            return s + fill;
        }
        if (numeric && flags.indexOf('0') >= 0) {
            String sign = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? s.substring(0, 1) : "";
            return sign + "0".repeat(width - s.length()) + s.substring(sign.length());
        }
        return fill + s;
    }
}
