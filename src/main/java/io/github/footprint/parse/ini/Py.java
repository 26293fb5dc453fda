package io.github.footprint.parse.ini;

/** Python 3's {@code str.isspace}, {@code strip} and the configparser regexes that use them. */
final class Py {
    private Py() {
    }

    /** {@code str.isspace()} for one character (Unicode white space, as Python defines it). */
    static boolean isSpace(char c) {
        if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) || c == 0x85) {
            return true;
        }
        return c > 0x7f && (Character.isSpaceChar(c) || Character.isWhitespace(c));
    }

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

    static String rstrip(String s) {
        int b = s.length();
        while (b > 0 && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(0, b);
    }

    /** {@code NONSPACECRE.search(line).start()}, or 0. */
    static int firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isSpace(line.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    /** {@code SECTCRE.match(value)}: {@code \[(.+)\]} at the start, greedy; the header or null. */
    static String sectionHeader(String value) {
        if (value.length() < 3 || value.charAt(0) != '[') {
            return null;
        }
        int end = value.lastIndexOf(']');
        // '.' does not match a newline; lines never hold one here
        return end >= 2 ? value.substring(1, end) : null;
    }
}
