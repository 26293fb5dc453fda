package io.github.footprint.source.template;

/** Python's idea of characters, where it differs from Java's: whitespace, identifiers, number literals. */
final class PyText {
    private PyText() {
    }

    /** Python's {@code str.isspace()} (and {@code \s} of its {@code re} module) for one character. */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        if (c < 0x85) {
            return false;
        }
        if (c == 0x85 || c == 0xa0 || c == 0x1680 || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000) {
            return true;
        }
        return c >= 0x2000 && c <= 0x200a;
    }

    /** A character of a Jinja2 name ({@code \w} plus combining marks). */
    static boolean isNameChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        int t = Character.getType(c);
        return Character.isLetterOrDigit(c) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.CONNECTOR_PUNCTUATION;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /**
     * Past a Jinja2 float or integer literal at {@code at} (float_re tried before integer_re, as the lexer does),
     * or {@code at} when none starts there.
     */
    static int numberEnd(String s, int at) {
        int n = s.length();
        if (at >= n || !isDigit(s.charAt(at))) {
            return at;
        }
        int f = floatEnd(s, at);
        if (f > at) {
            return f;
        }
        return integerEnd(s, at);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code (\d+_)*\d+} from at: end, or at. */
    private static int digits(String s, int at) {
        int n = s.length();
        int i = at;
        if (i >= n || !isDigit(s.charAt(i))) {
            return at;
        }
        while (true) {
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i + 1 < n && s.charAt(i) == '_' && isDigit(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
    }

    private static int floatEnd(String s, int at) {
        if (at > 0 && s.charAt(at - 1) == '.') {
            return at;
        }
        int n = s.length();
        int i = digits(s, at);
        if (i == at) {
            return at;
        }
        int frac = -1;
        if (i < n && s.charAt(i) == '.') {
            int j = digits(s, i + 1);
            if (j > i + 1) {
                frac = j;
            }
        }
        int afterFrac = frac > 0 ? frac : i;
        if (afterFrac < n && (s.charAt(afterFrac) == 'e' || s.charAt(afterFrac) == 'E')) {
            int j = afterFrac + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int k = digits(s, j);
            if (k > j) {
                return k;
            }
        }
        return frac > 0 ? frac : at;
    }

    private static int integerEnd(String s, int at) {
        int n = s.length();
        char c = s.charAt(at);
        if (c == '0' && at + 1 < n) {
            char x = Character.toLowerCase(s.charAt(at + 1));
            String allowed = x == 'b' ? "01" : x == 'o' ? "01234567" : x == 'x' ? "0123456789abcdef" : null;
            if (allowed != null) {
                int i = at + 2;
                int last = i;
                while (i < n) {
                    if (s.charAt(i) == '_' && i + 1 < n && allowed.indexOf(Character.toLowerCase(s.charAt(i + 1))) >= 0) {
                        i += 2;
                        last = i;
                    } else if (allowed.indexOf(Character.toLowerCase(s.charAt(i))) >= 0) {
                        i++;
                        last = i;
                    } else {
                        break;
                    }
                }
                if (last > at + 2) {
                    return last;
                }
            }
        }
        if (c == '0') {
            int i = at + 1;
            while (true) {
                if (i < n && s.charAt(i) == '0') {
                    i++;
                } else if (i + 1 < n && s.charAt(i) == '_' && s.charAt(i + 1) == '0') {
                    i += 2;
                } else {
                    return i;
                }
            }
        }
        return digits(s, at);
    }
}
