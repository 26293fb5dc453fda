package io.github.footprint.base;

/**
 * Text quoted from a user's file into a finding's first line, which may be of any length (a 16 MiB line): a reader
 * or a rule marks it with {@link #of}, and the findings stage, once every secret in the whole text is masked, shortens
 * each marked stretch of the first line to {@link #FIRST_LINE} characters ({@link #shorten}) and keeps it whole in
 * the detail ({@link #whole}). Shortening before masking could leave the first half of a secret that the masking no
 * longer recognises; marking lets the cut come after it.
 */
public final class Excerpt {
    /** The most characters of one quoted stretch a first line keeps. */
    public static final int FIRST_LINE = 60;

    /** Opens a quotation: a private-use character no other mark uses (unknown values: U+E000/1, secrets: U+E010/1). */
    public static final char OPEN = '\uE020';
    private static final char CLOSE = '\uE021';

    private Excerpt() {
    }

    /** The text marked as a quotation of the user's file. */
    public static String of(String text) {
        return OPEN + text + CLOSE;
    }

    /** Every marked stretch cut to {@code max} characters (with {@code ...}), the marks removed. */
    public static String shorten(String text, int max) {
        if (text.indexOf(OPEN) < 0 && text.indexOf(CLOSE) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 1024));
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf(OPEN, i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            int close = text.indexOf(CLOSE, open + 1);
            int end = close < 0 ? text.length() : close;
            String quoted = text.substring(open + 1, end);
            out.append(quoted.length() <= max ? quoted : quoted.substring(0, max - 3) + "...");
            i = close < 0 ? text.length() : close + 1;
        }
        return out.toString().replace(String.valueOf(CLOSE), "");
    }

    /** The text with the marks removed, every quotation whole. */
    public static String whole(String text) {
        if (text.indexOf(OPEN) < 0 && text.indexOf(CLOSE) < 0) {
            return text;
        }
        return text.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }
}
