package io.github.footprint.base;

/** How Python reads a number written as text: {@code int(text)}, as SQLAlchemy's {@code asint} and Paste call it. */
public final class PythonInt {
    private PythonInt() {
    }

    /**
     * Python's {@code int(text)}: white space around, an optional sign, decimal digits (any script's) with single
     * underscores between them; null for anything else or a number beyond Java's int.
     */
    public static Integer of(String text) {
        String t = PythonText.strip(text);
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (i >= t.length()) {
            return null;
        }
        StringBuilder digits = new StringBuilder(t.substring(0, i));
        boolean lastDigit = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(Character.digit(c, 10));
                lastDigit = true;
            } else if (c == '_' && lastDigit) {
                lastDigit = false;
            } else {
                return null;
            }
        }
        if (!lastDigit) {
            return null;
        }
        try {
            return Integer.valueOf(digits.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
