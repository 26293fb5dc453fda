package io.github.footprint.source.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Invisible line markers: {@code U+E002 <line> U+E003}, private-use characters put into a template's text before it
 * is rendered, at the start of every run of text, after every newline in it and before every {@code {{ }}}. What the
 * engine repeats (a loop body), drops (a false branch) or moves, it does to the markers too; once they are read back
 * out, every rendered line knows the template line its first character came from.
 */
public final class LineMarkers {
    public static final char OPEN = '\uE002';
    public static final char CLOSE = '\uE003';

    private LineMarkers() {
    }

    /** Appends the marker for a template line. */
    public static void mark(StringBuilder b, int line) {
        b.append(OPEN).append(line).append(CLOSE);
    }

    /** The rendered text without markers, cut into lines, and the template line of each. */
    public static final class Stripped {
        private final List<String> lines;
        private final int[] lineMap;
        private final String text;

        Stripped(String text, List<String> lines, int[] lineMap) {
            this.text = text;
            this.lines = lines;
            this.lineMap = lineMap;
        }

        /** The whole rendered text, markers removed. */
        public String text() {
            return text;
        }

        /** The rendered lines (split at {@code \r\n}, {@code \r}, {@code \n}; a last empty line is no line). */
        public List<String> lines() {
            return lines;
        }

        /** The template line of each rendered line. */
        public int[] lineMap() {
            return lineMap;
        }
    }

    /** Removes the markers of a rendered text; a line before any marker gets {@code firstLine}. */
    public static Stripped strip(String marked, int firstLine) {
        int n = marked.length();
        StringBuilder plain = new StringBuilder(n);
        int[] lineOfChar = new int[n + 1];
        int current = firstLine;
        for (int i = 0; i < n; i++) {
            char c = marked.charAt(i);
            if (c == OPEN) {
                int j = i + 1;
                int v = 0;
                while (j < n && marked.charAt(j) >= '0' && marked.charAt(j) <= '9' && j - i < 11) {
                    v = v * 10 + (marked.charAt(j) - '0');
                    j++;
                }
                if (j < n && j > i + 1 && marked.charAt(j) == CLOSE) {
                    current = v;
                    i = j;
                    continue;
                }
            }
            lineOfChar[plain.length()] = current;
            plain.append(c);
        }
        String text = plain.toString();
        List<String> lines = new ArrayList<>();
        int[] map = new int[16];
        int start = 0;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (lines.size() == map.length) {
                    map = Arrays.copyOf(map, map.length * 2);
                }
                map[lines.size()] = lineOfChar[start];
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < len) {
            if (lines.size() == map.length) {
                map = Arrays.copyOf(map, map.length + 1);
            }
            map[lines.size()] = lineOfChar[start];
            lines.add(text.substring(start));
        }
        return new Stripped(text, lines, Arrays.copyOf(map, lines.size()));
    }
}
