package io.github.footprint.parse.apache;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.CType;

/** httpd's tokeniser, {@code ap_getword_conf} and {@code substring_conf} from server/util.c, to the letter. */
public final class ConfWords {
    private String line;
    /** The end of the line within {@link #line} (a line may be a stretch of a whole file's text). */
    private int end;
    private int pos;

    public ConfWords(String line) {
        this(line, 0, line.length());
    }

    /** The words of {@code line.substring(from, to)}, read without copying it. */
    ConfWords(String line, int from, int to) {
        reset(line, from, to);
    }

    /** Reads {@code line.substring(from, to)} from its start: one reader serves line after line. */
    ConfWords reset(String line, int from, int to) {
        this.line = line;
        this.end = to;
        this.pos = from;
        skipSpace();
        return this;
    }

    /** True when no word is left. */
    public boolean atEnd() {
        return pos >= end;
    }

    /** What is left of the line, from the next word on (httpd's RAW_ARGS view). */
    public String rest() {
        return line.substring(pos, end);
    }

    /** Where the next word starts (the start of {@link #rest()}). */
    int position() {
        return pos;
    }

    /** The next word: quoted words run to their quote and unescape {@code \"} and {@code \\}. */
    public String next() {
        return next(null);
    }

    /** {@link #next()}, taking a plain word's text from {@code names} so that a name read again is not copied again. */
    String next(Names names) {
        if (atEnd()) {
            return "";
        }
        char quote = line.charAt(pos);
        String word;
        if (quote == '"' || quote == '\'') {
            int start = pos + 1;
            int stop = start;
            while (stop < end && line.charAt(stop) != quote) {
                if (line.charAt(stop) == '\\' && stop + 1 < end
                        && (line.charAt(stop + 1) == quote || line.charAt(stop + 1) == '\\')) {
                    stop += 2;
                } else {
                    stop++;
                }
            }
            word = unescape(line, start, stop, end, quote);
            pos = stop < end ? stop + 1 : stop;
        } else {
            int stop = pos;
            boolean escapes = false;
            while (stop < end && !CType.isSpace(line.charAt(stop))) {
                escapes |= line.charAt(stop) == '\\';
                stop++;
            }
            word = names != null && !escapes ? names.get(line, pos, stop) : unescape(line, pos, stop, end, (char) 0);
            pos = stop;
        }
        skipSpace();
        return word;
    }

    /** Every word of a line. */
    public static List<String> split(String line) {
        return split(line, 0, line.length());
    }

    /** Every word of {@code line.substring(from, to)}. */
    static List<String> split(String line, int from, int to) {
        List<String> out = new ArrayList<>();
        ConfWords w = new ConfWords(line, from, to);
        while (!w.atEnd()) {
            out.add(w.next());
        }
        return out;
    }

    /** The word between {@code start} and {@code stop}, unescaped; {@code end} is where the line ends. */
    private static String unescape(String s, int start, int stop, int end, char quote) {
        // the line may be a stretch of a whole file's text: look for a backslash in the word only
        int bs = start;
        while (bs < stop && s.charAt(bs) != '\\') {
            bs++;
        }
        if (bs >= stop) {
            return s.substring(start, stop);
        }
        StringBuilder b = new StringBuilder(stop - start);
        for (int i = start; i < stop; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < end && (s.charAt(i + 1) == '\\' || (quote != 0 && s.charAt(i + 1) == quote))) {
                b.append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private void skipSpace() {
        while (pos < end && CType.isSpace(line.charAt(pos))) {
            pos++;
        }
    }
}
