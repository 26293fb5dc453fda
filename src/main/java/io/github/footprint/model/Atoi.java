package io.github.footprint.model;

/** C's {@code atoi}/{@code apr_atoi64}: leading blanks, a sign, digits; stops at the first other character; 0 for none. */
public final class Atoi {
    private Atoi() {
    }

    /** The value C would read, saturated to the long range. */
    public static long parse(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            int d = s.charAt(i) - '0';
            v = v > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : v * 10 + d;
            i++;
        }
        return neg ? -v : v;
    }

    /** As {@link #parse} for a C {@code int}, clamped. */
    public static int parseInt(String s) {
        long v = parse(s);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** True when the text is exactly what atoi reads (no trailing characters, at least one digit). */
    public static boolean isExact(String s) {
        return s.strip().matches("[+-]?\\d+");
    }
}
