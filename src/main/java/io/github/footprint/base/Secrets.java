package io.github.footprint.base;

import java.util.regex.Pattern;

/**
 * Secrecy as a property of values. A value is secret when the name it is given is (a key, option, variable or property
 * named like a password, secret, token or key; the password part of a URL). The reader that gives it that name wraps it
 * in two private-use characters, {@link #OPEN} and {@link #CLOSE}, that no configuration language uses; they travel
 * with the value through substitution, interpolation, rendering and quoting into every message, and the one masked
 * view that feeds the reports ({@link #mask}) replaces each marked span by {@link #MASK}. Text outside marked spans is
 * never masked: not file names, not locations, not words that happen to equal a password.
 */
public final class Secrets {
    /** Where a secret value starts. */
    public static final char OPEN = '\uE010';
    /** Where a secret value ends. */
    public static final char CLOSE = '\uE011';
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /**
     * Names that hold a secret: password, passwd, secret, token anywhere in the name; pwd, key, credentials and vault
     * as a word of it ({@code API_KEY}, {@code session.key}, but not {@code keepalive}); pass and pw as its last word
     * ({@code db_pass}, {@code DB_PW}, but not mod_wsgi's {@code pass-authorization}); camel case too ({@code apiKey}).
     */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(?:password|passwd|secret|token).*"
            + "|(?i)(?:.*[^a-z0-9])?(?:pwd|key|credentials?|vault)(?:[^a-z0-9].*)?"
            + "|(?i)(?:.*[^a-z0-9])?(?:pass|pw)"
            + "|(?-i:.*[a-z0-9](?:Pwd|Pw|Pass|Key))");

    private Secrets() {
    }

    /** True when a key, option, variable or property of this name holds a secret. */
    public static boolean isSecretName(String name) {
        return name != null && !name.isEmpty() && SECRET_NAME.matcher(name).matches();
    }

    /** True for the two marker characters. */
    public static boolean isMarker(int c) {
        return c == OPEN || c == CLOSE;
    }

    /** True when the text holds a marker. */
    public static boolean marked(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == OPEN || c == CLOSE) {
                return true;
            }
        }
        return false;
    }

    /** The value marked secret as a whole: empty stays empty, an already wholly marked value stays as it is. */
    public static String wrap(String value) {
        if (value == null || value.isEmpty() || wholly(value)) {
            return value;
        }
        return OPEN + value + CLOSE;
    }

    /** True when the whole text is one marked span. */
    static boolean wholly(String s) {
        int n = s.length();
        if (n < 2 || s.charAt(0) != OPEN || s.charAt(n - 1) != CLOSE) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == OPEN) {
                depth++;
            } else if (c == CLOSE) {
                depth--;
                if (depth == 0 && i < n - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** The text without its markers: what the value is, for comparisons with what a program itself prints. */
    public static String strip(String s) {
        if (s == null || !marked(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != OPEN && c != CLOSE) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The text as reports show it: each marked span (nested ones inside it) replaced by {@link #MASK}, and no marker
     * left. A span opened and never closed (the text was cut inside it) is masked to the end. A close without its
     * open (a quotation that starts inside a secret) masks the word it ends, back to the last blank or quote.
     */
    public static String mask(String s) {
        if (s == null || !marked(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == OPEN) {
                if (depth == 0) {
                    b.append(MASK);
                }
                depth++;
            } else if (c == CLOSE) {
                if (depth > 0) {
                    depth--;
                } else {
                    int k = b.length();
                    while (k > 0 && !boundary(b.charAt(k - 1))) {
                        k--;
                    }
                    if (!b.substring(k).equals(MASK)) {
                        b.setLength(k);
                        b.append(MASK);
                    }
                }
            } else if (depth == 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean boundary(char c) {
        return Character.isWhitespace(c) || c == '\'' || c == '"' || c == '`' || c == '(' || c == '[' || c == '<'
                || c == '{' || c == ',';
    }

    /**
     * The first {@code max} characters of a text for a quotation, markers not counted; a secret the cut falls in is
     * closed there, so that it stays masked, and the rest of the quotation is not.
     */
    public static String cut(String s, int max) {
        int shown = 0;
        int depth = 0;
        int i = 0;
        for (; i < s.length() && shown < max; i++) {
            char c = s.charAt(i);
            if (c == OPEN) {
                depth++;
            } else if (c == CLOSE) {
                depth = Math.max(0, depth - 1);
            } else {
                shown++;
            }
        }
        // a marker right after the cut belongs to what was kept
        while (i < s.length() && s.charAt(i) == CLOSE && depth > 0) {
            depth--;
            i++;
        }
        StringBuilder b = new StringBuilder(s.length() + depth).append(s, 0, i);
        for (; depth > 0; depth--) {
            b.append(CLOSE);
        }
        return b.toString();
    }

    /**
     * {@code text.substring(from, to)} for a quotation: a secret the part starts or ends inside is opened at its start
     * or closed at its end, so that it stays masked however the part is cut.
     */
    public static String substring(String text, int from, int to) {
        String part = text.substring(from, to);
        if (!marked(text)) {
            return part;
        }
        int depth = 0;
        for (int i = 0; i < from; i++) {
            char c = text.charAt(i);
            if (c == OPEN) {
                depth++;
            } else if (c == CLOSE) {
                depth = Math.max(0, depth - 1);
            }
        }
        StringBuilder b = new StringBuilder(part.length() + 4);
        for (int i = 0; i < depth; i++) {
            b.append(OPEN);
        }
        return balance(b.append(part).toString());
    }

    /**
     * A part of a longer text made whole: a close whose open lies before the part gets its open at the start, an open
     * whose close lies after it gets its close at the end. For quotations cut out of a value.
     */
    public static String balance(String part) {
        if (!marked(part)) {
            return part;
        }
        int depth = 0;
        int missingOpens = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == OPEN) {
                depth++;
            } else if (c == CLOSE) {
                if (depth == 0) {
                    missingOpens++;
                } else {
                    depth--;
                }
            }
        }
        if (missingOpens == 0 && depth == 0) {
            return part;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < missingOpens; i++) {
            b.append(OPEN);
        }
        b.append(part);
        for (int i = 0; i < depth; i++) {
            b.append(CLOSE);
        }
        return b.toString();
    }

    /**
     * Marks the password of every {@code scheme://user:password@host} URL in the text. The user part ends at the
     * last {@code @} of the URL before its query, so that a password may hold {@code @} and {@code /}; a
     * placeholder or an already marked password is marked as it stands (what it renders to is the password).
     */
    public static String markUrlPasswords(String text) {
        int at = text.indexOf("://");
        if (at < 0) {
            return text;
        }
        StringBuilder b = null;
        int copied = 0;
        for (; at >= 0; at = text.indexOf("://", at + 3)) {
            int s = at;
            while (s > 0 && schemeChar(text.charAt(s - 1))) {
                s--;
            }
            if (s == at || !Character.isLetter(text.charAt(s))) {
                continue;
            }
            int from = at + 3;
            int end = from;
            while (end < text.length() && !urlEnd(text.charAt(end))) {
                end++;
            }
            int limit = end;
            for (int k = from; k < end; k++) {
                char c = text.charAt(k);
                if (c == '?' || c == '#') {
                    limit = k;
                    break;
                }
            }
            int amp = text.lastIndexOf('@', limit - 1);
            if (amp < from) {
                continue;
            }
            int colon = text.indexOf(':', from);
            if (colon < 0 || colon >= amp) {
                continue;
            }
            // the user part of a URL has no '/' before its ':' (http://host/path:x@y is no user)
            if (text.substring(from, colon).indexOf('/') >= 0) {
                continue;
            }
            String password = text.substring(colon + 1, amp);
            if (password.isEmpty() || password.equals(MASK) || wholly(password)) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length() + 8);
            }
            b.append(text, copied, colon + 1).append(OPEN).append(password).append(CLOSE);
            copied = amp;
            at = Math.max(at, amp - 3);
        }
        if (b == null) {
            return text;
        }
        return b.append(text, copied, text.length()).toString();
    }

    /**
     * True when {@code part} is a piece of a secret in {@code text}: every occurrence of it lies inside a marked span
     * that holds more than it ({@code @ss@} of the password {@code p@ss@word}, which Maven's filtering reads as a
     * placeholder), or markers cut through it. A span that is the part and nothing else is a placeholder standing for
     * a secret ({@code ${db.password}}): its name is no secret.
     */
    public static boolean pieceOfSecret(String text, String part) {
        if (!marked(text) || part.isEmpty()) {
            return false;
        }
        int next = text.indexOf(part);
        if (next < 0) {
            return strip(text).contains(part);
        }
        int depth = 0;
        int spanStart = -1;
        for (int i = 0; i < text.length() && next >= 0; i++) {
            if (i == next) {
                if (depth == 0) {
                    return false;
                }
                int end = spanEnd(text, spanStart);
                if (strip(text.substring(spanStart + 1, end)).strip().equals(part)) {
                    return false;
                }
                next = text.indexOf(part, i + 1);
            }
            char c = text.charAt(i);
            if (c == OPEN) {
                if (depth == 0) {
                    spanStart = i;
                }
                depth++;
            } else if (c == CLOSE) {
                depth = Math.max(0, depth - 1);
            }
        }
        return true;
    }

    /** Where the span opened at {@code open} closes (the text's end when it does not). */
    private static int spanEnd(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == OPEN) {
                depth++;
            } else if (c == CLOSE && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean schemeChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-');
    }

    private static boolean urlEnd(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }
}
