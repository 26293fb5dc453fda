package io.github.footprint.base;

/** Python 3's white space: {@code str.isspace}, {@code str.strip} and {@code str.rstrip} without arguments. */
public final class PythonText {
    private PythonText() {
    }

    /** {@code str.isspace()} for one character (Unicode white space, as Python defines it). */
    public static boolean isSpace(char c) {
        if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) || c == 0x85) {
            return true;
        }
        return c > 0x7f && (Character.isSpaceChar(c) || Character.isWhitespace(c));
    }

    /** {@code str.strip()}. */
    public static String strip(String s) {
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

    /** {@code str.rstrip()}. */
    public static String rstrip(String s) {
        int b = s.length();
        while (b > 0 && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(0, b);
    }
}
