package io.github.footprint.report.html;

/**
 * Text into HTML: every character that could open markup or end an attribute is escaped, and what HTML cannot hold
 * (control characters, lone surrogates, noncharacters) becomes U+FFFD, so a hostile byte in a user's file cannot
 * change the page. Numbers for coordinates are written with at most two decimals and a point, whatever the locale.
 */
final class Html {
    private Html() {
    }

    /** The text, safe in element content and in a quoted attribute value. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        // most texts (names, sizes, paths) need nothing: they are given back as they are
        int first = 0;
        while (first < text.length() && plain(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, text.charAt(i + 1));
                        i++;
                        if ((cp & 0xFFFE) == 0xFFFE) {
                            b.append('\uFFFD');
                        } else {
                            b.appendCodePoint(cp);
                        }
                    } else if (allowed(c)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
            }
        }
        return b.toString();
    }

    /** A character written as it is: printable ASCII but the five that {@link #esc} escapes. */
    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    }

    /** Tabs and line ends, and every other character HTML text may contain. */
    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return false;
        }
        if (Character.isSurrogate(c)) {
            return false;
        }
        return !(c >= '\uFDD0' && c <= '\uFDEF') && c != '\uFFFE' && c != '\uFFFF';
    }

    /** {@code 12}, {@code 12.5}, {@code 12.25}: rounded half up to two decimals, no exponent, no locale. */
    static String num(double v) {
        long h = Math.round(v * 100);
        StringBuilder b = new StringBuilder();
        if (h < 0) {
            b.append('-');
            h = -h;
        }
        b.append(h / 100);
        long frac = h % 100;
        if (frac != 0) {
            b.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                b.append(frac % 10);
            }
        }
        return b.toString();
    }
}
