package io.github.footprint.base;

/** C's {@code atoi}/{@code apr_atoi64}: leading blanks, a sign, digits; stops at the first other character; 0 for none. */
public final class Atoi {
    private Atoi() {
    }

    /** The value {@code strtol}/{@code strtoll} would read on a 64-bit system: saturated to the long range. */
    public static long parse(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && CType.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        boolean overflow = false;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            int d = s.charAt(i) - '0';
            if (overflow || v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                v = v * 10 + d;
            }
            i++;
        }
        if (overflow) {
            return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return neg ? -v : v;
    }

    /** True when {@code strtol} would set ERANGE: the digits read lie outside the long range. */
    public static boolean overflows(String s) {
        long v = parse(s);
        if (v != Long.MAX_VALUE && v != Long.MIN_VALUE) {
            return false;
        }
        String t = s.strip();
        boolean neg = t.startsWith("-");
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        while (i < t.length() - 1 && t.charAt(i) == '0') {
            i++;
        }
        int j = i;
        while (j < t.length() && t.charAt(j) >= '0' && t.charAt(j) <= '9') {
            j++;
        }
        String digits = t.substring(i, j);
        return !digits.equals(neg ? "9223372036854775808" : "9223372036854775807");
    }

    /**
     * C's {@code atoi} as glibc has it, {@code (int) strtol(s, NULL, 10)}: the long value cut to its low 32 bits
     * (mod_wsgi reads {@code threads}, {@code processes}, {@code maximum-requests} and {@code stack-size} so).
     */
    public static int parseInt(String s) {
        return (int) parse(s);
    }

    /**
     * True when the text is exactly what atoi reads (at least one digit, nothing after the digits but the
     * white space C's {@code isspace} knows). Whether the number fits is another question.
     */
    public static boolean isExact(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && CType.isSpace(s.charAt(i))) {
            i++;
        }
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        // \d in Java's regular expressions is ASCII 0-9 only
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            return false;
        }
        while (i < n && CType.isSpace(s.charAt(i))) {
            i++;
        }
        return i == n;
    }
}
