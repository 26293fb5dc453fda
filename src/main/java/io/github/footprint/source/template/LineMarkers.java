package io.github.footprint.source.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Invisible line markers: {@code OPEN <line> CLOSE}, put into a template's text before it is rendered, at the start of
 * every run of text, after every newline in it and before every {@code {{ }}}. What the engine repeats (a loop body),
 * drops (a false branch) or moves, it does to the markers too; once they are read back out, every rendered line knows
 * the template line its first character came from.
 *
 * <p>The markers are the control characters U+0001 and U+0002, which keep the text in Latin-1 (the engine's string
 * work stays on its fast path); a template that holds either gets the private-use characters U+E002 and U+E003
 * instead ({@link #forTemplate}).
 */
public final class LineMarkers {
    private static final LineMarkers CONTROL = new LineMarkers('\u0001', '\u0002');
    private static final LineMarkers PRIVATE_USE = new LineMarkers('\uE002', '\uE003');

    private final char open;
    private final char close;

    private LineMarkers(char open, char close) {
        this.open = open;
        this.close = close;
    }

    /** Markers that cannot be confused with the template's own characters. */
    public static LineMarkers forTemplate(String template) {
        return template.indexOf(CONTROL.open) < 0 && template.indexOf(CONTROL.close) < 0 ? CONTROL : PRIVATE_USE;
    }

    /** Appends the marker for a template line. */
    public void mark(StringBuilder b, int line) {
        b.append(open).append(line).append(close);
    }

    /**
     * Appends a run of template text starting on template line {@code line}, marked as every renderer marks text: a
     * marker first, then one after every newline in it.
     */
    public void markText(StringBuilder b, String text, int line) {
        mark(b, line);
        int l = line;
        int from = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            b.append(text, from, i + 1);
            mark(b, ++l);
            from = i + 1;
        }
        b.append(text, from, text.length());
    }

    /** How many {@code \n} end a marked text, its markers not counted. */
    public int trailingNewlines(String marked) {
        int count = 0;
        int i = marked.length() - 1;
        while (i >= 0) {
            char c = marked.charAt(i);
            if (c == '\n') {
                count++;
                i--;
            } else if (c == close) {
                int j = i - 1;
                while (j >= 0 && marked.charAt(j) >= '0' && marked.charAt(j) <= '9') {
                    j--;
                }
                if (j < i - 1 && j >= 0 && marked.charAt(j) == open) {
                    i = j - 1;
                } else {
                    return count;
                }
            } else {
                return count;
            }
        }
        return count;
    }

    /** The rendered text without markers, cut into lines, and the template line of each. */
    public static final class Stripped {
        private final int[] starts;
        private final int[] ends;
        private final int[] lineMap;
        private final String text;

        Stripped(String text, int[] starts, int[] ends, int[] lineMap) {
            this.text = text;
            this.starts = starts;
            this.ends = ends;
            this.lineMap = lineMap;
        }

        /** The whole rendered text, markers removed. */
        public String text() {
            return text;
        }

        /** The rendered lines (split at {@code \r\n}, {@code \r}, {@code \n}; a last empty line is no line). */
        public List<String> lines() {
            List<String> out = new ArrayList<>(lineMap.length);
            for (int i = 0; i < lineMap.length; i++) {
                out.add(text.substring(starts[i], ends[i]));
            }
            return out;
        }

        /**
         * For a text without {@code \r}: where each line starts, then one past the end of the last line plus one
         * (the loader's format); null when a {@code \r} ends a line.
         */
        public int[] lineStarts() {
            if (text.indexOf('\r') >= 0) {
                return null;
            }
            int[] s = Arrays.copyOf(starts, lineMap.length + 1);
            s[lineMap.length] = lineMap.length == 0 ? 0 : ends[lineMap.length - 1] + 1;
            return s;
        }

        /** The template line of each rendered line. */
        public int[] lineMap() {
            return lineMap;
        }
    }

    /** Removes the markers of a rendered text; a line before any marker gets {@code firstLine}. */
    public Stripped strip(String marked, int firstLine) {
        int n = marked.length();
        char[] out = new char[n];
        int size = 0;
        int current = firstLine;
        int count = 0;
        int[] starts = new int[32];
        int[] ends = new int[32];
        int[] map = new int[32];
        boolean lineStart = true;
        boolean afterCr = false;
        // one pass: markers read, the rest copied, lines cut where \n, \r or \r\n end them
        for (int i = 0; i < n; i++) {
            char c = marked.charAt(i);
            if (c == open) {
                int j = i + 1;
                int v = 0;
                char d;
                while (j < n && j - i < 11 && (d = marked.charAt(j)) >= '0' && d <= '9') {
                    v = v * 10 + (d - '0');
                    j++;
                }
                if (j > i + 1 && j < n && marked.charAt(j) == close) {
                    current = v;
                    i = j;
                    continue;
                }
            }
            if (c == '\n' && afterCr) {
                // the \n of a \r\n: the line already ended at the \r
                afterCr = false;
                out[size++] = c;
                continue;
            }
            afterCr = false;
            if (lineStart) {
                if (count == map.length) {
                    map = Arrays.copyOf(map, count * 2);
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                map[count] = current;
                starts[count] = size;
                ends[count] = -1;
                count++;
                lineStart = false;
            }
            if (c == '\n' || c == '\r') {
                ends[count - 1] = size;
                lineStart = true;
                afterCr = c == '\r';
            }
            out[size++] = c;
        }
        if (count > 0 && ends[count - 1] < 0) {
            ends[count - 1] = size;
        }
        String text = new String(out, 0, size);
        return new Stripped(text, starts, ends, Arrays.copyOf(map, count));
    }
}
