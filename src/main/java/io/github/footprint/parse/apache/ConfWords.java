package io.github.footprint.parse.apache;

import java.util.ArrayList;
import java.util.List;

/** httpd's tokeniser, {@code ap_getword_conf} and {@code substring_conf} from server/util.c, to the letter. */
public final class ConfWords {
    private final String line;
    private int pos;

    public ConfWords(String line) {
        this.line = line;
        skipSpace();
    }

    /** True when no word is left. */
    public boolean atEnd() {
        return pos >= line.length();
    }

    /** What is left of the line, from the next word on (httpd's RAW_ARGS view). */
    public String rest() {
        return line.substring(pos);
    }

    /** The next word: quoted words run to their quote and unescape {@code \"} and {@code \\}. */
    public String next() {
        if (atEnd()) {
            return "";
        }
        char quote = line.charAt(pos);
        String word;
        if (quote == '"' || quote == '\'') {
            int start = pos + 1;
            int end = start;
            while (end < line.length() && line.charAt(end) != quote) {
                if (line.charAt(end) == '\\' && end + 1 < line.length()
                        && (line.charAt(end + 1) == quote || line.charAt(end + 1) == '\\')) {
                    end += 2;
                } else {
                    end++;
                }
            }
            word = unescape(line, start, end, quote);
            pos = end < line.length() ? end + 1 : end;
        } else {
            int end = pos;
            while (end < line.length() && !isSpace(line.charAt(end))) {
                end++;
            }
            word = unescape(line, pos, end, (char) 0);
            pos = end;
        }
        skipSpace();
        return word;
    }

    /** Every word of a line. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        ConfWords w = new ConfWords(line);
        while (!w.atEnd()) {
            out.add(w.next());
        }
        return out;
    }

    private static String unescape(String s, int start, int end, char quote) {
        int bs = s.indexOf('\\', start);
        if (bs < 0 || bs >= end) {
            return s.substring(start, end);
        }
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\\' || (quote != 0 && s.charAt(i + 1) == quote))) {
                b.append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private void skipSpace() {
        while (pos < line.length() && isSpace(line.charAt(pos))) {
            pos++;
        }
    }

    /** C's {@code isspace} in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }
}
