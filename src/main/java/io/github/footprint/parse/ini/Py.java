package io.github.footprint.parse.ini;

import io.github.footprint.base.PythonText;

/**
 * Python 3's {@code repr}, {@code split} and the configparser regexes, white space as {@link PythonText} has it.
 */
final class Py {
    private Py() {
    }

    /** {@code NONSPACECRE.search(line).start()}, or 0. */
    static int firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!PythonText.isSpace(line.charAt(i))) {
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

    /**
     * {@code repr(s)} of a Python 3 {@code str}: single quotes unless the text holds a single quote and no double
     * one; backslash, the quote, tab, newline and carriage return escaped; other characters that
     * {@code str.isprintable()} rejects as backslash-x, backslash-u or backslash-U hex escapes. Printable is
     * judged by Java's Unicode tables (categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space are not
     * printable), which lag Python 3.11's Unicode 14 only for characters assigned since.
     */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else if (c < 0x7f || isPrintable(c) || io.github.footprint.base.Secrets.isMarker(c)) {
                b.appendCodePoint(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.append(String.format("\\U%08x", c));
            }
        }
        return b.append(quote).toString();
    }

    /** {@code repr(list_of_str)}: {@code ['a', 'b']}. */
    static String repr(java.util.List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(repr(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** {@code str.isprintable()} for one code point. */
    static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** {@code str.split()}: the words between runs of white space. */
    static java.util.List<String> split(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || PythonText.isSpace(s.charAt(i));
            if (space && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }
}
