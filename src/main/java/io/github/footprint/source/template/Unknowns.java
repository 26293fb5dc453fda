package io.github.footprint.source.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows how an unknown value stands in rendered text: {@code U+E000 <id> U+E001}, two
 * private-use characters around the decimal id of an {@link Unknown} in the file's table
 * ({@code SourceFile.unknowns()}). No configuration language uses these characters, so a reader that meets one knows
 * the value there is unknown, and which expression would have given it.
 */
public final class Unknowns {
    public static final char OPEN = '\uE000';
    public static final char CLOSE = '\uE001';

    private Unknowns() {
    }

    /** The token for an unknown. */
    public static String token(int id) {
        return OPEN + Integer.toString(id) + CLOSE;
    }

    /** True when the text holds a token (or anything that starts like one). */
    public static boolean contains(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == OPEN) {
                return true;
            }
        }
        return false;
    }

    /** A token found in a text: {@code [start, end)} and the id it names. */
    public static final class Span {
        private final int start;
        private final int end;
        private final int id;

        Span(int start, int end, int id) {
            this.start = start;
            this.end = end;
            this.id = id;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public int id() {
            return id;
        }

        @Override
        public String toString() {
            return "[" + start + "," + end + ")#" + id;
        }
    }

    /** The token starting at {@code at}, or null when there is none there. */
    public static Span at(CharSequence text, int at) {
        int n = text.length();
        if (at < 0 || at >= n || text.charAt(at) != OPEN) {
            return null;
        }
        int id = 0;
        int j = at + 1;
        while (j < n && j - at <= 10 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            id = id * 10 + (text.charAt(j) - '0');
            j++;
        }
        if (j == at + 1 || j >= n || text.charAt(j) != CLOSE) {
            return null;
        }
        return new Span(at, j + 1, id);
    }

    /** Every token in a text, in order. */
    public static List<Span> find(CharSequence text) {
        List<Span> out = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == OPEN) {
                Span s = at(text, i);
                if (s != null) {
                    if (out == null) {
                        out = new ArrayList<>();
                    }
                    out.add(s);
                    i = s.end() - 1;
                }
            }
        }
        return out == null ? Collections.emptyList() : out;
    }

    /** True when the whole text (ignoring nothing) is one token. */
    public static boolean isToken(CharSequence text) {
        Span s = at(text, 0);
        return s != null && s.end() == text.length();
    }

    /**
     * The text with every token replaced by the expression as written ({@code {{ workers }}}), for messages; a token
     * the table lacks reads {@code <unknown>}.
     */
    public static String describe(CharSequence text, Map<Integer, Unknown> table) {
        List<Span> spans = find(text);
        if (spans.isEmpty()) {
            return text.toString();
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Span s : spans) {
            b.append(text, at, s.start());
            Unknown u = table.get(s.id());
            b.append(u == null ? "<unknown>" : u.written());
            at = s.end();
        }
        return b.append(text, at, text.length()).toString();
    }
}
